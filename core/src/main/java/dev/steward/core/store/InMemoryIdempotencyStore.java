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

  private final Cache<IdempotencyKey, IdempotencyRecord> cache;
  private final ConcurrentMap<IdempotencyKey, IdempotencyRecord> records;
  private final Clock clock;

  private InMemoryIdempotencyStore(Clock clock, long maximumSize) {
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maximumSize)
        // A claim in flight weighs nothing, so the bound never evicts it: evicting it would let a
        // repeat run the work while the first holder still does.
        .weigher((IdempotencyKey k, IdempotencyRecord r) -> r.outcome() == null ? 0 : 1)
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run) // evictions happen in the calling thread, when they are due, not later
        .expireAfter(new Expiry<IdempotencyKey, IdempotencyRecord>() {
          @Override
          public long expireAfterCreate(IdempotencyKey key, IdempotencyRecord r, long currentTime) {
            return untilExpiry(r);
          }

          @Override
          public long expireAfterUpdate(IdempotencyKey key, IdempotencyRecord r, long currentTime, long currentDuration) {
            return untilExpiry(r);
          }

          @Override
          public long expireAfterRead(IdempotencyKey key, IdempotencyRecord r, long currentTime, long currentDuration) {
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

  // Records stay until their retention and their lease have both ended.
  private long untilExpiry(IdempotencyRecord r) {
    Instant until = r.expiresAt().isAfter(r.leaseExpiresAt()) ? r.expiresAt() : r.leaseExpiresAt();
    long nanos = Duration.between(clock.instant(), until).toNanos();
    return Math.max(0, nanos);
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
    IdempotencyRecord fresh = new IdempotencyRecord(key, fingerprint, token(), now.plus(lease), 1, null, now, expiresAt);
    if (records.putIfAbsent(key, fresh) == null) {
      return new Claim.Acquired(key, fresh.leaseToken(), fresh.leaseExpiresAt(), 1);
    }
    AtomicReference<Claim> answer = new AtomicReference<>();
    records.compute(key, (k, r) -> {
      if (r == null || (!r.expiresAt().isAfter(now) && !r.leaseExpiresAt().isAfter(now))) {
        answer.set(new Claim.Acquired(k, fresh.leaseToken(), fresh.leaseExpiresAt(), 1));
        return fresh;
      }
      if (!r.fingerprint().equals(fingerprint)) {
        answer.set(new Claim.Mismatch(k, r.fingerprint(), fingerprint));
        return r;
      }
      if (r.outcome() != null) {
        answer.set(new Claim.Completed(k, r.outcome()));
        return r;
      }
      if (r.leaseExpiresAt().isAfter(now)) {
        answer.set(new Claim.InFlight(k, r.leaseExpiresAt()));
        return r;
      }
      // A takeover runs the work again: the outcome it records is kept a whole retention from now.
      Instant retained = r.expiresAt().isAfter(expiresAt) ? r.expiresAt() : expiresAt;
      IdempotencyRecord taken = new IdempotencyRecord(k, r.fingerprint(), token(), now.plus(lease), r.attempt() + 1,
          null, r.createdAt(), retained);
      answer.set(new Claim.Acquired(k, taken.leaseToken(), taken.leaseExpiresAt(), taken.attempt()));
      return taken;
    });
    return answer.get();
  }

  @Override
  public void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    records.compute(key, (k, r) -> {
      held(k, r, leaseToken);
      return new IdempotencyRecord(k, r.fingerprint(), r.leaseToken(), r.leaseExpiresAt(), r.attempt(), outcome,
          r.createdAt(), r.expiresAt());
    });
  }

  @Override
  public void release(IdempotencyKey key, String leaseToken) {
    records.compute(key, (k, r) -> {
      held(k, r, leaseToken);
      return null;
    });
  }

  @Override
  public Claim reopen(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(expiresAt, "expiresAt");
    AtomicReference<Claim> answer = new AtomicReference<>();
    records.compute(key, (k, r) -> {
      if (r == null) {
        throw new IllegalStateException("idempotency key " + k + " has no record to replay");
      }
      if (r.outcome() == null) {
        throw new IllegalStateException("idempotency key " + k + " is in flight; only a completed key can be replayed");
      }
      if (!r.fingerprint().equals(fingerprint)) {
        answer.set(new Claim.Mismatch(k, r.fingerprint(), fingerprint));
        return r;
      }
      IdempotencyRecord reopened = new IdempotencyRecord(k, r.fingerprint(), token(), now.plus(lease),
          r.attempt() + 1, null, r.createdAt(), expiresAt);
      answer.set(new Claim.Acquired(k, reopened.leaseToken(), reopened.leaseExpiresAt(), reopened.attempt()));
      return reopened;
    });
    return answer.get();
  }

  @Override
  public Optional<IdempotencyRecord> find(IdempotencyKey key) {
    return Optional.ofNullable(records.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public int purgeExpired(Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive; was " + limit);
    }
    int purged = 0;
    for (Iterator<Map.Entry<IdempotencyKey, IdempotencyRecord>> it = records.entrySet().iterator();
        it.hasNext() && purged < limit; ) {
      IdempotencyRecord r = it.next().getValue();
      if (!r.expiresAt().isAfter(now) && !r.leaseExpiresAt().isAfter(now)
          && records.remove(r.key(), r)) {
        purged++;
      }
    }
    return purged;
  }

  /** Performs pending evictions and expiries now rather than on later operations. */
  public void cleanUp() {
    cache.cleanUp();
  }

  private static void held(IdempotencyKey key, @Nullable IdempotencyRecord r, String leaseToken) {
    Objects.requireNonNull(leaseToken, "leaseToken");
    if (r == null) {
      throw new LeaseLostException(key, "it has no record (released, purged or never claimed)");
    }
    if (r.outcome() != null) {
      throw new LeaseLostException(key, "it is already completed");
    }
    if (!r.leaseToken().equals(leaseToken)) {
      throw new LeaseLostException(key, "another holder took it over after the lease expired (attempt "
          + r.attempt() + ")");
    }
  }

  // Tokens only need to be unique within this store (one process): a counter, in base 36, after a
  // random prefix per store so that a token of an earlier store never matches. A SecureRandom UUID
  // per claim was a fifth of a claim's time, and every token stays in memory with its record.
  private final String tokenPrefix = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 1 << 31) + ":";
  private final AtomicLong tokens = new AtomicLong();

  private String token() {
    return tokenPrefix.concat(Long.toString(tokens.incrementAndGet(), Character.MAX_RADIX));
  }
}
