package dev.steward.model;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a value type of the canonical model is given a value it cannot hold: an amount
 * created from binary floating point, arithmetic across currencies, an identifier of the wrong
 * form. The {@link Reason} says which; codes read {@code STEWARD-MODEL-<REASON>}.
 */
public class ModelException extends StewardException {
  private static final long serialVersionUID = 1L;

  /** The conditions a model value type refuses. */
  public enum Reason {
    /** Arithmetic or comparison across two currencies. */
    CURRENCY_MISMATCH,
    /** A currency without a defined minor unit (gold, test codes, funds). */
    UNSUPPORTED_CURRENCY,
    /** An amount that is not an exact decimal: too many fractional digits or from a double. */
    INEXACT_AMOUNT,
    /** A canonical identifier that is not {@code <prefix>_<26-character ULID>}. */
    INVALID_IDENTIFIER,
    /** An identifier whose prefix names another entity type than the one expected. */
    IDENTIFIER_TYPE_MISMATCH,
    /** Any other value outside what the type can hold. */
    INVALID_VALUE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason which condition was met
   * @param message a plain message naming the value and what was expected
   */
  public ModelException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason which condition was met
   * @param message a plain message naming the value and what was expected
   * @param cause the underlying failure
   */
  public ModelException(Reason reason, String message, @Nullable Throwable cause) {
    super("STEWARD-MODEL-" + reason.name(), message, cause);
    this.reason = reason;
  }

  /** Returns which condition was met. */
  public Reason reason() {
    return reason;
  }
}
