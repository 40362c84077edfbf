package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.EntityType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectorCapabilitiesTest {
  @Test
  void defaults_areNoIdempotentCreate_noBatching_noRateLimit() {
    ConnectorCapabilities caps = ConnectorCapabilities.builder().entity(EntityType.CUSTOMER, Operation.READ).build();
    assertThat(caps.idempotentCreate()).isFalse();
    assertThat(caps.maxBatchSize()).isEqualTo(ConnectorCapabilities.NO_BATCHING);
    assertThat(caps.rateLimit()).isEmpty();
  }

  @Test
  void supports_answersPerEntityTypeAndOperation() {
    ConnectorCapabilities caps = ConnectorCapabilities.builder()
        .entity(EntityType.CUSTOMER, Operation.READ, Operation.UPSERT)
        .entity(EntityType.INVOICE, Operation.CHANGE_FEED)
        .build();
    assertThat(caps.entityTypes()).containsExactly(EntityType.CUSTOMER, EntityType.INVOICE);
    assertThat(caps.operations(EntityType.CUSTOMER)).containsExactly(Operation.READ, Operation.UPSERT);
    assertThat(caps.operations(EntityType.PROJECT)).isEmpty();
    assertThat(caps.supports(EntityType.CUSTOMER, Operation.UPSERT)).isTrue();
    assertThat(caps.supports(EntityType.CUSTOMER, Operation.DELETE)).isFalse();
    assertThat(caps.supports(EntityType.PROJECT, Operation.READ)).isFalse();
    assertThat(caps.supportsAnywhere(Operation.CHANGE_FEED)).isTrue();
    assertThat(caps.supportsAnywhere(Operation.BULK_READ)).isFalse();
  }

  @Test
  void declarations_areCopied_andUnmodifiable() {
    ConnectorCapabilities.Builder b = ConnectorCapabilities.builder().entity(EntityType.CUSTOMER, Operation.READ);
    ConnectorCapabilities caps = b.build();
    b.entity(EntityType.PROJECT, Operation.READ);
    assertThat(caps.entityTypes()).containsExactly(EntityType.CUSTOMER);
    assertThatThrownBy(() -> caps.operations(EntityType.CUSTOMER).add(Operation.DELETE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> caps.entityTypes().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void entity_declaredTwice_isAnIllegalState() {
    assertThatThrownBy(() -> ConnectorCapabilities.builder().entity(EntityType.CUSTOMER, Operation.READ)
        .entity(EntityType.CUSTOMER, Operation.UPSERT))
        .isInstanceOf(IllegalStateException.class).hasMessage("entity type CUSTOMER is already declared");
  }

  @Test
  void entity_withANullOperation_isRefused() {
    assertThatThrownBy(() -> ConnectorCapabilities.builder().entity(EntityType.CUSTOMER, Operation.READ, (Operation) null))
        .isInstanceOf(NullPointerException.class).hasMessage("operations must not hold null");
  }

  @Test
  void settersCalledTwice_areIllegalStates() {
    assertThatThrownBy(() -> ConnectorCapabilities.builder().idempotentCreate(true).idempotentCreate(false))
        .isInstanceOf(IllegalStateException.class).hasMessage("idempotentCreate is already set");
    assertThatThrownBy(() -> ConnectorCapabilities.builder().maxBatchSize(10).maxBatchSize(20))
        .isInstanceOf(IllegalStateException.class).hasMessage("maxBatchSize is already set to 10");
    RateLimit limit = RateLimit.of(100, Duration.ofSeconds(1));
    assertThatThrownBy(() -> ConnectorCapabilities.builder().rateLimit(limit).rateLimit(limit))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("rateLimit is already set to");
  }

  @Test
  void maxBatchSize_belowOne_isRefused() {
    assertThatThrownBy(() -> ConnectorCapabilities.builder().maxBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxBatchSize must be at least 1; was 0");
  }

  @Test
  void build_withoutAnEntityType_isAnIllegalState() {
    assertThatThrownBy(() -> ConnectorCapabilities.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("declare at least one entity type");
  }

  @Test
  void equalDeclarations_areEqual() {
    ConnectorCapabilities a = ConnectorCapabilities.builder().entity(EntityType.CUSTOMER, Operation.UPSERT, Operation.READ)
        .maxBatchSize(5).rateLimit(RateLimit.of(10, Duration.ofSeconds(1))).build();
    ConnectorCapabilities b = ConnectorCapabilities.builder().rateLimit(RateLimit.of(10, Duration.ofSeconds(1))).maxBatchSize(5)
        .entity(EntityType.CUSTOMER, Operation.READ, Operation.UPSERT).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(ConnectorCapabilities.builder().entity(EntityType.CUSTOMER, Operation.READ).build());
    assertThat(a.toString()).contains("CUSTOMER=[READ, UPSERT]", "maxBatchSize=5");
  }

  @Test
  void rateLimit_mustBePositive() {
    assertThatThrownBy(() -> RateLimit.of(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("permits must be at least 1; was 0");
    assertThatThrownBy(() -> RateLimit.of(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("period must be positive; was PT0S");
  }
}
