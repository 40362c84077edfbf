package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a staffing assignment stands: {@code PROPOSED -> CONFIRMED -> COMPLETED}, or {@code
 * CANCELLED}.
 */
public enum AssignmentStatus {
  /** Requested or pencilled in; the resource is not yet committed. */
  PROPOSED,
  /** The resource is committed to the project for the period; time may be booked. */
  CONFIRMED,
  /** The assignment has ended. */
  COMPLETED,
  /** Withdrawn before or during the assignment. */
  CANCELLED;

  /** Returns the states this one may move to directly. */
  public Set<AssignmentStatus> successors() {
    return switch (this) {
      case PROPOSED -> EnumSet.of(CONFIRMED, CANCELLED);
      case CONFIRMED -> EnumSet.of(COMPLETED, CANCELLED);
      case COMPLETED, CANCELLED -> EnumSet.noneOf(AssignmentStatus.class);
    };
  }

  /** Returns whether an assignment in this state may move to {@code next} directly. */
  public boolean canMoveTo(AssignmentStatus next) {
    return successors().contains(next);
  }
}
