package dev.steward.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a connector gets its credentials: a vault, the host's configuration, the environment.
 * A connector asks for each by name when it needs it (and again after an {@link
 * AuthenticationFailedException}, so rotated credentials are picked up) instead of holding
 * values from its configuration. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CredentialProvider {
  /**
   * Returns the credential named {@code name}, such as {@code salesforce.client-secret}.
   *
   * @throws CredentialUnavailableException if there is none by that name or the source is down;
   *     the message names the credential, never a value
   */
  Secret secret(String name);

  /** Returns a provider answering from {@code secrets}, keyed by name; for tests and fixed setups. */
  static CredentialProvider of(Map<String, Secret> secrets) {
    Map<String, Secret> copy = Map.copyOf(secrets);
    return name -> {
      Secret s = copy.get(Objects.requireNonNull(name, "name"));
      if (s == null) {
        throw new CredentialUnavailableException(name, "no credential of that name is configured");
      }
      return s;
    };
  }

  /**
   * Returns a provider reading each value from {@code lookup} (such as {@code System::getenv}
   * with a name mapping) each time it is asked.
   */
  static CredentialProvider from(Function<String, Optional<String>> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    return name -> lookup.apply(Objects.requireNonNull(name, "name"))
        .filter(v -> !v.isEmpty())
        .map(v -> Secret.of(name, v))
        .orElseThrow(() -> new CredentialUnavailableException(name, "the source holds no value for it"));
  }
}
