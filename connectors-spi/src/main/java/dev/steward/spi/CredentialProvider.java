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
   * with a name mapping) each time it is asked. An empty or absent value, and a lookup that
   * throws, make a {@link CredentialUnavailableException}; one the lookup throws itself passes
   * through.
   */
  static CredentialProvider from(Function<String, Optional<String>> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    return name -> {
      Objects.requireNonNull(name, "name");
      Optional<String> value;
      try {
        value = lookup.apply(name);
      } catch (CredentialUnavailableException e) {
        throw e;
      } catch (RuntimeException e) {
        // The class only: the source's message is the source's to show, in the cause.
        throw new CredentialUnavailableException(name, "its source failed with " + e.getClass().getName(), e);
      }
      return value.filter(v -> !v.isEmpty())
          .map(v -> Secret.of(name, v))
          .orElseThrow(() -> new CredentialUnavailableException(name, "the source holds no value for it"));
    };
  }
}
