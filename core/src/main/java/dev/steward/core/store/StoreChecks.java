package dev.steward.core.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** The argument checks every implementation of a store SPI makes alike, in memory or JDBC. */
final class StoreChecks {
  private StoreChecks() {}

  /** Checks a lease is positive, and returns it. */
  static Duration positiveLease(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isZero() || lease.isNegative()) {
      throw new IllegalArgumentException("lease must be positive; was " + lease);
    }
    return lease;
  }

  /** Checks a read's or a purge's limit is positive. */
  static void positiveLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive; was " + limit);
    }
  }

  /**
   * Checks a batch: not null, at most {@link IdempotencyStore#MAX_BATCH_SIZE} items, none null.
   *
   * @param name the parameter's name, used in messages with an item's index
   */
  static void batch(List<?> items, String name) {
    Objects.requireNonNull(items, name);
    if (items.size() > IdempotencyStore.MAX_BATCH_SIZE) {
      throw new BatchTooLargeException(items.size(), IdempotencyStore.MAX_BATCH_SIZE);
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw new NullPointerException(name + "[" + i + "]");
      }
    }
  }

  /** Checks a position moves forward: {@code next} after {@code expected}, if there is one. */
  static void forward(OptionalLong expected, long next) {
    if (expected.isPresent() && next <= expected.getAsLong()) {
      throw new IllegalArgumentException("a position only moves forward; " + next + " is not after "
          + expected.getAsLong());
    }
  }
}
