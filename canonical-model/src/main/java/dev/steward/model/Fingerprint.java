package dev.steward.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 digest of a payload's RFC 8785 canonical JSON: equal for payloads that differ only
 * in property order or white space, different for any change of value. Idempotency compares them
 * to tell a repeated request from a different one under the same key.
 *
 * <p>Obtain one from {@link CanonicalJson#fingerprint(Object)}, {@link #sha256(byte[])} or
 * {@link #parse(String)}. Its string form is {@code sha-256:} and 64 lowercase hex digits.
 * Value-based and immutable.
 */
public final class Fingerprint {
  private static final String PREFIX = "sha-256:";
  private static final HexFormat HEX = HexFormat.of();
  private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("sha-256:[0-9a-f]{64}");

  private final byte[] digest;

  private Fingerprint(byte[] digest) {
    this.digest = digest;
  }

  /** Returns the SHA-256 fingerprint of {@code bytes}, which should be canonical JSON. */
  public static Fingerprint sha256(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    try {
      return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /**
   * Parses the form {@link #toString()} produces.
   *
   * @throws ModelException with reason {@link ModelException.Reason#INVALID_VALUE} if the text is
   *     not {@code sha-256:} followed by 64 lowercase hex digits
   */
  public static Fingerprint parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!FORM.matcher(text).matches()) {
      throw new ModelException(
          ModelException.Reason.INVALID_VALUE,
          "'" + (text.length() > 80 ? text.substring(0, 80) + "..." : text)
              + "' is not a fingerprint: expected sha-256: and 64 lowercase hex digits");
    }
    return new Fingerprint(HEX.parseHex(text, PREFIX.length(), text.length()));
  }

  /** Returns the 64 lowercase hex digits of the digest. */
  public String hex() {
    return HEX.formatHex(digest);
  }

  /** Returns a copy of the 32 digest bytes. */
  public byte[] bytes() {
    return digest.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Fingerprint f && MessageDigest.isEqual(digest, f.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  /** Returns {@code sha-256:} and the hex digest. */
  @Override
  public String toString() {
    return PREFIX + hex();
  }
}
