package dev.steward.model;

import com.github.f4b6a3.ulid.UlidFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;

/**
 * Makes time-ordered {@link CanonicalId}s from an injected {@link Clock}.
 *
 * <p>Within one millisecond, successive ids from the same generator still increase (monotonic
 * ULIDs), so ids sort in the order they were made. Thread-safe; share one per process.
 */
public final class IdGenerator {
  private final UlidFactory factory;

  private IdGenerator(UlidFactory factory) {
    this.factory = factory;
  }

  /** Returns a generator reading time from {@code clock} and randomness from a {@link SecureRandom}. */
  public static IdGenerator create(Clock clock) {
    return create(clock, new SecureRandom());
  }

  /**
   * Returns a generator reading time from {@code clock} and randomness from {@code random}; with a
   * seeded random and a fixed clock the ids are reproducible, which tests want.
   */
  public static IdGenerator create(Clock clock, Random random) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    return new IdGenerator(UlidFactory.newMonotonicInstance(random, clock::millis));
  }

  /** Returns a new id for an entity of the given type. */
  public CanonicalId next(EntityType type) {
    Objects.requireNonNull(type, "type");
    return CanonicalId.of(type, factory.create());
  }

  /** Returns a new bare ULID string (26 characters), for ids that name no entity, such as events. */
  public String nextUlid() {
    return factory.create().toString();
  }
}
