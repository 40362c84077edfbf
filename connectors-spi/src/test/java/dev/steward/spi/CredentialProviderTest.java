package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CredentialProviderTest {
  @Test
  void of_answersFromTheMap() {
    Secret secret = Secret.of("crm.token", "value-1");
    assertThat(CredentialProvider.of(Map.of("crm.token", secret)).secret("crm.token")).isSameAs(secret);
  }

  @Test
  void of_copiesTheMap() {
    Map<String, Secret> secrets = new HashMap<>();
    secrets.put("a", Secret.of("a", "value-a"));
    CredentialProvider provider = CredentialProvider.of(secrets);
    secrets.put("b", Secret.of("b", "value-b"));
    assertThatThrownBy(() -> provider.secret("b")).isInstanceOf(CredentialUnavailableException.class);
  }

  @Test
  void of_unknownName_isUnavailableNamingTheCredential() {
    assertThatThrownBy(() -> CredentialProvider.of(Map.of()).secret("erp.password"))
        .isInstanceOfSatisfying(CredentialUnavailableException.class, e -> {
          assertThat(e.credential()).isEqualTo("erp.password");
          assertThat(e.code()).isEqualTo("STEWARD-CONNECTOR-CREDENTIAL_UNAVAILABLE");
          assertThat(e.getMessage()).isEqualTo("credential 'erp.password' is unavailable: no credential of that name is configured");
        });
  }

  @Test
  void from_readsTheSourceEachTime() {
    AtomicReference<String> current = new AtomicReference<>("first-value");
    CredentialProvider provider = CredentialProvider.from(name -> name.equals("k") ? Optional.of(current.get()) : Optional.empty());
    assertThat(value(provider.secret("k"))).isEqualTo("first-value");
    current.set("rotated-value");
    Secret rotated = provider.secret("k");
    assertThat(value(rotated)).isEqualTo("rotated-value");
    assertThat(rotated.name()).isEqualTo("k");
  }

  @Test
  void from_absentOrEmptyValue_isUnavailable() {
    CredentialProvider provider = CredentialProvider.from(name -> name.equals("empty") ? Optional.of("") : Optional.empty());
    assertThatThrownBy(() -> provider.secret("missing"))
        .isInstanceOf(CredentialUnavailableException.class)
        .hasMessage("credential 'missing' is unavailable: the source holds no value for it");
    assertThatThrownBy(() -> provider.secret("empty")).isInstanceOf(CredentialUnavailableException.class);
  }

  @Test
  void from_sourceThatFails_isUnavailable_asTheInterfacePromises_withTheFailureAsCause() {
    IllegalStateException down = new IllegalStateException("vault sealed");
    CredentialProvider provider = CredentialProvider.from(name -> {
      throw down;
    });
    assertThatThrownBy(() -> provider.secret("erp.password"))
        .isInstanceOfSatisfying(CredentialUnavailableException.class, e -> {
          assertThat(e.credential()).isEqualTo("erp.password");
          assertThat(e.getMessage()).isEqualTo(
              "credential 'erp.password' is unavailable: its source failed with java.lang.IllegalStateException");
          assertThat(e.getCause()).isSameAs(down);
        });
    CredentialUnavailableException own = new CredentialUnavailableException("k", "not granted");
    assertThatThrownBy(() -> CredentialProvider.from(name -> {
      throw own;
    }).secret("k")).isSameAs(own);
  }

  private static String value(Secret secret) {
    return secret.reveal(String::new);
  }
}
