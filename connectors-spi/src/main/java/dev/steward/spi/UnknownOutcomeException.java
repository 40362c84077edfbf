package dev.steward.spi;

import org.jspecify.annotations.Nullable;

/**
 * A request that was sent but whose answer never came (a timeout after send, a connection lost
 * mid-response): the system may or may not have applied it. Kind {@link
 * FailureKind#UNKNOWN_OUTCOME}: read back before any retry, unless the call carried an idempotency
 * key the system honours.
 */
public final class UnknownOutcomeException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param systemId the system whose call failed
   * @param message what failed, naming the operation and record, never a credential
   */
  public UnknownOutcomeException(String systemId, String message) {
    this(systemId, message, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param systemId the system whose call failed
   * @param message what failed, naming the operation and record, never a credential
   * @param cause the underlying failure; its message must not hold a credential either
   */
  public UnknownOutcomeException(String systemId, String message, @Nullable Throwable cause) {
    super(FailureKind.UNKNOWN_OUTCOME, systemId, message, cause);
  }
}
