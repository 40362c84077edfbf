package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.spi.AuthenticationFailedException;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.FailureKind;
import dev.steward.spi.Operation;
import dev.steward.spi.RateLimit;
import dev.steward.spi.RateLimitedException;
import dev.steward.spi.TransientFailureException;
import dev.steward.spi.UnknownOutcomeException;
import dev.steward.spi.WriteResult;
import dev.steward.testkit.simulated.InjectedFault.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private final TestClock clock = new TestClock(TestRecords.T0);
  private final TestRecords records = new TestRecords();

  private CallContext ctx() {
    return CallContext.within(Duration.ofSeconds(30), clock);
  }

  private CallContext within(Duration timeout) {
    return CallContext.within(timeout, clock);
  }

  private SimulatedCrm crm(FaultPlan plan) {
    return SimulatedCrm.builder().clock(clock).faultPlan(plan).sleeper(clock::advance).build();
  }

  @Test
  void transientErrors_answer503AndApplyNothing() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).transientErrors(1.0).build());
    TransientFailureException e = catchThrowableOfType(
        () -> crm.operations(Customer.class).upsert(ctx(), records.customer("Acme")), TransientFailureException.class);

    assertThat(e).hasMessageContaining("503");
    assertThat(e.retryable()).isTrue();
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isZero();
    assertThat(crm.faultLog()).singleElement().satisfies(f -> {
      assertThat(f.call()).isEqualTo(1);
      assertThat(f.operation()).isEqualTo(Operation.UPSERT);
      assertThat(f.entityType()).isEqualTo(EntityType.CUSTOMER);
      assertThat(f.kind()).isEqualTo(Kind.TRANSIENT_ERROR);
    });
  }

  @Test
  void transientErrors_hitTheShareOfCallsThePlanSays() {
    SimulatedCrm crm = crm(FaultPlan.builder(3).transientErrors(0.2).build());
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    int failed = 0;
    for (int i = 0; i < 1_000; i++) {
      try {
        customers.upsert(ctx(), records.customer("C" + i));
      } catch (TransientFailureException e) {
        failed++;
      }
    }
    assertThat(failed).isBetween(150, 250);
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(1_000 - failed);
    assertThat(crm.faultsInjected()).isEqualTo(failed);
  }

  @Test
  void rateLimit_answers429WithRetryAfterUntilTheWindowEnds() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).rateLimit(RateLimit.of(2, Duration.ofSeconds(10))).build());
    assertThat(crm.capabilities().rateLimit()).contains(RateLimit.of(2, Duration.ofSeconds(10)));
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    clock.advance(Duration.ofMillis(2_500));
    customers.upsert(ctx(), records.customer("A"));
    customers.upsert(ctx(), records.customer("B"));

    RateLimitedException e = catchThrowableOfType(() -> customers.upsert(ctx(), records.customer("C")),
        RateLimitedException.class);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(8));
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(2);
    assertThat(crm.faultLog()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
      assertThat(f.detail()).contains("Retry-After: 8");
    });

    clock.advance(Duration.ofSeconds(8));
    assertThat(customers.upsert(ctx(), records.customer("C")).created()).isTrue();
  }

  @Test
  void timeoutAfterCommit_appliesTheWriteThenReportsAnUnknownOutcome() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).timeoutsAfterCommit(1.0).build());
    Customer acme = records.customer("Acme");
    UnknownOutcomeException e = catchThrowableOfType(() -> crm.operations(Customer.class).upsert(ctx(), acme),
        UnknownOutcomeException.class);

    assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME);
    assertThat(crm.operations(Customer.class).find(ctx(), acme.id())).isPresent();
    assertThat(crm.faultLog()).extracting(InjectedFault::kind).containsExactly(Kind.TIMEOUT_AFTER_COMMIT);
  }

  @Test
  void latencyPastTheDeadlineBeforeCommit_isTransientAndAppliesNothing() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).latency(Latency.fixed(Duration.ofSeconds(4))).build());
    Customer acme = records.customer("Acme");
    assertThatThrownBy(() -> crm.operations(Customer.class).upsert(within(Duration.ofSeconds(1)), acme))
        .isInstanceOf(TransientFailureException.class).hasMessageContaining("before the system applied it");

    assertThat(crm.recordCount(EntityType.CUSTOMER)).isZero();
    assertThat(clock.instant()).isEqualTo(TestRecords.T0.plusSeconds(1));
    assertThat(crm.faultLog()).extracting(InjectedFault::kind).containsExactly(Kind.LATENCY, Kind.TIMEOUT_BEFORE_COMMIT);
  }

  @Test
  void latencyPastTheDeadlineAfterCommit_isAnUnknownOutcomeForWrites_andTransientForReads() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).latency(Latency.fixed(Duration.ofSeconds(4))).build());
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    Customer acme = records.customer("Acme");
    assertThatThrownBy(() -> customers.upsert(within(Duration.ofSeconds(3)), acme))
        .isInstanceOf(UnknownOutcomeException.class);
    assertThat(clock.instant()).isEqualTo(TestRecords.T0.plusSeconds(3));

    assertThatThrownBy(() -> customers.find(within(Duration.ofSeconds(3)), acme.id()))
        .isInstanceOf(TransientFailureException.class).hasMessageContaining("waiting for the answer");
    // Read back with a deadline the latency fits in: the first write was applied, at 2 s.
    assertThat(customers.find(within(Duration.ofSeconds(5)), acme.id()).orElseThrow().modifiedAt())
        .isEqualTo(TestRecords.T0.plusSeconds(2));
  }

  @Test
  void latencyWithinTheDeadline_isSpentThroughTheSleeper() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).latency(Latency.fixed(Duration.ofMillis(300))).build());
    WriteResult result = crm.operations(Customer.class).upsert(ctx(), records.customer("Acme"));

    assertThat(result.created()).isTrue();
    assertThat(clock.instant()).isEqualTo(TestRecords.T0.plusMillis(300));
    assertThat(crm.operations(Customer.class).read(ctx(), result.externalId()).orElseThrow().modifiedAt())
        .isEqualTo(TestRecords.T0.plusMillis(150));
    assertThat(crm.faultLog()).extracting(InjectedFault::detail).containsExactly("300 ms", "300 ms");
  }

  @Test
  void partialBatchFailure_failsSomeRecordsTransiently_andWritesTheRest() {
    SimulatedCrm crm = crm(FaultPlan.builder(4).partialBatchFailures(0.3).build());
    List<Customer> batch = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      batch.add(records.customer("C" + i));
    }
    BatchResult result = crm.operations(Customer.class).upsertAll(ctx(), batch);

    assertThat(result.failures()).hasSizeBetween(15, 45);
    assertThat(result.failures()).allSatisfy(f -> {
      assertThat(f.failure().kind()).isEqualTo(FailureKind.TRANSIENT);
      assertThat(f.failure()).hasMessageContaining("UNABLE_TO_LOCK_ROW");
      assertThat(crm.operations(Customer.class).find(ctx(), batch.get(f.index()).id())).isEmpty();
    });
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(100 - result.failures().size());
    assertThat(crm.faultLog()).filteredOn(f -> f.kind() == Kind.PARTIAL_BATCH_FAILURE).hasSize(result.failures().size());
  }

  @Test
  void duplicateDeliveries_repeatAnEnvelope_butTheCursorMovesPastEachChangeOnce() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).duplicateDeliveries(1.0).build());
    for (int i = 0; i < 3; i++) {
      crm.operations(Customer.class).upsert(ctx(), records.customer("C" + i));
    }
    ChangePage page = crm.changes(ctx(), ChangeCursor.beginning(), 5);

    assertThat(page.changes()).hasSize(5);
    assertThat(page.changes()).extracting(Envelope::id).containsExactly("1", "1", "2", "2", "3");
    assertThat(page.changes().get(0)).isEqualTo(page.changes().get(1));
    assertThat(page.more()).isFalse();
    assertThat(page.next().value()).isEqualTo("crm:3");
    assertThat(crm.faultLog()).filteredOn(f -> f.kind() == Kind.DUPLICATE_DELIVERY).hasSize(2);
  }

  @Test
  void reorderedChanges_swapNeighboursWithinAPageOnly() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).reorderedChanges(1.0).build());
    for (int i = 0; i < 5; i++) {
      crm.operations(Customer.class).upsert(ctx(), records.customer("C" + i));
    }
    ChangePage first = crm.changes(ctx(), ChangeCursor.beginning(), 3);
    ChangePage second = crm.changes(ctx(), first.next(), 3);

    assertThat(first.changes()).extracting(Envelope::id).containsExactly("2", "1", "3");
    assertThat(first.next().value()).isEqualTo("crm:3");
    assertThat(second.changes()).extracting(Envelope::id).containsExactly("5", "4");
    assertThat(crm.faultLog()).filteredOn(f -> f.kind() == Kind.REORDERED_CHANGES).extracting(InjectedFault::detail)
        .containsExactly("change 1 delivered after change 2", "change 4 delivered after change 5");
  }

  @Test
  void cursor_withDuplicatesAndReordering_neverSkipsOrRepeatsAChange() {
    SimulatedErp erp = SimulatedErp.builder().clock(clock)
        .faultPlan(FaultPlan.builder(8).duplicateDeliveries(0.3).reorderedChanges(0.3).build()).build();
    Set<Long> written = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      written.add(erp.operations(Customer.class).upsert(ctx(), records.customer("C" + i)).version());
    }
    List<Long> delivered = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    ChangeCursor cursor = ChangeCursor.beginning();
    int polls = 0;
    boolean more = true;
    while (more) {
      ChangePage page = erp.changes(ctx(), cursor, 7);
      for (Envelope e : page.changes()) {
        if (ids.add(e.id())) {
          delivered.add(e.entityVersion());
        }
      }
      cursor = page.next();
      more = page.more();
      polls++;
    }
    assertThat(delivered).hasSize(200).containsExactlyInAnyOrderElementsOf(written);
    assertThat(delivered).isNotEqualTo(delivered.stream().sorted().toList());
    assertThat(erp.faultLog()).extracting(InjectedFault::kind).contains(Kind.DUPLICATE_DELIVERY, Kind.REORDERED_CHANGES);
    assertThat(polls).isGreaterThanOrEqualTo(200 / 7);
  }

  @Test
  void scriptedAnswers_areClassifiedAndUsedUpInOrder() {
    SimulatedCrm crm = crm(FaultPlan.none());
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    crm.answerNext(Operation.UPSERT, 1, HttpAnswer.of(429).withHeader("Retry-After", "7"));
    crm.answerNext(2, HttpAnswer.of(503));

    Customer acme = records.customer("Acme");
    RateLimitedException limited = catchThrowableOfType(() -> customers.upsert(ctx(), acme), RateLimitedException.class);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
    assertThatThrownBy(() -> customers.find(ctx(), acme.id())).isInstanceOf(TransientFailureException.class);
    assertThatThrownBy(() -> customers.upsert(ctx(), acme)).isInstanceOf(TransientFailureException.class);
    assertThat(customers.upsert(ctx(), acme).created()).isTrue();
    assertThat(crm.faultLog()).extracting(InjectedFault::kind).containsOnly(Kind.SCRIPTED_ANSWER).hasSize(3);
    assertThat(crm.faultLog()).extracting(InjectedFault::call).containsExactly(1L, 2L, 3L);
  }

  @Test
  void scriptedAnswers_forAnOperation_leaveOtherOperationsAlone() {
    SimulatedCrm crm = crm(FaultPlan.none());
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    crm.answerNext(Operation.DELETE, 1, HttpAnswer.of(500));
    WriteResult written = customers.upsert(ctx(), records.customer("Acme"));
    assertThatThrownBy(() -> customers.delete(ctx(), written.externalId())).isInstanceOf(TransientFailureException.class);
    crm.answerNext(5, HttpAnswer.of(503));
    crm.clearScriptedAnswers();
    assertThat(customers.delete(ctx(), written.externalId())).isTrue();
  }

  @Test
  void scheduledAnswers_hitTheNumberedCalls() {
    SimulatedCrm crm = crm(FaultPlan.builder(1).answerCalls(2, 1, HttpAnswer.of(401)).build());
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    customers.upsert(ctx(), records.customer("A"));
    assertThatThrownBy(() -> customers.upsert(ctx(), records.customer("B")))
        .isInstanceOf(AuthenticationFailedException.class);
    customers.upsert(ctx(), records.customer("C"));
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(2);
  }

  @Test
  void failureMessages_quoteAtMost100CharactersOfACallersId() {
    SimulatedCrm crm = crm(FaultPlan.none());
    crm.answerNext(1, HttpAnswer.of(503));
    String huge = "x".repeat(10_000);
    TransientFailureException e = catchThrowableOfType(() -> crm.operations(Customer.class).read(ctx(), huge),
        TransientFailureException.class);
    assertThat(e.getMessage()).hasSizeLessThan(300).contains("x".repeat(100) + "...");
  }

  @Test
  void faultLog_keepsTheNewestUpToItsCapacity() {
    SimulatedCrm crm = SimulatedCrm.builder().clock(clock).faultLogCapacity(2)
        .faultPlan(FaultPlan.builder(1).transientErrors(1.0).build()).build();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> crm.operations(Customer.class).find(ctx(), records.next(EntityType.CUSTOMER)))
          .isInstanceOf(TransientFailureException.class);
    }
    assertThat(crm.faultLog()).extracting(InjectedFault::call).containsExactly(4L, 5L);
    assertThat(crm.faultsInjected()).isEqualTo(5);
  }
}
