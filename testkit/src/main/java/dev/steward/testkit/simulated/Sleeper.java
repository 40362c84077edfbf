package dev.steward.testkit.simulated;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated system spends the latency its {@link FaultPlan} gives a call. Latency is always
 * measured against the call's deadline, whatever the sleeper does; the sleeper only decides
 * whether time passes for the caller too. Tests pass one that advances their own clock, so they
 * never really wait:
 *
 * <pre>{@code
 * SimulatedCrm crm = SimulatedCrm.builder().clock(clock).sleeper(clock::advance).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: calls on several threads sleep at the same time.
 */
@FunctionalInterface
public interface Sleeper {
  /** Spends {@code duration}, which is positive. */
  void sleep(Duration duration);

  /** Returns a sleeper that returns at once: latency counts against deadlines only. The default. */
  static Sleeper none() {
    return duration -> Objects.requireNonNull(duration, "duration");
  }

  /**
   * Returns a sleeper that blocks the calling thread, for demonstrations against the wall clock.
   * An interrupt ends the sleep early and leaves the thread's interrupt flag set.
   */
  static Sleeper threadSleep() {
    return duration -> {
      try {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
