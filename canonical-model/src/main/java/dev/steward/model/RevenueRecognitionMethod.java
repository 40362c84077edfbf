package dev.steward.model;

/** How a revenue schedule spreads revenue over time. */
public enum RevenueRecognitionMethod {
  /** Evenly over the service period, as for retainers and managed services. */
  STRAIGHT_LINE,
  /** In proportion to progress, usually cost or hours incurred against the estimate. */
  PERCENT_COMPLETE,
  /** When each milestone is reached and accepted. */
  MILESTONE,
  /** As invoiced, as time-and-materials work usually is. */
  AS_INVOICED,
  /** All at once when control passes, as for a delivered licence or report. */
  POINT_IN_TIME
}
