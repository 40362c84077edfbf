package dev.steward.spi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A credential value (API key, client secret, password, signing key) that never shows itself:
 * {@code toString} prints only its name, it is not {@code Serializable}, and {@code equals} is
 * identity, so it cannot leak through logs, exception messages, debugger-friendly records or a
 * map's {@code toString}.
 *
 * <p>The value is read only through {@link #reveal(Function)} at the point of use (an HTTP
 * header, an HMAC key) and can be {@linkplain #destroy() wiped} when no longer needed. Get one
 * from a {@link CredentialProvider}. Thread-safe.
 */
public final class Secret {
  private final String name;
  private final char[] value;
  private volatile boolean destroyed;

  private Secret(String name, char[] value) {
    this.name = name;
    this.value = value;
  }

  /**
   * Returns a secret named {@code name} (which may be shown) holding a copy of {@code value}.
   * The caller should clear its array afterwards.
   *
   * @throws IllegalArgumentException if the name is blank, or the value empty or not well-formed
   *     UTF-16 (an unpaired surrogate has no UTF-8 form, so {@link #utf8()} could not be exact);
   *     the message names the index, never the value
   */
  public static Secret of(String name, char[] value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a secret's name must not be blank");
    }
    if (value.length == 0) {
      throw new IllegalArgumentException("secret " + name + " is empty");
    }
    int unpaired = unpairedSurrogate(value);
    if (unpaired >= 0) {
      throw new IllegalArgumentException("secret " + name + " holds an unpaired surrogate at index " + unpaired
          + "; it has no UTF-8 form");
    }
    return new Secret(name, value.clone());
  }

  /** Returns a secret named {@code name} holding {@code value}; as {@link #of(String, char[])}. */
  public static Secret of(String name, String value) {
    Objects.requireNonNull(value, "value");
    return of(name, value.toCharArray());
  }

  /** Returns the secret's name, such as {@code salesforce.client-secret}; not confidential. */
  public String name() {
    return name;
  }

  /**
   * Applies {@code use} to a copy of the value and wipes the copy afterwards. Keep the result
   * free of the value where you can (a signature, an authenticated client); a result that needs
   * the characters holds a copy of them ({@code char[]::clone}), since the array given is wiped.
   *
   * @throws IllegalStateException if the secret was destroyed, or {@code use} returned the array
   *     it was given, which would reach the caller wiped
   */
  public <R> R reveal(Function<char[], R> use) {
    Objects.requireNonNull(use, "use");
    char[] copy = copy();
    try {
      R result = use.apply(copy);
      if (result == copy) {
        throw new IllegalStateException("reveal of secret " + name + " returned the array it was given, which is"
            + " wiped on return; return a copy (char[]::clone) or what was made from it");
      }
      return result;
    } finally {
      Arrays.fill(copy, '\0');
    }
  }

  /**
   * Returns the value as UTF-8 bytes, for a key or a digest; the caller wipes the array.
   *
   * @throws IllegalStateException if the secret was destroyed
   */
  public byte[] utf8() {
    char[] copy = copy();
    try {
      return encode(copy);
    } finally {
      Arrays.fill(copy, '\0');
    }
  }

  /**
   * Returns whether {@code candidate} equals the value, in time that does not depend on where they
   * differ. A candidate that is not well-formed UTF-16 matches nothing.
   *
   * @throws IllegalStateException if the secret was destroyed
   */
  public boolean matches(char[] candidate) {
    Objects.requireNonNull(candidate, "candidate");
    byte[] mine = utf8();
    // The encoder writes '?' for an unpaired surrogate, which would match a '?' in the value.
    boolean wellFormed = unpairedSurrogate(candidate) < 0;
    byte[] theirs = encode(candidate);
    try {
      return MessageDigest.isEqual(mine, theirs) && wellFormed;
    } finally {
      Arrays.fill(mine, (byte) 0);
      Arrays.fill(theirs, (byte) 0);
    }
  }

  /** Returns the index of the first surrogate without its pair, or -1 if there is none. */
  private static int unpairedSurrogate(char[] chars) {
    for (int i = 0; i < chars.length; i++) {
      if (Character.isHighSurrogate(chars[i]) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (Character.isSurrogate(chars[i])) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] encode(char[] chars) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }

  /** Wipes the value; later reads throw {@link IllegalStateException}. */
  public void destroy() {
    synchronized (value) {
      destroyed = true;
      Arrays.fill(value, '\0');
    }
  }

  /** Returns whether {@link #destroy()} was called. */
  public boolean isDestroyed() {
    return destroyed;
  }

  private char[] copy() {
    synchronized (value) {
      if (destroyed) {
        throw new IllegalStateException("secret " + name + " was destroyed");
      }
      return value.clone();
    }
  }

  /** Returns {@code Secret[<name>, value hidden]}; never the value or its length. */
  @Override
  public String toString() {
    return "Secret[" + name + ", value hidden]";
  }
}
