package dev.steward.model;

import dev.steward.model.constraint.EndNotBeforeStart;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * A span of calendar days, both ends included: a contract term, an accounting or revenue
 * period, a validity range. Not {@link java.time.Period}, which is an amount of time.
 *
 * @param start the first day
 * @param end the last day, not before {@code start}
 */
@EndNotBeforeStart
public record Period(@NotNull LocalDate start, @NotNull LocalDate end) {

  /** Returns whether {@code date} falls within this period. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** Returns whether this period and {@code other} share at least one day. */
  public boolean overlaps(Period other) {
    return !other.end.isBefore(start) && !other.start.isAfter(end);
  }
}
