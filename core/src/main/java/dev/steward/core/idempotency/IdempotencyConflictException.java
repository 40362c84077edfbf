package dev.steward.core.idempotency;

import dev.steward.model.Fingerprint;
import dev.steward.model.StewardException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A key cannot be used now: it was first used with another payload ({@link Reason#MISMATCH}, the
 * HTTP 422 case — an error of the sender), or its first use is still in flight ({@link
 * Reason#IN_FLIGHT}, the HTTP 409 case — retry after the holder's lease).
 */
public class IdempotencyConflictException extends StewardException {
  private static final long serialVersionUID = 1L;

  /** Why the key cannot be used. */
  public enum Reason {
    /** The key was first used with a payload of another fingerprint. */
    MISMATCH("STEWARD-IDEMPOTENCY-KEY_MISMATCH"),
    /** The key's first use has not completed yet. */
    IN_FLIGHT("STEWARD-IDEMPOTENCY-IN_FLIGHT");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code of exceptions with this reason. */
    public String code() {
      return code;
    }
  }

  private final Reason reason;
  private final transient IdempotencyKey key;
  private final transient @Nullable Fingerprint recorded;
  private final transient @Nullable Fingerprint presented;
  private final transient @Nullable Instant leaseExpiresAt;

  private IdempotencyConflictException(Reason reason, IdempotencyKey key, String message, @Nullable Fingerprint recorded,
      @Nullable Fingerprint presented, @Nullable Instant leaseExpiresAt) {
    super(reason.code(), message, null);
    this.reason = reason;
    this.key = key;
    this.recorded = recorded;
    this.presented = presented;
    this.leaseExpiresAt = leaseExpiresAt;
  }

  /** Returns the exception for a {@link Claim.Mismatch}, naming both fingerprints. */
  public static IdempotencyConflictException of(Claim.Mismatch mismatch) {
    return new IdempotencyConflictException(Reason.MISMATCH, mismatch.key(), "idempotency key " + mismatch.key()
        + " was first used with a payload of fingerprint " + mismatch.recorded() + ", not " + mismatch.presented()
        + "; a key may not be reused for different content", mismatch.recorded(), mismatch.presented(), null);
  }

  /** Returns the exception for a {@link Claim.InFlight}. */
  public static IdempotencyConflictException of(Claim.InFlight inFlight) {
    return new IdempotencyConflictException(Reason.IN_FLIGHT, inFlight.key(), "idempotency key " + inFlight.key()
        + " is in flight; retry after " + inFlight.leaseExpiresAt(), null, null, inFlight.leaseExpiresAt());
  }

  /** Returns why. */
  public Reason reason() {
    return reason;
  }

  /** Returns the key. */
  public IdempotencyKey key() {
    return key;
  }

  /** Returns, for a mismatch, the fingerprint the key was first used with. */
  public @Nullable Fingerprint recorded() {
    return recorded;
  }

  /** Returns, for a mismatch, the fingerprint presented now. */
  public @Nullable Fingerprint presented() {
    return presented;
  }

  /** Returns, for a key in flight, when its holder's lease expires. */
  public @Nullable Instant leaseExpiresAt() {
    return leaseExpiresAt;
  }
}
