package dev.steward.testkit.mapping;

import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.IdGenerator;
import dev.steward.spi.mapping.MappingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/** The mapping contexts the sample mapper tests run in: a fixed clock, seeded ids, named defaults. */
final class Contexts {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
  private static final IdGenerator IDS = IdGenerator.create(CLOCK, new Random(20260302));
  static final CanonicalId LEGAL_ENTITY = IDS.next(EntityType.LEGAL_ENTITY);
  static final CanonicalId CONTRACT = IDS.next(EntityType.CONTRACT);
  static final CanonicalId CUSTOMER = IDS.next(EntityType.CUSTOMER);
  static final CanonicalId PROJECT = IDS.next(EntityType.PROJECT);

  private Contexts() {}

  /** A context for {@code systemId} with a default legal entity. */
  static MappingContext.Builder builder(String systemId) {
    return MappingContext.builder(systemId, CLOCK).idGenerator(IdGenerator.create(CLOCK, new Random(7)))
        .defaultId(LEGAL_ENTITY);
  }
}
