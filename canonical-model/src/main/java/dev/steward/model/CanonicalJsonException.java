package dev.steward.model;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when JSON cannot be read, bound or canonicalized. It says what was wrong ({@link
 * #reason()}), where in the text ({@link #line()}, {@link #column()}) and where in the document
 * ({@link #pointer()}, a JSON Pointer such as {@code /lines/2/quantity}). Codes read {@code
 * STEWARD-JSON-<REASON>}.
 */
public class CanonicalJsonException extends StewardException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The text is not well-formed JSON. */
    MALFORMED_JSON,
    /** The input exceeds one of the {@link JsonLimits}; the message names the limit. */
    LIMIT_EXCEEDED,
    /**
     * The JSON is well-formed but does not fit the record: a wrong type, an unknown property, a
     * value its type refuses.
     */
    BINDING_FAILED,
    /** The value cannot be written as RFC 8785 canonical JSON (see the message). */
    NOT_CANONICALIZABLE,
    /** The input could not be read at all. */
    READ_FAILED
  }

  private final Reason reason;
  private final String pointer;
  private final long line;
  private final long column;

  /**
   * Creates the exception.
   *
   * @param reason what went wrong
   * @param message a plain message naming what was wrong and where
   * @param pointer the JSON Pointer of the offending value, {@code ""} for the whole document
   * @param line the 1-based line in the input, or -1 where not known
   * @param column the 1-based column in the input, or -1 where not known
   * @param cause the underlying failure, if any
   */
  public CanonicalJsonException(
      Reason reason, String message, String pointer, long line, long column, @Nullable Throwable cause) {
    super("STEWARD-JSON-" + reason.name(), message, cause);
    this.reason = reason;
    this.pointer = pointer;
    this.line = line;
    this.column = column;
  }

  /** Returns what went wrong. */
  public Reason reason() {
    return reason;
  }

  /** Returns the JSON Pointer of the offending value; {@code ""} means the whole document. */
  public String pointer() {
    return pointer;
  }

  /** Returns the 1-based line in the input, or -1 where not known. */
  public long line() {
    return line;
  }

  /** Returns the 1-based column in the input, or -1 where not known. */
  public long column() {
    return column;
  }
}
