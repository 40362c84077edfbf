package dev.steward.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.PayloadFingerprints;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.core.store.InMemoryIdempotencyStore;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import tools.jackson.databind.JsonNode;

/**
 * The idempotency hot path in memory: each operation claims a key never seen before and records
 * its outcome, as a consumer does for every new message.
 *
 * <ul>
 *   <li>{@code claimComplete} runs {@link InMemoryIdempotencyStore#claim} then {@link
 *       InMemoryIdempotencyStore#complete} on a fresh key. Keys are made once, in a ring of
 *       {@value #RING} (so key creation and validation are not measured), and each thread walks
 *       its own slice of it; the fingerprints are computed beforehand. Retention is 24 h, the lease
 *       30 s and the clock fixed, so nothing expires, is purged or is evicted while measuring
 *       (the store's bound is {@value #MAXIMUM_SIZE} records, above the ring). Every call checks
 *       the claim was {@linkplain Claim.Acquired acquired}: a repeated key fails the run.
 *   <li>{@code baseline_putIfAbsent} is the floor: a bare {@link ConcurrentHashMap#putIfAbsent}
 *       of the same keys, no lease, no outcome, no expiry.
 *   <li>{@code baseline_caffeinePut} is the floor of a store on Caffeine: a bare {@code put} of the
 *       same keys into a bounded Caffeine cache with a fixed expiry, no lease, no outcome check.
 *   <li>{@code peer_camelMemoryRepository} is what a Camel user would pick: Camel's {@link
 *       MemoryIdempotentRepository} {@code add} then {@code confirm} of the same key strings, its
 *       LRU bound above the ring so it evicts nothing. It records no fingerprint, lease or outcome.
 *   <li>{@code fingerprint2kb} is {@link PayloadFingerprints#of(JsonNode)} on an invoice payload
 *       of about 2 KB in canonical form (the {@code invoice.json} of {@link CanonicalJsonBenchmark},
 *       read as a tree): what a caller pays before it may claim.
 * </ul>
 *
 * <p>Two starting points ({@code start}): {@code empty} — the store, map and repository start
 * empty at each iteration and grow through it, so every record made stays live and the garbage
 * collector copies them all, the worst case; {@code atBound} — each starts full at {@value
 * #BOUND} records and one leaves for each one made, the steady state of a bounded store.
 * Throughput, in operations per second; run once with one thread and once with two:
 * {@code java -jar benchmarks/target/benchmarks.jar IdempotencyBenchmark -prof gc -t 1}, then
 * {@code -t 2}. Keep iterations at 1 s or less ({@code -r 1}): a thread that uses up its slice of
 * the ring within one iteration fails the run rather than repeat a key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class IdempotencyBenchmark {
  /** Keys made beforehand, shared out between the threads. */
  static final int RING = 1 << 22;
  /** The store's bound on records, above the ring so that nothing is evicted. */
  static final long MAXIMUM_SIZE = 1L << 23;
  /** Distinct payload fingerprints, cycled through with the keys. */
  static final int FINGERPRINTS = 256;

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final String NAMESPACE = "erp.post-invoice";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final CanonicalJson json = CanonicalJson.ofDefaults();
  private final PayloadFingerprints fingerprints = PayloadFingerprints.using(json);
  private final Instant expiresAt = NOW.plus(RETENTION);
  private final RecordedOutcome outcome =
      RecordedOutcome.success("{\"invoiceId\":\"inv-2026-000123\",\"status\":\"POSTED\"}", NOW);

  private IdempotencyKey[] keys;
  private String[] keyStrings;
  private Fingerprint[] payloadFingerprints;
  private JsonNode invoice;

  /**
   * {@code empty}: the store, map and repository start empty at each iteration and grow through
   * it, so every record made stays live and the collector copies all of them. {@code atBound}:
   * each starts full at {@value #BOUND} records and stays there, one record leaving for each one
   * made (Caffeine's eviction, a removal of the oldest key from the map, Camel's LRU), as a
   * bounded store does once it has run for a while.
   */
  @Param({"empty", "atBound"})
  public String start;

  /** The size of the store, map and repository in the {@code atBound} scenario. */
  static final int BOUND = 1 << 16;

  private InMemoryIdempotencyStore store;
  private ConcurrentHashMap<IdempotencyKey, RecordedOutcome> map;
  private IdempotentRepository camel;
  private Cache<IdempotencyKey, RecordedOutcome> caffeine;
  private IdempotencyKey[] prefill;

  /** Each thread's slice of the ring and its place in it. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    int end;
    int slice;
    int first;
    boolean bounded;
    int share;
    int prefillBase;

    /** Starts the thread at the beginning of its slice. */
    @Setup(Level.Iteration)
    public void reset(ThreadParams threads, IdempotencyBenchmark benchmark) {
      slice = RING / threads.getThreadCount();
      next = threads.getThreadIndex() * slice;
      first = next;
      end = next + slice;
      bounded = "atBound".equals(benchmark.start);
      share = BOUND / threads.getThreadCount();
      prefillBase = threads.getThreadIndex() * share;
    }

    int take() {
      if (next == end) {
        throw new IllegalStateException("this thread used up its " + slice
            + " keys in one iteration; shorten the iteration (-r) or grow RING");
      }
      return next++;
    }
  }

  /** Makes the keys, the fingerprints and the payload, and checks the scenario. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    keys = new IdempotencyKey[RING];
    keyStrings = new String[RING];
    for (int i = 0; i < RING; i++) {
      // Like an event id: a fixed-width hex number, 16 characters.
      String hex = Long.toHexString((long) i * 0x9E3779B1L & 0xFFFFFFFFFFFFL | 1L << 48).substring(1);
      String k = "evt-" + hex;
      keys[i] = IdempotencyKey.of(NAMESPACE, k);
      keyStrings[i] = k;
    }

    prefill = new IdempotencyKey[BOUND];
    for (int i = 0; i < BOUND; i++) {
      prefill[i] = IdempotencyKey.of(NAMESPACE, "pre-" + i);
    }

    try (InputStream in = IdempotencyBenchmark.class.getResourceAsStream("/invoice.json")) {
      if (in == null) {
        throw new IllegalStateException("benchmark resource /invoice.json is missing");
      }
      invoice = json.readTree(in.readAllBytes());
    }
    int size = json.canonicalBytes(invoice).length;
    check(size >= 1_800 && size <= 2_600, "has a payload of " + size + " canonical bytes, not about 2 KB");

    payloadFingerprints = new Fingerprint[FINGERPRINTS];
    for (int i = 0; i < FINGERPRINTS; i++) {
      payloadFingerprints[i] = Fingerprint.sha256(("payload-" + i).getBytes(StandardCharsets.UTF_8));
    }

    // The scenario: a fresh key is acquired and completed; claiming it again replays the outcome.
    reset();
    IdempotencyKey probe = IdempotencyKey.of(NAMESPACE, "probe");
    Fingerprint fp = fingerprint2kb();
    Claim first = store.claim(probe, fp, clock.instant(), LEASE, expiresAt);
    check(first instanceof Claim.Acquired, "claims a fresh key as " + first);
    store.complete(probe, ((Claim.Acquired) first).leaseToken(), outcome);
    Claim again = store.claim(probe, fp, clock.instant(), LEASE, expiresAt);
    check(again instanceof Claim.Completed c && c.outcome().equals(outcome), "replays a completed key as " + again);
    check(store.purgeExpired(clock.instant(), 1_000) == 0, "purges records under a fixed clock");
    check(camel.add("probe") && camel.confirm("probe") && !camel.add("probe"), "lets Camel add a key twice");
    check(map.putIfAbsent(probe, outcome) == null && map.putIfAbsent(probe, outcome) != null,
        "lets the map put a key twice");
  }

  /** Starts each iteration with an empty (or a full) store, map and Camel repository. */
  @Setup(Level.Iteration)
  public void reset() {
    boolean atBound = "atBound".equals(start);
    store = InMemoryIdempotencyStore.create(clock, atBound ? BOUND : MAXIMUM_SIZE);
    map = new ConcurrentHashMap<>();
    camel = MemoryIdempotentRepository.memoryIdempotentRepository(atBound ? BOUND : RING * 2);
    camel.start();
    caffeine = Caffeine.newBuilder().maximumSize(atBound ? BOUND : MAXIMUM_SIZE).expireAfterWrite(RETENTION).build();
    if (atBound) {
      for (IdempotencyKey k : prefill) {
        Claim c = store.claim(k, payloadFingerprints[0], clock.instant(), LEASE, expiresAt);
        store.complete(k, ((Claim.Acquired) c).leaseToken(), outcome);
        map.put(k, outcome);
        camel.add(k.key());
        camel.confirm(k.key());
        caffeine.put(k, outcome);
      }
      caffeine.cleanUp();
      store.cleanUp();
    }
  }

  /** Stops the Camel repository of the iteration. */
  @TearDown(Level.Iteration)
  public void stop() {
    camel.stop();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("the benchmark scenario no longer holds: it " + what);
    }
  }

  /** Claims a fresh key and records its outcome. */
  @Benchmark
  public Claim claimComplete(Cursor cursor) {
    int i = cursor.take();
    IdempotencyKey key = keys[i];
    Claim claim = store.claim(key, payloadFingerprints[i & (FINGERPRINTS - 1)], clock.instant(), LEASE, expiresAt);
    if (!(claim instanceof Claim.Acquired acquired)) {
      throw new IllegalStateException("key " + key + " was not fresh: " + claim);
    }
    store.complete(key, acquired.leaseToken(), outcome);
    return claim;
  }

  /** Puts the same fresh key into a bare concurrent map: the floor. */
  @Benchmark
  public RecordedOutcome baseline_putIfAbsent(Cursor cursor) {
    int i = cursor.take();
    RecordedOutcome previous = map.putIfAbsent(keys[i], outcome);
    if (previous != null) {
      throw new IllegalStateException("key " + keys[i] + " was not fresh");
    }
    if (cursor.bounded) {
      // Keep the map at its bound: the key put BOUND operations ago by this thread leaves (a
      // prefilled one while the thread has put fewer).
      int age = i - cursor.first;
      map.remove(age >= cursor.share ? keys[i - cursor.share] : prefill[cursor.prefillBase + age]);
    }
    return previous;
  }

  /**
   * Puts the same fresh key into a bare bounded Caffeine cache, as large as the store's bound,
   * its entries expiring 24 h after they are written: the least a store built on Caffeine (as the
   * in-memory store is) pays for the one cache write a completed key takes.
   */
  @Benchmark
  public RecordedOutcome baseline_caffeinePut(Cursor cursor) {
    int i = cursor.take();
    caffeine.put(keys[i], outcome);
    return outcome;
  }

  /** Adds and confirms the same key string in Camel's in-memory repository. */
  @Benchmark
  public boolean peer_camelMemoryRepository(Cursor cursor) {
    String key = keyStrings[cursor.take()];
    if (!camel.add(key)) {
      throw new IllegalStateException("key " + key + " was not fresh");
    }
    return camel.confirm(key);
  }

  /** Fingerprints the 2 KB invoice payload: RFC 8785 canonical bytes and their SHA-256. */
  @Benchmark
  public Fingerprint fingerprint2kb() {
    return fingerprints.of(invoice);
  }
}
