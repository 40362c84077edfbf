package dev.steward.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTypeTest {

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void fromPrefix_ofItsOwnPrefix_isTheType(EntityType type) {
    assertThat(EntityType.fromPrefix(type.prefix())).contains(type);
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void fromSchemaName_ofItsOwnSchemaName_isTheType(EntityType type) {
    assertThat(EntityType.fromSchemaName(type.schemaName())).contains(type);
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void prefixAndSchemaName_fitTheIdAndSchemaUriForms(EntityType type) {
    assertThat(type.prefix()).matches("[a-z]{2,3}");
    assertThat(type.schemaName()).matches("[a-z]+(-[a-z]+)*").hasSizeLessThanOrEqualTo(40);
  }

  @Test
  void prefixesAndSchemaNames_areUnique() {
    assertThat(Arrays.stream(EntityType.values()).map(EntityType::prefix)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(EntityType.values()).map(EntityType::schemaName)).doesNotHaveDuplicates();
  }

  @Test
  void schemaNames_doNotClashWithTheEnvelope() {
    assertThat(EntityType.fromSchemaName("envelope")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "cu", "cust", "CUS", "cus_", " cus", "customer", "envelope"})
  void fromPrefix_unknown_isEmpty(String prefix) {
    assertThat(EntityType.fromPrefix(prefix)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "cus", "Customer", "CUSTOMER", "time_entry", "timeEntry", "customer.schema.json", "customers"})
  void fromSchemaName_unknown_isEmpty(String name) {
    assertThat(EntityType.fromSchemaName(name)).isEmpty();
  }

  @Test
  void examples_fromTheDocumentation() {
    assertThat(EntityType.CUSTOMER.prefix()).isEqualTo("cus");
    assertThat(EntityType.CUSTOMER.schemaName()).isEqualTo("customer");
    assertThat(EntityType.fromSchemaName("time-entry")).contains(EntityType.TIME_ENTRY);
    assertThat(EntityType.fromPrefix("le")).contains(EntityType.LEGAL_ENTITY);
  }
}
