package dev.steward.spi.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.spi.webhook.RecentDeliveries.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecentDeliveriesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final Duration window = Duration.ofHours(1);
  private final RecentDeliveries deliveries = RecentDeliveries.builder(clock).window(window).maxEntries(3).build();

  @Test
  void first_isProcessed_repeat_isDuplicate() {
    assertThat(deliveries.check("evt_1")).isEqualTo(Verdict.PROCESS);
    assertThat(deliveries.check("evt_1")).isEqualTo(Verdict.DUPLICATE);
    assertThat(deliveries.check("evt_2")).isEqualTo(Verdict.PROCESS);
  }

  @Test
  void repeatJustInsideWindow_isDuplicate_atWindow_isProcessedAndRemembered() {
    deliveries.check("evt_1");
    clock.advance(window.minusNanos(1));
    assertThat(deliveries.check("evt_1")).isEqualTo(Verdict.DUPLICATE);

    clock.advance(Duration.ofNanos(1));
    assertThat(deliveries.check("evt_1")).isEqualTo(Verdict.PROCESS);
    assertThat(deliveries.check("evt_1")).isEqualTo(Verdict.DUPLICATE);
  }

  @Test
  void windowBeyondTheInstantsJavaCanHold_meansNeverForget_withoutOverflowing() {
    RecentDeliveries forever = RecentDeliveries.builder(clock)
        .window(java.time.temporal.ChronoUnit.FOREVER.getDuration()).build();

    assertThat(forever.check("evt_1")).isEqualTo(Verdict.PROCESS);
    clock.advance(Duration.ofDays(365L * 1000));
    assertThat(forever.check("evt_1")).isEqualTo(Verdict.DUPLICATE);
    assertThat(forever.check("evt_2")).isEqualTo(Verdict.PROCESS);
    assertThat(forever.size()).isEqualTo(2);
  }

  @Test
  void beyondMaxEntries_theEldestIsForgotten() {
    deliveries.check("a");
    deliveries.check("b");
    deliveries.check("c");
    deliveries.check("d");

    assertThat(deliveries.size()).isEqualTo(3);
    assertThat(deliveries.check("b")).isEqualTo(Verdict.DUPLICATE);
    assertThat(deliveries.check("a")).isEqualTo(Verdict.PROCESS);
  }

  @Test
  void expiredEntries_areNotCounted() {
    deliveries.check("a");
    clock.advance(Duration.ofMinutes(30));
    deliveries.check("b");
    clock.advance(Duration.ofMinutes(30));

    assertThat(deliveries.size()).isEqualTo(1);
  }

  @Test
  void forget_letsTheRetryOfAFailedDeliveryThrough() {
    deliveries.check("evt_1");

    assertThat(deliveries.forget("evt_1")).isTrue();
    assertThat(deliveries.forget("evt_1")).isFalse();
    assertThat(deliveries.check("evt_1")).isEqualTo(Verdict.PROCESS);
  }

  @Test
  void clockSetBack_keepsTreatingRepeatsAsDuplicates() {
    deliveries.check("evt_1");
    clock.advance(Duration.ofMinutes(-10));

    assertThat(deliveries.check("evt_1")).isEqualTo(Verdict.DUPLICATE);
  }

  @Test
  void concurrentDeliveriesOfOneId_exactlyOneIsProcessed() throws Exception {
    RecentDeliveries shared = RecentDeliveries.builder(clock).build();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Verdict>> calls = new ArrayList<>();
      for (int i = 0; i < threads * 50; i++) {
        calls.add(() -> {
          start.await();
          return shared.check("evt_same");
        });
      }
      List<Future<Verdict>> futures = new ArrayList<>();
      for (Callable<Verdict> c : calls) {
        futures.add(pool.submit(c));
      }
      start.countDown();
      int processed = 0;
      for (Future<Verdict> f : futures) {
        processed += f.get() == Verdict.PROCESS ? 1 : 0;
      }
      assertThat(processed).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badIdsAndSettings_areRefused() {
    assertThatThrownBy(() -> deliveries.check("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deliveries.check("x".repeat(RecentDeliveries.MAX_DELIVERY_ID_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256");
    assertThatThrownBy(() -> RecentDeliveries.builder(clock).window(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    assertThatThrownBy(() -> RecentDeliveries.builder(clock).maxEntries(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> RecentDeliveries.builder(clock).window(window).window(window))
        .isInstanceOf(IllegalStateException.class);
  }
}
