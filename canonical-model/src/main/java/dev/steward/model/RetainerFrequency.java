package dev.steward.model;

/** How often a {@link RetainerTerm}'s recurring amount is billed. */
public enum RetainerFrequency {
  /** Every calendar month. */
  MONTHLY,
  /** Every calendar quarter. */
  QUARTERLY,
  /** Every year. */
  ANNUALLY
}
