package dev.steward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaRefTest {

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void uri_fromUri_roundTripsForEveryEntityType(EntityType type) {
    for (int version : new int[] {1, 2, 17, 999_999}) {
      SchemaRef ref = SchemaRef.of(type, version);

      assertThat(ref.uri())
          .isEqualTo(URI.create("https://schemas.steward.dev/v" + version + "/" + type.schemaName() + ".schema.json"));
      assertThat(SchemaRef.fromUri(ref.uri())).contains(ref);
      assertThat(ref.entityType()).contains(type);
      assertThat(ref.name()).isEqualTo(type.schemaName());
    }
  }

  @Test
  void uri_fromUri_roundTripsForTheEnvelope() {
    SchemaRef ref = SchemaRef.envelope(1);

    assertThat(ref.uri()).isEqualTo(URI.create("https://schemas.steward.dev/v1/envelope.schema.json"));
    assertThat(SchemaRef.fromUri(ref.uri())).contains(ref);
    assertThat(ref.entityType()).isEmpty();
    assertThat(ref.name()).isEqualTo("envelope");
    assertThat(SchemaRef.fromUri(SchemaRef.envelope(3).uri())).contains(SchemaRef.envelope(3));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://schemas.steward.dev/v1/widget.schema.json",
        "https://schemas.steward.dev/v1/Customer.schema.json",
        "https://schemas.steward.dev/v1/customer.json",
        "https://schemas.steward.dev/v1/customer.schema.json?x=1",
        "https://schemas.steward.dev/v1/customer.schema.json#/$defs/Address",
        "https://schemas.steward.dev/v0/customer.schema.json",
        "https://schemas.steward.dev/v01/customer.schema.json",
        "https://schemas.steward.dev/v1000000/customer.schema.json",
        "https://schemas.steward.dev/1/customer.schema.json",
        "https://schemas.steward.dev/customer.schema.json",
        "https://schemas.steward.dev/v1/common.schema.json",
        "http://schemas.steward.dev/v1/customer.schema.json",
        "https://schemasXsteward.dev/v1/customer.schema.json",
        "https://evil.example/v1/customer.schema.json",
        "https://evil.example/https://schemas.steward.dev/v1/customer.schema.json",
        "urn:steward:customer:1"
      })
  void fromUri_otherUri_isEmpty(String uri) {
    assertThat(SchemaRef.fromUri(URI.create(uri))).isEmpty();
  }

  @Test
  void baseUri_prefixesEveryUri() {
    assertThat(SchemaRef.of(EntityType.INVOICE, 1).uri().toString()).startsWith(SchemaRef.BASE_URI);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void versionBelowOne_isRefused(int version) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SchemaRef.of(EntityType.CUSTOMER, version))
        .withMessageContaining("version")
        .withMessageContaining(Integer.toString(version));
    assertThatIllegalArgumentException().isThrownBy(() -> SchemaRef.envelope(version));
  }

  @Test
  void equalsAndToString_followTypeAndVersion() {
    assertThat(SchemaRef.of(EntityType.CUSTOMER, 1))
        .isEqualTo(new SchemaRef("customer", 1))
        .isNotEqualTo(SchemaRef.of(EntityType.CUSTOMER, 2))
        .isNotEqualTo(SchemaRef.envelope(1))
        .hasToString("customer v1");
    assertThat(SchemaRef.envelope(2)).hasToString("envelope v2");
  }

  @Test
  void nameOfNoCanonicalSchema_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new SchemaRef("invoices", 1)).withMessageContaining("invoices");
  }
}
