package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.spi.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  @Test
  void none_injectsNothing() {
    FaultPlan none = FaultPlan.none();
    assertThat(none.isNone()).isTrue();
    assertThat(none.latency().isNone()).isTrue();
    assertThat(none.rateLimit()).isEmpty();
    assertThat(FaultPlan.builder(5).build().isNone()).isTrue();
    assertThat(none).hasToString("FaultPlan[none]");
  }

  @Test
  void builder_refusesRatesOutsideZeroToOne_namingTheSetting() {
    assertThatThrownBy(() -> FaultPlan.builder(1).transientErrors(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transientErrors").hasMessageContaining("1.5");
    assertThatThrownBy(() -> FaultPlan.builder(1).duplicateDeliveries(-0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicateDeliveries");
    assertThatThrownBy(() -> FaultPlan.builder(1).reorderedChanges(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reorderedChanges");
  }

  @Test
  void builder_refusesASettingTwice() {
    assertThatThrownBy(() -> FaultPlan.builder(1).timeoutsAfterCommit(0.1).timeoutsAfterCommit(0.2))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("timeoutsAfterCommit");
  }

  @Test
  void builder_refusesOverlappingScheduledAnswersAndOddRateWindows() {
    FaultPlan.Builder b = FaultPlan.builder(1).answerCalls(3, 2, HttpAnswer.of(503));
    assertThatThrownBy(() -> b.answerCalls(4, 1, HttpAnswer.of(500)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    assertThatThrownBy(() -> b.answerCalls(0, 1, HttpAnswer.of(500))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.builder(1).rateLimit(RateLimit.of(1, Duration.ofNanos(1500))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rateLimit");
  }

  @Test
  void scheduledAnswer_coversExactlyItsCalls() {
    FaultPlan plan = FaultPlan.builder(1).answerCalls(3, 2, HttpAnswer.of(503)).build();
    assertThat(plan.scheduledAnswer(2)).isNull();
    assertThat(plan.scheduledAnswer(3)).isEqualTo(HttpAnswer.of(503));
    assertThat(plan.scheduledAnswer(4)).isEqualTo(HttpAnswer.of(503));
    assertThat(plan.scheduledAnswer(5)).isNull();
  }

  @Test
  void draws_followTheRateAndDependOnTheSeedAlone() {
    FaultPlan plan = FaultPlan.builder(42).transientErrors(0.25).build();
    int hits = 0;
    for (long call = 1; call <= 20_000; call++) {
      if (plan.transientError(call)) {
        hits++;
      }
    }
    assertThat(hits).isBetween(4_700, 5_300);

    FaultPlan same = FaultPlan.builder(42).transientErrors(0.25).build();
    FaultPlan other = plan.withSeed(43);
    int agreeSame = 0;
    int agreeOther = 0;
    for (long call = 1; call <= 1_000; call++) {
      agreeSame += plan.transientError(call) == same.transientError(call) ? 1 : 0;
      agreeOther += plan.transientError(call) == other.transientError(call) ? 1 : 0;
    }
    assertThat(agreeSame).isEqualTo(1_000);
    assertThat(agreeOther).isLessThan(900);
    assertThat(same).isEqualTo(plan).hasSameHashCodeAs(plan);
    assertThat(other).isNotEqualTo(plan);
    assertThat(other.transientErrors()).isEqualTo(0.25);
  }

  @Test
  void latency_staysWithinItsDistribution() {
    Latency uniform = Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(30));
    Latency exponential = Latency.exponential(Duration.ofMillis(50), Duration.ofMillis(400));
    double sum = 0;
    for (int i = 0; i < 10_000; i++) {
      double u = i / 10_000.0;
      assertThat(uniform.sample(u)).isBetween(Duration.ofMillis(10), Duration.ofMillis(30));
      Duration e = exponential.sample(u);
      assertThat(e).isBetween(Duration.ZERO, Duration.ofMillis(400));
      sum += e.toNanos();
    }
    assertThat(sum / 10_000 / 1e6).isBetween(40.0, 55.0);
    assertThat(Latency.fixed(Duration.ofMillis(7)).sample(0.9)).isEqualTo(Duration.ofMillis(7));
    assertThat(Latency.fixed(Duration.ZERO).isNone()).isTrue();
  }

  @Test
  void latency_refusesNegativeAndExcessiveBounds() {
    assertThatThrownBy(() -> Latency.fixed(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latency");
    assertThatThrownBy(() -> Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max");
    assertThatThrownBy(() -> Latency.fixed(Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_LATENCY");
    assertThatThrownBy(() -> Latency.exponential(Duration.ZERO, Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean");
  }

  @Test
  void httpAnswer_isAnErrorStatusWithHeadersMatchedWithoutCase() {
    HttpAnswer answer = HttpAnswer.of(429).withHeader("retry-after", "3").withHeader("Retry-After", "7");
    assertThat(answer.header("RETRY-AFTER")).contains("7");
    assertThat(answer.headers()).hasSize(1);
    assertThatThrownBy(() -> HttpAnswer.of(302)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("302");
    assertThatThrownBy(() -> HttpAnswer.of(503).withHeader("X", "a\nb")).isInstanceOf(IllegalArgumentException.class);
  }
}
