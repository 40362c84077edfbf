package dev.steward.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The {@link ConnectorProvider}s found on a class path, by type. Get them with {@link #load()} or
 * {@link #load(ClassLoader)}, once at start-up. Immutable.
 */
public final class ConnectorProviders {
  private final Map<String, ConnectorProvider> byType;

  private ConnectorProviders(Map<String, ConnectorProvider> byType) {
    this.byType = Collections.unmodifiableMap(byType);
  }

  /** Returns the providers visible to the thread's context class loader. */
  public static ConnectorProviders load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /**
   * Returns the providers visible to {@code loader}.
   *
   * @throws ConnectorConfigurationException if two providers claim the same type
   */
  public static ConnectorProviders load(ClassLoader loader) {
    Map<String, ConnectorProvider> found = new TreeMap<>();
    for (ConnectorProvider p : ServiceLoader.load(ConnectorProvider.class, loader)) {
      ConnectorProvider earlier = found.putIfAbsent(p.type(), p);
      if (earlier != null) {
        throw new ConnectorConfigurationException("two connector providers claim type '" + p.type() + "': "
            + earlier.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new ConnectorProviders(found);
  }

  /** Returns the types found, sorted. */
  public java.util.Set<String> types() {
    return byType.keySet();
  }

  /** Returns the provider of {@code type}, if one was found. */
  public Optional<ConnectorProvider> find(String type) {
    return Optional.ofNullable(byType.get(Objects.requireNonNull(type, "type")));
  }

  /**
   * Makes a connector of {@code type} with {@code config}.
   *
   * @throws ConnectorConfigurationException if no provider of that type was found (the message
   *     lists the types that were) or the provider refuses the configuration
   */
  public SystemConnector create(String type, ConnectorConfig config) {
    Objects.requireNonNull(config, "config");
    ConnectorProvider p = find(type).orElseThrow(() -> new ConnectorConfigurationException(
        "no connector provider of type '" + type + "' is on the class path; found " + byType.keySet()));
    return p.create(config);
  }
}
