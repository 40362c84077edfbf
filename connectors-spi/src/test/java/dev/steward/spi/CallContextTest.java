package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallContextTest {
  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static CallContext.Builder builder() {
    return CallContext.builder(NOW.plusSeconds(30));
  }

  @Test
  void idempotencyKey_ofMaximumLength_isAccepted() {
    String key = "k".repeat(CallContext.MAX_IDEMPOTENCY_KEY_LENGTH);
    assertThat(builder().idempotencyKey(key).build().idempotencyKey()).contains(key);
  }

  @Test
  void idempotencyKey_tooLong_isRefusedWithItsLength() {
    assertThatThrownBy(() -> builder().idempotencyKey("k".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idempotencyKey must be 1 to 255 characters, not blank; was 256 characters");
  }

  @Test
  void idempotencyKey_blankOrEmpty_isRefused() {
    assertThatThrownBy(() -> builder().idempotencyKey("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().idempotencyKey("   ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not blank; was 3 characters");
  }

  @Test
  void idempotencyKey_withAControlCharacter_isRefusedNamingItAndWhere() {
    assertThatThrownBy(() -> builder().idempotencyKey("abc\ndef"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idempotencyKey holds a control character (U+000A) at index 3");
    assertThatThrownBy(() -> builder().idempotencyKey("abc\u007f"))
        .hasMessage("idempotencyKey holds a control character (U+007F) at index 3");
  }

  @Test
  void idempotencyKey_setTwice_isAnIllegalState() {
    assertThatThrownBy(() -> builder().idempotencyKey("a").idempotencyKey("b"))
        .isInstanceOf(IllegalStateException.class).hasMessage("idempotencyKey is already set");
  }

  @Test
  void idempotencyKey_absent_isEmpty() {
    assertThat(builder().build().idempotencyKey()).isEmpty();
  }

  @Test
  void header_nameNotAnHttpToken_isRefused() {
    assertThatThrownBy(() -> builder().header("X Trace", "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("header name 'X Trace' is not an HTTP token");
    assertThatThrownBy(() -> builder().header("", "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("header name '' is not an HTTP token");
    assertThatThrownBy(() -> builder().header("X-Tr:ace", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThat(builder().header("X-Trace_id!#$%&'*+.^`|~", "1").build().headers()).hasSize(1);
  }

  @Test
  void header_valueWithAControlCharacter_isRefused() {
    assertThatThrownBy(() -> builder().header("X-Trace", "a\r\nInjected: yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header X-Trace holds a control character (U+000D) at index 1");
  }

  @Test
  void header_sameNameInAnotherCase_replacesTheEarlierValue() {
    CallContext context = builder().header("X-Correlation-ID", "a").header("traceparent", "t")
        .header("x-correlation-id", "b").build();
    assertThat(context.headers()).containsExactly(
        org.assertj.core.api.Assertions.entry("traceparent", "t"),
        org.assertj.core.api.Assertions.entry("x-correlation-id", "b"));
    assertThat(context.header("X-CORRELATION-ID")).contains("b");
    assertThat(context.header("tracestate")).isEmpty();
  }

  @Test
  void header_beyondTheMaximum_isRefused_butReplacingOneStillWorks() {
    CallContext.Builder b = builder();
    for (int i = 0; i < CallContext.MAX_HEADERS; i++) {
      b.header("h" + i, "v");
    }
    assertThatThrownBy(() -> b.header("one-more", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a call carries at most 32 headers");
    b.header("H0", "replaced");
    assertThat(b.build().headers()).hasSize(CallContext.MAX_HEADERS).containsEntry("H0", "replaced");
  }

  @Test
  void headers_areUnmodifiable() {
    CallContext context = builder().header("a", "1").build();
    assertThatThrownBy(() -> context.headers().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void remaining_isTheTimeToTheDeadline_andZeroOncePassed() {
    CallContext context = builder().build();
    assertThat(context.deadline()).isEqualTo(NOW.plusSeconds(30));
    assertThat(context.remaining(CLOCK)).isEqualTo(Duration.ofSeconds(30));
    assertThat(context.remaining(Clock.offset(CLOCK, Duration.ofSeconds(45)))).isEqualTo(Duration.ZERO);
  }

  @Test
  void expired_fromTheDeadlineOn() {
    CallContext context = builder().build();
    assertThat(context.expired(CLOCK)).isFalse();
    assertThat(context.expired(Clock.offset(CLOCK, Duration.ofSeconds(30).minusNanos(1)))).isFalse();
    assertThat(context.expired(Clock.offset(CLOCK, Duration.ofSeconds(30)))).isTrue();
  }

  @Test
  void within_isDueTheTimeoutFromTheClock() {
    CallContext context = CallContext.within(Duration.ofSeconds(5), CLOCK);
    assertThat(context.deadline()).isEqualTo(NOW.plusSeconds(5));
    assertThat(context.idempotencyKey()).isEmpty();
    assertThat(context.headers()).isEmpty();
  }

  @Test
  void within_timeoutBeyondTheLastInstant_isDueAtTheLastInstant_notAnOverflow() {
    CallContext context = CallContext.within(java.time.temporal.ChronoUnit.FOREVER.getDuration(), CLOCK);
    assertThat(context.deadline()).isEqualTo(Instant.MAX);
    assertThat(context.expired(CLOCK)).isFalse();
    assertThat(context.remaining(CLOCK)).isEqualTo(Duration.between(NOW, Instant.MAX));
  }

  @Test
  void within_nonPositiveTimeout_isRefused() {
    assertThatThrownBy(() -> CallContext.within(Duration.ZERO, CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive; was PT0S");
    assertThatThrownBy(() -> CallContext.within(Duration.ofSeconds(-1), CLOCK)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withIdempotencyKey_replacesTheKey_keepingHeadersAndDeadline() {
    CallContext first = builder().idempotencyKey("a").header("traceparent", "t").build();
    CallContext second = first.withIdempotencyKey("b");
    assertThat(second.idempotencyKey()).contains("b");
    assertThat(second.headers()).isEqualTo(first.headers());
    assertThat(second.deadline()).isEqualTo(first.deadline());
    assertThat(first.idempotencyKey()).as("the original").contains("a");
  }

  @Test
  void toBuilder_keepsTheKey_soSettingAnotherIsAnIllegalState() {
    CallContext first = builder().idempotencyKey("a").build();
    assertThat(first.toBuilder().deadline(NOW).build().idempotencyKey()).contains("a");
    assertThatThrownBy(() -> first.toBuilder().idempotencyKey("b")).isInstanceOf(IllegalStateException.class);
  }
}
