package dev.steward.core.validation;

import java.util.Objects;

/**
 * One thing wrong with a record: its reason code, where (a JSON Pointer into the canonical JSON,
 * {@code ""} for the whole record), a plain-language message, how much it matters, what kind of
 * problem it is, the stage that found it, and a hint for the business user.
 *
 * @param code the stable reason code
 * @param path the JSON Pointer of the offending value; {@code ""} for the whole record
 * @param message what is wrong, naming the values involved
 * @param severity whether it blocks posting
 * @param category what kind of problem it is
 * @param stage the name of the stage that found it
 * @param hint what the business user can do about it
 */
public record Violation(
    ReasonCode code, String path, String message, Severity severity, Category category, String stage, String hint) {

  /** Checks every part is present and the path is a JSON Pointer. */
  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(hint, "hint");
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw new IllegalArgumentException("path must be a JSON Pointer ('' or starting with '/'): '" + path + "'");
    }
    for (int i = path.indexOf('~'); i >= 0; i = path.indexOf('~', i + 1)) {
      if (i + 1 >= path.length() || (path.charAt(i + 1) != '0' && path.charAt(i + 1) != '1')) {
        throw new IllegalArgumentException("path is no JSON Pointer: '~' must be followed by 0 or 1 in '" + path + "'");
      }
    }
  }

  /** Returns whether it blocks posting. */
  public boolean blocks() {
    return severity.blocks();
  }

  /** Returns the violation in one line: severity, code, path and message. */
  public String describe() {
    return severity + " " + code.code() + (path.isEmpty() ? "" : " at " + path) + ": " + message;
  }
}
