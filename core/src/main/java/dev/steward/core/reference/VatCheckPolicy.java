package dev.steward.core.reference;

/**
 * What validation does with a record of a legal entity when the online VAT number check (such as
 * the EU's VIES) cannot be reached.
 */
public enum VatCheckPolicy {
  /** Hold the record until the check answers: the safe choice, and the default. */
  HOLD,
  /** Let the record pass, with a warning that its VAT number was not checked. */
  PASS_WITH_WARNING
}
