package dev.steward.testkit.tck;

import dev.steward.spi.CredentialProvider;
import dev.steward.spi.Secret;
import java.nio.CharBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps a copy of every credential value handed to the connector under test, and finds them in
 * text and exceptions. Reports name the credential, never its value. Thread-safe.
 */
final class SecretWatch {
  /** Values shorter than this are not searched for: they would match by chance. */
  static final int MIN_SEARCHED_LENGTH = 8;

  /** How every canary value starts, so that one found in a report is recognised as the kit's. */
  static final String CANARY_PREFIX = "steward-tck-canary-";

  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private final List<Handed> handed = new CopyOnWriteArrayList<>();
  private final Set<String> asked = ConcurrentHashMap.newKeySet();

  private record Handed(String name, char[] value) {}

  /**
   * Returns a provider that gives every name asked for a canary: a secret whose value is random,
   * unique to the name, and the same on every request for that name.
   */
  static CredentialProvider canaries() {
    SecureRandom random = new SecureRandom();
    Map<String, char[]> values = new ConcurrentHashMap<>();
    return name -> {
      Objects.requireNonNull(name, "name");
      char[] value = values.computeIfAbsent(name, n -> {
        StringBuilder v = new StringBuilder(CANARY_PREFIX);
        for (int i = 0; i < 24; i++) {
          v.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return v.toString().toCharArray();
      });
      return Secret.of(name, value);
    };
  }

  /** Returns {@code source}, remembering the value of every secret it hands out. */
  CredentialProvider watching(CredentialProvider source) {
    Objects.requireNonNull(source, "source");
    return name -> {
      asked.add(name);
      Secret secret = source.secret(name);
      secret.reveal(value -> handed.add(new Handed(name, value.clone())));
      return secret;
    };
  }

  /** Returns the names of the credentials the connector asked for, sorted. */
  List<String> asked() {
    List<String> names = new ArrayList<>(asked);
    Collections.sort(names);
    return names;
  }

  /** Returns the name of a credential whose value occurs in {@code text}, if one does. */
  Optional<String> revealedIn(CharSequence text) {
    String haystack = text.toString();
    for (Handed h : handed) {
      if (h.value().length >= MIN_SEARCHED_LENGTH && haystack.contains(CharBuffer.wrap(h.value()))) {
        return Optional.of(h.name());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns where in {@code failure} (its message, a cause's, a suppressed exception's) a
   * credential's value occurs, naming the credential and the exception's class; empty if nowhere.
   */
  Optional<String> revealedIn(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return search(failure, "the exception", seen);
  }

  private Optional<String> search(Throwable t, String where, Set<Throwable> seen) {
    if (!seen.add(t)) {
      return Optional.empty();
    }
    String text = t.toString() + '\n' + t.getLocalizedMessage();
    Optional<String> name = revealedIn(text);
    if (name.isPresent()) {
      return Optional.of(where + " (" + t.getClass().getName() + ") reveals the value of credential '" + name.get() + "'");
    }
    Throwable cause = t.getCause();
    if (cause != null) {
      Optional<String> found = search(cause, "a cause of " + where, seen);
      if (found.isPresent()) {
        return found;
      }
    }
    for (Throwable s : t.getSuppressed()) {
      Optional<String> found = search(s, "an exception suppressed by " + where, seen);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
