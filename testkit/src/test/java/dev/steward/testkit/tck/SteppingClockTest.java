package dev.steward.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SteppingClockTest {
  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void instant_movesOneStepPerRead() {
    Clock clock = SteppingClock.startingAt(START, Duration.ofMillis(5));
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START.plusMillis(5));
    assertThat(clock.millis()).isEqualTo(START.plusMillis(10).toEpochMilli());
  }

  @Test
  void withZone_sharesTheTimeLine() {
    Clock utc = SteppingClock.startingAt(START, Duration.ofMillis(1));
    Clock paris = utc.withZone(ZoneId.of("Europe/Paris"));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(utc.instant()).isEqualTo(START);
    assertThat(paris.instant()).isEqualTo(START.plusMillis(1));
    assertThat(utc.withZone(utc.getZone())).isSameAs(utc);
  }

  @Test
  void startingAt_refusesAStepThatDoesNotMove() {
    assertThatThrownBy(() -> SteppingClock.startingAt(START, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("step must be positive; was PT0S");
  }
}
