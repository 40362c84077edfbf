package dev.steward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class IdGeneratorTest {
  private static final Instant NOW = Instant.parse("2026-11-02T09:15:00.123456789Z");
  private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void next_1000InTheSameMillisecond_strictlyIncrease() {
    IdGenerator generator = IdGenerator.create(FIXED, new Random(42));

    List<CanonicalId> ids = generate(generator, EntityType.INVOICE, 1_000);

    for (int i = 1; i < ids.size(); i++) {
      CanonicalId previous = ids.get(i - 1);
      CanonicalId current = ids.get(i);
      assertThat(current).as("id #%d after %s", i, previous).isGreaterThan(previous);
      assertThat(current.toString()).as("text of id #%d", i).isGreaterThan(previous.toString());
    }
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void next_sameSeedAndClock_reproducesTheSameIds() {
    List<CanonicalId> first = generate(IdGenerator.create(FIXED, new Random(7)), EntityType.CUSTOMER, 100);
    List<CanonicalId> second = generate(IdGenerator.create(FIXED, new Random(7)), EntityType.CUSTOMER, 100);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void next_otherSeed_givesOtherIds() {
    CanonicalId a = IdGenerator.create(FIXED, new Random(7)).next(EntityType.CUSTOMER);
    CanonicalId b = IdGenerator.create(FIXED, new Random(8)).next(EntityType.CUSTOMER);

    assertThat(a).isNotEqualTo(b);
    assertThat(a.createdAt()).isEqualTo(b.createdAt());
  }

  @Test
  void next_createdAt_isTheClocksMillisecond() {
    CanonicalId id = IdGenerator.create(FIXED, new Random(1)).next(EntityType.CUSTOMER);

    assertThat(id.createdAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MILLIS));
    assertThat(id.createdAt().toEpochMilli()).isEqualTo(FIXED.millis());
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void next_givesAnIdOfTheRequestedType_thatParsesBack(EntityType type) {
    CanonicalId id = IdGenerator.create(FIXED, new Random(type.ordinal())).next(type);

    assertThat(id.type()).isEqualTo(type);
    assertThat(id.toString()).startsWith(type.prefix() + "_").matches(CanonicalId.PATTERN);
    assertThat(CanonicalId.parse(id.toString(), type)).isEqualTo(id);
  }

  @Test
  void next_laterMillisecond_sortsAfter() {
    SteppedClock clock = new SteppedClock(NOW);
    IdGenerator generator = IdGenerator.create(clock, new Random(3));
    CanonicalId earlier = generator.next(EntityType.PAYMENT);

    clock.advanceMillis(1);
    CanonicalId later = generator.next(EntityType.PAYMENT);

    assertThat(later).isGreaterThan(earlier);
    assertThat(later.createdAt()).isEqualTo(earlier.createdAt().plusMillis(1));
  }

  @Test
  void nextUlid_isA26CharacterUlidOnTheSameSequence() {
    IdGenerator generator = IdGenerator.create(FIXED, new Random(5));

    String first = generator.nextUlid();
    String second = generator.nextUlid();
    CanonicalId third = generator.next(EntityType.PROJECT);

    assertThat(first).hasSize(26).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
    assertThat(second).isGreaterThan(first);
    assertThat(third.toString().substring(4)).isGreaterThan(second);
    assertThat(CanonicalId.parse("prj_" + first).createdAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void create_withoutRandom_stillReadsTheClock() {
    CanonicalId id = IdGenerator.create(FIXED).next(EntityType.CUSTOMER);

    assertThat(id.createdAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void create_nulls_areRefused() {
    assertThatNullPointerException().isThrownBy(() -> IdGenerator.create(null));
    assertThatNullPointerException().isThrownBy(() -> IdGenerator.create(FIXED, null));
    assertThatNullPointerException().isThrownBy(() -> IdGenerator.create(FIXED, new Random(1)).next(null));
  }

  static Stream<Arguments> threadsAndClocks() {
    return Stream.of(2, 3, 4)
        .flatMap(threads -> Stream.of(Arguments.of(threads, "fixed"), Arguments.of(threads, "ticking")));
  }

  @ParameterizedTest(name = "{0} threads, {1} clock")
  @MethodSource("threadsAndClocks")
  void next_threadsSharingAGenerator_getUniqueIds_increasingWithinEachThread(int threads, String clockKind)
      throws Exception {
    // The fixed clock keeps every id in one millisecond (the monotonic increment path); the
    // ticking one moves a millisecond every 97 reads, so threads also race across millisecond
    // boundaries, reading the clock before they take the generator's lock.
    Clock clock = clockKind.equals("fixed") ? FIXED : new TickingClock(NOW, 97);
    IdGenerator generator = IdGenerator.create(clock, new Random(11));
    int total = 50_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<List<CanonicalId>> perThread;
    try {
      List<Future<List<CanonicalId>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int count = total / threads + (t < total % threads ? 1 : 0);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return generate(generator, EntityType.TIME_ENTRY, count);
                }));
      }
      perThread = new ArrayList<>();
      for (Future<List<CanonicalId>> f : futures) {
        perThread.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    Set<CanonicalId> all = new HashSet<>();
    for (int t = 0; t < perThread.size(); t++) {
      List<CanonicalId> ids = perThread.get(t);
      all.addAll(ids);
      for (int i = 1; i < ids.size(); i++) {
        CanonicalId previous = ids.get(i - 1);
        CanonicalId current = ids.get(i);
        if (current.compareTo(previous) <= 0 || current.toString().compareTo(previous.toString()) <= 0) {
          assertThat(current).as("thread %d, id #%d after %s", t, i, previous).isGreaterThan(previous);
          assertThat(current.toString()).as("thread %d, text of id #%d", t, i).isGreaterThan(previous.toString());
        }
      }
    }
    assertThat(perThread.stream().mapToInt(List::size).sum()).isEqualTo(total);
    assertThat(all).as("distinct ids of %d made by %d threads", total, threads).hasSize(total);
  }

  private static List<CanonicalId> generate(IdGenerator generator, EntityType type, int count) {
    List<CanonicalId> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(generator.next(type));
    }
    return ids;
  }

  /** A thread-safe clock that moves one millisecond forward every {@code readsPerTick} reads. */
  private static final class TickingClock extends Clock {
    private final long startMillis;
    private final int readsPerTick;
    private final AtomicLong reads = new AtomicLong();

    TickingClock(Instant start, int readsPerTick) {
      this.startMillis = start.toEpochMilli();
      this.readsPerTick = readsPerTick;
    }

    @Override
    public long millis() {
      return startMillis + reads.getAndIncrement() / readsPerTick;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** A clock that moves only when told to. */
  private static final class SteppedClock extends Clock {
    private Instant now;

    SteppedClock(Instant start) {
      this.now = start;
    }

    void advanceMillis(long millis) {
      now = now.plusMillis(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
