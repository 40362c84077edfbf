package dev.steward.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.reference.DelegatingReferenceData;
import dev.steward.core.reference.InMemoryReferenceData;
import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.reference.ReferenceData;
import dev.steward.core.reference.ReferenceDataUnavailableException;
import dev.steward.core.reference.ReferenceKind;
import dev.steward.core.reference.ServiceCatalogueItem;
import dev.steward.core.reference.VatCheckPolicy;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Contract;
import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Edge cases a review of the pipeline found, each once a bug: an exception escaping {@code
 * validate}, a violation lost, doubled or mislabelled, a route silently not taken, unbounded work.
 * The comment above each test says what used to go wrong.
 */
class ValidationRobustnessTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final CanonicalId ACME_GMBH = CanonicalId.parse("le_01HQWQ9N80M9S346Q3D25VT4F5");
  private static final CanonicalId RESOURCE_LE = CanonicalId.parse("le_01J8Z4K2W6R3T9V5N7Q1M0P8XA");
  private static final CanonicalId CONTRACT_LE = CanonicalId.parse("le_01JDM9S346Q3D25VT4F5V37E3S");
  private static final CanonicalId CONTRACT_SVC = CanonicalId.parse("svc_01JDQY77ZXYYK596NGYA1DQ91K");
  private static final Currency EUR = Currency.getInstance("EUR");

  private static final ReferenceData REFERENCE = InMemoryReferenceData.builder()
      .currency(EUR)
      .legalEntity(new LegalEntityRef(ACME_GMBH, "ACME-DE", "DE", "EU", EUR, Set.of(), VatCheckPolicy.HOLD))
      .legalEntity(new LegalEntityRef(RESOURCE_LE, "NWC-DE", "DE", "EU", EUR, Set.of(), VatCheckPolicy.HOLD))
      .legalEntity(new LegalEntityRef(CONTRACT_LE, "NWC-DE-2", "DE", "EU", EUR, Set.of(), VatCheckPolicy.HOLD))
      .serviceItem(new ServiceCatalogueItem(CONTRACT_SVC, "PS-DISCOVERY", "consulting", false))
      .build();

  private static byte[] resource(String path) {
    try (InputStream in = ValidationRobustnessTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String invoice() {
    return new String(resource("/validation/invoice.json"), StandardCharsets.UTF_8);
  }

  private static ValidationPipeline.Builder standard(ReferenceData data) {
    return ValidationPipeline.builder().referenceData(data).schema().beanValidation();
  }

  /** A rule that flags every record of its type, so a test can see whether its stage ran. */
  private record Flag<T extends CanonicalEntity>(Class<T> type) implements BusinessRule<T> {
    @Override
    public Class<T> appliesTo() {
      return type;
    }

    @Override
    public void check(T record, ValidationContext context, Violations out) {
      out.add(ReasonCodes.CURRENCY_MISMATCH, "", "stage ran", "");
    }
  }

  private record Throwing(Runnable body) implements BusinessRule<Invoice> {
    @Override
    public Class<Invoice> appliesTo() {
      return Invoice.class;
    }

    @Override
    public void check(Invoice record, ValidationContext context, Violations out) {
      body.run();
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  // 1. ValidationContext.serviceLines() catches RuntimeException around the reference-data call,
  //    so "catalogue down" becomes "no service line": the stage is skipped and the record passes.
  @Test
  void serviceLineRoute_whenTheCatalogueIsDown_isReferenceDataUnavailable_notASilentPass() {
    ReferenceData catalogueDown = new DelegatingReferenceData(REFERENCE) {
      @Override
      public Optional<ServiceCatalogueItem> serviceItem(CanonicalId id) {
        throw new ReferenceDataUnavailableException(ReferenceKind.SERVICE_ITEM, id.toString(), "ERP timed out", null);
      }
    };

    ValidationReport report = ValidationPipeline.builder().referenceData(catalogueDown)
        .rule("consulting-only", new Flag<>(Invoice.class), Route.serviceLine("consulting"))
        .build().validate(EntityType.INVOICE, invoice());

    assertThat(report.withCode(ReasonCodes.REFERENCE_DATA_UNAVAILABLE)).as(report.toString()).hasSize(1);
    assertThat(report.valid()).isFalse();
  }

  // 2. A payload well under the 8 MiB limit fans out into millions of violations (1.5 MB gave
  //    4,000,001 violations, 122 s and ~2.7 GB heap); nothing bounds the report.
  @Test
  void hugeListWithinTheSizeLimit_isRefusedBeforeSchemaWork_andReportsStayBounded() {
    String doc = invoice();
    int at = doc.indexOf("\"lines\": [\n    {") + "\"lines\": [".length();
    String payload = doc.substring(0, at) + "{},".repeat(20_000) + doc.substring(at);
    assertThat(payload.length()).isLessThan(100_000); // 0.1 MB, far below the 8 MiB default

    ValidationReport report = standard(REFERENCE).build().validate(EntityType.INVOICE, payload);

    assertThat(report.violations().size()).as("violations for a 60 kB payload").isLessThanOrEqualTo(1_000);
    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ReasonCodes.PAYLOAD_TOO_LARGE);
      assertThat(v.path()).isEqualTo("/lines");
      assertThat(v.message()).contains("20004 items").contains("at most 1000");
    });
    assertThat(report.toProblemDetails().path("status").asInt()).isEqualTo(413);
  }

  @Test
  void manyViolations_areCappedAtMaxViolations_withATruncationWarning() {
    String doc = invoice();
    int at = doc.indexOf("\"lines\": [\n    {") + "\"lines\": [".length();
    String payload = doc.substring(0, at) + "{},".repeat(900) + doc.substring(at);

    ValidationReport report = standard(REFERENCE).maxViolations(50).build().validate(EntityType.INVOICE, payload);

    assertThat(report.violations()).hasSize(51);
    Violation last = report.violations().get(50);
    assertThat(last.code()).isEqualTo(ReasonCodes.VIOLATIONS_TRUNCATED);
    assertThat(last.severity()).isEqualTo(Severity.WARNING);
    assertThat(last.message()).startsWith("the report lists the first 50 violations; ");
    assertThat(report.valid()).isFalse();
  }

  // 3. runStages catches only RuntimeException: an Error from a rule escapes validate(...).
  @Test
  void ruleThrowingAnAssertionError_isAViolation_notAnEscape() {
    ValidationPipeline pipeline = ValidationPipeline.builder().referenceData(REFERENCE)
        .rule("asserting", new Throwing(() -> {
          throw new AssertionError("host rule assertion");
        })).build();

    assertThatCode(() -> pipeline.validate(EntityType.INVOICE, invoice())).doesNotThrowAnyException();
  }

  // 3b. ... and so does a checked exception thrown sneakily (Lombok @SneakyThrows, Kotlin rules).
  @Test
  void ruleSneakyThrowingACheckedException_isAViolation_notAnEscape() {
    ValidationPipeline pipeline = ValidationPipeline.builder().referenceData(REFERENCE)
        .rule("sneaky", new Throwing(() -> ValidationRobustnessTest.<RuntimeException>sneakyThrow(
            new IOException("connection reset")))).build();

    assertThatCode(() -> pipeline.validate(EntityType.INVOICE, invoice())).doesNotThrowAnyException();
  }

  // 3c. ... and an Error from a route predicate (Route.of) escapes too.
  @Test
  void routeThrowingALinkageError_isAViolation_notAnEscape() {
    ValidationPipeline pipeline = ValidationPipeline.builder().referenceData(REFERENCE)
        .rule("routed", new Flag<>(Invoice.class), Route.of("broken", c -> {
          throw new NoClassDefFoundError("com/acme/Regions");
        })).build();

    assertThatCode(() -> pipeline.validate(EntityType.INVOICE, invoice())).doesNotThrowAnyException();
  }

  // 4. An unknown property is reported twice: by the schema stage at "" (the whole record) and by
  //    binding at "/bogus"; the dedupe by path cannot match them.
  @Test
  void unknownProperty_isReportedOnce_atItsOwnPath() {
    String payload = invoice().replaceFirst("\"invoiceNumber\"", "\"bogus\": 1, \"invoiceNumber\"");

    ValidationReport report = standard(REFERENCE).build().validate(EntityType.INVOICE, payload);

    assertThat(report.violations()).as(report.toString()).singleElement()
        .satisfies(v -> assertThat(v.path()).isEqualTo("/bogus"));
  }

  // 5. An empty or blank payload is not JSON, but is reported as a schema violation
  //    ("a invoice is a JSON object, not missing").
  @Test
  void emptyOrBlankPayload_isMalformedJson() {
    ValidationPipeline pipeline = standard(REFERENCE).build();

    assertThat(pipeline.validate(EntityType.INVOICE, new byte[0]).violations())
        .extracting(Violation::code).containsExactly(ReasonCodes.MALFORMED_JSON);
    assertThat(pipeline.validate(EntityType.INVOICE, "  \n ").violations())
        .extracting(Violation::code).containsExactly(ReasonCodes.MALFORMED_JSON);
  }

  // 6. A whole-number schemaVersion beyond int range is told it "must be a whole number" and coded
  //    SCHEMA_VIOLATION; it is an unknown schema version.
  @Test
  void schemaVersionBeyondIntRange_isAnUnknownSchemaVersion() {
    String payload = JSON.write(JSON.readTree(invoice())).replace("\"schemaVersion\":1", "\"schemaVersion\":1099511627776");

    ValidationReport report = standard(REFERENCE).build().validate(EntityType.INVOICE, payload);

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ReasonCodes.UNKNOWN_SCHEMA_VERSION);
      assertThat(v.message()).doesNotContain("must be a whole number");
    });
  }

  // 7. A deterministic bug in a host rule (CHECK_FAILED, category DEPENDENCY_UNAVAILABLE) makes the
  //    report "unchecked": 503, "a service it depends on did not answer", held for retry forever.
  @Test
  void buggyRule_isInternal_500_notAnOutageToRetry() {
    ValidationReport report = ValidationPipeline.builder().referenceData(REFERENCE)
        .rule("npe", new Throwing(() -> {
          throw new NullPointerException("record.purchaseOrderNumber() is null");
        })).build().validate(EntityType.INVOICE, invoice());

    assertThat(report.unchecked()).as("a rule bug is not an outage").isFalse();
    assertThat(report.toProblemDetails().path("status").asInt()).isNotEqualTo(503);
  }

  // 8a. Routing by legal entity/country/region reads only legalEntityId and contractingEntityId:
  //     a Resource's homeLegalEntityId is ignored, so an EU-routed stage never runs for resources.
  @Test
  void resource_routedByRegion_isRoutedByItsHomeLegalEntity() {
    String resource = """
        {"meta": {"id": "res_01J9A7B3C5D8E2F4G6H9J1K3MG", "version": 4, "lastWriter": "hris",
                  "updatedAt": "2026-09-14T07:30:00Z", "schemaVersion": 1},
         "name": "Katrin Vogel", "email": "katrin.vogel@northbridge-consulting.de",
         "employeeNumber": "E-20417", "role": "Senior Consultant", "employmentType": "EMPLOYEE",
         "homeLegalEntityId": "le_01J8Z4K2W6R3T9V5N7Q1M0P8XA", "workCountry": "DE",
         "costRate": {"amount": "78.50", "currency": "EUR"}, "weeklyCapacityHours": 40.00, "active": true}
        """;

    ValidationReport report = standard(REFERENCE)
        .rule("eu-resources", new Flag<>(Resource.class), Route.region("EU"))
        .build().validate(EntityType.RESOURCE, resource);

    assertThat(report.violations()).as(report.toString()).extracting(Violation::stage).contains("eu-resources");
  }

  // 8b. Routing by service line reads only /lines/*/serviceItemId: a contract's terms (and a billing
  //     schedule's recurringCharges/usageMetrics) are ignored, so the stage never runs for them.
  @Test
  void contract_routedByServiceLine_isRoutedByItsTermsServiceItems() {
    ValidationReport report = ValidationPipeline.builder().referenceData(REFERENCE)
        .rule("consulting-contracts", new Flag<>(Contract.class), Route.serviceLine("consulting"))
        .build().validate(EntityType.CONTRACT, resource("/review/contract.json"));

    assertThat(report.violations()).as(report.toString()).extracting(Violation::stage)
        .contains("consulting-contracts");
  }

  // 9. A failed legal-entity lookup is not memoised: with the source down, every routed stage asks
  //    it again (three routes, three calls of a source that takes its full timeout each time).
  @Test
  void legalEntityLookupFailure_isRemembered_soTheDownSourceIsAskedOncePerRecord() {
    AtomicInteger calls = new AtomicInteger();
    ReferenceData down = new DelegatingReferenceData(REFERENCE) {
      @Override
      public Optional<LegalEntityRef> legalEntity(CanonicalId id) {
        calls.incrementAndGet();
        throw new ReferenceDataUnavailableException(ReferenceKind.LEGAL_ENTITY, id.toString(), "ERP timed out after 5 s", null);
      }
    };

    ValidationPipeline.builder().referenceData(down)
        .rule("eu", new Flag<>(Invoice.class), Route.region("EU"))
        .rule("de", new Flag<>(Invoice.class), Route.country("DE"))
        .rule("acme", new Flag<>(Invoice.class), Route.legalEntity("ACME-DE"))
        .build().validate(EntityType.INVOICE, invoice());

    assertThat(calls).hasValue(1);
  }

  // 10. validate(CanonicalEntity) does not apply the JSON limits: a record nested far deeper than
  //     maxNestingDepth (64) passes, though its JSON is refused as PAYLOAD_TOO_LARGE.
  @Test
  void boundRecord_nestedBeyondTheJsonLimits_isRefused_likeItsJson() {
    Invoice base = JSON.read(resource("/validation/invoice.json"), Invoice.class);
    ArrayNode deep = JsonNodeFactory.instance.arrayNode();
    ArrayNode cursor = deep;
    for (int i = 0; i < 100; i++) {
      cursor = cursor.addArray();
    }
    Invoice nested = new Invoice(base.meta(), base.invoiceNumber(), base.customerId(), base.legalEntityId(),
        base.contractId(), base.billingScheduleId(), base.status(), base.currency(), base.issueDate(),
        base.dueDate(), base.servicePeriod(), base.purchaseOrderNumber(), base.billTo(), base.lines(),
        base.totals(), base.amountDue(), Map.of("acme:deep", deep));

    ValidationReport report = standard(REFERENCE).build().validate(nested);

    assertThat(report.valid()).as("valid, yet its canonical JSON cannot be read back").isFalse();
  }

  // 11. validate(type, String) encodes with String.getBytes(UTF_8), which silently turns a lone
  //     surrogate into '?': the record is reported valid though its text was altered (and RFC 8785
  //     canonicalization of the original later fails).
  @Test
  void stringPayload_withALoneSurrogate_isMalformedJson() {
    String payload = invoice().replace("Senior Consultant", "Senior \uD800Consultant");

    ValidationReport report = standard(REFERENCE).build().validate(EntityType.INVOICE, payload);

    assertThat(report.valid()).isFalse();
  }

  // 12. Violation's constructor says it "refuses a malformed escape", but JsonPointers.segments
  //     accepts "~2" and a trailing "~".
  @Test
  void violationPath_withAMalformedJsonPointerEscape_isRefused() {
    assertThatThrownBy(() -> new Violation(ReasonCodes.CHECK_FAILED, "/a~2b", "m", Severity.ERROR,
        Category.DATA, "s", "h")).isInstanceOf(IllegalArgumentException.class);
  }

  // 13. Stages run "in declared order", but the schema/binding dedupe only works when schema() is
  //     declared first: beanValidation().schema() reports one wrong type twice.
  @Test
  void beanValidationDeclaredBeforeSchema_stillReportsOneWrongTypeOnce() {
    String payload = invoice().replace("\"quantity\": 32", "\"quantity\": \"ten\"");

    ValidationReport report = ValidationPipeline.builder().referenceData(REFERENCE).beanValidation().schema()
        .build().validate(EntityType.INVOICE, payload);

    assertThat(report.violations()).as(report.toString()).extracting(Violation::path).doesNotHaveDuplicates();
  }

  // 14. ReasonCode equality is by code string only, so a host code that reuses a built-in name with
  //     another category/severity is "equal" to the built-in and silently changes its meaning.
  @Test
  void hostReasonCode_reusingABuiltInName_isRefused() {
    ReasonCode host;
    try {
      host = ReasonCode.of("SCHEMA_VIOLATION", Category.POLICY, Severity.WARNING,
          "Something else.", "Do something else.", "Someone");
    } catch (IllegalArgumentException refused) {
      return; // refusing a built-in name is a fix
    }

    assertThat(host).isNotEqualTo(ReasonCodes.SCHEMA_VIOLATION);
  }
}
