package dev.steward.spi;

import dev.steward.model.StewardException;
import java.util.Objects;

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
    super("STEWARD-CONNECTOR-CREDENTIAL_UNAVAILABLE", "credential '" + Objects.requireNonNull(credential, "credential")
        + "' is unavailable: " + Objects.requireNonNull(why, "why"), null);
    this.credential = credential;
  }

  /** Returns the name of the credential asked for. */
  public String credential() {
    return credential;
  }
}
