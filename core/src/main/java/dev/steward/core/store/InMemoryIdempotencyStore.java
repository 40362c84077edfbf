package dev.steward.core.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.IdempotencyRecord;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.model.Fingerprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link IdempotencyStore}: records in memory, bounded, each dropped when its
 * retention and its lease have both ended (by the given clock). One process only, and nothing
 * survives a restart; use the JDBC store for durability or several instances.
 *
 * <p>The bound protects the heap: it counts completed keys (claims in flight are never evicted),
 * and when more are held than it allows, Caffeine evicts some — by its admission policy, often
 * the newest — and those would run again if repeated. Size it above the keys one retention period
 * sees. Thread-safe; each operation is atomic per key.
 *
 * <p>Claims in flight and completed records are held apart: claims in a concurrent map, which
 * the bound never touches, and completed records in a Caffeine cache, which bounds and expires
 * them. A key moves into the cache once, when its outcome is recorded, so a claim and its
 * completion cost one cache write. Every change of a key's state happens under the in-flight
 * map's lock for that key, but for the cache's own evictions and expiries and a purge of completed
 * records, which only drop a completed record; a claim of a fresh key takes the map's {@code
 * putIfAbsent} and then looks again for a completion that may have moved the key meanwhile. An
 * abandoned claim (never completed or released) whose lease and retention have both ended is
 * dropped by {@link #purgeExpired}, by {@link #cleanUp}, by the next claim of its key, or by a
 * sweep every {@value #SWEEP_EVERY} lease tokens drawn (claims, takeovers and replays).
 *
 * <p>Evicting beyond the bound and dropping expired records is the cache's upkeep, done by
 * default on the common pool shortly after the writes that call for it. A completed record whose
 * retention and lease have ended is never answered, whether or not the upkeep dropped it yet; a
 * completed record beyond the bound is answered until the upkeep evicts it. {@link Builder#maintenanceExecutor} changes where it runs.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  /** The default bound on completed records held; claims in flight are not counted. */
  public static final long DEFAULT_MAXIMUM_SIZE = 1_000_000;

  /** Claims between two sweeps of abandoned claims; a power of two. */
  static final int SWEEP_EVERY = 1 << 16;

  /** The least time between two warnings that the bound evicted records early. */
  static final Duration EVICTION_WARNING_INTERVAL = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryIdempotencyStore.class);

  private final ConcurrentHashMap<IdempotencyKey, Entry> inFlight = new ConcurrentHashMap<>();
  private final long maximumSize;
  private final LongAdder evictedEarly = new LongAdder();
  private final AtomicLong nextEvictionWarning = new AtomicLong(Long.MIN_VALUE);
  private final Cache<IdempotencyKey, Entry> cache;
  private final ConcurrentMap<IdempotencyKey, Entry> completed;
  private final Clock clock;

  private InMemoryIdempotencyStore(Builder builder) {
    this.clock = builder.clock;
    this.maximumSize = builder.maximumSize == -1 ? DEFAULT_MAXIMUM_SIZE : builder.maximumSize;
    Caffeine<Object, Object> caffeine = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .ticker(() -> clock.millis() * 1_000_000L);
    if (builder.maintenance != null) {
      caffeine.executor(builder.maintenance);
    }
    this.cache = caffeine
        .evictionListener((IdempotencyKey key, Entry e, RemovalCause cause) -> {
          if (cause == RemovalCause.SIZE) {
            countEarlyEviction();
          }
        })
        .expireAfter(new Expiry<IdempotencyKey, Entry>() {
          @Override
          public long expireAfterCreate(IdempotencyKey key, Entry e, long currentTime) {
            return untilExpiry(e, currentTime);
          }

          @Override
          public long expireAfterUpdate(IdempotencyKey key, Entry e, long currentTime, long currentDuration) {
            return untilExpiry(e, currentTime);
          }

          @Override
          public long expireAfterRead(IdempotencyKey key, Entry e, long currentTime, long currentDuration) {
            return currentDuration;
          }
        })
        .build();
    this.completed = cache.asMap();
  }

  /**
   * Returns a store reading time from {@code clock}, holding at most {@value #DEFAULT_MAXIMUM_SIZE}
   * completed records, its upkeep on the common pool.
   */
  public static InMemoryIdempotencyStore create(Clock clock) {
    return builder(clock).build();
  }

  /**
   * Returns a store reading time from {@code clock}, holding at most {@code maximumSize} completed
   * records (claims in flight are not counted), its upkeep on the common pool.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static InMemoryIdempotencyStore create(Clock clock, long maximumSize) {
    return builder(clock).maximumSize(maximumSize).build();
  }

  /** Returns a builder of a store reading time from {@code clock}. */
  public static Builder builder(Clock clock) {
    return new Builder(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Configures an {@link InMemoryIdempotencyStore}. Each setting is checked when it is set and may
   * be set once.
   */
  public static final class Builder {
    private final Clock clock;
    private long maximumSize = -1;
    private @Nullable Executor maintenance;

    private Builder(Clock clock) {
      this.clock = clock;
    }

    /**
     * Bounds the completed records held; {@value #DEFAULT_MAXIMUM_SIZE} if not set. Claims in
     * flight are not counted and never evicted.
     *
     * @throws IllegalArgumentException if {@code maximumSize} is not positive
     * @throws IllegalStateException if it was set already
     */
    public Builder maximumSize(long maximumSize) {
      if (this.maximumSize != -1) {
        throw new IllegalStateException("maximumSize was already set to " + this.maximumSize);
      }
      if (maximumSize < 1) {
        throw new IllegalArgumentException("maximumSize must be positive; was " + maximumSize);
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /**
     * Runs the store's upkeep — evicting records beyond the bound, dropping expired ones — on
     * {@code executor}; by default {@link java.util.concurrent.ForkJoinPool#commonPool()}, so that
     * it happens shortly after the writes that call for it, in batches, off the caller's thread.
     * A completed record whose retention and lease have ended is never answered, whether or not
     * it was dropped yet; a record beyond the bound is answered until it is evicted. {@code
     * Runnable::run} does the upkeep in the calling thread when it is due, which makes evictions
     * happen at once, at some cost to throughput.
     *
     * @throws IllegalStateException if it was set already
     */
    public Builder maintenanceExecutor(Executor executor) {
      Objects.requireNonNull(executor, "executor");
      if (maintenance != null) {
        throw new IllegalStateException("maintenanceExecutor was already set to " + maintenance);
      }
      this.maintenance = executor;
      return this;
    }

    /** Returns the store. */
    public InMemoryIdempotencyStore build() {
      return new InMemoryIdempotencyStore(this);
    }
  }

  // A completed record stays until its retention and its lease have both ended, as a JDBC row
  // does: a lease renewed past the retention keeps the outcome to its end. The duration is measured
  // from the ticker's time, which Caffeine adds it to: the ticker counts whole milliseconds, so a
  // duration measured from the clock's own nanoseconds would end the record up to 1 ms early.
  private static long untilExpiry(Entry e, long currentTime) {
    long nowSeconds = Math.floorDiv(currentTime, 1_000_000_000L);
    int nowNanos = (int) Math.floorMod(currentTime, 1_000_000_000L);
    boolean leaseLater = e.leaseSeconds > e.expiresSeconds
        || (e.leaseSeconds == e.expiresSeconds && e.leaseNanos > e.expiresNanos);
    long seconds = (leaseLater ? e.leaseSeconds : e.expiresSeconds) - nowSeconds;
    if (seconds < 0) {
      return 0;
    }
    if (seconds > Long.MAX_VALUE / 1_000_000_000L - 1) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, seconds * 1_000_000_000L + (leaseLater ? e.leaseNanos : e.expiresNanos) - nowNanos);
  }

  @Override
  public Claim claim(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(expiresAt, "expiresAt");
    // A repeat of a completed key is answered from the cache alone, with no write.
    Entry done = completed.get(key);
    if (done != null && !abandoned(done, now)) {
      return answer(key, done, fingerprint);
    }
    Instant leaseExpiresAt = now.plus(lease);
    if (sweepDue) {
      sweepDue = false;
      drop(inFlight, now, Integer.MAX_VALUE);
    }
    long token = nextToken();
    Entry fresh = new Entry(fingerprint, token, leaseExpiresAt, 1, null, now, expiresAt);
    // Most claims are of keys never seen: one putIfAbsent decides them. A completion may have
    // moved the key into the cache between the first look and the put, so look once more.
    if (done == null && inFlight.putIfAbsent(key, fresh) == null) {
      if (completed.get(key) == null) {
        return new Claim.Acquired(key, token(token), leaseExpiresAt, 1);
      }
      inFlight.remove(key, fresh);
    }
    return claimUnderLock(key, fingerprint, now, lease, expiresAt);
  }

  // Every case but a fresh key, decided under the in-flight map's lock for the key, which every
  // change of the key's state takes: the cache's record of the key cannot change meanwhile, though
  // the cache's upkeep or a purge may drop it.
  private Claim claimUnderLock(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease,
      Instant expiresAt) {
    Instant leaseExpiresAt = now.plus(lease);
    Claim[] answer = new Claim[1];
    inFlight.compute(key, (k, e) -> {
      Entry done = completed.get(k);
      if (done != null) {
        if (!abandoned(done, now)) {
          // An in-flight entry beside a completed record is another claim's first put, which that
          // claim withdraws: the completed record answers.
          answer[0] = answer(k, done, fingerprint);
          return e;
        }
        completed.remove(k, done); // its retention and lease ended: the key is free
      }
      if (e == null || abandoned(e, now)) {
        Entry fresh = new Entry(fingerprint, nextToken(), leaseExpiresAt, 1, null, now, expiresAt);
        answer[0] = new Claim.Acquired(k, token(fresh.token), leaseExpiresAt, 1);
        return fresh;
      }
      if (!e.fingerprint.equals(fingerprint)) {
        answer[0] = new Claim.Mismatch(k, e.fingerprint, fingerprint);
        return e;
      }
      if (e.leaseAfter(now)) {
        answer[0] = new Claim.InFlight(k, e.leaseExpiresAt());
        return e;
      }
      // A takeover runs the work again: the outcome it records is kept a whole retention from now.
      Instant retained = e.expiresAt().isAfter(expiresAt) ? e.expiresAt() : expiresAt;
      Entry taken = new Entry(e.fingerprint, nextToken(), leaseExpiresAt, e.attempt + 1, null,
          e.createdAt(), retained);
      answer[0] = new Claim.Acquired(k, token(taken.token), leaseExpiresAt, taken.attempt);
      return taken;
    });
    return answer[0];
  }

  private static Claim answer(IdempotencyKey key, Entry done, Fingerprint fingerprint) {
    return done.fingerprint.equals(fingerprint)
        ? new Claim.Completed(key, done.outcome)
        : new Claim.Mismatch(key, done.fingerprint, fingerprint);
  }

  @Override
  public void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    inFlight.compute(key, (k, e) -> {
      completed.put(k, held(k, e, leaseToken).completed(outcome));
      return null;
    });
  }

  @Override
  public void release(IdempotencyKey key, String leaseToken) {
    inFlight.compute(key, (k, e) -> {
      held(k, e, leaseToken);
      return null;
    });
  }

  @Override
  public Instant renew(IdempotencyKey key, String leaseToken, Instant now, Duration lease) {
    Objects.requireNonNull(now, "now");
    Instant leaseExpiresAt = now.plus(StoreChecks.positiveLease(lease));
    inFlight.compute(key, (k, e) -> held(k, e, leaseToken).renewed(leaseExpiresAt));
    return leaseExpiresAt;
  }

  @Override
  public Claim reopen(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Claim[] answer = new Claim[1];
    inFlight.compute(key, (k, e) -> {
      Entry done = completed.get(k);
      if (done == null) {
        if (e != null) {
          throw new IllegalStateException("idempotency key " + k + " is in flight; only a completed key can be replayed");
        }
        throw new IllegalStateException("idempotency key " + k + " has no record to replay");
      }
      if (!done.fingerprint.equals(fingerprint)) {
        answer[0] = new Claim.Mismatch(k, done.fingerprint, fingerprint);
        return e;
      }
      Instant leaseExpiresAt = now.plus(lease);
      Entry reopened = new Entry(done.fingerprint, nextToken(), leaseExpiresAt, done.attempt + 1, null,
          done.createdAt(), expiresAt);
      completed.remove(k, done);
      answer[0] = new Claim.Acquired(k, token(reopened.token), leaseExpiresAt, reopened.attempt);
      return reopened;
    });
    return answer[0];
  }

  @Override
  public Optional<IdempotencyRecord> find(IdempotencyKey key) {
    Objects.requireNonNull(key, "key");
    // Both places are read under the key's lock, taken whether or not the key is in flight, so that
    // a key moving either way between them (a completion, a replay) is seen in one place.
    Entry[] found = new Entry[2];
    inFlight.compute(key, (k, e) -> {
      found[0] = e;
      found[1] = completed.get(k);
      return e;
    });
    // An abandoned claim is still held, and its holder may still renew or complete it, until a
    // purge, a sweep or a claim of its key drops it: it is found until then, as a JDBC row is.
    Entry done = found[1];
    Entry e = done != null ? done : found[0];
    if (e == null) {
      return Optional.empty();
    }
    return Optional.of(e.toRecord(key, this));
  }

  /**
   * Returns how many completed records the bound has evicted before their retention ended, since
   * the store was made: each is a key whose repeat would run its work again. Anything above zero
   * means the store is smaller than the keys one retention period sees; it is also logged as a
   * warning, at most once a minute.
   */
  public long evictedEarly() {
    return evictedEarly.sum();
  }

  private void countEarlyEviction() {
    evictedEarly.increment();
    long now = clock.millis();
    long due = nextEvictionWarning.get();
    if (now >= due && nextEvictionWarning.compareAndSet(due, now + EVICTION_WARNING_INTERVAL.toMillis())) {
      LOG.warn(evictionWarning(evictedEarly.sum()));
    }
  }

  /** The warning that the bound evicted {@code evicted} records early. */
  String evictionWarning(long evicted) {
    return "the in-memory idempotency store has evicted " + evicted + " completed key(s) before their retention"
        + " ended, because it holds at most " + maximumSize + " (maximumSize): a repeat of an evicted key runs its"
        + " work again. Raise maximumSize above the keys one retention period sees, or use a JDBC store";
  }

  /** The claims in flight held now, abandoned ones not yet dropped included. */
  int claimsInFlight() {
    return inFlight.size();
  }

  // Past both its retention and its lease: a claim takes the key afresh, and a purge may drop it.
  private static boolean abandoned(Entry e, Instant now) {
    return !e.expiresAfter(now) && !e.leaseAfter(now);
  }

  @Override
  public int purgeExpired(Instant now, int limit) {
    StoreChecks.positiveLimit(limit);
    int purged = drop(completed, now, limit);
    return purged + drop(inFlight, now, limit - purged);
  }

  // Drops the records of one place whose lease and retention have both ended, at most limit of them.
  private static int drop(ConcurrentMap<IdempotencyKey, Entry> records, Instant now, int limit) {
    int purged = 0;
    for (Iterator<Map.Entry<IdempotencyKey, Entry>> it = records.entrySet().iterator();
        it.hasNext() && purged < limit; ) {
      Map.Entry<IdempotencyKey, Entry> held = it.next();
      Entry e = held.getValue();
      if (abandoned(e, now) && records.remove(held.getKey(), e)) {
        purged++;
      }
    }
    return purged;
  }

  /**
   * Performs pending evictions and expiries now rather than on later operations, and drops
   * abandoned claims whose lease and retention have both ended.
   */
  public void cleanUp() {
    cache.cleanUp();
    drop(inFlight, clock.instant(), Integer.MAX_VALUE);
  }

  private Entry held(IdempotencyKey key, @Nullable Entry e, String leaseToken) {
    Objects.requireNonNull(leaseToken, "leaseToken");
    if (e == null) {
      if (completed.get(key) != null) {
        throw new LeaseLostException(key, "it is already completed");
      }
      throw new LeaseLostException(key, "it has no record (released, purged or never claimed)");
    }
    if (e.token != tokenNumber(leaseToken)) {
      throw new LeaseLostException(key, "another holder took it over after the lease expired (attempt "
          + e.attempt + ")");
    }
    return e;
  }

  // Tokens only need to be unique within this store (one process): a counter, in base 36, after a
  // random prefix per store so that a token of an earlier store never matches. Records hold the
  // counter alone; the string is made only for the holder and for find. A SecureRandom UUID per
  // claim was a fifth of a claim's time.
  private final String tokenPrefix = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 1 << 31) + ":";
  private final AtomicLong tokens = new AtomicLong();

  // Set when a token drawn anywhere (a fresh claim, a takeover, a replay) completes SWEEP_EVERY
  // more; the next claim sweeps, outside any lock of the in-flight map.
  private volatile boolean sweepDue;

  private long nextToken() {
    long token = tokens.incrementAndGet();
    if ((token & (SWEEP_EVERY - 1)) == 0) {
      sweepDue = true;
    }
    return token;
  }

  private String token(long number) {
    return tokenPrefix.concat(Long.toString(number, Character.MAX_RADIX));
  }

  /**
   * The counter a token of this store carries, or -1 for any other string. Only the spelling
   * {@link #token} makes is accepted (lower-case ASCII, no leading zero), so that no other string
   * parsing to the same counter (01, A, a full-width digit) holds the lease.
   */
  private long tokenNumber(String token) {
    int start = tokenPrefix.length();
    if (!token.startsWith(tokenPrefix) || token.length() == start || token.length() > start + 13
        || token.charAt(start) == '0') {
      return -1;
    }
    for (int i = start; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
        return -1;
      }
    }
    try {
      return Long.parseLong(token, tokenPrefix.length(), token.length(), Character.MAX_RADIX);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * What the store holds per key, in fewer objects than an {@link IdempotencyRecord}: times as
   * seconds and nanoseconds, the lease token as its counter, and not the key, which the map holds.
   * Immutable; a change replaces it. Records are in memory for their whole retention, so their
   * size is the store's footprint.
   */
  private static final class Entry {
    final Fingerprint fingerprint;
    final long token;
    final int attempt;
    final @Nullable RecordedOutcome outcome;
    final long leaseSeconds;
    final int leaseNanos;
    final long createdSeconds;
    final int createdNanos;
    final long expiresSeconds;
    final int expiresNanos;

    Entry(Fingerprint fingerprint, long token, Instant leaseExpiresAt, int attempt, @Nullable RecordedOutcome outcome,
        Instant createdAt, Instant expiresAt) {
      this(fingerprint, token, attempt, outcome, leaseExpiresAt.getEpochSecond(), leaseExpiresAt.getNano(),
          createdAt.getEpochSecond(), createdAt.getNano(), expiresAt.getEpochSecond(), expiresAt.getNano());
    }

    private Entry(Fingerprint fingerprint, long token, int attempt, @Nullable RecordedOutcome outcome,
        long leaseSeconds, int leaseNanos, long createdSeconds, int createdNanos, long expiresSeconds, int expiresNanos) {
      this.fingerprint = fingerprint;
      this.token = token;
      this.attempt = attempt;
      this.outcome = outcome;
      this.leaseSeconds = leaseSeconds;
      this.leaseNanos = leaseNanos;
      this.createdSeconds = createdSeconds;
      this.createdNanos = createdNanos;
      this.expiresSeconds = expiresSeconds;
      this.expiresNanos = expiresNanos;
    }

    Entry completed(RecordedOutcome outcome) {
      return new Entry(fingerprint, token, attempt, outcome, leaseSeconds, leaseNanos, createdSeconds, createdNanos,
          expiresSeconds, expiresNanos);
    }

    Entry renewed(Instant leaseExpiresAt) {
      return new Entry(fingerprint, token, attempt, outcome, leaseExpiresAt.getEpochSecond(),
          leaseExpiresAt.getNano(), createdSeconds, createdNanos, expiresSeconds, expiresNanos);
    }

    boolean leaseAfter(Instant now) {
      return after(leaseSeconds, leaseNanos, now);
    }

    boolean expiresAfter(Instant now) {
      return after(expiresSeconds, expiresNanos, now);
    }

    private static boolean after(long seconds, int nanos, Instant now) {
      return seconds > now.getEpochSecond() || (seconds == now.getEpochSecond() && nanos > now.getNano());
    }

    Instant leaseExpiresAt() {
      return Instant.ofEpochSecond(leaseSeconds, leaseNanos);
    }

    Instant createdAt() {
      return Instant.ofEpochSecond(createdSeconds, createdNanos);
    }

    Instant expiresAt() {
      return Instant.ofEpochSecond(expiresSeconds, expiresNanos);
    }

    IdempotencyRecord toRecord(IdempotencyKey key, InMemoryIdempotencyStore store) {
      return new IdempotencyRecord(key, fingerprint, store.token(token), leaseExpiresAt(), attempt, outcome, createdAt(),
          expiresAt());
    }
  }
}
