package dev.steward.spi;

import dev.steward.model.StewardException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A credential a connector asked for could not be had: not configured, or its source (a vault) is
 * unreachable. Code {@code STEWARD-CONNECTOR-CREDENTIAL_UNAVAILABLE}; the message names the
 * credential, never a value.
 */
public final class CredentialUnavailableException extends StewardException {
  private static final long serialVersionUID = 1L;

  private final String credential;

  /**
   * Creates the exception.
   *
   * @param credential the name asked for
   * @param why why it is unavailable
   */
  public CredentialUnavailableException(String credential, String why) {
    this(credential, why, null);
  }

  /**
   * Creates the exception with the failure of the credential's source.
   *
   * @param credential the name asked for
   * @param why why it is unavailable
   * @param cause the source's failure, if any; its message must not hold a credential either
   */
  public CredentialUnavailableException(String credential, String why, @Nullable Throwable cause) {
    super("STEWARD-CONNECTOR-CREDENTIAL_UNAVAILABLE", "credential '" + Objects.requireNonNull(credential, "credential")
        + "' is unavailable: " + Objects.requireNonNull(why, "why"), cause);
    this.credential = credential;
  }

  /** Returns the name of the credential asked for. */
  public String credential() {
    return credential;
  }
}
