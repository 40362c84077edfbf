package dev.steward.model;

/** The unit of time a rate is quoted per. */
public enum RateUnit {
  /** Per hour worked. */
  HOUR,
  /** Per day worked, as the firm defines a billable day. */
  DAY
}
