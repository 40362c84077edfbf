package dev.steward.testkit;

import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the assertions share: how failure messages show what they look at, and the pointer check. */
final class Render {
  private Render() {}

  /**
   * Checks a pointer argument: {@code ""} for the whole record, or a JSON Pointer starting with '/'.
   *
   * @throws IllegalArgumentException if it is neither
   */
  static void checkPointer(String pointer) {
    Objects.requireNonNull(pointer, "pointer");
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      throw new IllegalArgumentException("pointer must be a JSON Pointer, \"\" or starting with '/'; was '" + pointer + "'");
    }
  }

  /** Returns a pointer as messages show it: the pointer, or {@code ""} for the whole document. */
  static String pointer(String pointer) {
    return pointer.isEmpty() ? "\"\" (the whole record)" : pointer;
  }

  /** Returns a violation's code and path, such as {@code INVALID_TAX_CODE at /lines/0/taxCode}. */
  static String brief(Violation v) {
    return v.code().code() + " at " + pointer(v.path()) + (v.severity() == Severity.WARNING ? " (warning)" : "");
  }

  /** Returns the violations' codes and paths in brackets, such as {@code [CURRENCY_MISMATCH at /currency]}. */
  static String briefs(List<Violation> violations) {
    return violations.stream().map(Render::brief).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Returns the violations as indented lines with their messages, empty for none. */
  static String details(List<Violation> violations) {
    if (violations.isEmpty()) {
      return "";
    }
    return violations.stream()
        .map(v -> "  - " + v.severity() + " " + v.code().code() + " at " + pointer(v.path()) + " (stage " + v.stage()
            + "): " + v.message())
        .collect(Collectors.joining("\n", "\n", ""));
  }

  /** Returns what a report holds: {@code has: [...]} with the details, or {@code has no violations}. */
  static String report(List<Violation> violations) {
    return violations.isEmpty() ? "the report has no violations"
        : "the report has: " + briefs(violations) + details(violations);
  }

  /** Returns text (and URIs) in quotes, numbers as they are, and {@code none} for no value. */
  static String quoted(@Nullable Object value) {
    if (value == null) {
      return "none";
    }
    return value instanceof Number ? value.toString() : "\"" + value + "\"";
  }
}
