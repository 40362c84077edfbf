package dev.steward.model;

/** The period over which a usage metric's records are summed before they are priced. */
public enum RatingPeriod {
  /** Each calendar month. */
  MONTHLY,
  /** Each calendar quarter. */
  QUARTERLY,
  /** Each half year. */
  SEMI_ANNUALLY,
  /** Each year. */
  ANNUALLY,
  /** The whole term of the billing schedule, as for a pool of hours or tickets. */
  TERM
}
