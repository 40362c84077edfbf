package dev.steward.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The request rate a system allows a client: at most {@code permits} calls per {@code period},
 * as the platform documents it (Salesforce's daily API limit, Stripe's 100 read operations per
 * second). Declared so that the caller can pace itself instead of learning the limit from 429s.
 *
 * @param permits the calls allowed per period, at least 1
 * @param period the length of one period, positive
 */
public record RateLimit(int permits, Duration period) {
  /** Checks the limit is positive. */
  public RateLimit {
    Objects.requireNonNull(period, "period");
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1; was " + permits);
    }
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive; was " + period);
    }
  }

  /** Returns a limit of {@code permits} calls per {@code period}. */
  public static RateLimit of(int permits, Duration period) {
    return new RateLimit(permits, period);
  }
}
