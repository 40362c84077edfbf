package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.spi.CallContext;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int WRITES_PER_THREAD = 600;
  private static final int SHARED = 4;

  private final TestClock clock = new TestClock(TestRecords.T0);

  /** What one thread wrote: the result of each write, by canonical id, in the thread's order. */
  record Written(Map<CanonicalId, List<WriteResult>> results) {}

  @Test
  void eightThreads_oneRecordPerCanonicalId_distinctIncreasingVersions_andAFeedOfEveryWrite() throws Exception {
    SimulatedCrm crm = SimulatedCrm.builder().clock(clock).build();
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    TestRecords records = new TestRecords();
    List<CanonicalId> shared = new ArrayList<>();
    for (int i = 0; i < SHARED; i++) {
      shared.add(records.next(EntityType.CUSTOMER));
    }
    List<List<Customer>> perThread = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<Customer> writes = new ArrayList<>();
      for (int i = 0; i < WRITES_PER_THREAD; i++) {
        writes.add(i % 2 == 0 ? records.customer("T" + t + " own " + i)
            : records.customer(shared.get((i / 2) % SHARED), "shared by T" + t + " #" + i));
      }
      perThread.add(writes);
    }

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Written>> futures = new ArrayList<>();
    try {
      for (List<Customer> writes : perThread) {
        Callable<Written> task = () -> {
          start.await();
          Map<CanonicalId, List<WriteResult>> results = new HashMap<>();
          for (Customer c : writes) {
            WriteResult r = customers.upsert(CallContext.within(Duration.ofMinutes(1), clock), c);
            results.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(r);
          }
          return new Written(results);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<Written> all = new ArrayList<>();
      for (Future<Written> f : futures) {
        all.add(f.get(60, TimeUnit.SECONDS));
      }

      int distinctOwn = THREADS * (WRITES_PER_THREAD / 2);
      assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(distinctOwn + SHARED);

      Set<Long> versions = new HashSet<>();
      Map<CanonicalId, Set<String>> externalIds = new HashMap<>();
      Map<CanonicalId, Long> maxVersion = new HashMap<>();
      int created = 0;
      for (Written w : all) {
        for (Map.Entry<CanonicalId, List<WriteResult>> e : w.results().entrySet()) {
          long previous = 0;
          for (WriteResult r : e.getValue()) {
            assertThat(versions.add(r.version())).as("version %s given twice", r.version()).isTrue();
            assertThat(r.version()).as("versions of one id seen by one thread").isGreaterThan(previous);
            previous = r.version();
            externalIds.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(r.externalId());
            maxVersion.merge(e.getKey(), r.version(), Math::max);
            created += r.created() ? 1 : 0;
          }
        }
      }
      assertThat(created).isEqualTo(distinctOwn + SHARED);
      assertThat(externalIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
      assertThat(versions).hasSize(THREADS * WRITES_PER_THREAD);
      for (CanonicalId id : shared) {
        RemoteRecord<Customer> read = customers.find(CallContext.within(Duration.ofMinutes(1), clock), id).orElseThrow();
        assertThat(read.version()).isEqualTo(maxVersion.get(id));
      }

      ChangePage feed = crm.changes(CallContext.within(Duration.ofMinutes(1), clock), ChangeCursor.beginning(), 10_000);
      assertThat(feed.changes()).hasSize(THREADS * WRITES_PER_THREAD);
      assertThat(feed.changes()).extracting(Envelope::entityVersion).isSorted().doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(versions);
    } finally {
      pool.shutdownNow();
    }
  }
}
