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

  /** Returns a failure. */
  public static RecordedOutcome failure(String errorType, String errorMessage, Instant completedAt) {
    return new RecordedOutcome(false, null, errorType, errorMessage, completedAt);
  }
}
