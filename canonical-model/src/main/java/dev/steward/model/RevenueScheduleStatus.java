package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a revenue schedule stands in its lifecycle: {@code DRAFT -> ACTIVE -> COMPLETED}, or
 * {@code CANCELLED}.
 */
public enum RevenueScheduleStatus {
  /** Being set up; nothing is recognized yet. */
  DRAFT,
  /** In force; its lines are recognized as their periods close. */
  ACTIVE,
  /** All of its revenue has been recognized. */
  COMPLETED,
  /** Withdrawn, for example when the contract was terminated; recognized lines stay as they are. */
  CANCELLED;

  /** Returns the states this one may move to directly. */
  public Set<RevenueScheduleStatus> successors() {
    return switch (this) {
      case DRAFT -> EnumSet.of(ACTIVE, CANCELLED);
      case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
      case COMPLETED, CANCELLED -> EnumSet.noneOf(RevenueScheduleStatus.class);
    };
  }

  /** Returns whether a schedule in this state may move to {@code next} directly. */
  public boolean canMoveTo(RevenueScheduleStatus next) {
    return successors().contains(next);
  }
}
