package dev.steward.spi;

import org.jspecify.annotations.Nullable;

/**
 * A call that can never succeed as sent: the record does not exist, the request is malformed, the
 * system refuses the operation. Kind {@link FailureKind#PERMANENT}: the change is parked.
 */
public final class PermanentFailureException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param systemId the system whose call failed
   * @param message what failed, naming the operation and record, never a credential
   */
  public PermanentFailureException(String systemId, String message) {
    this(systemId, message, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param systemId the system whose call failed
   * @param message what failed, naming the operation and record, never a credential
   * @param cause the underlying failure; its message must not hold a credential either
   */
  public PermanentFailureException(String systemId, String message, @Nullable Throwable cause) {
    super(FailureKind.PERMANENT, systemId, message, cause);
  }
}
