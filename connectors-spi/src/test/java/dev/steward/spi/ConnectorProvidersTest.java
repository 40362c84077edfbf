package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityType;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorProvidersTest {
  private static final ConnectorConfig CONFIG = ConnectorConfig.builder("crm").build();

  @Test
  void load_findsTheProvidersListedAsServices() {
    ConnectorProviders providers = ConnectorProviders.load();
    assertThat(providers.types()).containsExactly("alpha", "beta");
    assertThat(providers.find("alpha")).containsInstanceOf(AlphaProvider.class);
    assertThat(providers.find("gamma")).isEmpty();
  }

  @Test
  void create_makesAConnectorOfTheType() {
    SystemConnector connector = ConnectorProviders.load(getClass().getClassLoader()).create("beta", CONFIG);
    assertThat(connector.systemId()).isEqualTo("crm");
    assertThat(connector.toString()).isEqualTo("beta connector");
  }

  @Test
  void create_ofAnUnknownType_listsTheTypesFound() {
    assertThatThrownBy(() -> ConnectorProviders.load().create("gamma", CONFIG))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessage("no connector provider of type 'gamma' is on the class path; found [alpha, beta]");
  }

  @Test
  void load_twoProvidersOfOneType_isAConfigurationError(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services/" + ConnectorProvider.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, AlphaAgainProvider.class.getName() + "\n", StandardCharsets.UTF_8);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      assertThatThrownBy(() -> ConnectorProviders.load(loader))
          .isInstanceOf(ConnectorConfigurationException.class)
          .hasMessage("two connector providers claim type 'alpha': " + AlphaProvider.class.getName() + " and "
              + AlphaAgainProvider.class.getName());
    }
  }

  /** A provider of type {@code alpha}, listed in this test's services file. */
  public static class AlphaProvider implements ConnectorProvider {
    @Override
    public String type() {
      return "alpha";
    }

    @Override
    public SystemConnector create(ConnectorConfig config) {
      return new Stub(config.systemId(), "alpha");
    }
  }

  /** A provider of type {@code beta}, listed in this test's services file. */
  public static class BetaProvider implements ConnectorProvider {
    @Override
    public String type() {
      return "beta";
    }

    @Override
    public SystemConnector create(ConnectorConfig config) {
      return new Stub(config.systemId(), "beta");
    }
  }

  /** A second provider claiming {@code alpha}, listed only by the duplicate test. */
  public static class AlphaAgainProvider extends AlphaProvider {}

  private record Stub(String systemId, String type) implements SystemConnector {
    @Override
    public ConnectorCapabilities capabilities() {
      return ConnectorCapabilities.builder().entity(EntityType.CUSTOMER, Operation.READ).build();
    }

    @Override
    public <T extends CanonicalEntity> EntityOperations<T> operations(Class<T> recordType) {
      throw new CapabilityMissingException(systemId, EntityType.CUSTOMER, Operation.READ);
    }

    @Override
    public String toString() {
      return type + " connector";
    }
  }
}
