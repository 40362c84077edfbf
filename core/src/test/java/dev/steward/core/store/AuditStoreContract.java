package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.audit.Actor;
import dev.steward.core.audit.AuditEvent;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.audit.AuditVerification;
import dev.steward.core.testing.MutableClock;
import dev.steward.model.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AuditStore} keeps: one suite, run against each backend by a subclass
 * that supplies a fresh, empty store. Entries are made by {@link AuditLog}, as in production, so
 * that the chain they form can be verified.
 */
abstract class AuditStoreContract {
  static final Actor ANALYST = Actor.user("anna.schmidt@acme.example");
  static final Actor ERP = Actor.system("erp");
  static final String CUSTOMER = "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA";
  static final String INVOICE = "inv_01JDQ6Z3M4X8E2T7V5K9W0B1NB";
  static final int THREADS = 8;
  static final int APPENDS_PER_THREAD = 40;

  // Nanoseconds on purpose: the entry's hash covers them, so a store must give them back.
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00.123456789Z"));
  protected AuditStore store;
  protected AuditLog log;

  /** Returns a fresh, empty store. */
  protected abstract AuditStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    log = AuditLog.of(store, clock);
  }

  static Fingerprint fp(String s) {
    return Fingerprint.sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends the five entries of a working day, a minute apart. */
  List<AuditRecord> fiveEntries() {
    List<AuditRecord> out = new ArrayList<>();
    out.add(log.append(AuditEvent.of(ERP, "ownership.decide").entity(CUSTOMER).attributes(List.of("/legalName"))
        .fingerprints(fp("v6"), fp("v7")).correlationId("c-1").policyVersion("2026.11").build()));
    clock.advance(Duration.ofMinutes(1));
    out.add(log.append(AuditEvent.of(ANALYST, "mapping.change")
        .details(Map.of("mapping", "project-code->dimension", "reason", "new cost centre")).build()));
    clock.advance(Duration.ofMinutes(1));
    out.add(log.append(AuditEvent.of(ANALYST, "override.approve").entity(INVOICE).correlationId("c-2").build()));
    clock.advance(Duration.ofMinutes(1));
    out.add(log.append(AuditEvent.of(Actor.user("ops.lead@acme.example"), "transaction.reprocess").entity(INVOICE)
        .correlationId("c-2").build()));
    clock.advance(Duration.ofMinutes(1));
    out.add(log.append(AuditEvent.of(ERP, "ownership.decide").entity(CUSTOMER).correlationId("c-3").build()));
    return out;
  }

  static List<Long> sequences(List<AuditRecord> records) {
    return records.stream().map(AuditRecord::sequence).toList();
  }

  @Test
  void anEmptyStore_readsNothing_andOffersTheFirstAppendNoLastEntry() {
    AtomicReference<Optional<AuditRecord>> seen = new AtomicReference<>();

    AuditRecord first = store.append(last -> {
      seen.set(last);
      return new AuditRecord(1, clock.instant(), AuditEvent.of(ERP, "steward.start").build(), AuditLog.GENESIS,
          "f".repeat(64));
    });

    assertThat(seen.get()).isEmpty();
    assertThat(store.read(1, 10)).containsExactly(first);
  }

  @Test
  void append_offersTheLastEntry_andEveryFieldReadsBackAsAppended() {
    AuditRecord full = log.append(AuditEvent.of(ANALYST, "override.approve").entity(INVOICE)
        .attributes(List.of("/lines/2/quantity", "/billingAddress/country", "/lines/0/quantity"))
        .fingerprints(fp("before"), fp("after")).correlationId("c-\u00e9\u4e2d").policyVersion("2026.11")
        .details(Map.of("reason", "Kunde bestätigt \"Rabatt\" 10 %\nzweite Zeile", "ticket", "OPS-17", "z", "",
            "emoji", "\ud83d\ude00"))
        .build());
    clock.advance(Duration.ofNanos(1));
    AtomicReference<Optional<AuditRecord>> seen = new AtomicReference<>();
    AuditRecord bare = store.append(last -> {
      seen.set(last);
      return new AuditRecord(last.orElseThrow().sequence() + 1, clock.instant(), AuditEvent.of(ERP, "steward.start")
          .build(), last.orElseThrow().hash(), "e".repeat(64));
    });

    assertThat(seen.get()).contains(full);
    assertThat(store.read(1, 10)).containsExactly(full, bare);
    assertThat(bare.event().entity()).isNull();
    assertThat(bare.event().attributes()).isEmpty();
    assertThat(bare.event().details()).isEmpty();
  }

  @Test
  void times_keepTheirNanoseconds_soTheChainVerifies() {
    List<AuditRecord> appended = fiveEntries();

    assertThat(store.read(1, 10)).extracting(AuditRecord::at)
        .containsExactlyElementsOf(appended.stream().map(AuditRecord::at).toList())
        .allMatch(t -> t.getNano() % 1_000 == 789);
    AuditVerification v = log.verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.checked()).isEqualTo(5);
  }

  @Test
  void read_pagesFromASequence_inSequenceOrder() {
    List<AuditRecord> all = fiveEntries();

    assertThat(store.read(1, 10)).isEqualTo(all);
    assertThat(sequences(store.read(2, 2))).containsExactly(2L, 3L);
    assertThat(sequences(store.read(4, 10))).containsExactly(4L, 5L);
    assertThat(store.read(6, 10)).isEmpty();
    assertThat(sequences(store.read(Long.MIN_VALUE, 1))).containsExactly(1L);
    assertThatThrownBy(() -> store.read(1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void query_answersWhoDidWhat_byEachCriterion_oldestFirst() {
    fiveEntries();

    assertThat(sequences(store.query(AuditQuery.all()))).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(sequences(store.query(AuditQuery.all().withAction("ownership.decide")))).containsExactly(1L, 5L);
    assertThat(sequences(store.query(AuditQuery.all().byActor(ANALYST)))).containsExactly(2L, 3L);
    assertThat(sequences(store.query(AuditQuery.all().onEntity(INVOICE)))).containsExactly(3L, 4L);
    assertThat(sequences(store.query(AuditQuery.all().inCorrelation("c-2")))).containsExactly(3L, 4L);
    assertThat(store.query(AuditQuery.all().withAction("override.approve").onEntity(INVOICE)))
        .extracting(r -> r.event().actor()).containsExactly(ANALYST);
    assertThat(store.query(AuditQuery.all().withAction("transaction.reprocess")))
        .extracting(r -> r.event().actor().id()).containsExactly("ops.lead@acme.example");
    assertThat(store.query(AuditQuery.all().onEntity(CUSTOMER).inCorrelation("c-2"))).isEmpty();
    assertThat(sequences(store.query(new AuditQuery(null, null, null, null, null, null, 2, AuditQuery.Order.OLDEST_FIRST)))).containsExactly(1L, 2L);
    assertThat(sequences(store.query(new AuditQuery(null, "ownership.decide", null, null, null, null, 1, AuditQuery.Order.OLDEST_FIRST))))
        .containsExactly(1L);
    assertThat(sequences(store.query(AuditQuery.all().newestFirst()))).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(sequences(store.query(AuditQuery.all().withAction("ownership.decide").newestFirst().limitedTo(1))))
        .as("who last decided: the newest match, not the oldest").containsExactly(5L);
    assertThat(sequences(store.query(AuditQuery.all().byActor(ANALYST).limitedTo(1)))).containsExactly(2L);
  }

  @Test
  void query_byActor_tellsAPersonFromASystemOfTheSameId() {
    log.append(AuditEvent.of(Actor.system("erp"), "invoice.post").build());
    log.append(AuditEvent.of(Actor.user("erp"), "invoice.post").build());

    assertThat(sequences(store.query(AuditQuery.all().byActor(Actor.user("erp"))))).containsExactly(2L);
    assertThat(sequences(store.query(AuditQuery.all().byActor(Actor.system("erp"))))).containsExactly(1L);
  }

  @Test
  void query_byTime_includesFrom_andExcludesUntil_toTheNanosecond() {
    Instant t = clock.instant();
    log.append(AuditEvent.of(ERP, "a").build()); // t
    clock.advance(Duration.ofNanos(1));
    log.append(AuditEvent.of(ERP, "b").build()); // t + 1 ns
    clock.advance(Duration.ofNanos(999));
    log.append(AuditEvent.of(ERP, "c").build()); // t + 1 µs
    clock.advance(Duration.ofNanos(1));
    log.append(AuditEvent.of(ERP, "d").build()); // t + 1 µs + 1 ns
    clock.advance(Duration.ofMinutes(1));
    log.append(AuditEvent.of(ERP, "e").build()); // t + 1 min + 1001 ns

    assertThat(sequences(store.query(AuditQuery.all().between(t.plusNanos(1), t.plusNanos(1_001)))))
        .containsExactly(2L, 3L);
    assertThat(sequences(store.query(AuditQuery.all().between(t, t.plusNanos(1))))).containsExactly(1L);
    assertThat(sequences(store.query(AuditQuery.all().between(t.plusNanos(2), t.plusNanos(1_000))))).isEmpty();
    assertThat(sequences(store.query(new AuditQuery(null, null, null, null, t.plusNanos(1_001), null, 100, AuditQuery.Order.OLDEST_FIRST))))
        .containsExactly(4L, 5L);
    assertThat(sequences(store.query(new AuditQuery(null, null, null, null, null, t.plusNanos(1_000), 100, AuditQuery.Order.OLDEST_FIRST))))
        .containsExactly(1L, 2L);
    assertThat(sequences(store.query(AuditQuery.all().between(Instant.MIN, Instant.MAX))))
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(store.query(AuditQuery.all().between(Instant.MAX.minusSeconds(1), Instant.MAX))).isEmpty();
    assertThat(store.query(AuditQuery.all().between(Instant.MIN, Instant.MIN.plusSeconds(1)))).isEmpty();
  }

  @Test
  void anAppendWhoseNextEntryFails_appendsNothing() {
    IllegalStateException boom = new IllegalStateException("the host's clock failed");

    assertThatThrownBy(() -> store.append(last -> {
      throw boom;
    })).isSameAs(boom);
    assertThatThrownBy(() -> store.append(last -> null)).isInstanceOf(NullPointerException.class);

    assertThat(store.read(1, 10)).isEmpty();
    assertThat(log.append(AuditEvent.of(ERP, "steward.start").build()).sequence()).isEqualTo(1);
    assertThat(log.verify().intact()).isTrue();
  }

  @Test
  void concurrentAppendsFromEightThreads_makeOneChain() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(threads.submit(() -> {
          start.await();
          for (int i = 0; i < APPENDS_PER_THREAD; i++) {
            clock.advance(Duration.ofNanos(1));
            log.append(AuditEvent.of(ERP, "ownership.decide").correlationId("t" + thread + "-" + i).build());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    AuditVerification v = log.verify();

    assertThat(v.breaks()).isEmpty();
    assertThat(v.checked()).isEqualTo(THREADS * APPENDS_PER_THREAD);
    assertThat(sequences(store.read(1, 10_000)))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, THREADS * APPENDS_PER_THREAD).boxed().toList());
  }
}
