package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The delivery status of a project: {@code PLANNED -> ACTIVE -> ON_HOLD -> COMPLETED}, or
 * {@code CANCELLED}. Time and expenses are normally booked only to an active project.
 */
public enum ProjectStatus {
  /** Set up from a won deal or signed contract; staffing under way, no work booked yet. */
  PLANNED,
  /** Being delivered; time and expenses may be booked. */
  ACTIVE,
  /** Paused, for example awaiting the customer or for credit reasons; no new bookings. */
  ON_HOLD,
  /** Delivered; may be reopened to book late time or expenses. */
  COMPLETED,
  /** Stopped before completion; kept for history. */
  CANCELLED;

  /** Returns the states this one may move to directly. */
  public Set<ProjectStatus> successors() {
    return switch (this) {
      case PLANNED -> EnumSet.of(ACTIVE, CANCELLED);
      case ACTIVE -> EnumSet.of(ON_HOLD, COMPLETED, CANCELLED);
      case ON_HOLD -> EnumSet.of(ACTIVE, CANCELLED);
      case COMPLETED -> EnumSet.of(ACTIVE);
      case CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
    };
  }

  /** Returns whether a project in this state may move to {@code next} directly. */
  public boolean canMoveTo(ProjectStatus next) {
    return successors().contains(next);
  }
}
