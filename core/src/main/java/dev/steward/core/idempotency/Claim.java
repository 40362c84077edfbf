package dev.steward.core.idempotency;

import dev.steward.model.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer to claiming an idempotency key, after the HTTP Idempotency-Key draft and Stripe's
 * practice: the first claim {@linkplain Acquired acquires} it with a lease; a repeat after
 * completion with the same payload gets the {@linkplain Completed recorded outcome}; a repeat
 * with a different payload is a {@linkplain Mismatch mismatch} (HTTP 422); a repeat while the
 * first is still working finds it {@linkplain InFlight in flight} (HTTP 409).
 */
public sealed interface Claim {
  /** Returns the key claimed. */
  IdempotencyKey key();

  /**
   * The caller holds the key and does the work, then completes it with {@code leaseToken} before
   * the lease expires. A claim whose lease expired (its holder crashed) is acquired again with a
   * higher attempt number, and the late holder's completion is then refused.
   *
   * @param key the key
   * @param leaseToken the token completing or releasing the claim; opaque
   * @param leaseExpiresAt when another caller may take the key over
   * @param attempt 1 for the first holder, 2 after one takeover, and so on
   */
  record Acquired(IdempotencyKey key, String leaseToken, Instant leaseExpiresAt, int attempt) implements Claim {
    /** Checks the parts. */
    public Acquired {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(leaseToken, "leaseToken");
      Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt must be at least 1; was " + attempt);
      }
    }
  }

  /**
   * The operation already completed with this payload: here is its outcome, which the caller
   * returns as a replay without repeating the effect.
   *
   * @param key the key
   * @param outcome the recorded outcome
   */
  record Completed(IdempotencyKey key, RecordedOutcome outcome) implements Claim {
    /** Checks the parts. */
    public Completed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * Another caller holds the key and is still working.
   *
   * @param key the key
   * @param leaseExpiresAt when the holder's lease expires, after which the key can be taken over
   */
  record InFlight(IdempotencyKey key, Instant leaseExpiresAt) implements Claim {
    /** Checks the parts. */
    public InFlight {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
    }
  }

  /**
   * The key was first used with another payload: reusing a key for different content is an error
   * of the sender, never a replay.
   *
   * @param key the key
   * @param recorded the fingerprint of the payload the key was first used with
   * @param presented the fingerprint of the payload now presented
   */
  record Mismatch(IdempotencyKey key, Fingerprint recorded, Fingerprint presented) implements Claim {
    /** Checks the parts. */
    public Mismatch {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(recorded, "recorded");
      Objects.requireNonNull(presented, "presented");
    }
  }
}
