package dev.steward.model;

import static dev.steward.model.ModelTestSupport.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class CanonicalSchemasTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final CanonicalSchemas SCHEMAS = CanonicalSchemas.shared();
  private static final String CUSTOMER = new String(resource("samples/v1/customer.json"), UTF_8);

  @Test
  void versions_areTheCurrentOneAndNotTwo() {
    assertThat(CanonicalSchemas.shared().versions(EntityType.CUSTOMER)).containsExactly(1);
    assertThat(CanonicalSchemas.shared().versions(SchemaRef.ENVELOPE)).containsExactly(1);
    assertThat(CanonicalSchemas.shared().versions("no-such-schema")).isEmpty();
  }

  @Test
  void validate_version2_isUnknownSchema() {
    Throwable t = catchThrowable(() -> SCHEMAS.validate(EntityType.CUSTOMER, 2, JSON.readTree(CUSTOMER)));

    assertThat(t).isInstanceOf(UnknownSchemaException.class);
    UnknownSchemaException e = (UnknownSchemaException) t;
    assertThat(e.code()).isEqualTo("STEWARD-MODEL-UNKNOWN_SCHEMA");
    assertThat(e.requested()).isEqualTo("customer v2");
    assertThat(e.getMessage()).contains("customer v2").contains("versions [1]");
  }

  @Test
  void validateRef_version2_isUnknownSchema() {
    assertThat(catchThrowable(() -> SCHEMAS.validate(SchemaRef.of(EntityType.INVOICE, 2), JSON.readTree("{}"))))
        .isInstanceOf(UnknownSchemaException.class);
  }

  @Test
  void document_version2_isUnknownSchema() {
    assertThat(catchThrowable(() -> SCHEMAS.document(SchemaRef.of(EntityType.CUSTOMER, 2))))
        .isInstanceOf(UnknownSchemaException.class);
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void document_everyEntityTypeAtTheCurrentVersion_isPublishedWithItsUriAsId(EntityType type) {
    SchemaRef ref = SchemaRef.of(type, EntityMeta.CURRENT_SCHEMA_VERSION);

    JsonNode schema = SCHEMAS.document(ref);

    assertThat(schema.get("$id").stringValue()).isEqualTo(ref.uri().toString());
  }

  @Test
  void validate_theSampleCustomer_hasNoViolations() {
    assertThat(SCHEMAS.validate(EntityType.CUSTOMER, 1, JSON.readTree(CUSTOMER))).isEmpty();
  }

  @Test
  void validate_emptyDisplayName_isAViolationAtItsPointer() {
    List<SchemaViolation> violations =
        SCHEMAS.validate(EntityType.CUSTOMER, 1, JSON.readTree(CUSTOMER.replace("\"Nordlicht\"", "\"\"")));

    assertThat(violations).isNotEmpty().extracting(SchemaViolation::pointer).containsOnly("/displayName");
  }

  @Test
  void validate_missingRequiredProperty_pointsWhereItWouldBe() {
    String missing = CUSTOMER.replace("\"legalName\": \"Nordlicht Logistik GmbH\",", "");
    assertThat(missing).isNotEqualTo(CUSTOMER);

    List<SchemaViolation> violations = SCHEMAS.validate(EntityType.CUSTOMER, 1, JSON.readTree(missing));

    assertThat(violations)
        .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
        .contains(tuple("/legalName", "required"));
  }

  @Test
  void validate_unknownProperty_pointsAtTheProperty_notAtTheObjectHoldingIt() {
    String unknown = CUSTOMER.replace("\"legalName\":", "\"bogus\": 1, \"legalName\":")
        .replace("\"city\":", "\"a/b~c\": true, \"city\":");
    assertThat(unknown).isNotEqualTo(CUSTOMER);

    List<SchemaViolation> violations = SCHEMAS.validate(EntityType.CUSTOMER, 1, JSON.readTree(unknown));

    assertThat(violations)
        .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
        .containsExactlyInAnyOrder(tuple("/bogus", "additionalProperties"),
            tuple("/billingAddress/a~1b~0c", "additionalProperties"));
  }

  @Test
  void shared_isOneInstance() {
    assertThat(CanonicalSchemas.shared()).isSameAs(SCHEMAS);
  }
}
