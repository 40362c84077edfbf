package dev.steward.spi;

import org.jspecify.annotations.Nullable;

/**
 * A call that applied nothing and may succeed if sent again later: a 5xx answer, a refused or
 * reset connection before the request was sent. Kind {@link FailureKind#TRANSIENT}.
 */
public final class TransientFailureException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param systemId the system whose call failed
   * @param message what failed, naming the operation and record, never a credential
   */
  public TransientFailureException(String systemId, String message) {
    this(systemId, message, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param systemId the system whose call failed
   * @param message what failed, naming the operation and record, never a credential
   * @param cause the underlying failure; its message must not hold a credential either
   */
  public TransientFailureException(String systemId, String message, @Nullable Throwable cause) {
    super(FailureKind.TRANSIENT, systemId, message, cause);
  }
}
