package dev.steward.testkit.simulated;

import dev.steward.spi.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The faults a simulated system injects, each a rate or a schedule, drawn from one seed: latency,
 * transient 503 errors, rate limiting with 429 and {@code Retry-After}, timeouts after a write was
 * applied, partial failure of batches, duplicate and reordered deliveries in the change feed, and
 * scripted HTTP answers for numbered calls.
 *
 * <p>Every decision is a function of the seed and the position it is made at (the call number,
 * the record's index in a batch, the change's position in the log), never of a shared random
 * stream or the wall clock: the same seed and the same sequence of calls give the same faults,
 * run after run, and the {@linkplain SimulatedSystem#faultLog() fault log} shows each one.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder(42)
 *     .latency(Latency.uniform(Duration.ofMillis(20), Duration.ofMillis(400)))
 *     .transientErrors(0.05)
 *     .rateLimit(RateLimit.of(100, Duration.ofSeconds(1)))
 *     .duplicateDeliveries(0.02)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one between systems freely (each numbers its own calls).
 */
public final class FaultPlan {
  private static final FaultPlan NONE = new FaultPlan(new Builder(0));

  private static final long LATENCY = 1;
  private static final long TRANSIENT = 2;
  private static final long AFTER_COMMIT = 3;
  private static final long BATCH_ITEM = 4;
  private static final long DUPLICATE = 5;
  private static final long REORDER = 6;

  private final long seed;
  private final Latency latency;
  private final double transientErrors;
  private final @Nullable RateLimit rateLimit;
  private final double timeoutsAfterCommit;
  private final double partialBatchFailures;
  private final double duplicateDeliveries;
  private final double reorderedChanges;
  private final List<Scheduled> scheduled;
  private final boolean none;

  private FaultPlan(Builder b) {
    this.seed = b.seed;
    this.latency = b.latency == null ? Latency.none() : b.latency;
    this.transientErrors = rate(b.transientErrors);
    this.rateLimit = b.rateLimit;
    this.timeoutsAfterCommit = rate(b.timeoutsAfterCommit);
    this.partialBatchFailures = rate(b.partialBatchFailures);
    this.duplicateDeliveries = rate(b.duplicateDeliveries);
    this.reorderedChanges = rate(b.reorderedChanges);
    this.scheduled = List.copyOf(b.scheduled);
    this.none = latency.isNone() && transientErrors == 0 && rateLimit == null && timeoutsAfterCommit == 0
        && partialBatchFailures == 0 && duplicateDeliveries == 0 && reorderedChanges == 0 && scheduled.isEmpty();
  }

  private static double rate(@Nullable Double rate) {
    return rate == null ? 0 : rate;
  }

  /** Returns the plan that injects nothing: the systems behave as healthy ones. */
  public static FaultPlan none() {
    return NONE;
  }

  /** Returns a builder of a plan drawing its faults from {@code seed}; it injects nothing until told. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /** Returns a plan with the same faults drawn from another seed, to run one scenario under many seeds. */
  public FaultPlan withSeed(long seed) {
    if (seed == this.seed) {
      return this;
    }
    Builder b = new Builder(seed);
    b.latency = latency;
    b.transientErrors = transientErrors;
    b.rateLimit = rateLimit;
    b.timeoutsAfterCommit = timeoutsAfterCommit;
    b.partialBatchFailures = partialBatchFailures;
    b.duplicateDeliveries = duplicateDeliveries;
    b.reorderedChanges = reorderedChanges;
    b.scheduled.addAll(scheduled);
    return new FaultPlan(b);
  }

  /** Returns the seed every fault is drawn from. */
  public long seed() {
    return seed;
  }

  /** Returns whether the plan injects nothing at all. */
  public boolean isNone() {
    return none;
  }

  /** Returns the latency of each call. */
  public Latency latency() {
    return latency;
  }

  /** Returns the share of calls answered 503 without being applied, from 0 to 1. */
  public double transientErrors() {
    return transientErrors;
  }

  /** Returns the rate beyond which calls are answered 429, if the plan limits it. */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  /** Returns the share of writes applied and then answered with a timeout, from 0 to 1. */
  public double timeoutsAfterCommit() {
    return timeoutsAfterCommit;
  }

  /** Returns the share of records of a batch that fail on their own, from 0 to 1. */
  public double partialBatchFailures() {
    return partialBatchFailures;
  }

  /** Returns the share of changes the feed delivers twice, from 0 to 1. */
  public double duplicateDeliveries() {
    return duplicateDeliveries;
  }

  /** Returns the share of changes the feed swaps with the change after them, from 0 to 1. */
  public double reorderedChanges() {
    return reorderedChanges;
  }

  Duration latency(long call) {
    return latency.isNone() ? Duration.ZERO : latency.sample(draw(LATENCY, call, 0));
  }

  boolean transientError(long call) {
    return transientErrors > 0 && draw(TRANSIENT, call, 0) < transientErrors;
  }

  boolean timeoutAfterCommit(long call) {
    return timeoutsAfterCommit > 0 && draw(AFTER_COMMIT, call, 0) < timeoutsAfterCommit;
  }

  boolean batchItemFails(long call, int index) {
    return partialBatchFailures > 0 && draw(BATCH_ITEM, call, index) < partialBatchFailures;
  }

  boolean duplicated(long changeSeq) {
    return duplicateDeliveries > 0 && draw(DUPLICATE, changeSeq, 0) < duplicateDeliveries;
  }

  boolean reordered(long changeSeq) {
    return reorderedChanges > 0 && draw(REORDER, changeSeq, 0) < reorderedChanges;
  }

  /** Returns the answer scheduled for call number {@code call}, or null. */
  @Nullable HttpAnswer scheduledAnswer(long call) {
    for (Scheduled s : scheduled) {
      if (call >= s.firstCall && call - s.firstCall < s.calls) {
        return s.answer;
      }
    }
    return null;
  }

  /** A uniform draw from [0, 1), a function of the seed, the channel and the position alone. */
  private double draw(long channel, long position, long index) {
    long z = mix(seed ^ channel * 0x9E3779B97F4A7C15L);
    z = mix(z + position * 0xC2B2AE3D27D4EB4FL);
    z = mix(z + index * 0x165667B19E3779F9L);
    return (z >>> 11) * 0x1.0p-53;
  }

  /** The SplitMix64 finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FaultPlan p && seed == p.seed && latency.equals(p.latency) && transientErrors == p.transientErrors
        && Objects.equals(rateLimit, p.rateLimit) && timeoutsAfterCommit == p.timeoutsAfterCommit
        && partialBatchFailures == p.partialBatchFailures && duplicateDeliveries == p.duplicateDeliveries
        && reorderedChanges == p.reorderedChanges && scheduled.equals(p.scheduled);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, latency, transientErrors, rateLimit, timeoutsAfterCommit, partialBatchFailures,
        duplicateDeliveries, reorderedChanges, scheduled);
  }

  @Override
  public String toString() {
    if (none) {
      return "FaultPlan[none]";
    }
    StringBuilder s = new StringBuilder("FaultPlan[seed=").append(seed);
    if (!latency.isNone()) {
      s.append(", latency=").append(latency);
    }
    append(s, "transientErrors", transientErrors);
    if (rateLimit != null) {
      s.append(", rateLimit=").append(rateLimit.permits()).append(" per ").append(rateLimit.period());
    }
    append(s, "timeoutsAfterCommit", timeoutsAfterCommit);
    append(s, "partialBatchFailures", partialBatchFailures);
    append(s, "duplicateDeliveries", duplicateDeliveries);
    append(s, "reorderedChanges", reorderedChanges);
    for (Scheduled sc : scheduled) {
      s.append(", ").append(sc);
    }
    return s.append(']').toString();
  }

  private static void append(StringBuilder s, String name, double rate) {
    if (rate > 0) {
      s.append(", ").append(name).append('=').append(rate);
    }
  }

  /** Calls {@code firstCall} to {@code firstCall + calls - 1} answer {@code answer}. */
  private record Scheduled(long firstCall, int calls, HttpAnswer answer) {
    @Override
    public String toString() {
      return "calls " + firstCall + (calls == 1 ? "" : " to " + (firstCall + calls - 1)) + " answer " + answer;
    }
  }

  /**
   * Builds a {@link FaultPlan}. Each setter checks its argument at once and may be called once;
   * a second call is an {@link IllegalStateException}. Not thread-safe.
   */
  public static final class Builder {
    private final long seed;
    private @Nullable Latency latency;
    private @Nullable Double transientErrors;
    private @Nullable RateLimit rateLimit;
    private @Nullable Double timeoutsAfterCommit;
    private @Nullable Double partialBatchFailures;
    private @Nullable Double duplicateDeliveries;
    private @Nullable Double reorderedChanges;
    private final List<Scheduled> scheduled = new ArrayList<>();

    private Builder(long seed) {
      this.seed = seed;
    }

    /**
     * Sets the latency of each call. Latency counts against the call's deadline: a call whose
     * deadline falls in the first half of its latency fails before the system applied it ({@link
     * dev.steward.spi.TransientFailureException}); a write whose deadline falls in the second half
     * was applied and fails with {@link dev.steward.spi.UnknownOutcomeException}.
     */
    public Builder latency(Latency latency) {
      Objects.requireNonNull(latency, "latency");
      this.latency = once("latency", this.latency, latency);
      return this;
    }

    /**
     * Sets the share of calls, from 0 to 1, that the system answers 503 Service Unavailable
     * without applying them.
     *
     * @throws IllegalArgumentException if {@code rate} is not from 0 to 1
     */
    public Builder transientErrors(double rate) {
      this.transientErrors = once("transientErrors", this.transientErrors, checkRate("transientErrors", rate));
      return this;
    }

    /**
     * Limits the calls the system accepts to {@code limit.permits()} in each window of {@code
     * limit.period()} on the system's clock (windows start at multiples of the period since the
     * epoch). A call beyond it is answered 429 with {@code Retry-After} naming the seconds until
     * the window ends, and does not count against the limit. The systems declare the limit in
     * their {@linkplain dev.steward.spi.ConnectorCapabilities#rateLimit() capabilities}.
     *
     * @throws IllegalArgumentException if the period is not a whole number of milliseconds from
     *     1 ms to 1 day
     */
    public Builder rateLimit(RateLimit limit) {
      Objects.requireNonNull(limit, "limit");
      Duration period = limit.period();
      if (period.compareTo(Duration.ofMillis(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0
          || period.getNano() % 1_000_000 != 0) {
        throw new IllegalArgumentException("rateLimit period must be whole milliseconds from 1 ms to 1 day; was " + period);
      }
      this.rateLimit = once("rateLimit", this.rateLimit, limit);
      return this;
    }

    /**
     * Sets the share of writes, from 0 to 1, that the system applies and then fails to answer:
     * the caller gets {@link dev.steward.spi.UnknownOutcomeException} and must read back.
     *
     * @throws IllegalArgumentException if {@code rate} is not from 0 to 1
     */
    public Builder timeoutsAfterCommit(double rate) {
      this.timeoutsAfterCommit = once("timeoutsAfterCommit", this.timeoutsAfterCommit, checkRate("timeoutsAfterCommit", rate));
      return this;
    }

    /**
     * Sets the share of records of an {@code upsertAll} batch, from 0 to 1, that fail on their own
     * with a transient lock error while the others are written.
     *
     * @throws IllegalArgumentException if {@code rate} is not from 0 to 1
     */
    public Builder partialBatchFailures(double rate) {
      this.partialBatchFailures = once("partialBatchFailures", this.partialBatchFailures, checkRate("partialBatchFailures", rate));
      return this;
    }

    /**
     * Sets the share of changes, from 0 to 1, that the change feed delivers twice in a row, with
     * the same envelope id, as at-least-once feeds do. The cursor still moves past each change
     * exactly once.
     *
     * @throws IllegalArgumentException if {@code rate} is not from 0 to 1
     */
    public Builder duplicateDeliveries(double rate) {
      this.duplicateDeliveries = once("duplicateDeliveries", this.duplicateDeliveries, checkRate("duplicateDeliveries", rate));
      return this;
    }

    /**
     * Sets the share of changes, from 0 to 1, that the change feed delivers after the change that
     * follows them in the same page. Changes are never moved across pages, so the cursor neither
     * skips nor repeats one.
     *
     * @throws IllegalArgumentException if {@code rate} is not from 0 to 1
     */
    public Builder reorderedChanges(double rate) {
      this.reorderedChanges = once("reorderedChanges", this.reorderedChanges, checkRate("reorderedChanges", rate));
      return this;
    }

    /**
     * Makes calls number {@code firstCall} to {@code firstCall + calls - 1}, counted from 1 in the
     * order the system receives them, answer {@code answer} without being applied. May be called
     * for several ranges, which must not overlap.
     *
     * @throws IllegalArgumentException if {@code firstCall} or {@code calls} is not positive, or the
     *     range overlaps one scheduled before
     */
    public Builder answerCalls(long firstCall, int calls, HttpAnswer answer) {
      Objects.requireNonNull(answer, "answer");
      if (firstCall < 1 || calls < 1 || firstCall > Long.MAX_VALUE - calls) {
        throw new IllegalArgumentException("answerCalls needs firstCall and calls of at least 1; were " + firstCall + " and " + calls);
      }
      for (Scheduled s : scheduled) {
        if (firstCall < s.firstCall + s.calls && s.firstCall < firstCall + calls) {
          throw new IllegalArgumentException("calls " + firstCall + " to " + (firstCall + calls - 1)
              + " overlap the scheduled " + s);
        }
      }
      scheduled.add(new Scheduled(firstCall, calls, answer));
      return this;
    }

    /** Returns the plan. */
    public FaultPlan build() {
      return new FaultPlan(this);
    }

    private static double checkRate(String name, double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(name + " must be a rate from 0 to 1; was " + rate);
      }
      return rate;
    }

    private static <T> T once(String name, @Nullable T current, T value) {
      if (current != null) {
        throw new IllegalStateException(name + " is already set to " + current);
      }
      return value;
    }
  }
}
