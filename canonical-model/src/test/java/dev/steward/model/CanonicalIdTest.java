package dev.steward.model;

import static dev.steward.model.ModelTestSupport.jsonFailure;
import static dev.steward.model.ModelTestSupport.modelFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalIdTest {
  private static final String CUSTOMER_ID = "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA";
  private static final String ULID = "01JDQ6Z3M4X8E2T7V5K9W0B1NA";

  @Test
  void parse_toString_roundTrips() {
    CanonicalId id = CanonicalId.parse(CUSTOMER_ID);

    assertThat(id).hasToString(CUSTOMER_ID);
    assertThat(id.type()).isEqualTo(EntityType.CUSTOMER);
    assertThat(CanonicalId.parse(id.toString())).isEqualTo(id);
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void parse_everyEntityPrefix_roundTrips(EntityType type) {
    String text = type.prefix() + "_" + ULID;

    CanonicalId id = CanonicalId.parse(text, type);

    assertThat(id.type()).isEqualTo(type);
    assertThat(id).hasToString(text);
    assertThat(text).matches(CanonicalId.PATTERN);
  }

  @Test
  void parse_ulidEncodesItsCreationTime() {
    // 01JDQ6Z3M4 is the 48-bit millisecond timestamp in Crockford base 32.
    assertThat(CanonicalId.parse(CUSTOMER_ID).createdAt()).isEqualTo(Instant.ofEpochMilli(1732724625028L));
    assertThat(CanonicalId.parse("cus_00000000000000000000000000").createdAt()).isEqualTo(Instant.EPOCH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "cus",
        "cus_",
        "cus-01JDQ6Z3M4X8E2T7V5K9W0B1NA",
        "cus01JDQ6Z3M4X8E2T7V5K9W0B1NA",
        "cus_01JDQ6Z3M4X8E2T7V5K9W0B1N", // 25 characters
        "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NAA", // 27 characters
        "cus_01jdq6z3m4x8e2t7v5k9w0b1na", // lowercase ULID
        "cus_01JDQ6Z3M4X8E2T7V5K9W0B1Na",
        "CUS_01JDQ6Z3M4X8E2T7V5K9W0B1NA", // uppercase prefix
        "c_01JDQ6Z3M4X8E2T7V5K9W0B1NA", // prefix too short
        "cust_01JDQ6Z3M4X8E2T7V5K9W0B1NA", // prefix too long
        "xyz_01JDQ6Z3M4X8E2T7V5K9W0B1NA", // well-formed, unknown prefix
        "zz_01JDQ6Z3M4X8E2T7V5K9W0B1NA",
        "cus_81JDQ6Z3M4X8E2T7V5K9W0B1NA", // beyond the 48-bit timestamp
        "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NI", // I, L, O and U are not Crockford digits
        "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NL",
        "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NO",
        "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NU",
        " cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA",
        "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA\n",
        "cus__01JDQ6Z3M4X8E2T7V5K9W0B1N"
      })
  void parse_malformedOrUnknownPrefix_isInvalidIdentifier(String text) {
    ModelException e = modelFailure(() -> CanonicalId.parse(text));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.INVALID_IDENTIFIER);
    assertThat(e.code()).isEqualTo("STEWARD-MODEL-INVALID_IDENTIFIER");
  }

  @Test
  void parse_unknownPrefix_namesIt() {
    ModelException e = modelFailure(() -> CanonicalId.parse("xyz_" + ULID));

    assertThat(e.getMessage()).contains("'xyz'").contains("no entity type");
  }

  @Test
  void parse_veryLongText_isTruncatedInTheMessage() {
    String text = "cus_" + "A".repeat(10_000);

    ModelException e = modelFailure(() -> CanonicalId.parse(text));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.INVALID_IDENTIFIER);
    assertThat(e.getMessage()).hasSizeLessThan(300).contains("...");
  }

  @Test
  void parse_withExpectedType_otherType_isTypeMismatch() {
    ModelException e = modelFailure(() -> CanonicalId.parse(CUSTOMER_ID, EntityType.LEGAL_ENTITY));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.IDENTIFIER_TYPE_MISMATCH);
    assertThat(e.code()).isEqualTo("STEWARD-MODEL-IDENTIFIER_TYPE_MISMATCH");
    assertThat(e.getMessage()).contains(CUSTOMER_ID).contains("CUSTOMER").contains("LEGAL_ENTITY");
  }

  @Test
  void parse_withExpectedType_malformed_isInvalidIdentifier() {
    assertThat(modelFailure(() -> CanonicalId.parse("cus_x", EntityType.CUSTOMER)).reason())
        .isEqualTo(ModelException.Reason.INVALID_IDENTIFIER);
  }

  @Test
  void equalsAndHashCode_followTheText() {
    CanonicalId a = CanonicalId.parse(CUSTOMER_ID);
    CanonicalId b = CanonicalId.parse(CUSTOMER_ID);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotSameAs(b);
    assertThat(a).isNotEqualTo(CanonicalId.parse("con_" + ULID));
    assertThat(a).isNotEqualTo(CanonicalId.parse("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NB"));
    assertThat(a).isNotEqualTo(CUSTOMER_ID);
  }

  @Test
  void compareTo_ordersByPrefixThenUlid_likeTheText() {
    List<String> texts =
        List.of(
            "con_01JDQ6Z3M4X8E2T7V5K9W0B1NA",
            "cus_00000000000000000000000000",
            "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA",
            "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NB",
            "cus_7ZZZZZZZZZZZZZZZZZZZZZZZZZ",
            "le_00000000000000000000000000");

    List<CanonicalId> sorted = texts.stream().map(CanonicalId::parse).sorted().toList();

    assertThat(sorted).extracting(CanonicalId::toString).containsExactlyElementsOf(texts);
    assertThat(CanonicalId.parse(CUSTOMER_ID).compareTo(CanonicalId.parse(CUSTOMER_ID))).isZero();
  }

  @Test
  void json_isThePlainString() {
    CanonicalJson json = CanonicalJson.ofDefaults();
    CanonicalId id = CanonicalId.parse(CUSTOMER_ID);

    assertThat(json.write(id)).isEqualTo("\"" + CUSTOMER_ID + "\"");
    assertThat(json.read("\"" + CUSTOMER_ID + "\"", CanonicalId.class)).isEqualTo(id);
    assertThat(json.toTree(id).stringValue()).isEqualTo(CUSTOMER_ID);
  }

  @Test
  void json_malformedId_isBindingFailedWithTheIdentifierMessage() {
    CanonicalJsonException e =
        jsonFailure(() -> CanonicalJson.ofDefaults().read("\"cus_x\"", CanonicalId.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.getMessage()).contains("'cus_x' is not a canonical id");
  }
}
