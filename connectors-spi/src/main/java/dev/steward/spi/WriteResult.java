package dev.steward.spi;

import java.util.Objects;

/**
 * What a successful write did in the system.
 *
 * @param externalId the system's own id for the record written
 * @param created whether the write made a new record (false: it updated one, or it was a repeat
 *     the system recognised by its idempotency key and answered with the first result)
 * @param version the system's version of the record after the write
 */
public record WriteResult(String externalId, boolean created, long version) {
  /** Checks the id is present and the version is not negative. */
  public WriteResult {
    Objects.requireNonNull(externalId, "externalId");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative; was " + version);
    }
  }
}
