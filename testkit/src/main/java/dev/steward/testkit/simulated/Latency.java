package dev.steward.testkit.simulated;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a simulated system takes to answer a call: none, a fixed time, uniform between two
 * bounds, or exponential around a mean with a cap (many short answers and a long tail). A {@link
 * FaultPlan} draws one latency per call from its seed.
 *
 * <p>Immutable and value-based.
 */
public final class Latency {
  /** The longest latency a distribution may give; a simulated call never takes longer than this. */
  public static final Duration MAX_LATENCY = Duration.ofHours(1);

  private static final Latency NONE = new Latency(Shape.FIXED, Duration.ZERO, Duration.ZERO);

  private enum Shape { FIXED, UNIFORM, EXPONENTIAL }

  private final Shape shape;
  private final Duration a;
  private final Duration b;

  private Latency(Shape shape, Duration a, Duration b) {
    this.shape = shape;
    this.a = a;
    this.b = b;
  }

  /** Returns no latency: every call is answered at once. */
  public static Latency none() {
    return NONE;
  }

  /**
   * Returns the same latency for every call.
   *
   * @throws IllegalArgumentException if {@code latency} is negative or above {@link #MAX_LATENCY}
   */
  public static Latency fixed(Duration latency) {
    check("latency", latency);
    return latency.isZero() ? NONE : new Latency(Shape.FIXED, latency, latency);
  }

  /**
   * Returns latencies drawn uniformly from {@code min} to {@code max}.
   *
   * @throws IllegalArgumentException if a bound is negative or above {@link #MAX_LATENCY}, or
   *     {@code max} is below {@code min}
   */
  public static Latency uniform(Duration min, Duration max) {
    check("min", min);
    check("max", max);
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("max (" + max + ") must not be below min (" + min + ")");
    }
    return new Latency(Shape.UNIFORM, min, max);
  }

  /**
   * Returns latencies drawn from an exponential distribution with mean {@code mean}, cut at {@code
   * max}.
   *
   * @throws IllegalArgumentException if {@code mean} is not positive, {@code max} is below it or
   *     either is above {@link #MAX_LATENCY}
   */
  public static Latency exponential(Duration mean, Duration max) {
    check("mean", mean);
    check("max", max);
    if (mean.isZero() || max.compareTo(mean) < 0) {
      throw new IllegalArgumentException("mean must be positive and max (" + max + ") at least the mean (" + mean + ")");
    }
    return new Latency(Shape.EXPONENTIAL, mean, max);
  }

  /** Returns whether every call is answered at once. */
  public boolean isNone() {
    return this == NONE;
  }

  /** Returns the latency for a draw {@code u} from [0, 1). */
  Duration sample(double u) {
    switch (shape) {
      case FIXED:
        return a;
      case UNIFORM:
        return a.plusNanos((long) (u * b.minus(a).toNanos()));
      default:
        long nanos = (long) (-Math.log1p(-u) * a.toNanos());
        return nanos >= b.toNanos() ? b : Duration.ofNanos(nanos);
    }
  }

  private static void check(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.compareTo(MAX_LATENCY) > 0) {
      throw new IllegalArgumentException(name + " must be from zero to " + MAX_LATENCY + " (MAX_LATENCY); was " + value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Latency l && shape == l.shape && a.equals(l.a) && b.equals(l.b);
  }

  @Override
  public int hashCode() {
    return Objects.hash(shape, a, b);
  }

  @Override
  public String toString() {
    switch (shape) {
      case FIXED:
        return isNone() ? "Latency[none]" : "Latency[fixed " + a + "]";
      case UNIFORM:
        return "Latency[uniform " + a + " to " + b + "]";
      default:
        return "Latency[exponential, mean " + a + ", max " + b + "]";
    }
  }
}
