package dev.steward.core.store;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.IdempotencyRecord;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.model.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where idempotency keys, their leases and recorded outcomes live. Steward ships one in memory
 * and JDBC ones; every implementation passes the same contract tests.
 *
 * <p>Each method that changes state is atomic — one transaction in a database — and an
 * implementation never swallows a failure of its storage: it throws. Implementations are
 * thread-safe, and stores shared by several processes are safe across them. Times are passed in,
 * so that the caller's clock rules.
 */
public interface IdempotencyStore {
  /**
   * Claims {@code key} for a payload with {@code fingerprint}.
   *
   * <ul>
   *   <li>no record, or one past its {@code expiresAt}: {@link Claim.Acquired}, attempt 1;
   *   <li>a record with another fingerprint: {@link Claim.Mismatch}, whatever its state;
   *   <li>a completed record: {@link Claim.Completed} with its outcome;
   *   <li>a record in flight whose lease has not expired: {@link Claim.InFlight};
   *   <li>a record in flight whose lease expired: {@link Claim.Acquired} with a new token and the
   *       next attempt number; the old token no longer completes it.
   * </ul>
   *
   * @param now the time of the claim
   * @param lease how long the claim is held before another caller may take it over
   * @param expiresAt when the record may be purged (now plus the retention)
   */
  Claim claim(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt);

  /**
   * Records the outcome of the work done under a claim.
   *
   * @throws LeaseLostException if {@code leaseToken} is not the current holder's token (the key
   *     was taken over after the lease expired, completed, released or purged)
   */
  void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome);

  /**
   * Gives a claim up without an outcome — the work did not happen, for example after a transient
   * failure — so that the key can be claimed again at once.
   *
   * @throws LeaseLostException if {@code leaseToken} is not the current holder's token
   */
  void release(IdempotencyKey key, String leaseToken);

  /**
   * Opens a completed key again for an operator's replay, atomically: if its record has {@code
   * fingerprint}, it becomes in flight under a new lease and is retained until {@code expiresAt}
   * (a replay starts the retention again), and the answer is {@link Claim.Acquired}; the replay
   * then completes it with its new outcome. A record of another fingerprint is left alone and the
   * answer is {@link Claim.Mismatch}.
   *
   * @throws IllegalStateException if the key has no record or is in flight
   */
  Claim reopen(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt);

  /** Returns the record of {@code key}, if any (also one past its {@code expiresAt} not yet purged). */
  Optional<IdempotencyRecord> find(IdempotencyKey key);

  /**
   * Deletes up to {@code limit} records past their {@code expiresAt} whose lease has also
   * expired, and returns how many; call it repeatedly until it returns less than {@code limit}.
   */
  int purgeExpired(Instant now, int limit);
}
