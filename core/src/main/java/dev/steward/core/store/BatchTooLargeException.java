package dev.steward.core.store;

import dev.steward.model.StewardException;

/**
 * A batch handed to a store holds more items than a store takes in one call, {@link
 * IdempotencyStore#MAX_BATCH_SIZE}; nothing in it was done. Split it into smaller batches. Code
 * {@value #CODE}.
 */
public class BatchTooLargeException extends StewardException {
  /** The stable code of this exception. */
  public static final String CODE = "STEWARD-STORE-BATCH_TOO_LARGE";

  private static final long serialVersionUID = 1L;

  private final int size;
  private final int limit;

  /**
   * Creates the exception.
   *
   * @param size how many items the batch held
   * @param limit the most a store takes in one call
   */
  public BatchTooLargeException(int size, int limit) {
    super(CODE, "a batch of " + size + " is more than the " + limit + " a store takes in one call"
        + " (IdempotencyStore.MAX_BATCH_SIZE); split it", null);
    this.size = size;
    this.limit = limit;
  }

  /** Returns how many items the batch held. */
  public int size() {
    return size;
  }

  /** Returns the most a store takes in one call. */
  public int limit() {
    return limit;
  }
}
