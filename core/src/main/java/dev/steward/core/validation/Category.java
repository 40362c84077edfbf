package dev.steward.core.validation;

/**
 * What kind of problem a violation is, which decides who acts on it. "The data is wrong" and "the
 * checker is down" are different categories: an unavailable VAT service is never reported as an
 * invalid VAT number.
 */
public enum Category {
  /** The record itself is wrong: a missing value, a wrong type, totals that do not add up. */
  DATA,
  /** A value has no counterpart in the target system: an unmapped project or dimension. */
  MAPPING,
  /** A value is not in the firm's reference data, or not valid there on the date. */
  REFERENCE_DATA,
  /** The record breaks a commercial or governance policy of the firm. */
  POLICY,
  /** A service a check depends on did not answer; the record itself may be fine. */
  DEPENDENCY_UNAVAILABLE,
  /**
   * A check itself failed — a bug in a rule or the pipeline. Neither the data nor a dependency is
   * known to be at fault, so retrying will not help; the integration team must look.
   */
  INTERNAL
}
