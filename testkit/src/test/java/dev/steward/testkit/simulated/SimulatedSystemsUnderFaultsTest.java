package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.spi.CallContext;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.ConnectorConfig;
import dev.steward.spi.ConnectorException;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.FailureKind;
import dev.steward.spi.Operation;
import dev.steward.spi.Page;
import dev.steward.spi.PageRequest;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.WriteResult;
import dev.steward.testkit.simulated.InjectedFault.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The connector TCK's guarantees that still hold while a fault plan is active, where the SPI
 * promises them: a feed with duplicated and reordered deliveries still yields every change, under
 * the same id, in a form a consumer can restore; writes retried through transient errors and lost
 * answers leave one record per canonical id; and an idempotent create resent under its key makes
 * no second record.
 */
class SimulatedSystemsUnderFaultsTest {
  private static final int MAX_ATTEMPTS = 20;
  private final TestClock clock = new TestClock(TestRecords.T0);

  @ParameterizedTest
  @EnumSource(SimulatedPlatform.class)
  void changeFeed_withDuplicatesAndReorders_deliversEveryChangeUnderItsIdAndOrderable(SimulatedPlatform platform) {
    FaultPlan plan = FaultPlan.builder(11).duplicateDeliveries(0.25).reorderedChanges(0.25).build();
    SimulatedSystem healthy = platform.build(config(platform));
    SimulatedSystem faulty = platform.build(config(platform), plan);
    makeChanges(platform, List.of(healthy, faulty), firstType(healthy));

    List<Envelope> reference = drain(healthy, 4);
    List<Envelope> delivered = drain(faulty, 4);

    assertThat(faulty.faultLog()).extracting(InjectedFault::kind).contains(Kind.DUPLICATE_DELIVERY, Kind.REORDERED_CHANGES);
    assertThat(delivered).as("deliveries, duplicates included").hasSizeGreaterThan(reference.size());
    Map<String, Envelope> byId = new HashMap<>();
    reference.forEach(e -> byId.put(e.id(), e));
    assertThat(delivered).as("every delivery, a duplicate too, is a change of the healthy feed under its id")
        .allSatisfy(e -> assertThat(e).isEqualTo(byId.get(e.id())));
    Map<String, Envelope> deduplicated = new LinkedHashMap<>();
    delivered.forEach(e -> deduplicated.putIfAbsent(e.id(), e));
    List<Envelope> restored = new ArrayList<>(deduplicated.values());
    restored.sort(Comparator.comparing(Envelope::entityVersion));
    assertThat(restored).as("deliveries deduplicated by id and ordered by entity version").containsExactlyElementsOf(reference);
  }

  @ParameterizedTest
  @EnumSource(SimulatedPlatform.class)
  void upserts_retriedThroughTransientErrorsAndLostAnswers_leaveOneRecordPerCanonicalId(SimulatedPlatform platform) {
    FaultPlan plan = FaultPlan.builder(23).transientErrors(0.3).timeoutsAfterCommit(0.25).build();
    SimulatedSystem system = platform.build(config(platform), plan);
    upsertThroughFaults(platform, system, firstType(system).recordType());
    assertThat(system.faultLog()).extracting(InjectedFault::kind).contains(Kind.TRANSIENT_ERROR, Kind.TIMEOUT_AFTER_COMMIT);
  }

  @Test
  void billingCreates_resentUnderTheirKeyAfterLostAnswers_makeOneRecordEach() {
    FaultPlan plan = FaultPlan.builder(5).transientErrors(0.2).timeoutsAfterCommit(0.4).build();
    SimulatedBilling billing = (SimulatedBilling) SimulatedPlatform.BILLING.build(config(SimulatedPlatform.BILLING), plan);
    EntityOperations<Customer> customers = billing.operations(Customer.class);
    TckSamples samples = new TckSamples(SimulatedPlatform.BILLING, SimulatedPlatform.SEED);
    int replays = 0;
    for (int i = 1; i <= 10; i++) {
      Customer customer = samples.next(Customer.class, i);
      String key = "create-customer-" + i;
      WriteResult result = null;
      for (int attempt = 1; result == null; attempt++) {
        assertThat(attempt).as("attempts to create customer %s", i).isLessThanOrEqualTo(MAX_ATTEMPTS);
        try {
          result = customers.create(context().withIdempotencyKey(key), customer);
        } catch (ConnectorException e) {
          assertThat(e.retryable() || e.kind() == FailureKind.UNKNOWN_OUTCOME).as("%s is resendable under its key", e).isTrue();
        }
      }
      replays += result.created() ? 0 : 1;
      String externalId = result.externalId();
      assertThat(retrying(() -> customers.find(context(), customer.id()))).as("customer %s found by canonical id", i)
          .hasValueSatisfying(r -> assertThat(r.externalId()).as("its external id").isEqualTo(externalId));
      assertThat(billing.idempotencyKeysReceived()).contains(key);
    }
    assertThat(replays).as("creates answered with the first result after a lost answer").isPositive();
    assertThat(billing.recordCount(EntityType.CUSTOMER)).isEqualTo(10);
  }

  private <T extends CanonicalEntity> void upsertThroughFaults(SimulatedPlatform platform, SimulatedSystem system,
      Class<T> type) {
    EntityOperations<T> ops = system.operations(type);
    TckSamples samples = new TckSamples(platform, SimulatedPlatform.SEED);
    Map<CanonicalId, String> written = new LinkedHashMap<>();
    int lostAnswers = 0;
    for (int i = 1; i <= 12; i++) {
      T record = samples.next(type, i);
      String externalId = null;
      for (int attempt = 1; externalId == null; attempt++) {
        assertThat(attempt).as("attempts to upsert record %s", i).isLessThanOrEqualTo(MAX_ATTEMPTS);
        try {
          externalId = ops.upsert(context(), record).externalId();
        } catch (ConnectorException e) {
          if (e.kind() == FailureKind.UNKNOWN_OUTCOME) {
            // As the SPI says: read back before retrying. A lost answer here came after the write.
            lostAnswers++;
            Optional<RemoteRecord<T>> found = retrying(() -> ops.find(context(), record.id()));
            assertThat(found).as("record %s read back after a lost answer", i).isPresent();
            externalId = found.orElseThrow().externalId();
          } else {
            assertThat(e.retryable()).as("%s is retryable", e).isTrue();
          }
        }
      }
      written.put(record.id(), externalId);
    }
    assertThat(lostAnswers).as("upserts whose answer was lost").isPositive();
    assertThat(system.recordCount(firstType(system))).isEqualTo(written.size());
    Map<CanonicalId, List<String>> listed = new HashMap<>();
    Optional<PageRequest> request = Optional.of(PageRequest.first(5));
    while (request.isPresent()) {
      PageRequest r = request.orElseThrow();
      Page<RemoteRecord<T>> page = retrying(() -> ops.readAll(context(), r));
      page.items().forEach(item -> listed.computeIfAbsent(item.record().id(), k -> new ArrayList<>()).add(item.externalId()));
      request = page.next(5);
    }
    written.forEach((id, externalId) -> assertThat(listed.get(id)).as("records listed for %s", id).containsExactly(externalId));
  }

  /** Writes the same records to each system in the same order: creates, updates and, where declared, a delete. */
  private void makeChanges(SimulatedPlatform platform, List<SimulatedSystem> systems, EntityType type) {
    TckSamples samples = new TckSamples(platform, SimulatedPlatform.SEED);
    List<CanonicalEntity> records = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      records.add(samples.next(type.recordType(), i));
    }
    List<CanonicalEntity> updates = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      updates.add(samples.modify(records.get(i)));
    }
    for (SimulatedSystem system : systems) {
      EntityOperations<CanonicalEntity> ops = untyped(system, type);
      List<String> externalIds = new ArrayList<>();
      records.forEach(r -> externalIds.add(ops.upsert(context(), r).externalId()));
      updates.forEach(r -> ops.upsert(context(), r));
      if (system.capabilities().supports(type, Operation.DELETE)) {
        assertThat(ops.delete(context(), externalIds.get(4))).isTrue();
      }
    }
  }

  /** Polls the feed to its end, {@code limit} at a time, checking each poll is within its limit and repeatable. */
  private List<Envelope> drain(SimulatedSystem system, int limit) {
    List<Envelope> changes = new ArrayList<>();
    ChangeCursor cursor = ChangeCursor.beginning();
    for (int polls = 1; polls <= 100; polls++) {
      ChangePage page = system.changes(context(), cursor, limit);
      ChangePage again = system.changes(context(), cursor, limit);
      assertThat(page.changes()).as("poll %s", polls).hasSizeLessThanOrEqualTo(limit).isEqualTo(again.changes());
      assertThat(page.next()).as("cursor after poll %s, polled twice", polls).isEqualTo(again.next());
      changes.addAll(page.changes());
      cursor = page.next();
      if (!page.more()) {
        return changes;
      }
    }
    throw new AssertionError("the feed of " + system + " did not end within 100 polls");
  }

  /** Calls a read again while it fails with a retryable failure. */
  private static <R> R retrying(Supplier<R> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (ConnectorException e) {
        if (!e.retryable() || attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private ConnectorConfig config(SimulatedPlatform platform) {
    return ConnectorConfig.builder(platform.systemId()).clock(clock).build();
  }

  private CallContext context() {
    return CallContext.within(Duration.ofSeconds(30), clock);
  }

  private static EntityType firstType(SimulatedSystem system) {
    return system.capabilities().entityTypes().iterator().next();
  }

  @SuppressWarnings("unchecked") // the operations of a type's own record class
  private static EntityOperations<CanonicalEntity> untyped(SimulatedSystem system, EntityType type) {
    return (EntityOperations<CanonicalEntity>) system.operations(type);
  }
}
