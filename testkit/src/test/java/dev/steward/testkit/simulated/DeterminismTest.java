package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.model.InvoiceStatus;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.ConnectorException;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.RateLimit;
import dev.steward.spi.WriteResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Same seeds and the same calls give the same ids, faults and change feeds, run after run. */
class DeterminismTest {
  private static final FaultPlan PLAN = FaultPlan.builder(2026)
      .latency(Latency.exponential(Duration.ofMillis(200), Duration.ofSeconds(3)))
      .transientErrors(0.1)
      .rateLimit(RateLimit.of(8, Duration.ofSeconds(1)))
      .timeoutsAfterCommit(0.05)
      .partialBatchFailures(0.1)
      .duplicateDeliveries(0.1)
      .reorderedChanges(0.1)
      .answerCalls(17, 2, HttpAnswer.of(503))
      .build();

  /** Everything a run observed, in order. */
  record Run(List<String> outcomes, List<InjectedFault> faults, List<String> feed) {}

  @Test
  void sameSeedsAndCalls_giveIdenticalIdsFaultsAndFeeds() {
    Run first = run(SimulatedCrm.builder(), 11, PLAN);
    Run second = run(SimulatedCrm.builder(), 11, PLAN);

    assertThat(second).isEqualTo(first);
    assertThat(first.faults()).extracting(InjectedFault::kind).contains(InjectedFault.Kind.values());
    assertThat(first.outcomes()).anyMatch(o -> o.startsWith("written")).anyMatch(o -> o.startsWith("failed"));
  }

  @Test
  void everySystem_isReproducible() {
    assertThat(run(SimulatedPsa.builder(), 3, PLAN)).isEqualTo(run(SimulatedPsa.builder(), 3, PLAN));
    assertThat(run(SimulatedErp.builder(), 3, PLAN)).isEqualTo(run(SimulatedErp.builder(), 3, PLAN));
    assertThat(run(SimulatedBilling.builder(), 3, PLAN)).isEqualTo(run(SimulatedBilling.builder(), 3, PLAN));
  }

  @Test
  void anotherPlanSeed_givesOtherFaults_andAnotherSystemSeed_otherIds() {
    Run base = run(SimulatedBilling.builder(), 11, PLAN);
    Run otherFaults = run(SimulatedBilling.builder(), 11, PLAN.withSeed(7));
    Run otherIds = run(SimulatedBilling.builder(), 12, FaultPlan.none());
    Run noFaults = run(SimulatedBilling.builder(), 11, FaultPlan.none());

    assertThat(otherFaults.faults()).isNotEqualTo(base.faults());
    assertThat(otherIds.outcomes()).isNotEqualTo(noFaults.outcomes());
    assertThat(noFaults.faults()).isEmpty();
  }

  /** A workload of upserts, creates, batches, reads, deletes and feed polls, each call's outcome noted. */
  private static <S extends SimulatedSystem> Run run(SimulatedSystem.Builder<S> builder, long seed, FaultPlan plan) {
    TestClock clock = new TestClock(TestRecords.T0);
    S system = builder.clock(clock).seed(seed).faultPlan(plan).sleeper(clock::advance).build();
    TestRecords records = new TestRecords(99);
    EntityType type = system.capabilities().entityTypes().contains(EntityType.CUSTOMER) ? EntityType.CUSTOMER
        : system.capabilities().entityTypes().iterator().next();
    List<String> outcomes = new ArrayList<>();
    List<CanonicalEntity> written = new ArrayList<>();
    Supplier<CallContext> ctx = () -> CallContext.within(Duration.ofMillis(clock.instant().getNano() % 3 == 0 ? 250 : 5_000), clock);
    for (int i = 0; i < 120; i++) {
      CanonicalEntity record = record(records, type, i);
      written.add(record);
      final int n = i;
      note(outcomes, () -> "written " + describe(write(system, record, ctx.get(), n % 7 == 3)));
      if (i % 5 == 4) {
        CanonicalEntity earlier = written.get(i / 2);
        note(outcomes, () -> "found " + operations(system, earlier).find(ctx.get(), earlier.id()).map(r -> r.externalId() + "@" + r.version()));
      }
      if (i % 20 == 19) {
        List<CanonicalEntity> batch = new ArrayList<>();
        int size = Math.min(10, system.capabilities().maxBatchSize());
        for (int j = 0; j < size; j++) {
          batch.add(record(records, type, 1_000 + i * 10 + j));
        }
        note(outcomes, () -> "batch " + describe(upsertAll(system, batch, ctx.get())));
      }
      clock.advance(Duration.ofMillis(37));
    }
    List<String> feed = new ArrayList<>();
    ChangeCursor cursor = ChangeCursor.beginning();
    for (int polls = 0; polls < 200; polls++) {
      try {
        ChangePage page = system.changes(CallContext.within(Duration.ofSeconds(10), clock), cursor, 9);
        for (Envelope e : page.changes()) {
          feed.add(e.id() + " " + e.type() + " " + e.subject() + " " + e.entityVersion() + " " + e.data());
        }
        cursor = page.next();
        if (!page.more()) {
          break;
        }
      } catch (ConnectorException e) {
        feed.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        clock.advance(Duration.ofSeconds(1));
      }
    }
    return new Run(outcomes, system.faultLog(), feed);
  }

  private static CanonicalEntity record(TestRecords records, EntityType type, int i) {
    CanonicalId customer = records.next(EntityType.CUSTOMER);
    switch (type) {
      case CUSTOMER:
        return records.customer("Customer " + i);
      case PROJECT:
        return records.project(customer, "P-" + i);
      default:
        return records.invoice(customer, LocalDate.of(2026, 11, 1 + i % 28), InvoiceStatus.DRAFT);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends CanonicalEntity> EntityOperations<T> operations(SimulatedSystem system, T record) {
    return (EntityOperations<T>) system.operations(record.getClass());
  }

  private static <T extends CanonicalEntity> WriteResult write(SimulatedSystem system, T record, CallContext ctx, boolean create) {
    EntityOperations<T> ops = operations(system, record);
    return create ? ops.create(ctx.withIdempotencyKey("k-" + record.id()), record) : ops.upsert(ctx, record);
  }

  @SuppressWarnings("unchecked")
  private static <T extends CanonicalEntity> BatchResult upsertAll(SimulatedSystem system, List<CanonicalEntity> batch,
      CallContext ctx) {
    EntityOperations<T> ops = operations(system, (T) batch.get(0));
    return ops.upsertAll(ctx, (List<T>) batch);
  }

  private static String describe(Object result) {
    if (result instanceof BatchResult b) {
      StringBuilder s = new StringBuilder();
      for (BatchResult.Item item : b.items()) {
        s.append(item instanceof BatchResult.Written w ? describe(w.result()) : "failed " + ((BatchResult.Failed) item).failure().kind())
            .append("; ");
      }
      return s.toString();
    }
    return String.valueOf(result);
  }

  private static void note(List<String> outcomes, Supplier<String> call) {
    try {
      outcomes.add(call.get());
    } catch (ConnectorException e) {
      outcomes.add("failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
