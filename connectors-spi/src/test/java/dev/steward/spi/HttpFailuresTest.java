package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFailuresTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);
  private static final List<TargetMessage> MESSAGES = List.of(new TargetMessage("REQUIRED_FIELD_MISSING", "Name", "Name is required"));

  private static ConnectorException classify(int status, @Nullable String retryAfter, List<TargetMessage> messages) {
    return HttpFailures.classify("crm", "upsert of customer cus_1", status, retryAfter, messages, CLOCK);
  }

  @ParameterizedTest
  @CsvSource({
      "429, RATE_LIMITED, RateLimitedException",
      "401, AUTHENTICATION, AuthenticationFailedException",
      "407, AUTHENTICATION, AuthenticationFailedException",
      "409, CONFLICT, VersionConflictException",
      "412, CONFLICT, VersionConflictException",
      "422, REJECTED, RejectedByTargetException",
      "408, TRANSIENT, TransientFailureException",
      "500, TRANSIENT, TransientFailureException",
      "502, TRANSIENT, TransientFailureException",
      "503, TRANSIENT, TransientFailureException",
      "599, TRANSIENT, TransientFailureException",
      "504, UNKNOWN_OUTCOME, UnknownOutcomeException",
      "400, PERMANENT, PermanentFailureException",
      "403, PERMANENT, PermanentFailureException",
      "404, PERMANENT, PermanentFailureException",
      "418, PERMANENT, PermanentFailureException",
  })
  void classify_withoutMessages_mapsEachStatusToItsKind(int status, FailureKind kind, String type) {
    ConnectorException e = classify(status, null, List.of());
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.systemId()).isEqualTo("crm");
    assertThat(e.code()).isEqualTo("STEWARD-CONNECTOR-" + kind.name());
    assertThat(e.retryable()).isEqualTo(kind.retryable());
  }

  @Test
  void classify_409_namesTheCall_notAnExternalId() {
    VersionConflictException e = (VersionConflictException) classify(409, null, List.of());
    assertThat(e.externalId()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("[crm] upsert of customer cus_1 was answered HTTP 409: the record changed in"
        + " the system since it was read");
    assertThat(new VersionConflictException("erp", "1042", "7", "8").externalId()).contains("1042");
  }

  @Test
  void classify_400WithTheSystemsMessages_isRejectedCarryingThem() {
    ConnectorException e = classify(400, null, MESSAGES);
    assertThat(e).isInstanceOfSatisfying(RejectedByTargetException.class, r -> assertThat(r.messages()).isEqualTo(MESSAGES));
    assertThat(e.getMessage()).isEqualTo(
        "[crm] upsert of customer cus_1 was refused: [REQUIRED_FIELD_MISSING at Name: Name is required]");
  }

  @Test
  void classify_422WithoutMessages_isRejectedWithAStandInMessage() {
    RejectedByTargetException e = (RejectedByTargetException) classify(422, null, List.of());
    assertThat(e.messages()).containsExactly(new TargetMessage("422", null, "refused without a message"));
  }

  @Test
  void classify_transientAndPermanent_quoteTheSystemsMessages() {
    assertThat(classify(503, null, MESSAGES).getMessage())
        .isEqualTo("[crm] upsert of customer cus_1 was answered HTTP 503: [REQUIRED_FIELD_MISSING at Name: Name is required]");
    assertThat(classify(404, null, List.of()).getMessage()).isEqualTo("[crm] upsert of customer cus_1 was answered HTTP 404");
  }

  @Test
  void classify_429_carriesTheRetryAfter() {
    RateLimitedException e = (RateLimitedException) classify(429, "120", List.of());
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.getMessage()).isEqualTo("[crm] upsert of customer cus_1 was answered HTTP 429; retry after PT2M");
    assertThat(((RateLimitedException) classify(429, null, List.of())).retryAfter()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {501, 505})
  void classify_serverThatCannotServeTheRequestAtAll_isPermanent_notRetried(int status) {
    // RFC 9110 15.6.2 and 15.6.6: the server does not support the method or the protocol version.
    ConnectorException e = classify(status, null, List.of());
    assertThat(e).isInstanceOf(PermanentFailureException.class);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void classify_503WithRetryAfter_carriesTheDelay_andWithoutOneIsTransient() {
    // RFC 9110 10.2.3: with a 503, Retry-After is how long the service expects to be unavailable.
    ConnectorException e = classify(503, "120", List.of());
    assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
        r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(120)));
    assertThat(e.getMessage()).isEqualTo("[crm] upsert of customer cus_1 was answered HTTP 503; retry after PT2M");
    assertThat(classify(503, null, List.of())).isInstanceOf(TransientFailureException.class);
    assertThat(classify(503, "soon", List.of())).isInstanceOf(TransientFailureException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 302, 399, 600, -1})
  void classify_nonErrorStatus_isRefused(int status) {
    assertThatThrownBy(() -> classify(status, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HTTP status " + status + " is not an error status (400 to 599)");
  }

  @ParameterizedTest
  @CsvSource({"0, PT0S", "7, PT7S", "' 30 ', PT30S", "007, PT7S", "3600, PT1H"})
  void retryAfter_inSeconds(String header, Duration expected) {
    assertThat(HttpFailures.retryAfter(header, CLOCK)).contains(expected);
  }

  @Test
  void retryAfter_asAnHttpDate_isMeasuredAgainstTheClock() {
    assertThat(HttpFailures.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK)).contains(Duration.ofMinutes(1));
  }

  @Test
  void retryAfter_withLeadingZeros_isItsValue_notTheCap() {
    assertThat(HttpFailures.retryAfter("000000000005", CLOCK)).contains(Duration.ofSeconds(5));
    assertThat(HttpFailures.retryAfter("0000000000000000000000000", CLOCK)).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Wednesday, 21-Oct-15 07:28:00 GMT", "Wed Oct 21 07:28:00 2015"})
  void retryAfter_inTheObsoleteDateFormats_isMeasuredAgainstTheClock(String header) {
    // RFC 9110 5.6.7: a recipient MUST accept the RFC 850 and asctime forms as well.
    assertThat(HttpFailures.retryAfter(header, CLOCK)).contains(Duration.ofMinutes(1));
  }

  @Test
  void retryAfter_asctimeWithASingleDigitDay_isPaddedWithASpace() {
    Clock clock = Clock.fixed(Instant.parse("1994-11-06T08:49:07Z"), ZoneOffset.UTC);
    assertThat(HttpFailures.retryAfter("Sun Nov  6 08:49:37 1994", clock)).contains(Duration.ofSeconds(30));
  }

  @Test
  void retryAfter_rfc850YearMoreThan50YearsAhead_isTheCenturyBefore() {
    // RFC 9110 5.6.7: "94" read in 2015 is 1994, not 2094, so the date is past and the delay zero.
    assertThat(HttpFailures.retryAfter("Sunday, 06-Nov-94 08:49:37 GMT", CLOCK)).contains(Duration.ZERO);
  }

  @Test
  void retryAfter_dateInThePast_isZero() {
    assertThat(HttpFailures.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", CLOCK)).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "soon", "-5", "1.5", "7s", "21 Oct 2015 07:28:00", "Wed, 32 Oct 2015 07:28:00 GMT",
      "Monday, 21-Oct-15 07:28:00 GMT", "Mon Oct 21 07:28:00 2015", "Wednesday 21-Oct-15 07:28:00 GMT"})
  void retryAfter_malformed_isNone(String header) {
    assertThat(HttpFailures.retryAfter(header, CLOCK)).isEmpty();
  }

  @Test
  void retryAfter_absent_isNone() {
    assertThat(HttpFailures.retryAfter(null, CLOCK)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3601", "86400", "9999999999", "99999999999999999999999", "Thu, 01 Jan 2099 00:00:00 GMT"})
  void retryAfter_beyondTheCap_isCapped(String header) {
    assertThat(HttpFailures.retryAfter(header, CLOCK)).contains(HttpFailures.MAX_RETRY_AFTER);
  }
}
