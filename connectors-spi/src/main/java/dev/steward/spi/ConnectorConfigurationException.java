package dev.steward.spi;

import dev.steward.model.StewardException;

/**
 * A connector cannot be made as configured: no provider of the type asked for, a required setting
 * missing or malformed. Code {@code STEWARD-CONNECTOR-CONFIGURATION}.
 */
public final class ConnectorConfigurationException extends StewardException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is missing or wrong, and where
   */
  public ConnectorConfigurationException(String message) {
    super("STEWARD-CONNECTOR-CONFIGURATION", message, null);
  }
}
