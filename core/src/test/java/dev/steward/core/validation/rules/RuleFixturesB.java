package dev.steward.core.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.reference.InMemoryReferenceData;
import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.reference.ReferenceData;
import dev.steward.core.reference.ServiceCatalogueItem;
import dev.steward.core.reference.TaxCode;
import dev.steward.core.reference.VatCheckPolicy;
import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCode;
import dev.steward.core.validation.RecordLookup;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationPipeline;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.core.validation.vat.VatRegistry;
import dev.steward.model.Address;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractAmendment;
import dev.steward.model.ContractMilestone;
import dev.steward.model.ContractStatus;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityMeta;
import dev.steward.model.FixedFeeTerm;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.InvoiceTotals;
import dev.steward.model.MilestonesTerm;
import dev.steward.model.Money;
import dev.steward.model.Period;
import dev.steward.model.TaxId;
import dev.steward.model.UsageTerm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Test support for the invoice and VAT rules: a firm's reference data with a German (EU) and a US (NA) legal entity,
 * builders of invoices, contracts and customers, a golden-record lookup, a fake VAT registry, and a pipeline that
 * runs one rule on one record.
 */
final class RuleFixturesB {
  private RuleFixturesB() {}

  static final LocalDate ISSUED = LocalDate.parse("2026-11-02");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
  static final String STAGE = "rule-under-test";

  static final CanonicalId LE_DE = id("le", "DE01");
  static final CanonicalId LE_DE_LENIENT = id("le", "DE02");
  static final CanonicalId LE_US = id("le", "NA01");
  static final CanonicalId LE_UNKNOWN = id("le", "XX99");
  static final CanonicalId CUSTOMER = id("cus", "C001");
  static final CanonicalId CONTRACT = id("ctr", "K001");
  static final CanonicalId INVOICE = id("inv", "1001");
  static final CanonicalId SVC_CONSULTING = id("svc", "S001");
  static final CanonicalId SVC_SUPPORT_TICKETS = id("svc", "S002");

  /** Valid numbers from vat/eu_vat_numbers.csv (python-stdnum rows). */
  static final String DE_VAT = "DE 136 695 976";
  static final String DE_VAT_BAD_CHECK_DIGIT = "DE136695978";

  /** A canonical id of {@code prefix} ending in {@code tail} (Crockford base-32 characters). */
  static CanonicalId id(String prefix, String tail) {
    String ulid = "01J0ACME" + "0".repeat(26 - 8 - tail.length()) + tail;
    return CanonicalId.parse(prefix + "_" + ulid);
  }

  static EntityMeta meta(CanonicalId id) {
    return new EntityMeta(id, List.of(), 1L, "billing", Instant.parse("2026-11-01T00:00:00Z"), 1);
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  static Money money(String amount, String currency) {
    return Money.of(amount, currency);
  }

  // Reference data.

  static LegalEntityRef legalEntity(CanonicalId id, String code, String country, String region, String currency,
      VatCheckPolicy policy) {
    return new LegalEntityRef(id, code, country, region, Currency.getInstance(currency), java.util.Set.of(), policy);
  }

  /**
   * ACME-DE (EU, EUR, holds on VAT outage), ACME-DE-LENIENT (EU, EUR, passes with a warning), ACME-US (NA, USD);
   * German VAT codes (19% since 2021, 16% in the second half of 2020, 7% reduced) and Californian and New York sales
   * tax; a consulting item and a usage-based support item.
   */
  static InMemoryReferenceData referenceData() {
    InMemoryReferenceData.Builder b = InMemoryReferenceData.builder();
    for (String c : List.of("EUR", "USD", "JPY", "BHD")) {
      b.currency(Currency.getInstance(c));
    }
    b.legalEntity(legalEntity(LE_DE, "ACME-DE", "DE", "EU", "EUR", VatCheckPolicy.HOLD));
    b.legalEntity(legalEntity(LE_DE_LENIENT, "ACME-DE-LENIENT", "DE", "EU", "EUR", VatCheckPolicy.PASS_WITH_WARNING));
    b.legalEntity(new LegalEntityRef(LE_US, "ACME-US", "US", "NA", Currency.getInstance("USD"),
        java.util.Set.of(Currency.getInstance("JPY"), Currency.getInstance("BHD")), VatCheckPolicy.HOLD));
    b.taxCode(new TaxCode("DE", "DE-VAT-19", new BigDecimal("19"), LocalDate.parse("2021-01-01"), null));
    b.taxCode(new TaxCode("DE", "DE-VAT-19", new BigDecimal("16"), LocalDate.parse("2020-07-01"),
        LocalDate.parse("2021-01-01")));
    b.taxCode(new TaxCode("DE", "DE-VAT-16", new BigDecimal("16"), LocalDate.parse("2020-07-01"),
        LocalDate.parse("2021-01-01")));
    b.taxCode(new TaxCode("DE", "DE-VAT-7", new BigDecimal("7"), LocalDate.parse("2007-01-01"), null));
    b.taxCode(new TaxCode("DE", "DE-RC", BigDecimal.ZERO, LocalDate.parse("2007-01-01"), null));
    b.taxCode(new TaxCode("DE", "DE-VAT-21", new BigDecimal("21"), LocalDate.parse("2027-01-01"), null));
    b.taxCode(new TaxCode("US-CA", "US-CA-SALES", new BigDecimal("7.25"), LocalDate.parse("2017-01-01"), null));
    b.taxCode(new TaxCode("US-CA", "US-EXEMPT", BigDecimal.ZERO, LocalDate.parse("2017-01-01"), null));
    b.taxCode(new TaxCode("US-NY", "US-NY-SALES", new BigDecimal("4"), LocalDate.parse("2017-01-01"), null));
    b.serviceItem(new ServiceCatalogueItem(SVC_CONSULTING, "PS-CONSULT-SR", "consulting", false));
    b.serviceItem(new ServiceCatalogueItem(SVC_SUPPORT_TICKETS, "MS-SUPPORT-TICKET", "managed-services", true));
    return b.build();
  }

  // Invoices.

  static InvoiceLine line(int number, String quantity, Money unitPrice, Money net, String taxCode, String rate,
      Money tax) {
    return new InvoiceLine(number, SVC_CONSULTING, null, null, "Line " + number, new BigDecimal(quantity), "hour",
        unitPrice, net, taxCode, new BigDecimal(rate), tax, null, List.of());
  }

  /** A German consulting line: {@code quantity} hours at {@code price} EUR, 19% VAT, amounts computed half up. */
  static InvoiceLine deLine(int number, String quantity, String price) {
    BigDecimal net = new BigDecimal(price).multiply(new BigDecimal(quantity)).setScale(2, java.math.RoundingMode.HALF_UP);
    BigDecimal tax = net.multiply(new BigDecimal("0.19")).setScale(2, java.math.RoundingMode.HALF_UP);
    return line(number, quantity, eur(price), Money.of(net, "EUR"), "DE-VAT-19", "19", Money.of(tax, "EUR"));
  }

  static InvoiceLine withContractLine(InvoiceLine l, String contractLineId) {
    return new InvoiceLine(l.lineNumber(), l.serviceItemId(), contractLineId, l.projectId(), l.description(),
        l.quantity(), l.unit(), l.unitPrice(), l.netAmount(), l.taxCode(), l.taxRatePercent(), l.taxAmount(),
        l.servicePeriod(), l.dimensions());
  }

  static InvoiceLine withServiceItem(InvoiceLine l, CanonicalId serviceItemId) {
    return new InvoiceLine(l.lineNumber(), serviceItemId, l.contractLineId(), l.projectId(), l.description(),
        l.quantity(), l.unit(), l.unitPrice(), l.netAmount(), l.taxCode(), l.taxRatePercent(), l.taxAmount(),
        l.servicePeriod(), l.dimensions());
  }

  static InvoiceLine withTax(InvoiceLine l, String taxCode, String rate) {
    return new InvoiceLine(l.lineNumber(), l.serviceItemId(), l.contractLineId(), l.projectId(), l.description(),
        l.quantity(), l.unit(), l.unitPrice(), l.netAmount(), taxCode, new BigDecimal(rate), l.taxAmount(),
        l.servicePeriod(), l.dimensions());
  }

  static Address address(String country, String region, String city) {
    return new Address(List.of("1 Main Street"), city, region, null, country);
  }

  /** A mutable draft of an invoice; totals are summed from the lines unless set. */
  static final class InvoiceDraft {
    CanonicalId legalEntityId = LE_DE;
    CanonicalId customerId = CUSTOMER;
    CanonicalId contractId = null;
    Currency currency = Currency.getInstance("EUR");
    LocalDate issueDate = ISSUED;
    Address billTo = address("DE", null, "Hamburg");
    List<InvoiceLine> lines = new ArrayList<>();
    InvoiceTotals totals = null;
    Money amountDue = null;

    InvoiceDraft legalEntity(CanonicalId id) {
      this.legalEntityId = id;
      return this;
    }

    InvoiceDraft contract(CanonicalId id) {
      this.contractId = id;
      return this;
    }

    InvoiceDraft currency(String code) {
      this.currency = Currency.getInstance(code);
      return this;
    }

    InvoiceDraft issued(String date) {
      this.issueDate = LocalDate.parse(date);
      return this;
    }

    InvoiceDraft billTo(Address address) {
      this.billTo = address;
      return this;
    }

    InvoiceDraft lines(InvoiceLine... lines) {
      this.lines = new ArrayList<>(Arrays.asList(lines));
      return this;
    }

    InvoiceDraft totals(Money subtotal, Money taxTotal, Money total) {
      this.totals = new InvoiceTotals(subtotal, taxTotal, total);
      return this;
    }

    InvoiceDraft amountDue(Money amountDue) {
      this.amountDue = amountDue;
      return this;
    }

    Invoice build() {
      InvoiceTotals t = totals != null ? totals : summed();
      return new Invoice(meta(INVOICE), "ACME-2026-0001", customerId, legalEntityId, contractId, null,
          InvoiceStatus.FINALIZED, currency, issueDate, null, null, null, billTo, lines, t, amountDue, Map.of());
    }

    private InvoiceTotals summed() {
      Function<Function<InvoiceLine, Money>, Money> sum = f -> lines.stream().map(f)
          .filter(m -> m.currency().equals(currency))
          .reduce(Money.zero(currency), Money::plus);
      Money net = sum.apply(InvoiceLine::netAmount);
      Money tax = sum.apply(InvoiceLine::taxAmount);
      return new InvoiceTotals(net, tax, net.plus(tax));
    }
  }

  static InvoiceDraft invoice() {
    return new InvoiceDraft();
  }

  // Contracts.

  static Contract contract(String currency, Money totalValue, List<CommercialTerm> terms,
      ContractAmendment... amendments) {
    return new Contract(meta(CONTRACT), "SOW-2026-0142", "Data platform build", CUSTOMER, LE_DE, null, null,
        ContractStatus.ACTIVE, new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31")), null,
        Currency.getInstance(currency), totalValue, null, 30, false, null, terms, List.of(amendments), Map.of());
  }

  static FixedFeeTerm fixedFee(String lineId, Money fee) {
    return new FixedFeeTerm(lineId, "Discovery", fee, null);
  }

  static MilestonesTerm milestones(String lineId, Money... amounts) {
    List<ContractMilestone> list = new ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      list.add(new ContractMilestone("M" + (i + 1), "Milestone " + (i + 1), amounts[i],
          LocalDate.parse("2026-06-30").plusMonths(i), null));
    }
    return new MilestonesTerm(lineId, "Migration", list);
  }

  static UsageTerm usage(String lineId, Money overagePrice) {
    return new UsageTerm(lineId, "Second-line support", "support-tickets", "ticket", new BigDecimal("20"),
        overagePrice);
  }

  // Customers.

  static Customer customer(CanonicalId contractingEntity, TaxId... taxIds) {
    return new Customer(meta(CUSTOMER), "Nordlicht Logistik GmbH", "Nordlicht", null, "enterprise",
        CustomerStatus.ACTIVE, contractingEntity, List.of(taxIds), null, null, Map.of());
  }

  static TaxId taxId(String country, String number) {
    return new TaxId(country, number);
  }

  // Golden records.

  /** Golden records held in a map, with an optional milestones-invoiced-to-date figure. */
  static final class Records implements RecordLookup {
    private final Map<CanonicalId, CanonicalEntity> byId = new HashMap<>();
    private Money milestonesInvoiced;

    Records with(CanonicalEntity... entities) {
      for (CanonicalEntity e : entities) {
        byId.put(e.id(), e);
      }
      return this;
    }

    Records milestonesInvoiced(Money amount) {
      this.milestonesInvoiced = amount;
      return this;
    }

    @Override
    public Optional<CanonicalEntity> find(CanonicalId id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Money> milestonesInvoicedToDate(CanonicalId contractId) {
      return contractId.equals(CONTRACT) ? Optional.ofNullable(milestonesInvoiced) : Optional.empty();
    }
  }

  static Records records(CanonicalEntity... entities) {
    return new Records().with(entities);
  }

  // VAT registry.

  /** A registry answering from a table (default: registered), or throwing; counts and records what it is asked. */
  static final class FakeRegistry implements VatRegistry {
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile Answer otherwise = Answer.registered();
    private volatile RuntimeException failure;

    FakeRegistry answer(String compact, Answer answer) {
      answers.put(compact, answer);
      return this;
    }

    FakeRegistry otherwise(Answer answer) {
      this.otherwise = answer;
      return this;
    }

    FakeRegistry failing(RuntimeException e) {
      this.failure = e;
      return this;
    }

    @Override
    public Answer check(String compactVatNumber) {
      asked.add(compactVatNumber);
      if (failure != null) {
        throw failure;
      }
      return answers.getOrDefault(compactVatNumber, otherwise);
    }

    List<String> asked() {
      return asked;
    }

    int calls() {
      return asked.size();
    }
  }

  // Pipelines.

  static ValidationReport validate(BusinessRule<?> rule, CanonicalEntity record) {
    return validate(rule, record, RecordLookup.NONE);
  }

  static ValidationReport validate(BusinessRule<?> rule, CanonicalEntity record, RecordLookup records) {
    return pipeline(rule, referenceData(), records).validate(record);
  }

  static ValidationPipeline pipeline(BusinessRule<?> rule, ReferenceData referenceData, RecordLookup records) {
    return ValidationPipeline.builder().referenceData(referenceData).records(records).clock(CLOCK)
        .rule(STAGE, rule).build();
  }

  /** Asserts the report holds exactly one violation, of that code, severity and path, and returns it. */
  static Violation onlyViolation(ValidationReport report, ReasonCode code, Severity severity, String path) {
    assertThat(report.violations()).as("%s", report).hasSize(1);
    Violation v = report.violations().get(0);
    assertThat(v.code()).as("%s", report).isEqualTo(code);
    assertThat(v.severity()).as("%s", report).isEqualTo(severity);
    assertThat(v.path()).as("%s", report).isEqualTo(path);
    assertThat(v.category()).isEqualTo(code.category());
    assertThat(v.message()).as("the message names the path").contains(path);
    return v;
  }

  static void assertClean(ValidationReport report) {
    assertThat(report.violations()).as("%s", report).isEmpty();
  }

  // The VAT test data.

  /** One row of vat/eu_vat_numbers.csv. */
  record VatRow(String country, String number, boolean valid) {
    @Override
    public String toString() {
      return country + " \"" + number + "\" " + (valid ? "valid" : "invalid");
    }
  }

  /**
   * Rows of {@code vat/eu_vat_numbers.csv} from python-stdnum without quoting, for the given VAT prefixes: the first
   * {@code perCountry} valid and the first {@code perCountry} invalid rows of each.
   */
  static List<VatRow> vatRows(List<String> prefixes, int perCountry) {
    List<VatRow> picked = new ArrayList<>();
    Map<String, Integer> taken = new HashMap<>();
    for (String line : readCsv().split("\n")) {
      String[] cells = line.split(",", -1);
      if (line.contains("\"") || cells.length != 5 || !cells[3].startsWith("python-stdnum")
          || !prefixes.contains(cells[0])) {
        continue;
      }
      boolean valid = Boolean.parseBoolean(cells[2]);
      String key = cells[0] + valid;
      if (taken.merge(key, 1, Integer::sum) <= perCountry) {
        picked.add(new VatRow(cells[0], cells[1], valid));
      }
    }
    return picked;
  }

  private static String readCsv() {
    try (InputStream in = RuleFixturesB.class.getResourceAsStream("/vat/eu_vat_numbers.csv")) {
      assertThat(in).as("vat/eu_vat_numbers.csv on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ISO country of a VAT prefix as a customer record carries it: EL is GR. */
  static String isoCountry(String prefix) {
    return prefix.equals("EL") ? "GR" : prefix;
  }
}
