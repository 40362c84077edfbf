package dev.steward.model;

/** How often a recurring charge is billed. */
public enum ChargeFrequency {
  /** Every calendar month. */
  MONTHLY,
  /** Every calendar quarter. */
  QUARTERLY,
  /** Every half year. */
  SEMI_ANNUALLY,
  /** Every year. */
  ANNUALLY
}
