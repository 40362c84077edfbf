package dev.steward.core.store;

import java.util.OptionalLong;

/** The argument checks every implementation of a store SPI makes alike, in memory or JDBC. */
final class StoreChecks {
  private StoreChecks() {}

  /** Checks a read's limit is positive. */
  static void positiveLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive; was " + limit);
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
