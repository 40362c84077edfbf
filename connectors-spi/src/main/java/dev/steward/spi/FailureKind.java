package dev.steward.spi;

/**
 * The kinds of connector failure, each with what Steward does about it. A connector reports a
 * failure as the {@link ConnectorException} subclass of its kind; {@link HttpFailures} maps HTTP
 * responses onto them.
 */
public enum FailureKind {
  /** Nothing was applied and the same call may succeed later (5xx, connection refused): retry with back-off. */
  TRANSIENT(true),
  /**
   * The system refused the call for its rate, or said it is unavailable until a given time: retry
   * after the {@linkplain RateLimitedException#retryAfter() delay it gave}.
   */
  RATE_LIMITED(true),
  /** The credentials were refused or have expired: stop calling and alert; retrying cannot help. */
  AUTHENTICATION(false),
  /** The record changed in the system since it was read (version or ETag mismatch): read again, decide again. */
  CONFLICT(false),
  /** The system's own validation refused the record, with its messages: park it for a person to fix. */
  REJECTED(false),
  /** The call can never succeed as sent (unknown record, undeclared operation, 4xx): park it. */
  PERMANENT(false),
  /**
   * The request was sent and no answer came (timeout after send, connection lost mid-response):
   * it may or may not have been applied. Read back before any retry, unless the call carried an
   * idempotency key the system honours.
   */
  UNKNOWN_OUTCOME(false);

  private final boolean retryable;

  FailureKind(boolean retryable) {
    this.retryable = retryable;
  }

  /** Returns whether the same call may simply be sent again (after the delay the failure names). */
  public boolean retryable() {
    return retryable;
  }
}
