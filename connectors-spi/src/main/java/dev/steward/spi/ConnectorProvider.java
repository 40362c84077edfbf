package dev.steward.spi;

/**
 * Makes connectors of one platform type, found through {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/dev.steward.spi.ConnectorProvider} and {@link
 * ConnectorProviders} finds it by {@link #type()}. Implementations have a public no-argument
 * constructor and are thread-safe.
 */
public interface ConnectorProvider {
  /** Returns the platform type this provider makes connectors for, such as {@code salesforce}; unique. */
  String type();

  /**
   * Returns a new connector for the system {@code config} names.
   *
   * @throws ConnectorConfigurationException if the configuration lacks what the connector needs
   */
  SystemConnector create(ConnectorConfig config);
}
