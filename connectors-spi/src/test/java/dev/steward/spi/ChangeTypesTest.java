package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeTypesTest {
  @Test
  void types_areNamedBySchema() {
    assertThat(ChangeTypes.changed(EntityType.CUSTOMER)).isEqualTo("dev.steward.customer.changed");
    assertThat(ChangeTypes.deleted(EntityType.TIME_ENTRY)).isEqualTo("dev.steward.time-entry.deleted");
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void entityType_readsBackEveryType(EntityType type) {
    assertThat(ChangeTypes.entityType(ChangeTypes.changed(type))).contains(type);
    assertThat(ChangeTypes.entityType(ChangeTypes.deleted(type))).contains(type);
    assertThat(ChangeTypes.isDeletion(ChangeTypes.deleted(type))).isTrue();
    assertThat(ChangeTypes.isDeletion(ChangeTypes.changed(type))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dev.steward.", "dev.steward.unicorn.changed", "com.acme.customer.changed",
      "dev.steward.customer.created", "dev.steward.customer", "dev.steward.changed"})
  void entityType_ofAnotherForm_isEmpty(String envelopeType) {
    assertThat(ChangeTypes.entityType(envelopeType)).isEmpty();
  }

  @Test
  void isDeletion_ofAnotherForm_isFalse() {
    assertThat(ChangeTypes.isDeletion("com.acme.customer.deleted")).isFalse();
    assertThat(ChangeTypes.isDeletion("dev.steward.deleted")).isFalse();
    assertThat(ChangeTypes.isDeletion("dev.steward.widget.deleted")).isFalse();
  }
}
