package dev.steward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

  private static List<CanonicalId> generate(IdGenerator generator, EntityType type, int count) {
    List<CanonicalId> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(generator.next(type));
    }
    return ids;
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
