package dev.steward.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Classifies an HTTP error response into the {@link ConnectorException} of its {@link
 * FailureKind}, so that every REST connector maps status codes the same way:
 *
 * <table>
 *   <caption>Status codes and kinds</caption>
 *   <tr><th>status</th><th>kind</th></tr>
 *   <tr><td>429; 503 with a valid {@code Retry-After}</td><td>{@link FailureKind#RATE_LIMITED}, with the
 *       {@code Retry-After} delay (seconds or an HTTP date): on a 503 it is how long the service
 *       expects to be unavailable (RFC 9110, section 10.2.3)</td></tr>
 *   <tr><td>401, 407</td><td>{@link FailureKind#AUTHENTICATION}</td></tr>
 *   <tr><td>409, 412</td><td>{@link FailureKind#CONFLICT}</td></tr>
 *   <tr><td>422; 400 with the system's messages</td><td>{@link FailureKind#REJECTED}</td></tr>
 *   <tr><td>408, 500, 502, 503 without {@code Retry-After}, and other 5xx</td><td>{@link FailureKind#TRANSIENT}</td></tr>
 *   <tr><td>504</td><td>{@link FailureKind#UNKNOWN_OUTCOME}: a gateway gave up waiting, the origin may have applied it</td></tr>
 *   <tr><td>501, 505: the server cannot serve the method or protocol version at all; other 4xx</td>
 *       <td>{@link FailureKind#PERMANENT}</td></tr>
 * </table>
 *
 * <p>Stateless; all methods are static.
 */
public final class HttpFailures {
  /** The longest {@code Retry-After} honoured; a longer one is capped, so a bad header cannot stall a flow for days. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  /**
   * RFC 850's obsolete form after its weekday, {@code 06-Nov-94 08:49:37 GMT}: the weekday is
   * checked by hand once the two-digit year is resolved.
   */
  private static final DateTimeFormatter RFC_850 =
      DateTimeFormatter.ofPattern("dd-MMM-uu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  /** C's asctime form, {@code Sun Nov  6 08:49:37 1994}, the day padded with a space. */
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US).withZone(ZoneOffset.UTC);

  private HttpFailures() {}

  /**
   * Returns the failure an error response means.
   *
   * @param systemId the system that answered
   * @param what the operation and record, such as {@code "upsert of customer cus_01J..."}
   * @param status the HTTP status, 400 to 599
   * @param retryAfter the {@code Retry-After} header value, if the response had one
   * @param messages the system's own validation messages parsed from the body, if any
   * @param clock the clock an HTTP-date {@code Retry-After} is measured against
   * @throws IllegalArgumentException if {@code status} is not an error status
   */
  public static ConnectorException classify(String systemId, String what, int status, @Nullable String retryAfter,
      List<TargetMessage> messages, Clock clock) {
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(clock, "clock");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("HTTP status " + status + " is not an error status (400 to 599)");
    }
    String answered = what + " was answered HTTP " + status;
    if (status == 429) {
      return new RateLimitedException(systemId, answered, delay(retryAfter, clock));
    }
    if (status == 401 || status == 407) {
      return new AuthenticationFailedException(systemId, answered + ": the credentials were refused");
    }
    if (status == 409 || status == 412) {
      return new VersionConflictException(systemId, answered + ": the record changed in the system since it was read");
    }
    if (status == 422 || (status == 400 && !messages.isEmpty())) {
      return new RejectedByTargetException(systemId, what, messages.isEmpty()
          ? List.of(new TargetMessage(String.valueOf(status), null, "refused without a message"))
          : messages);
    }
    if (status == 503) {
      Duration delay = delay(retryAfter, clock);
      if (delay != null) {
        return new RateLimitedException(systemId, answered, delay);
      }
    }
    if (status == 501 || status == 505) {
      return new PermanentFailureException(systemId, answered + suffix(messages));
    }
    if (status == 504) {
      return new UnknownOutcomeException(systemId, answered + " (gateway timeout): it may have been applied; read back before retrying");
    }
    if (status >= 500 || status == 408) {
      return new TransientFailureException(systemId, answered + suffix(messages));
    }
    return new PermanentFailureException(systemId, answered + suffix(messages));
  }

  /**
   * Returns the delay a {@code Retry-After} header asks for: delay-seconds or an HTTP-date
   * (RFC 9110, section 10.2.3) in any of its three forms (section 5.6.7), measured against {@code
   * clock}, capped at {@link #MAX_RETRY_AFTER}; empty if the header is absent or malformed. A date
   * in the past is zero.
   */
  public static Optional<Duration> retryAfter(@Nullable String header, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return Optional.ofNullable(delay(header, clock));
  }

  private static @Nullable Duration delay(@Nullable String header, Clock clock) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.isEmpty()) {
      return null;
    }
    Duration delay;
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      String digits = value.replaceFirst("^0+(?=.)", "");
      if (digits.length() > 10) {
        return MAX_RETRY_AFTER;
      }
      delay = Duration.ofSeconds(Long.parseLong(digits));
    } else {
      Instant now = clock.instant();
      Instant at = httpDate(value, now);
      if (at == null) {
        return null;
      }
      delay = Duration.between(now, at);
    }
    if (delay.isNegative()) {
      return Duration.ZERO;
    }
    return delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay;
  }

  private static @Nullable Instant httpDate(String value, Instant now) {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // not the preferred form; try the two obsolete ones
    }
    try {
      return ZonedDateTime.parse(value, ASCTIME).toInstant();
    } catch (DateTimeParseException e) {
      // nor asctime
    }
    int comma = value.indexOf(", ");
    if (comma < 0) {
      return null;
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value.substring(comma + 2), RFC_850);
      // RFC 9110 5.6.7: a two-digit year more than 50 years ahead is the same year a century back.
      if (at.isAfter(now.atZone(ZoneOffset.UTC).plusYears(50))) {
        at = at.minusYears(100);
      }
      return at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US).equals(value.substring(0, comma))
          ? at.toInstant() : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String suffix(List<TargetMessage> messages) {
    return messages.isEmpty() ? "" : ": " + messages;
  }
}
