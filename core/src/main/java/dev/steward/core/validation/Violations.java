package dev.steward.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a stage reports what it finds. The pipeline fills in the stage's name; severity and
 * category default to the reason code's. One per stage run; not thread-safe.
 */
public final class Violations {
  private final String stage;
  private final List<Violation> found = new ArrayList<>();

  Violations(String stage) {
    this.stage = stage;
  }

  /**
   * Reports a violation with the code's usual severity and category.
   *
   * @param code the reason code
   * @param path the JSON Pointer of the offending value, {@code ""} for the whole record
   * @param message what is wrong, naming the values involved
   * @param hint what the business user can do; blank for the code's typical fix
   */
  public void add(ReasonCode code, String path, String message, String hint) {
    add(code, code.severity(), path, message, hint);
  }

  /** Reports a violation with the code's category and the given severity. */
  public void add(ReasonCode code, Severity severity, String path, String message, String hint) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(hint, "hint");
    found.add(new Violation(code, path, message, severity, code.category(), stage,
        hint.isBlank() ? code.typicalFix() : hint));
  }

  /** Returns the name of the stage reporting. */
  public String stage() {
    return stage;
  }

  /** Returns whether an error has been reported. */
  public boolean hasErrors() {
    return found.stream().anyMatch(Violation::blocks);
  }

  List<Violation> found() {
    return found;
  }
}
