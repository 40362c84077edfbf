package dev.steward.core.store;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.IdempotencyRecord;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.model.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where idempotency keys, their leases and recorded outcomes live. Steward ships one in memory
 * and JDBC ones; every implementation passes the same contract tests.
 *
 * <p>Each method that changes the state of one key is atomic — one transaction in a database —
 * and an implementation never swallows a failure of its storage: it throws. The batch methods,
 * {@link #claimAll} and {@link #completeAll}, are atomic for each key and say what they promise
 * for the batch as a whole. Implementations are
 * thread-safe, and stores shared by several processes are safe across them. Times are passed in,
 * so that the caller's clock rules.
 */
public interface IdempotencyStore {
  /**
   * The most requests {@link #claimAll} and completions {@link #completeAll} take in one call:
   * {@value}. It bounds the statements a batch sends to a database and how long a batch holds its
   * row locks.
   */
  int MAX_BATCH_SIZE = 1_000;

  /**
   * One key to claim in a {@linkplain #claimAll batch}, with the fingerprint of its payload.
   *
   * @param key the key
   * @param fingerprint the fingerprint of the payload the key is claimed for
   */
  record ClaimRequest(IdempotencyKey key, Fingerprint fingerprint) {
    /** Checks the parts. */
    public ClaimRequest {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }
  }

  /**
   * One outcome to record in a {@linkplain #completeAll batch}, under the claim {@code
   * leaseToken} holds.
   *
   * @param key the key
   * @param leaseToken the token of the claim, from {@link Claim.Acquired#leaseToken()}
   * @param outcome the outcome of the work done under the claim
   */
  record Completion(IdempotencyKey key, String leaseToken, RecordedOutcome outcome) {
    /** Checks the parts. */
    public Completion {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(leaseToken, "leaseToken");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * Claims {@code key} for a payload with {@code fingerprint}.
   *
   * <ul>
   *   <li>no record, or one past its {@code expiresAt} whose lease has also expired: {@link
   *       Claim.Acquired}, attempt 1;
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
   * Claims a batch of keys, each as {@link #claim} would, and returns the claims in request order.
   * The requests share {@code now}, {@code lease} and {@code expiresAt}.
   *
   * <p>The answers are those of claiming the requests one after another in request order. So a
   * key that appears twice in a batch is acquired (or found completed, in flight or mismatched) by
   * its first request, and a later request for it finds what the first left: usually the first's
   * claim, {@link Claim.InFlight} for the same payload and {@link Claim.Mismatch} for another.
   *
   * <p>The default claims the requests one after another with {@link #claim}; if one fails, the
   * requests before it stay claimed without a holder, and are taken over once their leases expire,
   * as after a crash. An implementation may claim a batch as one transaction, all or nothing, as
   * the JDBC store does.
   *
   * @param requests at most {@link #MAX_BATCH_SIZE}; an empty batch claims nothing
   * @param now the time of the claims
   * @param lease how long each claim is held before another caller may take it over
   * @param expiresAt when the records may be purged (now plus the retention)
   * @return one claim per request, in request order; unmodifiable
   * @throws BatchTooLargeException if there are more than {@link #MAX_BATCH_SIZE} requests;
   *     nothing is claimed
   * @throws NullPointerException if {@code requests} or one of its items is null (the message
   *     names its index); nothing is claimed
   */
  default List<Claim> claimAll(List<ClaimRequest> requests, Instant now, Duration lease, Instant expiresAt) {
    StoreChecks.batch(requests, "requests");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(expiresAt, "expiresAt");
    List<Claim> claims = new ArrayList<>(requests.size());
    for (ClaimRequest r : requests) {
      claims.add(claim(r.key(), r.fingerprint(), now, lease, expiresAt));
    }
    return Collections.unmodifiableList(claims);
  }

  /**
   * Records the outcome of the work done under a claim.
   *
   * @throws LeaseLostException if {@code leaseToken} is not the current holder's token (the key
   *     was taken over after the lease expired, completed, released or purged)
   */
  void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome);

  /**
   * Records a batch of outcomes, each as {@link #complete} would, and returns those it could not
   * record because their claim is no longer held.
   *
   * <p>Every completion whose claim is still held is recorded. For one whose claim was lost, the
   * {@link LeaseLostException} that {@link #complete} would throw is returned instead, so that
   * the rest of the batch is recorded all the same; treat each as thrown: the work done under
   * that claim may have to be compensated. Completions of one key apply in request order: the
   * first that holds the claim records its outcome, and a later one finds the key completed.
   *
   * <p>The default completes one after another with {@link #complete}; if one fails with anything
   * but a lost lease, the completions before it are recorded and the rest are not. An
   * implementation may record a batch as one transaction, all or nothing, as the JDBC store does.
   *
   * @param completions at most {@link #MAX_BATCH_SIZE}; an empty batch records nothing
   * @return one exception per completion not recorded, in request order; empty when all were
   *     recorded; unmodifiable
   * @throws BatchTooLargeException if there are more than {@link #MAX_BATCH_SIZE} completions;
   *     nothing is recorded
   * @throws NullPointerException if {@code completions} or one of its items is null (the message
   *     names its index); nothing is recorded
   */
  default List<LeaseLostException> completeAll(List<Completion> completions) {
    StoreChecks.batch(completions, "completions");
    List<LeaseLostException> lost = new ArrayList<>();
    for (Completion c : completions) {
      try {
        complete(c.key(), c.leaseToken(), c.outcome());
      } catch (LeaseLostException e) {
        lost.add(e);
      }
    }
    return Collections.unmodifiableList(lost);
  }

  /**
   * Gives a claim up without an outcome — the work did not happen, for example after a transient
   * failure — so that the key can be claimed again at once.
   *
   * @throws LeaseLostException if {@code leaseToken} is not the current holder's token
   */
  void release(IdempotencyKey key, String leaseToken);

  /**
   * Extends a claim still held to {@code now} plus {@code lease}, for work that runs longer than
   * its lease (a holder renews at, say, half the lease). A lease that expired but was not taken
   * over may still be renewed; once another caller took the key over, it may not.
   *
   * @return when the renewed lease expires
   * @throws LeaseLostException if {@code leaseToken} does not hold the key in flight (completed,
   *     released, purged or taken over)
   * @throws IllegalArgumentException if {@code lease} is not positive
   */
  Instant renew(IdempotencyKey key, String leaseToken, Instant now, Duration lease);

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
