package dev.steward.core.idempotency;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an operation came to, recorded once so that a repeat gets the same answer without the
 * effect happening again: success with its result, or failure with what went wrong.
 *
 * @param succeeded whether the operation succeeded
 * @param result the result as JSON text, for a success that has one; otherwise null
 * @param errorType for a failure, the kind of error (an exception class or a reason code)
 * @param errorMessage for a failure, what went wrong
 * @param completedAt when the outcome was recorded
 */
public record RecordedOutcome(
    boolean succeeded, @Nullable String result, @Nullable String errorType, @Nullable String errorMessage,
    Instant completedAt) {

  /** Checks a failure says what failed and a success does not. */
  public RecordedOutcome {
    Objects.requireNonNull(completedAt, "completedAt");
    if (succeeded && (errorType != null || errorMessage != null)) {
      throw new IllegalArgumentException("a successful outcome carries no error");
    }
    if (!succeeded && (errorType == null || errorMessage == null)) {
      throw new IllegalArgumentException("a failed outcome names its error type and message");
    }
  }

  /** Returns a success with {@code result} (JSON text, or null for none). */
  public static RecordedOutcome success(@Nullable String result, Instant completedAt) {
    return new RecordedOutcome(true, result, null, null, completedAt);
  }

  /** The longest error type or message kept; longer ones are cut, so any store can hold them. */
  public static final int MAX_ERROR_LENGTH = 2_000;

  /**
   * Returns a failure. The type and message are cut to {@value #MAX_ERROR_LENGTH} characters and
   * NUL characters are replaced, so that every store can record them: a failure that cannot be
   * recorded would run the work again.
   */
  public static RecordedOutcome failure(String errorType, String errorMessage, Instant completedAt) {
    return new RecordedOutcome(false, null, storable(errorType), storable(errorMessage), completedAt);
  }

  private static String storable(String text) {
    String clean = text.replace((char) 0, '\uFFFD');
    return clean.length() <= MAX_ERROR_LENGTH ? clean : clean.substring(0, MAX_ERROR_LENGTH - 1) + "\u2026";
  }
}
