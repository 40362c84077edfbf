package dev.steward.testkit.simulated;

import dev.steward.spi.ConnectorException;
import dev.steward.spi.HttpFailures;
import dev.steward.spi.TargetMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP error answer a simulated system gives instead of serving a call: a status, headers such
 * as {@code Retry-After}, and the system's own messages. The call fails with the {@link
 * ConnectorException} that {@link HttpFailures#classify} makes of it, and nothing is applied.
 * Script one with {@link SimulatedSystem#answerNext} or {@link FaultPlan.Builder#answerCalls}:
 *
 * <pre>{@code
 * crm.answerNext(Operation.UPSERT, 1, HttpAnswer.of(429).withHeader("Retry-After", "7"));
 * }</pre>
 *
 * <p>Immutable and value-based.
 */
public final class HttpAnswer {
  private final int status;
  private final Map<String, String> headers;
  private final List<TargetMessage> messages;

  private HttpAnswer(int status, Map<String, String> headers, List<TargetMessage> messages) {
    this.status = status;
    this.headers = headers;
    this.messages = messages;
  }

  /**
   * Returns an answer with HTTP status {@code status}, no headers and no messages.
   *
   * @throws IllegalArgumentException if {@code status} is not an error status, 400 to 599
   */
  public static HttpAnswer of(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a scripted answer is an HTTP error status, 400 to 599; was " + status);
    }
    return new HttpAnswer(status, Map.of(), List.of());
  }

  /**
   * Returns a copy of this answer with header {@code name} set to {@code value}, replacing a value
   * of the same name in any case.
   *
   * @throws IllegalArgumentException if the name is blank or either holds a control character
   */
  public HttpAnswer withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a header name must not be blank");
    }
    checkPrintable("header name", name);
    checkPrintable("header " + name, value);
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (!k.equalsIgnoreCase(name)) {
        copy.put(k, v);
      }
    });
    copy.put(name, value);
    return new HttpAnswer(status, Collections.unmodifiableMap(copy), messages);
  }

  /** Returns a copy of this answer that also carries the system message {@code message}. */
  public HttpAnswer withMessage(TargetMessage message) {
    Objects.requireNonNull(message, "message");
    List<TargetMessage> copy = new ArrayList<>(messages);
    copy.add(message);
    return new HttpAnswer(status, headers, List.copyOf(copy));
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the headers, in the order set; unmodifiable. */
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

  /** Returns the system's messages the answer carries, in order. */
  public List<TargetMessage> messages() {
    return messages;
  }

  /** Returns the failure this answer means for the call {@code what} of {@code systemId}. */
  ConnectorException classify(String systemId, String what, Clock clock) {
    return HttpFailures.classify(systemId, what, status, header("Retry-After").orElse(null), messages, clock);
  }

  private static void checkPrintable(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(what + " holds a control character at index " + i);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpAnswer a && status == a.status && headers.equals(a.headers) && messages.equals(a.messages);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, messages);
  }

  @Override
  public String toString() {
    return "HTTP " + status + (headers.isEmpty() ? "" : " " + headers) + (messages.isEmpty() ? "" : " " + messages);
  }
}
