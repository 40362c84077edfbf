package dev.steward.core.idempotency;

import dev.steward.model.StewardException;

/**
 * The operation behind a key already failed, and its recorded failure is replayed instead of
 * running the work again. To run it again after a fix, an operator replays the key explicitly.
 */
public class ReplayedFailureException extends StewardException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "STEWARD-IDEMPOTENCY-REPLAYED_FAILURE";

  private final transient IdempotencyKey key;
  private final transient RecordedOutcome outcome;

  /** Creates the exception replaying {@code outcome}, a failure. */
  public ReplayedFailureException(IdempotencyKey key, RecordedOutcome outcome) {
    super(CODE, "idempotency key " + key + " already failed at " + outcome.completedAt() + " with "
        + outcome.errorType() + ": " + outcome.errorMessage() + " (replayed, not run again)", null);
    this.key = key;
    this.outcome = outcome;
  }

  /** Returns the key. */
  public IdempotencyKey key() {
    return key;
  }

  /** Returns the recorded failure. */
  public RecordedOutcome outcome() {
    return outcome;
  }
}
