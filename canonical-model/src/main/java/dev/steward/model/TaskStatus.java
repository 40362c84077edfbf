package dev.steward.model;

/** Where a task of a project's work breakdown stands. */
public enum TaskStatus {
  /** Planned; no work done yet. */
  NOT_STARTED,
  /** Work under way; time may be booked to it. */
  IN_PROGRESS,
  /** Done; no further time expected. */
  COMPLETED,
  /** Dropped from the plan. */
  CANCELLED
}
