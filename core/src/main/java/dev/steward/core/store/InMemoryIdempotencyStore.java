package dev.steward.core.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
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
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The embedded default {@link IdempotencyStore}: records in memory, bounded, each dropped when its
 * retention ends (by the given clock). One process only, and nothing survives a restart; use the
 * JDBC store for durability or several instances.
 *
 * <p>The bound protects the heap: it counts completed keys (claims in flight are never evicted),
 * and when more are held than it allows, Caffeine evicts some — by its admission policy, often
 * the newest — and those would run again if repeated. Size it above the keys one retention period
 * sees. Thread-safe; each operation is atomic per key.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  /** The default bound on records held. */
  public static final long DEFAULT_MAXIMUM_SIZE = 1_000_000;

  private final Cache<IdempotencyKey, Entry> cache;
  private final ConcurrentMap<IdempotencyKey, Entry> records;
  private final Clock clock;

  private InMemoryIdempotencyStore(Clock clock, long maximumSize) {
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maximumSize)
        // A claim in flight weighs nothing, so the bound never evicts it: evicting it would let a
        // repeat run the work while the first holder still does.
        .weigher((IdempotencyKey k, Entry e) -> e.outcome == null ? 0 : 1)
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run) // evictions happen in the calling thread, when they are due, not later
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
    this.records = cache.asMap();
  }

  /** Returns a store reading time from {@code clock}, holding at most {@value #DEFAULT_MAXIMUM_SIZE} records. */
  public static InMemoryIdempotencyStore create(Clock clock) {
    return create(clock, DEFAULT_MAXIMUM_SIZE);
  }

  /**
   * Returns a store reading time from {@code clock}, holding at most {@code maximumSize} records.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   */
  public static InMemoryIdempotencyStore create(Clock clock, long maximumSize) {
    Objects.requireNonNull(clock, "clock");
    if (maximumSize < 1) {
      throw new IllegalArgumentException("maximumSize must be positive; was " + maximumSize);
    }
    return new InMemoryIdempotencyStore(clock, maximumSize);
  }

  // Records stay until their retention and their lease have both ended. The duration is measured
  // from the ticker's time, which Caffeine adds it to: the ticker counts whole milliseconds, so a
  // duration measured from the clock's own nanoseconds would end the record up to 1 ms early.
  private static long untilExpiry(Entry e, long currentTime) {
    long nowSeconds = Math.floorDiv(currentTime, 1_000_000_000L);
    int nowNanos = (int) Math.floorMod(currentTime, 1_000_000_000L);
    long seconds = Math.max(e.expiresSeconds, e.leaseSeconds) - nowSeconds;
    if (seconds < 0) {
      return 0;
    }
    if (seconds > Long.MAX_VALUE / 1_000_000_000L - 1) {
      return Long.MAX_VALUE;
    }
    int nanos = e.expiresSeconds > e.leaseSeconds || (e.expiresSeconds == e.leaseSeconds && e.expiresNanos > e.leaseNanos)
        ? e.expiresNanos : e.leaseNanos;
    long until = seconds * 1_000_000_000L + nanos - nowNanos;
    return Math.max(0, until);
  }

  @Override
  public Claim claim(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(expiresAt, "expiresAt");
    // Most claims are of keys never seen: one putIfAbsent decides them, with no answer holder and
    // no second look. A key the map holds (or one it holds expired) takes the compute path below.
    Instant leaseExpiresAt = now.plus(lease);
    Entry fresh = new Entry(fingerprint, tokens.incrementAndGet(), leaseExpiresAt, 1, null, now, expiresAt);
    if (records.putIfAbsent(key, fresh) == null) {
      return new Claim.Acquired(key, token(fresh.token), leaseExpiresAt, 1);
    }
    AtomicReference<Claim> answer = new AtomicReference<>();
    records.compute(key, (k, e) -> {
      if (e == null || (!e.expiresAfter(now) && !e.leaseAfter(now))) {
        answer.set(new Claim.Acquired(k, token(fresh.token), leaseExpiresAt, 1));
        return fresh;
      }
      if (!e.fingerprint.equals(fingerprint)) {
        answer.set(new Claim.Mismatch(k, e.fingerprint, fingerprint));
        return e;
      }
      if (e.outcome != null) {
        answer.set(new Claim.Completed(k, e.outcome));
        return e;
      }
      if (e.leaseAfter(now)) {
        answer.set(new Claim.InFlight(k, e.leaseExpiresAt()));
        return e;
      }
      // A takeover runs the work again: the outcome it records is kept a whole retention from now.
      Instant retained = e.expiresAt().isAfter(expiresAt) ? e.expiresAt() : expiresAt;
      Entry taken = new Entry(e.fingerprint, tokens.incrementAndGet(), leaseExpiresAt, e.attempt + 1, null,
          e.createdAt(), retained);
      answer.set(new Claim.Acquired(k, token(taken.token), leaseExpiresAt, taken.attempt));
      return taken;
    });
    return answer.get();
  }

  @Override
  public void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    records.compute(key, (k, e) -> held(k, e, leaseToken).completed(outcome));
  }

  @Override
  public void release(IdempotencyKey key, String leaseToken) {
    records.compute(key, (k, e) -> {
      held(k, e, leaseToken);
      return null;
    });
  }

  @Override
  public Instant renew(IdempotencyKey key, String leaseToken, Instant now, Duration lease) {
    Objects.requireNonNull(now, "now");
    Instant leaseExpiresAt = now.plus(StoreChecks.positiveLease(lease));
    records.compute(key, (k, e) -> held(k, e, leaseToken).renewed(leaseExpiresAt));
    return leaseExpiresAt;
  }

  @Override
  public Claim reopen(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(expiresAt, "expiresAt");
    AtomicReference<Claim> answer = new AtomicReference<>();
    records.compute(key, (k, e) -> {
      if (e == null) {
        throw new IllegalStateException("idempotency key " + k + " has no record to replay");
      }
      if (e.outcome == null) {
        throw new IllegalStateException("idempotency key " + k + " is in flight; only a completed key can be replayed");
      }
      if (!e.fingerprint.equals(fingerprint)) {
        answer.set(new Claim.Mismatch(k, e.fingerprint, fingerprint));
        return e;
      }
      Instant leaseExpiresAt = now.plus(lease);
      Entry reopened = new Entry(e.fingerprint, tokens.incrementAndGet(), leaseExpiresAt, e.attempt + 1, null,
          e.createdAt(), expiresAt);
      answer.set(new Claim.Acquired(k, token(reopened.token), leaseExpiresAt, reopened.attempt));
      return reopened;
    });
    return answer.get();
  }

  @Override
  public Optional<IdempotencyRecord> find(IdempotencyKey key) {
    Entry e = records.get(Objects.requireNonNull(key, "key"));
    return e == null ? Optional.empty() : Optional.of(e.toRecord(key, this));
  }

  @Override
  public int purgeExpired(Instant now, int limit) {
    StoreChecks.positiveLimit(limit);
    int purged = 0;
    for (Iterator<Map.Entry<IdempotencyKey, Entry>> it = records.entrySet().iterator();
        it.hasNext() && purged < limit; ) {
      Map.Entry<IdempotencyKey, Entry> held = it.next();
      Entry e = held.getValue();
      if (!e.expiresAfter(now) && !e.leaseAfter(now) && records.remove(held.getKey(), e)) {
        purged++;
      }
    }
    return purged;
  }

  /** Performs pending evictions and expiries now rather than on later operations. */
  public void cleanUp() {
    cache.cleanUp();
  }

  private Entry held(IdempotencyKey key, @Nullable Entry e, String leaseToken) {
    Objects.requireNonNull(leaseToken, "leaseToken");
    if (e == null) {
      throw new LeaseLostException(key, "it has no record (released, purged or never claimed)");
    }
    if (e.outcome != null) {
      throw new LeaseLostException(key, "it is already completed");
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
