package dev.steward.spi;

import dev.steward.model.SystemIds;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ConnectorProvider} needs to make a connector: the system id this deployment gives
 * the platform, plain settings (base URL, org id, API version — never credentials), the {@link
 * CredentialProvider} to ask for credentials, and the clock to read time from.
 *
 * <p>Build one with {@link #builder(String)}. Immutable; {@code toString} shows settings and
 * never a credential, since none is held.
 */
public final class ConnectorConfig {
  private final String systemId;
  private final Map<String, String> settings;
  private final CredentialProvider credentials;
  private final Clock clock;

  private ConnectorConfig(Builder b) {
    this.systemId = b.systemId;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
    this.credentials = b.credentials == null ? CredentialProvider.of(Map.of()) : b.credentials;
    this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
  }

  /**
   * Returns a builder for a connector to the system with id {@code systemId}.
   *
   * @throws IllegalArgumentException if the id is not a {@linkplain SystemIds well-formed system id}
   */
  public static Builder builder(String systemId) {
    Objects.requireNonNull(systemId, "systemId");
    if (!SystemIds.isValid(systemId)) {
      throw new IllegalArgumentException("'" + systemId + "' is not a system id: expected "
          + SystemIds.PATTERN + ", such as crm or erp-eu");
    }
    return new Builder(systemId);
  }

  /** Returns the system id. */
  public String systemId() {
    return systemId;
  }

  /** Returns the settings, in the order given; unmodifiable. */
  public Map<String, String> settings() {
    return settings;
  }

  /** Returns the setting {@code name}, if set. */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * Returns the setting {@code name}.
   *
   * @throws ConnectorConfigurationException if it is not set
   */
  public String requiredSetting(String name) {
    return setting(name).orElseThrow(() -> new ConnectorConfigurationException(
        "connector for system '" + systemId + "' needs setting '" + name + "'; it has " + settings.keySet()));
  }

  /** Returns where the connector gets its credentials; by default none are configured. */
  public CredentialProvider credentials() {
    return credentials;
  }

  /** Returns the clock the connector reads time from; by default the UTC system clock. */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "ConnectorConfig{systemId=" + systemId + ", settings=" + settings + "}";
  }

  /**
   * Builds a {@link ConnectorConfig}. Setting the credentials or clock twice is an {@link
   * IllegalStateException}. Not thread-safe.
   */
  public static final class Builder {
    private final String systemId;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private @Nullable CredentialProvider credentials;
    private @Nullable Clock clock;

    private Builder(String systemId) {
      this.systemId = systemId;
    }

    /**
     * Sets a plain setting; credentials go through {@link #credentials(CredentialProvider)}.
     *
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if the setting is already set
     */
    public Builder setting(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a setting name must not be blank");
      }
      if (settings.putIfAbsent(name, value) != null) {
        throw new IllegalStateException("setting '" + name + "' is already set");
      }
      return this;
    }

    /** Sets where the connector gets its credentials. */
    public Builder credentials(CredentialProvider credentials) {
      if (this.credentials != null) {
        throw new IllegalStateException("credentials are already set");
      }
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Sets the clock the connector reads time from. */
    public Builder clock(Clock clock) {
      if (this.clock != null) {
        throw new IllegalStateException("clock is already set to " + this.clock);
      }
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Returns the configuration. */
    public ConnectorConfig build() {
      return new ConnectorConfig(this);
    }
  }
}
