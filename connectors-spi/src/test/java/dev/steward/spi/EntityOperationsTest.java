package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EntityOperationsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final CallContext CONTEXT = CallContext.within(Duration.ofSeconds(5), CLOCK);
  private static final CanonicalId ID = IdGenerator.create(CLOCK, new Random(1)).next(EntityType.CUSTOMER);

  /** CRM customer operations that declare nothing: every default applies. */
  private static class Bare<T extends CanonicalEntity> implements EntityOperations<T> {
    @Override
    public String systemId() {
      return "crm";
    }

    @Override
    public EntityType entityType() {
      return EntityType.CUSTOMER;
    }
  }

  @Test
  void defaults_throwCapabilityMissingNamingTheOperation() {
    Bare<Customer> ops = new Bare<>();
    requireMissing(() -> ops.read(CONTEXT, "001"), Operation.READ);
    requireMissing(() -> ops.find(CONTEXT, ID), Operation.READ);
    requireMissing(() -> ops.upsert(CONTEXT, null), Operation.UPSERT);
    requireMissing(() -> ops.create(CONTEXT, null), Operation.CREATE);
    requireMissing(() -> ops.delete(CONTEXT, "001"), Operation.DELETE);
    requireMissing(() -> ops.readAll(CONTEXT, PageRequest.first(10)), Operation.BULK_READ);
  }

  @Test
  void upsertAll_default_upsertsOneByOne_keepingEachOutcomeInOrder() {
    List<String> calls = new ArrayList<>();
    TransientFailureException timeout = new TransientFailureException("crm", "timed out");
    EntityOperations<CanonicalEntity> ops = upserting(record -> {
      calls.add("upsert " + calls.size());
      if (calls.size() == 2) {
        throw timeout;
      }
      return new WriteResult("ext-" + calls.size(), true, 1);
    });
    BatchResult result = ops.upsertAll(CONTEXT, Arrays.asList(null, null, null));
    assertThat(calls).containsExactly("upsert 0", "upsert 1", "upsert 2");
    assertThat(result.items()).containsExactly(
        new BatchResult.Written(0, new WriteResult("ext-1", true, 1)),
        new BatchResult.Failed(1, timeout),
        new BatchResult.Written(2, new WriteResult("ext-3", true, 1)));
  }

  @Test
  void upsertAll_default_stopsCallingOnceCredentialsOrRateAreRefused_failingTheRestAlike() {
    for (ConnectorException refusal : List.of(new AuthenticationFailedException("crm", "401"),
        new RateLimitedException("crm", "429", Duration.ofSeconds(30)))) {
      List<Integer> calls = new ArrayList<>();
      EntityOperations<CanonicalEntity> ops = upserting(record -> {
        calls.add(calls.size());
        if (calls.size() == 2) {
          throw refusal;
        }
        return new WriteResult("ext-" + calls.size(), true, 1);
      });
      BatchResult result = ops.upsertAll(CONTEXT, Arrays.asList(null, null, null, null));
      assertThat(calls).as("calls after a %s", refusal.kind()).containsExactly(0, 1);
      assertThat(result.items()).containsExactly(
          new BatchResult.Written(0, new WriteResult("ext-1", true, 1)),
          new BatchResult.Failed(1, refusal),
          new BatchResult.Failed(2, refusal),
          new BatchResult.Failed(3, refusal));
    }
  }

  @Test
  void upsertAll_default_letsAFailureThatIsNoConnectorExceptionThrough() {
    EntityOperations<CanonicalEntity> ops = upserting(record -> {
      throw new IllegalStateException("bug");
    });
    assertThatThrownBy(() -> ops.upsertAll(CONTEXT, Arrays.asList((CanonicalEntity) null)))
        .isInstanceOf(IllegalStateException.class).hasMessage("bug");
  }

  @Test
  void upsertAll_default_withoutUpsert_failsEachItemAsMissing() {
    BatchResult result = new Bare<Customer>().upsertAll(CONTEXT, Arrays.asList((Customer) null));
    assertThat(result.failures()).singleElement()
        .satisfies(f -> assertThat(f.failure()).isInstanceOf(CapabilityMissingException.class));
  }

  /** Returns CRM customer operations whose only override is {@code upsert}, answered by {@code upsert}. */
  private static EntityOperations<CanonicalEntity> upserting(Function<CanonicalEntity, WriteResult> upsert) {
    return new Bare<>() {
      @Override
      public WriteResult upsert(CallContext context, CanonicalEntity record) {
        return upsert.apply(record);
      }
    };
  }

  private static void requireMissing(ThrowingCallable call, Operation operation) {
    assertThatThrownBy(call).isInstanceOfSatisfying(CapabilityMissingException.class, e -> {
      assertThat(e.operation()).isEqualTo(operation);
      assertThat(e.entityType()).isEqualTo(EntityType.CUSTOMER);
      assertThat(e.systemId()).isEqualTo("crm");
      assertThat(e.kind()).isEqualTo(FailureKind.PERMANENT);
      assertThat(e.getMessage()).isEqualTo("[crm] the connector does not declare " + operation + " for CUSTOMER");
    });
  }
}
