package dev.steward.core.ownership;

import dev.steward.model.StewardException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a policy file cannot be loaded: it is too large or too deeply nested, it is not
 * well-formed YAML or JSON, it breaks the policy file's JSON Schema, it names an entity type or an
 * attribute the canonical model does not have, or the ownership lint finds errors in it. Code
 * {@code STEWARD-OWNERSHIP-LOAD}.
 *
 * <p>Every problem says where it is and what was expected, as in
 *
 * <pre>
 * acme.yaml:12:5 (/entities/customer/attributes/~1segment/owner): expected a system id such as crm, found 42
 * </pre>
 *
 * <p>{@link #problems()} lists every problem found, the first one foremost; {@link #line()},
 * {@link #column()}, {@link #pointer()} and {@link #expected()} describe that first one. When the
 * lint refused the policy, the {@linkplain #getCause() cause} is the {@link PolicyLintException}
 * with every finding.
 */
public class PolicyLoadException extends StewardException {
  /** The stable code of this exception. */
  public static final String CODE = "STEWARD-OWNERSHIP-LOAD";

  private static final long serialVersionUID = 1L;
  // Further problems beyond this many are counted in the message, not listed.
  private static final int LISTED = 10;

  private final String source;
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param source the file name or other name of the source, as the host gave it
   * @param problems what is wrong, at least one; the first is reported foremost
   * @param cause the underlying failure, if any
   */
  public PolicyLoadException(String source, List<Problem> problems, @Nullable Throwable cause) {
    super(CODE, message(source, problems), cause);
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** Returns the name of the source, such as {@code acme.yaml}. */
  public String source() {
    return source;
  }

  /** Returns every problem found, the first one foremost; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  /** Returns the line of the first problem, from 1; 0 when the problem is the file as a whole. */
  public int line() {
    return problems.get(0).line();
  }

  /** Returns the column of the first problem, from 1; 0 when the problem is the file as a whole. */
  public int column() {
    return problems.get(0).column();
  }

  /**
   * Returns the JSON Pointer (RFC 6901) to the value or key of the first problem, such as {@code
   * /entities/customer/attributes/~1segment/owner}; empty for the whole document.
   */
  public String pointer() {
    return problems.get(0).pointer();
  }

  /** Returns what was expected where the first problem is, such as {@code a system id such as crm}. */
  public String expected() {
    return problems.get(0).expected();
  }

  private static String message(String source, List<Problem> problems) {
    Objects.requireNonNull(source, "source");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a policy load exception needs at least one problem");
    }
    StringBuilder sb = new StringBuilder(problems.get(0).describe(source));
    for (int i = 1; i < problems.size() && i <= LISTED; i++) {
      sb.append("\n  also ").append(problems.get(i).describe(source));
    }
    if (problems.size() > LISTED + 1) {
      sb.append("\n  and ").append(problems.size() - LISTED - 1).append(" more problems");
    }
    return sb.toString();
  }

  /**
   * One thing wrong with a policy file, and where.
   *
   * @param line the line, from 1; 0 when the problem is the file as a whole
   * @param column the column, from 1; 0 when the problem is the file as a whole
   * @param pointer the JSON Pointer to the offending value or key; empty for the whole document
   * @param message what is wrong, as a plain sentence, such as {@code expected a system id such as
   *     crm, found 42}
   * @param expected what was expected there, such as {@code a system id such as crm}
   */
  public record Problem(int line, int column, String pointer, String message, String expected) {
    /** Checks the location and that the texts are present. */
    public Problem {
      if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
        throw new IllegalArgumentException("a problem is at line and column from 1, or at 0:0 for the whole file; was " + line + ":" + column);
      }
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(expected, "expected");
    }

    /** Returns the problem as {@code source:line:column (pointer): message}. */
    public String describe(String source) {
      return source + (line == 0 ? "" : ":" + line + ":" + column) + (pointer.isEmpty() ? "" : " (" + pointer + ")") + ": " + message;
    }
  }
}
