package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.CLOCK;
import static dev.steward.core.validation.rules.RuleFixturesB.CONTRACT;
import static dev.steward.core.validation.rules.RuleFixturesB.CUSTOMER;
import static dev.steward.core.validation.rules.RuleFixturesB.DE_VAT;
import static dev.steward.core.validation.rules.RuleFixturesB.DE_VAT_BAD_CHECK_DIGIT;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_DE_LENIENT;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_UNKNOWN;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_US;
import static dev.steward.core.validation.rules.RuleFixturesB.SVC_CONSULTING;
import static dev.steward.core.validation.rules.RuleFixturesB.contract;
import static dev.steward.core.validation.rules.RuleFixturesB.customer;
import static dev.steward.core.validation.rules.RuleFixturesB.eur;
import static dev.steward.core.validation.rules.RuleFixturesB.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesB.id;
import static dev.steward.core.validation.rules.RuleFixturesB.records;
import static dev.steward.core.validation.rules.RuleFixturesB.taxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.reference.InMemoryReferenceData;
import dev.steward.core.validation.Category;
import dev.steward.core.validation.RecordLookup;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationPipeline;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.core.validation.rules.RuleFixturesB.FakeRegistry;
import dev.steward.core.validation.vat.VatRegistry.Answer;
import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The routing example end to end: a firm with a German (EU) and a US (NA) legal entity validates invoices sent as
 * canonical JSON through a pipeline built with {@link StandardRules#euAndNorthAmerica}. European invoices take the
 * VAT-number and German tax-code stages; US invoices take the Californian tax-code stage and never reach the VAT
 * registry.
 */
class EuAndNorthAmericaRoutingTest {

  private static final CanonicalId US_CUSTOMER = id("cus", "C002");

  private static final String REFERENCE_DATA = """
      currencies: [EUR, USD]
      legalEntities:
        - id: %1$s
          code: ACME-DE
          country: DE
          region: EU
          functionalCurrency: EUR
          vatCheckUnavailable: HOLD
        - id: %2$s
          code: ACME-DE-LENIENT
          country: DE
          region: EU
          functionalCurrency: EUR
          vatCheckUnavailable: PASS_WITH_WARNING
        - id: %3$s
          code: ACME-US
          country: US
          region: NA
          functionalCurrency: USD
      taxCodes:
        - {jurisdiction: DE, code: DE-VAT-19, ratePercent: 19, validFrom: 2021-01-01}
        - {jurisdiction: DE, code: DE-VAT-7, ratePercent: 7, validFrom: 2007-01-01}
        - {jurisdiction: US-CA, code: US-CA-SALES, ratePercent: 7.25, validFrom: 2017-01-01}
        - {jurisdiction: US-NY, code: US-NY-SALES, ratePercent: 4, validFrom: 2017-01-01}
      serviceItems:
        - {id: %4$s, code: PS-CONSULT-SR, serviceLine: consulting}
      """.formatted(LE_DE, LE_DE_LENIENT, LE_US, SVC_CONSULTING);

  /** A German invoice: 32 h at 165.00 and 18 h at 210.00 EUR, 19% VAT. Arguments: legal entity, tax code. */
  private static final String EU_INVOICE = """
      {
        "meta": {"id": "%1$s", "version": 1, "lastWriter": "billing", "updatedAt": "2026-11-02T09:00:00Z",
                 "schemaVersion": 1},
        "invoiceNumber": "ACME-DE-2026-004817",
        "customerId": "%2$s",
        "legalEntityId": "%3$s",
        "contractId": "%4$s",
        "status": "FINALIZED",
        "currency": "EUR",
        "issueDate": "2026-11-02",
        "billTo": {"lines": ["Am Sandtorkai 50"], "city": "Hamburg", "postalCode": "20457", "country": "DE"},
        "lines": [
          {"lineNumber": 1, "serviceItemId": "%5$s", "description": "Senior Consultant, integration design",
           "quantity": 32, "unit": "hour", "unitPrice": {"amount": "165.00", "currency": "EUR"},
           "netAmount": {"amount": "5280.00", "currency": "EUR"}, "taxCode": "%6$s", "taxRatePercent": 19,
           "taxAmount": {"amount": "1003.20", "currency": "EUR"}},
          {"lineNumber": 2, "serviceItemId": "%5$s", "description": "Solution Architect, architecture review",
           "quantity": 18, "unit": "hour", "unitPrice": {"amount": "210.00", "currency": "EUR"},
           "netAmount": {"amount": "3780.00", "currency": "EUR"}, "taxCode": "DE-VAT-19", "taxRatePercent": 19,
           "taxAmount": {"amount": "718.20", "currency": "EUR"}}
        ],
        "totals": {"subtotal": {"amount": "9060.00", "currency": "EUR"},
                   "taxTotal": {"amount": "1721.40", "currency": "EUR"},
                   "total": {"amount": "10781.40", "currency": "EUR"}}
      }
      """;

  /** A US invoice billed to California: 10 h at 150.00 USD. Arguments: tax code, rate, tax amount, total. */
  private static final String US_INVOICE = """
      {
        "meta": {"id": "%1$s", "version": 1, "lastWriter": "billing", "updatedAt": "2026-11-02T09:00:00Z",
                 "schemaVersion": 1},
        "invoiceNumber": "ACME-US-2026-000311",
        "customerId": "%2$s",
        "legalEntityId": "%3$s",
        "status": "FINALIZED",
        "currency": "USD",
        "issueDate": "2026-11-02",
        "billTo": {"lines": ["500 Howard Street"], "city": "San Francisco", "region": "CA", "postalCode": "94105",
                   "country": "US"},
        "lines": [
          {"lineNumber": 1, "serviceItemId": "%4$s", "description": "Senior Consultant, data migration",
           "quantity": 10, "unit": "hour", "unitPrice": {"amount": "150.00", "currency": "USD"},
           "netAmount": {"amount": "1500.00", "currency": "USD"}, "taxCode": "%5$s", "taxRatePercent": %6$s,
           "taxAmount": {"amount": "%7$s", "currency": "USD"}}
        ],
        "totals": {"subtotal": {"amount": "1500.00", "currency": "USD"},
                   "taxTotal": {"amount": "%7$s", "currency": "USD"},
                   "total": {"amount": "%8$s", "currency": "USD"}}
      }
      """;

  private final InMemoryReferenceData referenceData = InMemoryReferenceData.load("acme.yaml", REFERENCE_DATA);

  private static String euInvoice(CanonicalId legalEntity, String taxCode) {
    return EU_INVOICE.formatted(id("inv", "E001"), CUSTOMER, legalEntity, CONTRACT, SVC_CONSULTING, taxCode);
  }

  private static String usInvoice(String taxCode, String rate, String tax, String total) {
    return US_INVOICE.formatted(id("inv", "A001"), US_CUSTOMER, LE_US, SVC_CONSULTING, taxCode, rate, tax, total);
  }

  private static String californianInvoice() {
    return usInvoice("US-CA-SALES", "7.25", "108.75", "1608.75");
  }

  /** The golden records: the contract of the EU invoices, the German customer, and a US customer. */
  private static RecordLookup goldenRecords(Customer germanCustomer) {
    Customer american = new Customer(RuleFixturesB.meta(US_CUSTOMER), "Golden Gate Analytics Inc.", "Golden Gate",
        null, null, dev.steward.model.CustomerStatus.ACTIVE, LE_US,
        // a malformed German VAT number: the US invoice must not take the VAT stage, so it goes unnoticed there
        List.of(taxId("US", "94-1234567"), taxId("DE", DE_VAT_BAD_CHECK_DIGIT)), null, null, Map.of());
    return records(contract("EUR", eur("30000.00"), List.of(fixedFee("L-001", eur("30000.00")))), germanCustomer,
        american);
  }

  private static RecordLookup goldenRecords() {
    return goldenRecords(customer(LE_DE, taxId("DE", DE_VAT)));
  }

  private ValidationPipeline pipeline(FakeRegistry registry, RecordLookup records) {
    ValidationPipeline.Builder builder = ValidationPipeline.builder()
        .referenceData(referenceData).records(records).clock(CLOCK).schema().beanValidation();
    return StandardRules.euAndNorthAmerica(builder, registry).build();
  }

  private static List<String> stages(ValidationReport report) {
    return report.violations().stream().map(Violation::stage).toList();
  }

  @Test
  void pipeline_hasTheStandardStages_cheapOnesFirstAndTheOnlineVatCheckLast() {
    assertThat(pipeline(new FakeRegistry(), goldenRecords()).stageNames()).containsExactly(
        ValidationPipeline.SCHEMA_STAGE, ValidationPipeline.BEAN_VALIDATION_STAGE,
        StandardRules.INVOICE_LINE_AMOUNTS, StandardRules.INVOICE_TOTALS, StandardRules.INVOICE_CURRENCY,
        StandardRules.INVOICE_MILESTONES, StandardRules.INVOICE_OVERAGE, StandardRules.INVOICE_LEGAL_ENTITY,
        StandardRules.EU_INVOICE_TAX_CODES, StandardRules.NA_INVOICE_TAX_CODES, StandardRules.EU_INVOICE_CUSTOMER_VAT,
        StandardRules.EU_CUSTOMER_VAT_NUMBERS);
  }

  @Test
  void euInvoice_passesVatAndGermanTaxCodeChecks() {
    FakeRegistry registry = new FakeRegistry();

    ValidationReport report = pipeline(registry, goldenRecords()).validate(EntityType.INVOICE,
        euInvoice(LE_DE, "DE-VAT-19"));

    assertThat(report.violations()).as("%s", report).isEmpty();
    assertThat(report.valid()).isTrue();
    assertThat(registry.asked()).as("the customer's VAT number was confirmed online").containsExactly("DE136695976");
    assertThat(report.toProblemDetails().get("status").asInt()).isEqualTo(200);
  }

  @Test
  void euInvoice_isCheckedAgainstGermanTaxCodes() {
    ValidationReport report = pipeline(new FakeRegistry(), goldenRecords()).validate(EntityType.INVOICE,
        euInvoice(LE_DE, "US-CA-SALES"));

    assertThat(report.violations()).extracting(Violation::code, Violation::path, Violation::stage).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ReasonCodes.INVALID_TAX_CODE, "/lines/0/taxCode",
            StandardRules.EU_INVOICE_TAX_CODES));
    assertThat(report.violations().get(0).message()).contains("not a tax code of jurisdiction DE");
  }

  @Test
  void euInvoice_withABadVatNumber_isInvalidVatNumber() {
    FakeRegistry registry = new FakeRegistry();

    ValidationReport report = pipeline(registry, goldenRecords(customer(LE_DE, taxId("DE", DE_VAT_BAD_CHECK_DIGIT))))
        .validate(EntityType.INVOICE, euInvoice(LE_DE, "DE-VAT-19"));

    assertThat(report.violations()).hasSize(1);
    Violation v = report.violations().get(0);
    assertThat(v.code()).isEqualTo(ReasonCodes.INVALID_VAT_NUMBER);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.path()).isEqualTo("/customerId");
    assertThat(v.stage()).isEqualTo(StandardRules.EU_INVOICE_CUSTOMER_VAT);
    assertThat(v.message()).contains("the check digit of DE VAT number DE136695978 does not match");
    assertThat(registry.calls()).as("a malformed number is not sent to VIES").isZero();
    assertThat(report.unchecked()).isFalse();
    assertThat(report.toProblemDetails().get("status").asInt()).isEqualTo(422);
  }

  @Test
  void usInvoice_isCheckedAgainstCalifornianTaxCodes_andNeverTakesTheVatStage() {
    FakeRegistry registry = new FakeRegistry();
    ValidationPipeline pipeline = pipeline(registry, goldenRecords());

    ValidationReport ok = pipeline.validate(EntityType.INVOICE, californianInvoice());
    ValidationReport newYorkCode = pipeline.validate(EntityType.INVOICE, usInvoice("US-NY-SALES", "4", "60.00",
        "1560.00"));
    ValidationReport germanCode = pipeline.validate(EntityType.INVOICE, usInvoice("DE-VAT-19", "19", "285.00",
        "1785.00"));

    assertThat(ok.violations()).as("%s", ok).isEmpty();
    assertThat(stages(newYorkCode)).containsExactly(StandardRules.NA_INVOICE_TAX_CODES);
    assertThat(newYorkCode.violations().get(0).message()).contains("not a tax code of jurisdiction US-CA");
    assertThat(germanCode.violations()).extracting(Violation::code, Violation::stage).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ReasonCodes.INVALID_TAX_CODE, StandardRules.NA_INVOICE_TAX_CODES));
    for (ValidationReport report : List.of(ok, newYorkCode, germanCode)) {
      assertThat(stages(report)).doesNotContain(StandardRules.EU_INVOICE_CUSTOMER_VAT,
          StandardRules.EU_INVOICE_TAX_CODES);
      assertThat(report.withCode(ReasonCodes.INVALID_VAT_NUMBER)).isEmpty();
    }
    assertThat(registry.calls()).as("the US invoices never reached the VAT registry").isZero();
  }

  @Test
  void viesDown_isVatCheckUnavailable_andTheInvoiceIsHeldUnchecked() {
    FakeRegistry registry = new FakeRegistry().otherwise(Answer.unavailable("VIES: MS_UNAVAILABLE for DE"));

    ValidationReport report = pipeline(registry, goldenRecords()).validate(EntityType.INVOICE,
        euInvoice(LE_DE, "DE-VAT-19"));

    assertThat(report.violations()).hasSize(1);
    Violation v = report.violations().get(0);
    assertThat(v.code()).isEqualTo(ReasonCodes.VAT_CHECK_UNAVAILABLE);
    assertThat(v.category()).isEqualTo(Category.DEPENDENCY_UNAVAILABLE);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.stage()).isEqualTo(StandardRules.EU_INVOICE_CUSTOMER_VAT);
    assertThat(v.message()).contains("MS_UNAVAILABLE", "legal entity ACME-DE holds the record");
    assertThat(report.withCode(ReasonCodes.INVALID_VAT_NUMBER)).isEmpty();
    assertThat(report.unchecked()).isTrue();
    ObjectNode problem = report.toProblemDetails();
    assertThat(problem.get("status").asInt()).isEqualTo(503);
    assertThat(problem.get("type").asString()).isEqualTo(ValidationReport.UNCHECKED.toString());
  }

  @Test
  void viesThrowing_isTreatedAsDown() {
    FakeRegistry registry = new FakeRegistry().failing(new java.io.UncheckedIOException(
        new java.net.SocketTimeoutException("Read timed out")));

    ValidationReport report = pipeline(registry, goldenRecords()).validate(EntityType.INVOICE,
        euInvoice(LE_DE, "DE-VAT-19"));

    assertThat(report.violations()).extracting(Violation::code).containsExactly(ReasonCodes.VAT_CHECK_UNAVAILABLE);
    assertThat(report.unchecked()).isTrue();
    assertThat(report.toProblemDetails().get("status").asInt()).isEqualTo(503);
  }

  @Test
  void viesDown_forALegalEntityThatPassesWithWarning_letsTheInvoicePass() {
    FakeRegistry registry = new FakeRegistry().otherwise(Answer.unavailable("VIES timed out"));

    ValidationReport report = pipeline(registry, goldenRecords()).validate(EntityType.INVOICE,
        euInvoice(LE_DE_LENIENT, "DE-VAT-19"));

    assertThat(report.violations()).extracting(Violation::code, Violation::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.WARNING));
    assertThat(report.valid()).isTrue();
    assertThat(report.toProblemDetails().get("status").asInt()).isEqualTo(200);
  }

  @Test
  void invoiceOfAnUnknownLegalEntity_takesNoRegionalStage_butIsReported() {
    FakeRegistry registry = new FakeRegistry();

    ValidationReport report = pipeline(registry, goldenRecords()).validate(EntityType.INVOICE,
        euInvoice(LE_UNKNOWN, "DE-VAT-19"));

    assertThat(report.violations()).extracting(Violation::code, Violation::path, Violation::stage).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ReasonCodes.UNKNOWN_LEGAL_ENTITY, "/legalEntityId",
            StandardRules.INVOICE_LEGAL_ENTITY));
    assertThat(registry.calls()).isZero();
  }

  @Test
  void euCustomer_takesTheCustomerVatStage() {
    FakeRegistry registry = new FakeRegistry();
    String customerJson = """
        {
          "meta": {"id": "%1$s", "version": 1, "lastWriter": "erp", "updatedAt": "2026-11-02T09:00:00Z",
                   "schemaVersion": 1},
          "legalName": "Nordlicht Logistik GmbH",
          "displayName": "Nordlicht",
          "status": "ACTIVE",
          "contractingEntityId": "%2$s",
          "taxIds": [{"country": "DE", "number": "%3$s"}]
        }
        """;

    ValidationReport bad = pipeline(registry, goldenRecords()).validate(EntityType.CUSTOMER,
        customerJson.formatted(CUSTOMER, LE_DE, DE_VAT_BAD_CHECK_DIGIT));
    ValidationReport good = pipeline(registry, goldenRecords()).validate(EntityType.CUSTOMER,
        customerJson.formatted(CUSTOMER, LE_DE, "DE136695976"));

    assertThat(bad.violations()).extracting(Violation::code, Violation::path, Violation::stage).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ReasonCodes.INVALID_VAT_NUMBER, "/taxIds/0/number",
            StandardRules.EU_CUSTOMER_VAT_NUMBERS));
    assertThat(good.violations()).as("%s", good).isEmpty();
    assertThat(registry.asked()).containsExactly("DE136695976");
  }
}
