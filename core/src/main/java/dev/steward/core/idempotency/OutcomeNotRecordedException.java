package dev.steward.core.idempotency;

import dev.steward.model.StewardException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The work ran, but its outcome could not be recorded: the result cannot be written as JSON, or
 * the store did not answer. The effect has happened; the key stays in flight until its lease
 * ends, after which a repeat would run the work again. Reconcile before retrying — the result
 * is here, and the cause says why it was not recorded.
 */
public class OutcomeNotRecordedException extends StewardException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "STEWARD-IDEMPOTENCY-OUTCOME_NOT_RECORDED";

  private final transient IdempotencyKey key;
  private final transient @Nullable Object result;
  private final transient Instant leaseExpiresAt;

  /** Creates the exception. */
  public OutcomeNotRecordedException(IdempotencyKey key, @Nullable Object result, Instant leaseExpiresAt, Throwable cause) {
    super(CODE, "the work for idempotency key " + key + " ran, but its outcome was not recorded (" + cause
        + "); the key stays in flight until " + leaseExpiresAt + ", after which a repeat would run it again", cause);
    this.key = key;
    this.result = result;
    this.leaseExpiresAt = leaseExpiresAt;
  }

  /** Returns the key. */
  public IdempotencyKey key() {
    return key;
  }

  /** Returns what the work returned. */
  public @Nullable Object result() {
    return result;
  }

  /** Returns when the key's lease ends. */
  public Instant leaseExpiresAt() {
    return leaseExpiresAt;
  }
}
