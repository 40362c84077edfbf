package dev.steward.core.idempotency;

import dev.steward.core.audit.Actor;
import dev.steward.core.audit.AuditEvent;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.store.IdempotencyStore;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Fingerprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Runs host work at most once per idempotency key, over an {@link IdempotencyStore}: the first
 * call claims the key, does the work and records its outcome; a repeat with the same payload gets
 * the recorded outcome back as a replay without the work running again; a repeat with another
 * payload, or while the first is in flight, is an {@link IdempotencyConflictException}.
 *
 * <pre>{@code
 * Idempotent idempotent = Idempotent.builder(store).clock(clock).build();
 * Execution<PostingResult> posted = idempotent.run(
 *     IdempotencyKey.of("erp.post-invoice", envelope), envelope.data(), PostingResult.class,
 *     key -> erp.postInvoice(invoice, key.key()));   // the key goes on to the ERP's own API
 * }</pre>
 *
 * <p>Leases and retention are judged by the callers' clocks: instances sharing a store must keep
 * their clocks within a small fraction of the lease of each other (NTP does), or one may take
 * over a key another still works on.
 *
 * <p>Failures of the work are recorded and replayed too, unless {@link
 * Builder#releaseOn(Predicate)} says the failure is transient: then the claim is released and the
 * next call runs the work again. Immutable and thread-safe.
 */
public final class Idempotent {
  /** The default lease: how long a holder may work before another caller may take over. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  /** The default retention: how long a key is remembered. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
  /** How often recording a successful outcome is tried before the run gives up. */
  private static final int RECORD_ATTEMPTS = 3;

  /** The host's work, given the key to pass on to downstream APIs that accept one. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work once. */
    @Nullable T perform(IdempotencyKey key) throws Exception;
  }

  /**
   * Work that may run longer than its lease, given the {@link Lease} it holds so that it can
   * {@linkplain Lease#renew() renew} it; see {@link #runLeased}.
   */
  @FunctionalInterface
  public interface LeasedWork<T> {
    /** Does the work once. */
    @Nullable T perform(Lease lease) throws Exception;
  }

  /**
   * The claim a run holds while its work runs: the key to pass downstream, when the lease ends,
   * and a way to keep it past that. A holder that outlives its lease without renewing may be
   * taken over, and then its work runs twice. Used by one run; safe to renew from another thread
   * (a heartbeat) while the work runs: renewals take turns, so the last one is what holds.
   */
  public final class Lease {
    private final Claim.Acquired claim;
    private volatile Instant expiresAt;

    private Lease(Claim.Acquired claim) {
      this.claim = claim;
      this.expiresAt = claim.leaseExpiresAt();
    }

    /** Returns the key, to pass on to downstream APIs that accept one. */
    public IdempotencyKey key() {
      return claim.key();
    }

    /** Returns when the lease ends unless renewed. */
    public Instant expiresAt() {
      return expiresAt;
    }

    /**
     * Extends the lease to now plus the configured lease, and returns its new end.
     *
     * @throws LeaseLostException if the claim was taken over (the lease had expired and another
     *     caller claimed the key); the work should stop, since its effect would happen twice
     */
    public synchronized Instant renew() {
      Instant renewed = store.renew(claim.key(), claim.leaseToken(), clock.instant(), lease);
      expiresAt = renewed;
      return renewed;
    }

    @Override
    public String toString() {
      return "Lease[" + claim.key() + ", until " + expiresAt + "]";
    }
  }

  /**
   * What a run came to.
   *
   * @param key the key
   * @param result the work's result, or the recorded one on a replay
   * @param replayed whether the result was recorded by an earlier run rather than computed now
   * @param attempt the claim's attempt number; 0 for a replay
   */
  public record Execution<T>(IdempotencyKey key, @Nullable T result, boolean replayed, int attempt) {}

  private final IdempotencyStore store;
  private final Clock clock;
  private final Duration lease;
  private final Duration retention;
  private final CanonicalJson json;
  private final PayloadFingerprints fingerprints;
  private final Predicate<? super Exception> releaseOn;
  private final @Nullable AuditLog audit;

  private Idempotent(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.lease = b.lease;
    this.retention = b.retention;
    this.json = b.json;
    this.fingerprints = PayloadFingerprints.using(b.json);
    this.releaseOn = b.releaseOn;
    this.audit = b.audit;
  }

  /** Starts an {@code Idempotent} over {@code store}. */
  public static Builder builder(IdempotencyStore store) {
    return new Builder(Objects.requireNonNull(store, "store"));
  }

  /**
   * Runs {@code work} once for {@code key} and {@code payload}.
   *
   * @param resultType the type the result is recorded as (JSON) and read back as on a replay: a
   *     record or class; a generic collection reads back as plain maps, so wrap it in a record
   * @throws IdempotencyConflictException if the key was first used with another payload, or is
   *     in flight
   * @throws ReplayedFailureException if the key's work already failed
   * @throws LeaseLostException if the work finished after another caller took the key over; the
   *     work's effect may then have happened twice and needs attention
   * @throws OutcomeNotRecordedException if the work ran but its outcome could not be recorded
   *     (its result is not JSON-writable, or the store failed three times); reconcile before
   *     repeating
   * @throws Exception what the work threw, after its failure was recorded (or the claim released)
   */
  public <T> Execution<T> run(IdempotencyKey key, JsonNode payload, Class<T> resultType, Work<? extends T> work)
      throws Exception {
    Objects.requireNonNull(payload, "payload");
    return run(key, fingerprints.of(payload), resultType, work);
  }

  /**
   * Runs {@code work} once for {@code key}, its payload given by a fingerprint the caller made —
   * for example of a declared subset of attributes with {@link PayloadFingerprints#of(JsonNode,
   * java.util.Collection)}, so that what legitimately differs between two sends is left out.
   * Throws what {@link #run(IdempotencyKey, JsonNode, Class, Work)} throws.
   *
   * @throws Exception what the work threw, after its failure was recorded (or the claim released)
   */
  public <T> Execution<T> run(IdempotencyKey key, Fingerprint fingerprint, Class<T> resultType, Work<? extends T> work)
      throws Exception {
    Objects.requireNonNull(work, "work");
    return runLeased(key, fingerprint, resultType, lease -> work.perform(lease.key()));
  }

  /**
   * Runs {@code work} once for {@code key} and {@code payload}, as {@link #run(IdempotencyKey,
   * JsonNode, Class, Work)} does, handing the work the {@link Lease} it holds so that work longer
   * than the lease can renew it. Throws what {@code run} throws.
   *
   * @throws Exception what the work threw, after its failure was recorded (or the claim released)
   */
  public <T> Execution<T> runLeased(IdempotencyKey key, JsonNode payload, Class<T> resultType,
      LeasedWork<? extends T> work) throws Exception {
    Objects.requireNonNull(payload, "payload");
    return runLeased(key, fingerprints.of(payload), resultType, work);
  }

  /**
   * Runs {@code work} once for {@code key} with a caller-made payload fingerprint, handing it the
   * {@link Lease} it holds. Throws what {@link #run(IdempotencyKey, JsonNode, Class, Work)} throws.
   *
   * @throws Exception what the work threw, after its failure was recorded (or the claim released)
   */
  public <T> Execution<T> runLeased(IdempotencyKey key, Fingerprint fingerprint, Class<T> resultType,
      LeasedWork<? extends T> work) throws Exception {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(work, "work");
    Instant now = clock.instant();
    Claim claim = store.claim(key, fingerprint, now, lease, now.plus(retention));
    if (claim instanceof Claim.Acquired acquired) {
      return perform(acquired, resultType, work);
    }
    if (claim instanceof Claim.Completed completed) {
      return replay(completed, resultType);
    }
    if (claim instanceof Claim.InFlight inFlight) {
      throw IdempotencyConflictException.of(inFlight);
    }
    throw IdempotencyConflictException.of((Claim.Mismatch) claim);
  }

  /**
   * Purges up to {@code limit} keys whose retention has ended and returns how many; a host calls
   * it on a schedule, repeating while it returns {@code limit}.
   */
  public int purgeExpired(int limit) {
    return store.purgeExpired(clock.instant(), limit);
  }

  /**
   * Runs the work of a completed key again, as an operator's explicit, audited action (after a
   * fix, say): never an accident, because it needs the operator and a reason, and it is written
   * to the audit log before the work starts. The new outcome replaces the recorded one.
   *
   * @param operator who replays
   * @param reason why, in a sentence the audit log keeps
   * @throws IllegalStateException if no audit log was configured, or the key is not completed
   * @throws IdempotencyConflictException if {@code payload} is not the payload the key was used with
   * @throws Exception what the work threw, after its failure was recorded
   */
  public <T> Execution<T> replay(IdempotencyKey key, JsonNode payload, Class<T> resultType, Work<? extends T> work,
      Actor operator, String reason) throws Exception {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(reason, "reason");
    if (audit == null) {
      throw new IllegalStateException("replaying a key is an audited action: configure Idempotent with an audit log");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a replay needs a reason");
    }
    Fingerprint fingerprint = fingerprints.of(payload);
    IdempotencyRecord record = store.find(key)
        .orElseThrow(() -> new IllegalStateException("idempotency key " + key + " has no record to replay"));
    RecordedOutcome replaced = record.outcome();
    if (replaced == null) {
      throw new IllegalStateException("idempotency key " + key + " is in flight; only a completed key can be replayed");
    }
    // Audited before the key is opened: a replay that cannot be audited does not happen.
    Map<String, String> details = new LinkedHashMap<>();
    details.put("key", key.toString());
    details.put("reason", reason);
    details.put("replacedOutcome", replaced.succeeded() ? "success " + (replaced.result() == null ? "" : replaced.result())
        : "failure " + replaced.errorType() + ": " + replaced.errorMessage());
    details.put("replacedAt", replaced.completedAt().toString());
    audit.append(AuditEvent.of(operator, "idempotency.replay").details(details).fingerprints(fingerprint, fingerprint).build());
    Instant now = clock.instant();
    Claim claim = store.reopen(key, fingerprint, now, lease, now.plus(retention));
    if (claim instanceof Claim.Mismatch mismatch) {
      throw IdempotencyConflictException.of(mismatch);
    }
    return perform((Claim.Acquired) claim, resultType, lease -> work.perform(lease.key()));
  }

  private <T> Execution<T> perform(Claim.Acquired claim, Class<T> resultType, LeasedWork<? extends T> work)
      throws Exception {
    Lease held = new Lease(claim);
    T result;
    try {
      result = work.perform(held);
    } catch (Exception e) {
      boolean transientFailure;
      try {
        transientFailure = releaseOn.test(e);
      } catch (RuntimeException predicateFailed) {
        e.addSuppressed(predicateFailed);
        transientFailure = false;
      }
      try {
        if (transientFailure) {
          store.release(claim.key(), claim.leaseToken());
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt(); // keep the interrupt for the caller to see
          }
        } else {
          String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          store.complete(claim.key(), claim.leaseToken(),
              RecordedOutcome.failure(e.getClass().getName(), message, clock.instant()));
        }
      } catch (RuntimeException notRecorded) {
        e.addSuppressed(notRecorded); // the work's own failure is what the caller must see
      }
      throw e;
    }
    // The effect has happened: from here on, a failure to record it must not look like nothing happened.
    String recorded;
    try {
      recorded = result == null ? null : json.write(result);
    } catch (RuntimeException unwritable) {
      RuntimeException recordFailure = unwritable;
      try {
        store.complete(claim.key(), claim.leaseToken(), RecordedOutcome.failure(OutcomeNotRecordedException.CODE,
            "the work succeeded, but its " + resultType.getName() + " result could not be written as JSON: "
                + unwritable.getMessage(), clock.instant()));
      } catch (RuntimeException alsoNot) {
        recordFailure.addSuppressed(alsoNot);
      }
      throw new OutcomeNotRecordedException(claim.key(), result, held.expiresAt(), recordFailure);
    }
    RuntimeException lastFailure = null;
    for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
      try {
        store.complete(claim.key(), claim.leaseToken(), RecordedOutcome.success(recorded, clock.instant()));
        return new Execution<>(claim.key(), result, false, claim.attempt());
      } catch (LeaseLostException lost) {
        throw lost;
      } catch (RuntimeException storeFailed) {
        lastFailure = storeFailed;
      }
    }
    throw new OutcomeNotRecordedException(claim.key(), result, held.expiresAt(), Objects.requireNonNull(lastFailure));
  }

  private <T> Execution<T> replay(Claim.Completed completed, Class<T> resultType) {
    RecordedOutcome outcome = completed.outcome();
    if (!outcome.succeeded()) {
      throw new ReplayedFailureException(completed.key(), outcome);
    }
    T result = outcome.result() == null ? null : json.mapper().readValue(outcome.result(), resultType);
    return new Execution<>(completed.key(), result, true, 0);
  }

  /** Builds an {@link Idempotent}; each setter checks its argument at once. Not thread-safe. */
  public static final class Builder {
    private final IdempotencyStore store;
    private Clock clock = Clock.systemUTC();
    private Duration lease = DEFAULT_LEASE;
    private Duration retention = DEFAULT_RETENTION;
    private CanonicalJson json = CanonicalJson.ofDefaults();
    private Predicate<? super Exception> releaseOn = e -> e instanceof InterruptedException;
    private @Nullable AuditLog audit;

    private Builder(IdempotencyStore store) {
      this.store = store;
    }

    /** Sets the clock; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the lease; default {@link #DEFAULT_LEASE}. Longer than the work takes. */
    public Builder lease(Duration lease) {
      this.lease = positive(lease, "lease");
      return this;
    }

    /** Sets how long keys are remembered; default {@link #DEFAULT_RETENTION}. */
    public Builder retention(Duration retention) {
      this.retention = positive(retention, "retention");
      return this;
    }

    /** Sets how payloads are fingerprinted and results recorded; default {@link CanonicalJson#ofDefaults()}. */
    public Builder json(CanonicalJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /**
     * Sets which failures of the work are transient: for them the claim is released, not the
     * failure recorded, so the next call runs the work again. Default: an interrupted work (a
     * shutdown, a rolling deploy), whose outcome is unknown rather than failed.
     */
    public Builder releaseOn(Predicate<? super Exception> transientFailure) {
      this.releaseOn = Objects.requireNonNull(transientFailure, "transientFailure");
      return this;
    }

    /** Sets the audit log operator replays are written to; without one, replays are refused. */
    public Builder audit(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /** Builds it. */
    public Idempotent build() {
      if (retention.compareTo(lease) <= 0) {
        throw new IllegalStateException("retention (" + retention + ") must be longer than the lease (" + lease + ")");
      }
      return new Idempotent(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive; was " + d);
      }
      return d;
    }
  }
}
