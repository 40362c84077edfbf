package dev.steward.core.reference;

import dev.steward.model.StewardException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a reference data file cannot be loaded: it is too large, it is not well-formed YAML
 * or JSON, it has a key the format does not know, a value of the wrong type, or a value the
 * reference types refuse (an unknown currency or country, a duplicate id or code, overlapping
 * validity of one tax code). Code {@value #CODE}.
 *
 * <p>The message says where and what was wrong, as in
 *
 * <pre>
 * acme-reference.yaml:14:9 (/currencies/3): currency must be an ISO 4217 currency code such as EUR; 'XXY' is no known currency
 * </pre>
 *
 * <p>Loading stops at the first problem; no partial reference data is ever returned.
 */
public class ReferenceDataLoadException extends StewardException {
  /** The stable code of this exception. */
  public static final String CODE = "STEWARD-REFERENCE-LOAD";

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String pointer;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source the file name or other name of the source, as the host gave it
   * @param line the line of the problem, from 1; 0 when the problem is the file as a whole
   * @param column the column of the problem, from 1; 0 when the problem is the file as a whole
   * @param pointer the JSON Pointer (RFC 6901) to the offending value or key; empty for the whole
   *     document
   * @param problem what is wrong, as a plain sentence
   * @param cause the underlying failure, if any
   * @throws IllegalArgumentException if the line or column is negative, or only one of them is 0
   */
  public ReferenceDataLoadException(
      String source, int line, int column, String pointer, String problem, @Nullable Throwable cause) {
    super(CODE, message(source, line, column, pointer, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.pointer = pointer;
    this.problem = problem;
  }

  /** Returns the name of the source, such as {@code acme-reference.yaml}. */
  public String source() {
    return source;
  }

  /** Returns the line of the problem, from 1; 0 when the problem is the file as a whole. */
  public int line() {
    return line;
  }

  /** Returns the column of the problem, from 1; 0 when the problem is the file as a whole. */
  public int column() {
    return column;
  }

  /**
   * Returns the JSON Pointer to the offending value or key, such as {@code /taxCodes/2/validTo};
   * empty for the whole document.
   */
  public String pointer() {
    return pointer;
  }

  /** Returns what is wrong, without the location. */
  public String problem() {
    return problem;
  }

  private static String message(String source, int line, int column, String pointer, String problem) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(problem, "problem");
    if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
      throw new IllegalArgumentException(
          "a problem is at line and column from 1, or at 0:0 for the whole file; was " + line + ":" + column);
    }
    return source + (line == 0 ? "" : ":" + line + ":" + column) + (pointer.isEmpty() ? "" : " (" + pointer + ")")
        + ": " + problem;
  }
}
