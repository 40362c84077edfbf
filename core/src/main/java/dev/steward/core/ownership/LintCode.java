package dev.steward.core.ownership;

/**
 * The kinds of problem the ownership lint finds, each with a stable code and a default severity.
 * Codes are permanent: hosts may match on them, and the documentation lists them.
 */
public enum LintCode {
  /** An attribute no rule covers in some state of the record: nobody owns it. */
  UNOWNED_ATTRIBUTE("OWN-001", Severity.ERROR),
  /** Two rules of the same precedence, with conditions that can hold together, name different owners. */
  OVERLAPPING_OWNERS("OWN-002", Severity.ERROR),
  /** A rule that can never decide anything: its condition never holds or a more specific rule always wins. */
  UNREACHABLE_RULE("OWN-003", Severity.WARNING),
  /** Sync targets that send one attribute around in a circle (A to B and B to A). */
  SYNC_CYCLE("OWN-004", Severity.ERROR),
  /** A rule names a system the policy does not declare. */
  UNDECLARED_SYSTEM("OWN-005", Severity.ERROR);

  /** How serious a finding is: errors make a policy fail to load unless lint is relaxed. */
  public enum Severity {
    /** The policy cannot be enforced as written. */
    ERROR,
    /** The policy can be enforced, but probably not as intended. */
    WARNING
  }

  private final String code;
  private final Severity severity;

  LintCode(String code, Severity severity) {
    this.code = code;
    this.severity = severity;
  }

  /** Returns the stable code, such as {@code OWN-001}. */
  public String code() {
    return code;
  }

  /** Returns the severity. */
  public Severity severity() {
    return severity;
  }
}
