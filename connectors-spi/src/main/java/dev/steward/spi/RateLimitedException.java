package dev.steward.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The system refused a call for its request rate (HTTP 429, Salesforce's {@code
 * REQUEST_LIMIT_EXCEEDED}), or answered it was unavailable and said until when (HTTP 503 with
 * {@code Retry-After}). Kind {@link FailureKind#RATE_LIMITED}: send again after {@link
 * #retryAfter()}, when the system said how long to wait.
 */
public final class RateLimitedException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param systemId the system that refused the call
   * @param message what was refused
   * @param retryAfter how long the system asked the caller to wait, if it said (zero or more)
   * @param cause the underlying failure, if any
   */
  public RateLimitedException(String systemId, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(FailureKind.RATE_LIMITED, systemId, message + (retryAfter == null ? "" : "; retry after " + retryAfter), cause);
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative; was " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /** Creates the exception with the delay the system gave, or none. */
  public RateLimitedException(String systemId, String message, @Nullable Duration retryAfter) {
    this(systemId, message, retryAfter, null);
  }

  /** Returns how long the system asked the caller to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns the delay the system asked for, or {@code fallback} when it named none. */
  public Duration retryAfterOr(Duration fallback) {
    return retryAfter == null ? Objects.requireNonNull(fallback, "fallback") : retryAfter;
  }
}
