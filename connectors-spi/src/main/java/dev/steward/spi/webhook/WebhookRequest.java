package dev.steward.spi.webhook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook delivery as received: its headers and its raw body bytes, exactly as they came off
 * the wire. Signatures are computed over those bytes, so the body must not be parsed and
 * re-serialized before it is checked.
 *
 * <p>Get one with {@link #of(Map, byte[])}. Header names are matched without regard to case.
 * Immutable: the body is copied in and out.
 */
public final class WebhookRequest {
  private final Map<String, String> headers;
  private final byte[] body;

  private WebhookRequest(Map<String, String> headers, byte[] body) {
    this.headers = headers;
    this.body = body;
  }

  /**
   * Returns a request with {@code headers} (one value per name; join repeated headers with
   * {@code ","} as HTTP does) and a copy of {@code body}.
   *
   * @throws IllegalArgumentException if two header names differ only in case
   */
  public static WebhookRequest of(Map<String, String> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Map<String, String> byLowerName = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : headers.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "header name").toLowerCase(Locale.ROOT);
      if (byLowerName.put(name, Objects.requireNonNull(e.getValue(), "value of header " + e.getKey())) != null) {
        throw new IllegalArgumentException("header " + e.getKey() + " is given twice (names differ only in case)");
      }
    }
    return new WebhookRequest(Collections.unmodifiableMap(byLowerName), body.clone());
  }

  /** Returns the value of header {@code name}, matched without regard to case. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT)));
  }

  /** Returns a copy of the raw body. */
  public byte[] body() {
    return body.clone();
  }

  /** Returns the length of the body in bytes. */
  public int bodyLength() {
    return body.length;
  }

  byte[] bodyUnsafe() {
    return body;
  }

  /** Returns the header names and body length; never header values, which may carry signatures. */
  @Override
  public String toString() {
    return "WebhookRequest{headers=" + headers.keySet() + ", body=" + body.length + " bytes}";
  }
}
