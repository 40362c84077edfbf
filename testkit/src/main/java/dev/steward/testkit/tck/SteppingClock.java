package dev.steward.testkit.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves forward by a fixed step each time it is read, so that a connector stamping
 * writes with its clock sees distinct, increasing times without the wall clock. Thread-safe;
 * copies made by {@link #withZone(ZoneId)} share the same time line.
 */
final class SteppingClock extends Clock {
  private final AtomicLong nextMillis;
  private final long stepMillis;
  private final ZoneId zone;

  private SteppingClock(AtomicLong nextMillis, long stepMillis, ZoneId zone) {
    this.nextMillis = nextMillis;
    this.stepMillis = stepMillis;
    this.zone = zone;
  }

  /** Returns a UTC clock first reading {@code start}, then moving {@code step} per read. */
  static SteppingClock startingAt(Instant start, Duration step) {
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive; was " + step);
    }
    return new SteppingClock(new AtomicLong(start.toEpochMilli()), step.toMillis(), ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new SteppingClock(nextMillis, stepMillis, zone);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(nextMillis.getAndAdd(stepMillis));
  }

  @Override
  public long millis() {
    return nextMillis.getAndAdd(stepMillis);
  }

  @Override
  public String toString() {
    return "SteppingClock[next=" + Instant.ofEpochMilli(nextMillis.get()) + ", step=" + stepMillis + "ms]";
  }
}
