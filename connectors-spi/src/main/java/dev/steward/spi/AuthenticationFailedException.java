package dev.steward.spi;

import org.jspecify.annotations.Nullable;

/**
 * The system refused the connector's credentials (401, 403 on login, an expired token that could not
 * be refreshed). Kind {@link FailureKind#AUTHENTICATION}: retrying cannot help.
 */
public final class AuthenticationFailedException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param systemId the system whose call failed
   * @param message what failed, naming the operation and record, never a credential
   */
  public AuthenticationFailedException(String systemId, String message) {
    this(systemId, message, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param systemId the system whose call failed
   * @param message what failed, naming the operation and record, never a credential
   * @param cause the underlying failure; its message must not hold a credential either
   */
  public AuthenticationFailedException(String systemId, String message, @Nullable Throwable cause) {
    super(FailureKind.AUTHENTICATION, systemId, message, cause);
  }
}
