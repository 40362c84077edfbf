package dev.steward.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What Steward hands a connector with each call: the idempotency key to pass to the target's API
 * where it takes one (Stripe's and Zuora's {@code Idempotency-Key} header), the correlation
 * headers to send with the request ({@code traceparent}, {@code tracestate}, {@code
 * X-Correlation-ID}), and the deadline by which the call must have returned.
 *
 * <p>A connector sends every {@linkplain #headers() header} as given and gives up, with a {@link
 * TransientFailureException} if nothing was sent or an {@link UnknownOutcomeException} if a
 * request was sent, once the deadline has passed. Build one with {@link #builder(Instant)}.
 * Immutable.
 */
public final class CallContext {
  /** The longest idempotency key passed downstream (Stripe accepts 255 characters). */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
  /** The most headers one call carries. */
  public static final int MAX_HEADERS = 32;

  private final @Nullable String idempotencyKey;
  private final Map<String, String> headers;
  private final Instant deadline;

  private CallContext(Builder b) {
    this.idempotencyKey = b.idempotencyKey;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.deadline = b.deadline;
  }

  /** Returns a builder for a call that must return by {@code deadline}. */
  public static Builder builder(Instant deadline) {
    return new Builder(Objects.requireNonNull(deadline, "deadline"));
  }

  /**
   * Returns a context with no idempotency key or headers, due {@code timeout} from now by {@code
   * clock}; a timeout reaching past {@link Instant#MAX} (such as {@code ChronoUnit.FOREVER}'s) is
   * due then.
   *
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public static CallContext within(Duration timeout, Clock clock) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(clock, "clock");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive; was " + timeout);
    }
    Instant now = clock.instant();
    Instant deadline = timeout.compareTo(Duration.between(now, Instant.MAX)) >= 0 ? Instant.MAX : now.plus(timeout);
    return builder(deadline).build();
  }

  /** Returns the key under which the target applies this call at most once, if there is one. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** Returns the headers to send with every request of this call, in order; unmodifiable. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns the value of header {@code name}, matched without regard to case. */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Returns when the call must have returned. */
  public Instant deadline() {
    return deadline;
  }

  /** Returns the time left before the deadline by {@code clock}; zero once it has passed. */
  public Duration remaining(Clock clock) {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Returns whether the deadline has passed by {@code clock}. */
  public boolean expired(Clock clock) {
    return !clock.instant().isBefore(deadline);
  }

  /** Returns a copy of this context carrying {@code idempotencyKey} instead. */
  public CallContext withIdempotencyKey(String idempotencyKey) {
    Builder b = toBuilder(false);
    b.idempotencyKey(idempotencyKey);
    return b.build();
  }

  /** Returns a builder holding this context's values, to derive another. */
  public Builder toBuilder() {
    return toBuilder(true);
  }

  private Builder toBuilder(boolean withKey) {
    Builder b = new Builder(deadline);
    b.headers.putAll(headers);
    if (withKey && idempotencyKey != null) {
      b.idempotencyKey(idempotencyKey);
    }
    return b;
  }

  @Override
  public String toString() {
    return "CallContext{idempotencyKey=" + idempotencyKey + ", headers=" + headers + ", deadline=" + deadline + "}";
  }

  /**
   * Builds a {@link CallContext}. Each setter checks its argument at once; setting the key twice
   * is an {@link IllegalStateException}. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable String idempotencyKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Instant deadline;

    private Builder(Instant deadline) {
      this.deadline = deadline;
    }

    /**
     * Sets the idempotency key: 1 to {@value #MAX_IDEMPOTENCY_KEY_LENGTH} printable characters.
     *
     * @throws IllegalArgumentException if the key is blank, too long or holds a control character
     */
    public Builder idempotencyKey(String idempotencyKey) {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      if (this.idempotencyKey != null) {
        throw new IllegalStateException("idempotencyKey is already set");
      }
      if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
        throw new IllegalArgumentException("idempotencyKey must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
            + " characters, not blank; was " + idempotencyKey.length() + " characters");
      }
      checkPrintable("idempotencyKey", idempotencyKey);
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * Adds a header to send with each request; a later value for the same name (in any case)
     * replaces the earlier one.
     *
     * @throws IllegalArgumentException if the name is not an HTTP token, the value holds a
     *     control character, or more than {@value #MAX_HEADERS} headers would be set
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty() || !name.chars().allMatch(Builder::tokenChar)) {
        throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token");
      }
      checkPrintable("header " + name, value);
      headers.keySet().removeIf(name::equalsIgnoreCase);
      if (headers.size() >= MAX_HEADERS) {
        throw new IllegalArgumentException("a call carries at most " + MAX_HEADERS + " headers");
      }
      headers.put(name, value);
      return this;
    }

    /** Adds each of {@code headers}, as {@link #header(String, String)} does. */
    public Builder headers(Map<String, String> headers) {
      Objects.requireNonNull(headers, "headers").forEach(this::header);
      return this;
    }

    /** Replaces the deadline. */
    public Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /** Returns the context. */
    public CallContext build() {
      return new CallContext(this);
    }

    private static boolean tokenChar(int c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static void checkPrintable(String what, String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isISOControl(c)) {
          throw new IllegalArgumentException(what + " holds a control character (U+"
              + String.format(Locale.ROOT, "%04X", (int) c) + ") at index " + i);
        }
      }
    }
  }
}
