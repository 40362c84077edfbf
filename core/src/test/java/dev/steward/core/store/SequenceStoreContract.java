package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SequenceStore} keeps: one suite, run against each backend by a subclass
 * that supplies a fresh, empty store.
 */
abstract class SequenceStoreContract {
  static final String STREAM = "cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA@crm";
  static final int THREADS = 16;
  static final int STEPS = 25;

  protected SequenceStore store;

  /** Returns a fresh, empty store. */
  protected abstract SequenceStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
  }

  @Test
  void aStreamWithoutPosition_hasNone() {
    assertThat(store.current(STREAM)).isEmpty();
  }

  @Test
  void firstAdvance_setsThePosition_once() {
    assertThat(store.advance(STREAM, OptionalLong.empty(), 7)).isTrue();
    assertThat(store.current(STREAM)).hasValue(7);

    assertThat(store.advance(STREAM, OptionalLong.empty(), 9)).isFalse();
    assertThat(store.current(STREAM)).hasValue(7);
  }

  @Test
  void advance_fromTheCurrentPosition_moves() {
    store.advance(STREAM, OptionalLong.empty(), 1);

    assertThat(store.advance(STREAM, OptionalLong.of(1), 2)).isTrue();
    assertThat(store.advance(STREAM, OptionalLong.of(2), 10)).isTrue();
    assertThat(store.current(STREAM)).hasValue(10);
  }

  @Test
  void advance_fromAPositionNoLongerCurrent_failsAndChangesNothing() {
    store.advance(STREAM, OptionalLong.empty(), 5);
    store.advance(STREAM, OptionalLong.of(5), 6);

    assertThat(store.advance(STREAM, OptionalLong.of(5), 7)).isFalse();
    assertThat(store.current(STREAM)).hasValue(6);
    assertThat(store.advance("inv_01JDQ6Z3M4X8E2T7V5K9W0B1NB@erp", OptionalLong.of(5), 7)).isFalse();
    assertThat(store.current("inv_01JDQ6Z3M4X8E2T7V5K9W0B1NB@erp")).isEmpty();
  }

  @Test
  void streams_moveIndependently() {
    store.advance(STREAM, OptionalLong.empty(), 3);
    store.advance(STREAM + "-other", OptionalLong.empty(), 100);
    store.advance(STREAM, OptionalLong.of(3), 4);

    assertThat(store.current(STREAM)).hasValue(4);
    assertThat(store.current(STREAM + "-other")).hasValue(100);
    assertThat(store.current("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA@CRM")).isEmpty();
  }

  @Test
  void positions_spanTheWholeLongRange() {
    long epochMillis = 1_795_000_000_000L;
    store.advance(STREAM, OptionalLong.empty(), Long.MIN_VALUE);
    store.advance(STREAM, OptionalLong.of(Long.MIN_VALUE), epochMillis);
    store.advance(STREAM, OptionalLong.of(epochMillis), Long.MAX_VALUE);

    assertThat(store.current(STREAM)).hasValue(Long.MAX_VALUE);
  }

  @Test
  void advance_backwardsOrInPlace_isRefused() {
    store.advance(STREAM, OptionalLong.empty(), 5);

    assertThatThrownBy(() -> store.advance(STREAM, OptionalLong.of(5), 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward");
    assertThatThrownBy(() -> store.advance(STREAM, OptionalLong.of(5), 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.current(STREAM)).hasValue(5);
  }

  @Test
  void concurrentAdvancesFromSixteenThreads_exactlyOneWinsEachStep() throws Exception {
    CyclicBarrier step = new CyclicBarrier(THREADS);
    AtomicIntegerArray winners = new AtomicIntegerArray(STEPS);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(threads.submit(() -> {
          for (int s = 0; s < STEPS; s++) {
            step.await(30, TimeUnit.SECONDS);
            OptionalLong expected = s == 0 ? OptionalLong.empty() : OptionalLong.of(s);
            if (store.advance(STREAM, expected, s + 1)) {
              winners.incrementAndGet(s);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    for (int s = 0; s < STEPS; s++) {
      assertThat(winners.get(s)).as("winners of step %d", s).isEqualTo(1);
    }
    assertThat(store.current(STREAM)).hasValue(STEPS);
  }
}
