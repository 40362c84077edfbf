package dev.steward.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.reference.InMemoryReferenceData;
import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.reference.ReferenceData;
import dev.steward.core.reference.ReferenceDataUnavailableException;
import dev.steward.core.reference.ReferenceKind;
import dev.steward.core.reference.VatCheckPolicy;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The pipeline's own behaviour: stage order, modes, routing, bad input, failures and reports. */
class ValidationPipelineTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private static final CanonicalId ACME_GMBH = CanonicalId.parse("le_01HQWQ9N80M9S346Q3D25VT4F5");

  private static final ReferenceData REFERENCE = InMemoryReferenceData.builder()
      .legalEntity(new LegalEntityRef(ACME_GMBH, "ACME-DE", "DE", "EU", Currency.getInstance("EUR"),
          Set.of(Currency.getInstance("CHF")), VatCheckPolicy.HOLD))
      .currency(Currency.getInstance("EUR"))
      .currency(Currency.getInstance("CHF"))
      .build();

  private static byte[] invoice() {
    try (InputStream in = ValidationPipelineTest.class.getResourceAsStream("/validation/invoice.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode invoiceTree() {
    return (ObjectNode) JSON.readTree(invoice());
  }

  private static ValidationPipeline.Builder standard() {
    return ValidationPipeline.builder().referenceData(REFERENCE).clock(CLOCK).schema().beanValidation();
  }

  /** A rule that reports one violation for every invoice, at a path it is given. */
  private record Flag(ReasonCode code, String path) implements BusinessRule<Invoice> {
    @Override
    public Class<Invoice> appliesTo() {
      return Invoice.class;
    }

    @Override
    public void check(Invoice record, ValidationContext context, Violations out) {
      out.add(code, path, "flagged " + record.invoiceNumber(), "");
    }
  }

  @Test
  void validRecord_passes_withNoViolations() {
    ValidationReport report = standard().build().validate(EntityType.INVOICE, invoice());

    assertThat(report.violations()).isEmpty();
    assertThat(report.valid()).isTrue();
    assertThat(report.toProblemDetails().path("status").asInt()).isEqualTo(200);
  }

  @Test
  void malformedJson_isAReport_notAnException() {
    ValidationReport report = standard().build().validate(EntityType.INVOICE, "{\"invoiceNumber\": \"INV-1\",");

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ReasonCodes.MALFORMED_JSON);
      assertThat(v.stage()).isEqualTo(ValidationPipeline.PARSE_STAGE);
      assertThat(v.category()).isEqualTo(Category.DATA);
      assertThat(v.message()).contains("line 1");
    });
  }

  @Test
  void payloadOverTheSizeLimit_isPayloadTooLarge() {
    ValidationPipeline small = standard()
        .json(CanonicalJson.withLimits(JsonLimits.builder().maxDocumentLength(1024).build())).build();

    ValidationReport report = small.validate(EntityType.INVOICE, invoice());

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ReasonCodes.PAYLOAD_TOO_LARGE);
      assertThat(v.message()).contains("1024");
    });
  }

  @Test
  void thousandLevelNesting_isPayloadTooLarge() {
    String deep = "{\"extensions\":{\"acme:x\":" + "[".repeat(1000) + "]".repeat(1000) + "}}";

    ValidationReport report = standard().build().validate(EntityType.INVOICE, deep);

    assertThat(report.violations()).singleElement()
        .satisfies(v -> assertThat(v.code()).isEqualTo(ReasonCodes.PAYLOAD_TOO_LARGE));
  }

  @Test
  void wrongTypes_areSchemaViolations_atTheirPath_reportedOnce() {
    ObjectNode doc = invoiceTree();
    doc.put("issueDate", 20261127);
    ((ObjectNode) doc.path("lines").get(0)).put("quantity", "ten");

    ValidationReport report = standard().build().validate(EntityType.INVOICE, JSON.write(doc));

    assertThat(report.withCode(ReasonCodes.SCHEMA_VIOLATION)).extracting(Violation::path)
        .contains("/issueDate", "/lines/0/quantity");
    assertThat(report.violations()).as(report.toString()).extracting(Violation::path).doesNotHaveDuplicates();
    assertThat(report.valid()).isFalse();
  }

  @Test
  void unknownSchemaVersion_isReported_andNothingElseRuns() {
    ObjectNode doc = invoiceTree();
    ((ObjectNode) doc.path("meta")).put("schemaVersion", 99);

    ValidationReport report = standard().build().validate(EntityType.INVOICE, JSON.write(doc));

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ReasonCodes.UNKNOWN_SCHEMA_VERSION);
      assertThat(v.path()).isEqualTo("/meta/schemaVersion");
      assertThat(v.message()).contains("99").contains("[1]");
    });
    assertThat(standard().build().validate(EntityType.INVOICE, 7, invoice()).withCode(ReasonCodes.UNKNOWN_SCHEMA_VERSION))
        .hasSize(1);
  }

  @Test
  void aJsonArray_isNoRecord() {
    ValidationReport report = standard().build().validate(EntityType.INVOICE, "[1,2]");

    assertThat(report.violations()).singleElement()
        .satisfies(v -> assertThat(v.code()).isEqualTo(ReasonCodes.SCHEMA_VIOLATION));
  }

  @Test
  void collectAll_runsEveryStage_failFast_stopsAtTheFirstError() {
    ValidationPipeline.Builder twoRules = standard()
        .rule("first", new Flag(ReasonCodes.TOTALS_MISMATCH, "/totals/total"))
        .rule("second", new Flag(ReasonCodes.INVALID_TAX_CODE, "/lines/0/taxCode"));

    ValidationReport all = twoRules.build().validate(EntityType.INVOICE, invoice());
    ValidationReport first = standard().mode(ValidationPipeline.Mode.FAIL_FAST)
        .rule("first", new Flag(ReasonCodes.TOTALS_MISMATCH, "/totals/total"))
        .rule("second", new Flag(ReasonCodes.INVALID_TAX_CODE, "/lines/0/taxCode"))
        .build().validate(EntityType.INVOICE, invoice());

    assertThat(all.violations()).extracting(Violation::stage).containsExactly("first", "second");
    assertThat(first.violations()).extracting(Violation::stage).containsExactly("first");
  }

  @Test
  void warnings_doNotStopAFailFastPipeline_norBlockPosting() {
    BusinessRule<Invoice> warn = new BusinessRule<>() {
      @Override
      public Class<Invoice> appliesTo() {
        return Invoice.class;
      }

      @Override
      public void check(Invoice record, ValidationContext context, Violations out) {
        out.add(ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.WARNING, "", "VIES did not answer", "");
      }
    };

    ValidationReport report = standard().mode(ValidationPipeline.Mode.FAIL_FAST)
        .rule("warn", warn).rule("flag", new Flag(ReasonCodes.TOTALS_MISMATCH, "/totals/total"))
        .build().validate(EntityType.INVOICE, invoice());

    assertThat(report.warnings()).hasSize(1);
    assertThat(report.errors()).hasSize(1);
    assertThat(report.warnings().get(0).category()).isEqualTo(Category.DEPENDENCY_UNAVAILABLE);
  }

  @Test
  void routedStage_runsOnlyWhereItsRouteHolds() {
    ValidationPipeline pipeline = standard()
        .rule("eu-only", new Flag(ReasonCodes.INVALID_TAX_CODE, "/lines/0/taxCode"), Route.region("EU"))
        .rule("na-only", new Flag(ReasonCodes.TOTALS_MISMATCH, "/totals/total"), Route.region("NA"))
        .rule("de-only", new Flag(ReasonCodes.CURRENCY_MISMATCH, "/currency"), Route.country("DE").and(Route.legalEntity("ACME-DE")))
        .rule("customers", new Flag(ReasonCodes.CURRENCY_MISMATCH, "/legalName"), Route.entityType(EntityType.CUSTOMER))
        .build();

    ValidationReport report = pipeline.validate(EntityType.INVOICE, invoice());

    assertThat(report.violations()).extracting(Violation::stage).containsExactly("eu-only", "de-only");
    assertThat(Route.region("EU").and(Route.country("DE")).describe()).isEqualTo("(region in [EU] and country in [DE])");
  }

  @Test
  void ruleThatThrows_isCheckFailed_andReferenceDataDown_isDependencyUnavailable_neverInvalidData() {
    // A bug is INTERNAL (500, not retried as an outage); a source that did not answer is
    // DEPENDENCY_UNAVAILABLE; neither is ever reported as invalid data.
    BusinessRule<Invoice> broken = new BusinessRule<>() {
      @Override
      public Class<Invoice> appliesTo() {
        return Invoice.class;
      }

      @Override
      public void check(Invoice record, ValidationContext context, Violations out) {
        throw new IllegalStateException("bug in a host rule");
      }
    };
    AtomicInteger calls = new AtomicInteger();
    ReferenceData down = new ReferenceData() {
      @Override
      public java.util.Optional<LegalEntityRef> legalEntity(CanonicalId id) {
        calls.incrementAndGet();
        throw new ReferenceDataUnavailableException(ReferenceKind.LEGAL_ENTITY, id.toString(), "ERP timed out after 5 s", null);
      }

      @Override
      public List<dev.steward.core.reference.TaxCode> taxCodes(String jurisdiction) {
        return List.of();
      }

      @Override
      public java.util.Optional<Currency> currency(String isoCode) {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<dev.steward.core.reference.ServiceCatalogueItem> serviceItem(CanonicalId id) {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<dev.steward.core.reference.DimensionSet> dimensionSet(String projectCode) {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<dev.steward.model.RateCard> rateCard(CanonicalId id) {
        return java.util.Optional.empty();
      }
    };

    ValidationReport report = ValidationPipeline.builder().referenceData(down).clock(CLOCK).schema()
        .rule("broken", broken)
        .rule("eu-vat", new Flag(ReasonCodes.INVALID_VAT_NUMBER, ""), Route.region("EU"))
        .build().validate(EntityType.INVOICE, invoice());

    assertThat(report.violations()).extracting(v -> v.code().code(), Violation::stage, Violation::category)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CHECK_FAILED", "broken", Category.INTERNAL),
            org.assertj.core.groups.Tuple.tuple("REFERENCE_DATA_UNAVAILABLE", "eu-vat", Category.DEPENDENCY_UNAVAILABLE));
    assertThat(report.violations().get(1).message()).contains("ERP timed out after 5 s");
    assertThat(report.violations().get(0).message())
        .isEqualTo("stage broken failed with IllegalStateException; the record could not be checked"
            + " (the service log has the details)");
    assertThat(report.withCode(ReasonCodes.INVALID_VAT_NUMBER)).isEmpty();
    assertThat(report.unchecked()).as("a bug is not an outage to wait out").isFalse();
    assertThat(report.toProblemDetails().path("status").asInt()).isEqualTo(500);
    assertThat(calls).hasValue(1);
  }

  @Test
  void report_rendersAsRfc9457ProblemDetails() {
    ValidationReport report = standard()
        .rule("totals", new Flag(ReasonCodes.TOTALS_MISMATCH, "/totals/total"))
        .build().validate(EntityType.INVOICE, invoice());

    JsonNode problem = report.toProblemDetails(URI.create("urn:steward:correlation:01JDQ6Z3M4X8E2T7V5K9W0B1NA"));

    assertThat(problem.path("type").asString()).isEqualTo("https://steward.dev/problems/validation-failed");
    assertThat(problem.path("title").asString()).isEqualTo("The record failed validation");
    assertThat(problem.path("status").asInt()).isEqualTo(422);
    assertThat(problem.path("detail").asString())
        .isEqualTo("The invoice has 1 error and 0 warnings: TOTALS_MISMATCH at /totals/total (flagged NWC-2026-004817).");
    assertThat(problem.path("instance").asString()).isEqualTo("urn:steward:correlation:01JDQ6Z3M4X8E2T7V5K9W0B1NA");
    assertThat(problem.path("entityType").asString()).isEqualTo("invoice");
    JsonNode violation = problem.path("violations").get(0);
    assertThat(violation.path("code").asString()).isEqualTo("TOTALS_MISMATCH");
    assertThat(violation.path("path").asString()).isEqualTo("/totals/total");
    assertThat(violation.path("severity").asString()).isEqualTo("ERROR");
    assertThat(violation.path("category").asString()).isEqualTo("DATA");
    assertThat(violation.path("stage").asString()).isEqualTo("totals");
    assertThat(violation.path("hint").asString()).isEqualTo(ReasonCodes.TOTALS_MISMATCH.typicalFix());
    assertThat(new String(JSON.writeBytes(problem), StandardCharsets.UTF_8)).startsWith("{\"type\":");
  }

  @Test
  void boundRecord_canBeValidatedWithoutJson() {
    Invoice invoice = JSON.read(invoice(), Invoice.class);

    ValidationReport report = standard().rule("flag", new Flag(ReasonCodes.TOTALS_MISMATCH, "/totals/total"))
        .build().validate(invoice);

    assertThat(report.violations()).extracting(Violation::stage).containsExactly("flag");
  }

  @Test
  void beanValidation_reportsConstraintViolations_withTheirPathAndInterpolatedMessage() {
    ObjectNode doc = invoiceTree();
    ((ObjectNode) doc.path("lines").get(0)).put("description", " ");
    Invoice invalid = JSON.fromTree(doc, Invoice.class);

    ValidationReport report = ValidationPipeline.builder().referenceData(REFERENCE).beanValidation().build()
        .validate(invalid);

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ReasonCodes.CONSTRAINT_VIOLATION);
      assertThat(v.path()).isEqualTo("/lines/0/description");
      assertThat(v.message()).isEqualTo("/lines/0/description must not be blank");
      assertThat(v.stage()).isEqualTo(ValidationPipeline.BEAN_VALIDATION_STAGE);
    });
  }

  @Test
  void builder_refusesWhatCannotWork() {
    assertThatThrownBy(() -> ValidationPipeline.builder().schema().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reference data");
    assertThatThrownBy(() -> ValidationPipeline.builder().referenceData(REFERENCE).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one stage");
    assertThatThrownBy(() -> ValidationPipeline.builder().schema().schema())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'schema'");
    assertThatThrownBy(() -> Route.region())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one region");
  }
}
