package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one period's revenue stands: {@code PLANNED -> RECOGNIZED -> REVERSED}, possibly {@code
 * DEFERRED} on the way.
 */
public enum RevenueLineStatus {
  /** Scheduled for its period; not yet posted. */
  PLANNED,
  /** Posted to revenue. */
  RECOGNIZED,
  /** Held back, for example until acceptance, and left in deferred revenue. */
  DEFERRED,
  /** Recognized, then reversed by a correcting posting. */
  REVERSED;

  /** Returns the states this one may move to directly. */
  public Set<RevenueLineStatus> successors() {
    return switch (this) {
      case PLANNED -> EnumSet.of(RECOGNIZED, DEFERRED);
      case DEFERRED -> EnumSet.of(PLANNED, RECOGNIZED);
      case RECOGNIZED -> EnumSet.of(REVERSED);
      case REVERSED -> EnumSet.noneOf(RevenueLineStatus.class);
    };
  }

  /** Returns whether a line in this state may move to {@code next} directly. */
  public boolean canMoveTo(RevenueLineStatus next) {
    return successors().contains(next);
  }
}
