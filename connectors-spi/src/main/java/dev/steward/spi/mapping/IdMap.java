package dev.steward.spi.mapping;

import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import java.util.Optional;

/**
 * Which canonical id stands for which record of a connected system: the cross-reference a
 * mapper consults to turn a vendor's id (Stripe's {@code cus_QXg1o8vcGmoR32}, a Business Central
 * GUID) into a {@link CanonicalId} and back. The host implements it over its store of golden
 * records' {@code meta.externalRefs}; {@link #inMemory()} serves tests and single-process setups.
 *
 * <p>A system's external id maps to one canonical id per entity type, and a canonical id to one
 * external id per system. Implementations are thread-safe.
 */
public interface IdMap {
  /** Returns the canonical id bound to {@code externalId} of {@code systemId}, if any. */
  Optional<CanonicalId> find(String systemId, EntityType type, String externalId);

  /**
   * Binds {@code externalId} of {@code systemId} to {@code candidate} unless it is bound
   * already, atomically, and returns the id bound: {@code candidate}, or the id another caller
   * bound first.
   *
   * @throws IllegalArgumentException if {@code candidate} is not of {@code type}
   * @throws IllegalStateException if {@code candidate} is already bound to another external id of
   *     the same system
   */
  CanonicalId bindIfAbsent(String systemId, EntityType type, String externalId, CanonicalId candidate);

  /** Returns the external id that {@code systemId} has for {@code id}, if known. */
  Optional<String> externalId(String systemId, CanonicalId id);

  /**
   * Returns an empty map held in memory, which grows with every id bound and forgets all of
   * them when dropped: for tests, samples and single-process hosts whose records are few. A host
   * with durable golden records implements this interface over its store instead.
   */
  static IdMap inMemory() {
    return new InMemoryIdMap();
  }
}
