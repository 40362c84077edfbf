package dev.steward.core.idempotency;

import dev.steward.model.Envelope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Identifies one operation, so that it takes effect once however often it is sent: a namespace
 * (the operation or consumer, such as {@code erp.post-invoice}) and a key within it. The same key
 * string in two namespaces names two operations.
 *
 * <p>Both parts are 1 to {@value #MAX_LENGTH} printable characters (no control characters), not
 * all blank. The
 * key travels on to downstream APIs that accept one (Stripe, Zuora), so keep it free of secrets.
 *
 * @param namespace the operation or consumer the key belongs to
 * @param key the key within the namespace
 */
public record IdempotencyKey(String namespace, String key) {
  /** The longest namespace or key, in characters. */
  public static final int MAX_LENGTH = 255;

  /**
   * Checks both parts.
   *
   * @throws IllegalArgumentException naming the part, and the position of a bad character
   */
  public IdempotencyKey {
    check(namespace, "namespace");
    check(key, "key");
  }

  /** Returns the key {@code key} in {@code namespace}. */
  public static IdempotencyKey of(String namespace, String key) {
    return new IdempotencyKey(namespace, key);
  }

  /**
   * Returns the key of the change an envelope carries: its {@code idempotencykey} attribute (which
   * the sender must keep unique across the sources of one namespace, as a UUID is), or, where it
   * has none, its source and event id, which CloudEvents makes unique per event. The source is
   * written with its length ({@code 12:/systems/crm#evt-123}), so that no two source and id pairs
   * give one key.
   */
  public static IdempotencyKey of(String namespace, Envelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    String source = envelope.source().toString();
    String key = envelope.idempotencyKey() != null ? envelope.idempotencyKey()
        : source.length() + ":" + source + "#" + envelope.id();
    if (key.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the envelope's source and id make a key of " + key.length()
          + " characters, more than " + MAX_LENGTH + "; give the envelope an idempotency key");
    }
    return new IdempotencyKey(namespace, key);
  }

  private static void check(String value, String part) {
    Objects.requireNonNull(value, part);
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("idempotency " + part + " must be 1 to " + MAX_LENGTH + " characters; was "
          + value.length());
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException("idempotency " + part + " must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogate(value, i)) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
            "idempotency %s holds a character that is not printable (U+%04X) at index %d", part, (int) c, i));
      }
    }
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /**
   * Returns the key to send to a downstream API that takes one (Stripe's and Zuora's {@code
   * Idempotency-Key}, {@link dev.steward.spi.CallContext#idempotencyKey()}): {@code
   * namespace:key} when that is printable ASCII (what an HTTP header carries safely) and fits in
   * {@value #MAX_LENGTH} characters, otherwise {@code sha256:} and the hex SHA-256 of the
   * namespace's length, the namespace and the key (UTF-8), so that two keys never share a
   * downstream key either way.
   */
  public String downstream() {
    String plain = toString();
    if (plain.length() <= MAX_LENGTH && plain.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return plain;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((namespace.length() + ":" + namespace + key).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return namespace + ":" + key;
  }
}
