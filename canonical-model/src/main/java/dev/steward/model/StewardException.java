package dev.steward.model;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception Steward throws. Each carries a stable {@linkplain #code() code} that
 * hosts may match on, log and document; the message is for people and may change between
 * releases, the code may not.
 *
 * <p>Subclasses are named for the condition and carry its structured context. Messages may quote
 * the offending value so that it can be found and fixed; secrets never reach them, because
 * credentials are not part of canonical data.
 */
public abstract class StewardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates an exception with a stable code.
   *
   * @param code the stable code, for example {@code STEWARD-MODEL-CURRENCY_MISMATCH}
   * @param message a plain-language message naming what was wrong and where
   * @param cause the underlying failure, if any
   */
  protected StewardException(String code, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Returns the stable code of this condition. */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return getClass().getName() + " [" + code + "]: " + getMessage();
  }
}
