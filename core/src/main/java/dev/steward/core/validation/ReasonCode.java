package dev.steward.core.validation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable business reason code, such as {@code INVALID_TAX_CODE}: what a violation means, its
 * usual category and severity, the typical fix and the team that owns it. Codes are part of
 * Steward's contract with the business: a code never changes meaning once published. The built-in
 * ones are in {@link ReasonCodes}; a host adds its own with {@link #of}.
 *
 * <p>Value-based: compare with {@link #equals}. Immutable and thread-safe.
 */
public final class ReasonCode {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  private final String code;
  private final Category category;
  private final Severity severity;
  private final String meaning;
  private final String typicalFix;
  private final String owningTeam;

  private ReasonCode(
      String code, Category category, Severity severity, String meaning, String typicalFix, String owningTeam) {
    this.code = code;
    this.category = category;
    this.severity = severity;
    this.meaning = meaning;
    this.typicalFix = typicalFix;
    this.owningTeam = owningTeam;
  }

  /**
   * Returns a reason code.
   *
   * @param code upper snake case, such as {@code MISSING_PO_NUMBER}
   * @param category the usual category of its violations
   * @param severity the usual severity of its violations
   * @param meaning what it means, in one sentence
   * @param typicalFix what usually fixes it, in one sentence a business user can follow
   * @param owningTeam the team that usually acts on it, such as "Billing operations"
   * @throws IllegalArgumentException if the code is not upper snake case, is the name of a
   *     built-in code in {@link ReasonCodes}, or a text is blank
   */
  public static ReasonCode of(
      String code, Category category, Severity severity, String meaning, String typicalFix, String owningTeam) {
    Objects.requireNonNull(code, "code");
    if (ReasonCodes.named(code).isPresent()) {
      throw new IllegalArgumentException("reason code " + code + " is built in (see ReasonCodes." + code
          + "); a host's own code needs a name of its own");
    }
    return builtIn(code, category, severity, meaning, typicalFix, owningTeam);
  }

  /** Makes a code of Steward's own catalogue, {@link ReasonCodes}. */
  static ReasonCode builtIn(
      String code, Category category, Severity severity, String meaning, String typicalFix, String owningTeam) {
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("reason code must be upper snake case, such as INVALID_TAX_CODE: '" + code + "'");
    }
    return new ReasonCode(code, Objects.requireNonNull(category, "category"), Objects.requireNonNull(severity, "severity"),
        text(meaning, "meaning"), text(typicalFix, "typicalFix"), text(owningTeam, "owningTeam"));
  }

  private static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Returns the code, such as {@code INVALID_TAX_CODE}. */
  public String code() {
    return code;
  }

  /** Returns the usual category of its violations. */
  public Category category() {
    return category;
  }

  /** Returns the usual severity of its violations. */
  public Severity severity() {
    return severity;
  }

  /** Returns what the code means, in one sentence. */
  public String meaning() {
    return meaning;
  }

  /** Returns what usually fixes it. */
  public String typicalFix() {
    return typicalFix;
  }

  /** Returns the team that usually acts on it. */
  public String owningTeam() {
    return owningTeam;
  }

  /** Codes are equal when their code strings are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ReasonCode other && code.equals(other.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
