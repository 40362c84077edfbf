package dev.steward.spi;

import dev.steward.model.CanonicalEntity;
import java.time.Instant;
import java.util.Objects;

/**
 * A record as a connector read it from its system, mapped to its canonical form.
 *
 * @param externalId the system's own id for the record
 * @param record the record in canonical form; its {@code meta().externalRefs()} include this
 *     system's reference, and references to other systems it stores are kept
 * @param version the system's version of the record, moving only forward with each change (a
 *     revision number, or the last-modified time in milliseconds where the system has none)
 * @param modifiedAt when the system last changed the record
 * @param <T> the canonical record type
 */
public record RemoteRecord<T extends CanonicalEntity>(String externalId, T record, long version, Instant modifiedAt) {
  /** Checks the values are present and the version is not negative. */
  public RemoteRecord {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative; was " + version);
    }
  }
}
