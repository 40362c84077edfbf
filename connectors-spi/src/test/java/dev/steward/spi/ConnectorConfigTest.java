package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {
  @Test
  void holdsSettingsInOrder_andNamesAMissingOne() {
    ConnectorConfig config = ConnectorConfig.builder("crm").setting("baseUrl", "https://acme.my.salesforce.com")
        .setting("apiVersion", "v62.0").build();

    assertThat(config.settings()).containsExactly(Map.entry("baseUrl", "https://acme.my.salesforce.com"),
        Map.entry("apiVersion", "v62.0"));
    assertThat(config.requiredSetting("apiVersion")).isEqualTo("v62.0");
    assertThatThrownBy(() -> config.requiredSetting("orgId")).isInstanceOf(ConnectorConfigurationException.class)
        .hasMessage("connector for system 'crm' needs setting 'orgId'; it has [baseUrl, apiVersion]");
  }

  @Test
  void aSettingTwice_theCredentialsOrClockTwice_orABadSystemId_areRefused() {
    ConnectorConfig.Builder b = ConnectorConfig.builder("crm").setting("baseUrl", "a");
    assertThatThrownBy(() -> b.setting("baseUrl", "b")).isInstanceOf(IllegalStateException.class)
        .hasMessage("setting 'baseUrl' is already set");
    b.credentials(CredentialProvider.of(Map.of()));
    assertThatThrownBy(() -> b.credentials(CredentialProvider.of(Map.of()))).isInstanceOf(IllegalStateException.class);
    b.clock(Clock.systemUTC());
    assertThatThrownBy(() -> b.clock(Clock.systemUTC())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ConnectorConfig.builder("CRM")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'CRM' is not a system id");
  }

  @Test
  void defaults_andToString_showNoCredential() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    ConnectorConfig config = ConnectorConfig.builder("billing")
        .credentials(CredentialProvider.of(Map.of("stripe.api-key", Secret.of("stripe.api-key", "sk_test_canary"))))
        .clock(clock).build();

    assertThat(config.clock()).isSameAs(clock);
    assertThat(config.toString()).isEqualTo("ConnectorConfig{systemId=billing, settings={}}").doesNotContain("canary");
    assertThatThrownBy(() -> ConnectorConfig.builder("erp").build().credentials().secret("x"))
        .isInstanceOf(CredentialUnavailableException.class);
  }
}
