package dev.steward.spi.webhook;

import dev.steward.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Ready {@link SignatureVerifier}s for the common HMAC-SHA256 webhook schemes:
 *
 * <ul>
 *   <li>{@link #stripe(Secret, Duration, Clock)}: Stripe's {@code Stripe-Signature: t=<unix
 *       seconds>,v1=<hex>[,v1=<hex>...]}, an HMAC of {@code "<t>.<body>"}, with the timestamp
 *       checked against a tolerance;
 *   <li>{@link #github(Secret)}: GitHub's {@code X-Hub-Signature-256: sha256=<hex>}, an HMAC of
 *       the body;
 *   <li>{@link #shopify(Secret)}: Shopify's {@code X-Shopify-Hmac-Sha256: <base64>}, an HMAC of
 *       the body;
 *   <li>{@link #bodyHmac(String, String, Encoding, Secret)}: any other "HMAC of the body in header
 *       X" scheme.
 * </ul>
 *
 * <p>The key is the secret's UTF-8 bytes, as each of these vendors uses its signing secret.
 * Signatures are compared with {@link MessageDigest#isEqual}, in time that does not depend on
 * where they differ. Results and messages name the header and what was wrong, never the secret
 * or the expected signature. The verifiers read the secret at each check, so a {@link Secret}
 * that is {@linkplain Secret#destroy() destroyed} makes them throw {@link IllegalStateException}.
 * Stateless; all methods are static, and the verifiers are immutable and thread-safe.
 */
public final class HmacSignatures {
  /** Stripe's header. */
  public static final String STRIPE_HEADER = "Stripe-Signature";
  /** GitHub's header. */
  public static final String GITHUB_HEADER = "X-Hub-Signature-256";
  /** Shopify's header. */
  public static final String SHOPIFY_HEADER = "X-Shopify-Hmac-Sha256";
  /** The tolerance Stripe's own libraries default to: five minutes. */
  public static final Duration DEFAULT_STRIPE_TOLERANCE = Duration.ofMinutes(5);
  /** The longest signature header read; a longer one is malformed, so a hostile header costs little. */
  public static final int MAX_HEADER_LENGTH = 8192;

  private static final String ALGORITHM = "HmacSHA256";
  private static final int SHA256_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  /** How a body signature is written in its header. */
  public enum Encoding {
    /** Hexadecimal, in either case (GitHub). */
    HEX,
    /** Base64 with padding, RFC 4648 section 4 (Shopify). */
    BASE64
  }

  private HmacSignatures() {}

  /**
   * Returns a verifier of Stripe's scheme: header {@code Stripe-Signature} holds {@code
   * t=<unix seconds>} and one or more {@code v1=<hex HMAC-SHA256 of "<t>.<body>">} (more than one
   * while a secret is rolled; any may match), and schemes other than {@code v1} are ignored. A
   * matching signature whose {@code t} lies more than {@code tolerance} before — or after —
   * {@code clock}'s now is rejected as {@link SignatureFailure#TIMESTAMP_OUT_OF_TOLERANCE};
   * exactly {@code tolerance} away is accepted. Stripe's libraries check only the past side; a
   * future timestamp beyond the tolerance here means a clock that cannot be trusted either.
   *
   * @param signingSecret the endpoint's signing secret, {@code whsec_...}
   * @param tolerance how far the signed time may lie from now, positive
   * @param clock the clock now is read from
   * @throws IllegalArgumentException if the tolerance is not positive
   */
  public static SignatureVerifier stripe(Secret signingSecret, Duration tolerance, Clock clock) {
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(clock, "clock");
    if (tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("tolerance must be positive; was " + tolerance);
    }
    return request -> withHeader(request, STRIPE_HEADER,
        value -> verifyStripe(value, request, signingSecret, tolerance, clock));
  }

  /** Returns a verifier of GitHub's scheme: {@code X-Hub-Signature-256: sha256=<hex>}. */
  public static SignatureVerifier github(Secret secret) {
    return bodyHmac(GITHUB_HEADER, "sha256=", Encoding.HEX, secret);
  }

  /** Returns a verifier of Shopify's scheme: {@code X-Shopify-Hmac-Sha256: <base64>}. */
  public static SignatureVerifier shopify(Secret secret) {
    return bodyHmac(SHOPIFY_HEADER, "", Encoding.BASE64, secret);
  }

  /**
   * Returns a verifier of the scheme "header {@code header} holds {@code prefix} followed by the
   * HMAC-SHA256 of the raw body, in {@code encoding}".
   *
   * @param header the header name, matched without regard to case
   * @param prefix what precedes the signature, such as {@code sha256=}; may be empty
   * @param encoding how the signature is written
   * @param secret the shared secret
   * @throws IllegalArgumentException if the header name is blank
   */
  public static SignatureVerifier bodyHmac(String header, String prefix, Encoding encoding, Secret secret) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(secret, "secret");
    if (header.isBlank()) {
      throw new IllegalArgumentException("header must not be blank");
    }
    return request -> withHeader(request, header, value -> verifyBody(value, request, header, prefix, encoding, secret));
  }

  /**
   * Hands the value of {@code header} to {@code verify}, having rejected a missing header and one
   * longer than {@link #MAX_HEADER_LENGTH} before any scheme parses it.
   */
  private static SignatureCheck withHeader(WebhookRequest request, String header,
      Function<String, SignatureCheck> verify) {
    String value = Objects.requireNonNull(request, "request").header(header).orElse(null);
    if (value == null) {
      return rejected(SignatureFailure.MISSING_HEADER, "header " + header + " is missing");
    }
    if (value.length() > MAX_HEADER_LENGTH) {
      return rejected(SignatureFailure.MALFORMED_HEADER, "header " + header + " is longer than " + MAX_HEADER_LENGTH + " characters");
    }
    return verify.apply(value);
  }

  private static SignatureCheck verifyBody(String value, WebhookRequest request, String header, String prefix,
      Encoding encoding, Secret secret) {
    String trimmed = value.trim();
    if (!trimmed.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return rejected(SignatureFailure.MALFORMED_HEADER, "header " + header + " does not start with '" + prefix + "'");
    }
    byte[] given = decode(trimmed.substring(prefix.length()), encoding);
    if (given == null || given.length != SHA256_BYTES) {
      return rejected(SignatureFailure.MALFORMED_HEADER, "header " + header + " does not hold a "
          + encoding.name().toLowerCase(Locale.ROOT) + " HMAC-SHA256 (" + SHA256_BYTES + " bytes)");
    }
    byte[] expected = hmac(secret, null, request.bodyUnsafe());
    try {
      return MessageDigest.isEqual(expected, given)
          ? new SignatureCheck.Verified(null)
          : rejected(SignatureFailure.MISMATCH, "the signature in header " + header + " does not match the body");
    } finally {
      Arrays.fill(expected, (byte) 0);
    }
  }

  private static SignatureCheck verifyStripe(String value, WebhookRequest request, Secret secret, Duration tolerance,
      Clock clock) {
    @Nullable String timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String element : value.split(",", -1)) {
      int eq = element.indexOf('=');
      if (eq <= 0) {
        return rejected(SignatureFailure.MALFORMED_HEADER, "header " + STRIPE_HEADER
            + " has an element that is not <scheme>=<value>");
      }
      String key = element.substring(0, eq).trim();
      String v = element.substring(eq + 1).trim();
      if (key.equals("t")) {
        if (timestamp != null) {
          return rejected(SignatureFailure.MALFORMED_HEADER, "header " + STRIPE_HEADER + " has more than one t=");
        }
        timestamp = v;
      } else if (key.equals("v1")) {
        byte[] decoded = decode(v, Encoding.HEX);
        if (decoded == null || decoded.length != SHA256_BYTES) {
          return rejected(SignatureFailure.MALFORMED_HEADER, "header " + STRIPE_HEADER
              + " has a v1 signature that is not 64 hex digits");
        }
        signatures.add(decoded);
      }
    }
    if (timestamp == null) {
      return rejected(SignatureFailure.MALFORMED_HEADER, "header " + STRIPE_HEADER + " has no t= timestamp");
    }
    if (signatures.isEmpty()) {
      return rejected(SignatureFailure.MALFORMED_HEADER, "header " + STRIPE_HEADER + " has no v1= signature");
    }
    Instant signedAt = epochSeconds(timestamp);
    if (signedAt == null) {
      return rejected(SignatureFailure.MALFORMED_HEADER, "header " + STRIPE_HEADER
          + " has a t= that is not Unix time in seconds");
    }
    byte[] expected = hmac(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), request.bodyUnsafe());
    boolean matched = false;
    try {
      for (byte[] candidate : signatures) {
        // Every candidate is compared, so the time taken does not tell which one matched.
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    } finally {
      Arrays.fill(expected, (byte) 0);
    }
    if (!matched) {
      return rejected(SignatureFailure.MISMATCH, "no v1 signature in header " + STRIPE_HEADER
          + " matches the body and timestamp");
    }
    Duration skew = Duration.between(signedAt, clock.instant()).abs();
    if (skew.compareTo(tolerance) > 0) {
      return rejected(SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE, "the signature was made at " + signedAt
          + ", " + skew.toSeconds() + " s from now, beyond the tolerance of " + tolerance.toSeconds() + " s");
    }
    return new SignatureCheck.Verified(signedAt);
  }

  private static @Nullable Instant epochSeconds(String text) {
    if (text.isEmpty() || text.length() > 12) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(text));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static byte[] hmac(Secret secret, byte @Nullable [] prefix, byte[] body) {
    byte[] key = secret.utf8();
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      if (prefix != null) {
        mac.update(prefix);
      }
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256; reaching this is a broken runtime.
      throw new IllegalStateException("HmacSHA256 is not available: " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte @Nullable [] decode(String text, Encoding encoding) {
    if (encoding == Encoding.BASE64) {
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    try {
      // ASCII hex digits only, in either case: Character.digit would also take other scripts' digits.
      return HEX.parseHex(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static SignatureCheck rejected(SignatureFailure failure, String detail) {
    return new SignatureCheck.Rejected(failure, detail);
  }
}
