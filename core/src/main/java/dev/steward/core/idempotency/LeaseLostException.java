package dev.steward.core.idempotency;

import dev.steward.model.StewardException;

/**
 * A holder tried to complete or release a claim it no longer holds: its lease expired and another
 * caller took the key over (or the key was purged). Its outcome is not recorded; the work it did
 * may have to be compensated.
 */
public class LeaseLostException extends StewardException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "STEWARD-IDEMPOTENCY-LEASE_LOST";

  private final transient IdempotencyKey key;

  /** Creates the exception for {@code key}, saying why. */
  public LeaseLostException(IdempotencyKey key, String why) {
    super(CODE, "the claim on idempotency key " + key + " is no longer held: " + why, null);
    this.key = key;
  }

  /** Returns the key. */
  public IdempotencyKey key() {
    return key;
  }
}
