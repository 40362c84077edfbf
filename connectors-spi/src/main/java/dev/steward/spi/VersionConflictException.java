package dev.steward.spi;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The record changed in the system after the caller read it: the version or ETag the write was
 * based on is no longer current (HTTP 409 or 412). Kind {@link FailureKind#CONFLICT}: read the
 * record again and decide again; sending the same write again cannot succeed.
 */
public final class VersionConflictException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String externalId;
  private final @Nullable String expectedVersion;
  private final @Nullable String actualVersion;

  /**
   * Creates the exception.
   *
   * @param systemId the system that refused the write
   * @param externalId the system's id of the record
   * @param expectedVersion the version the write was based on, if known
   * @param actualVersion the version the system holds, if it said
   */
  public VersionConflictException(String systemId, String externalId, @Nullable String expectedVersion,
      @Nullable String actualVersion) {
    super(FailureKind.CONFLICT, systemId, "record " + Objects.requireNonNull(externalId, "externalId")
        + " changed since it was read: the write was based on version " + (expectedVersion == null ? "(unknown)" : expectedVersion)
        + ", the system holds " + (actualVersion == null ? "(not given)" : actualVersion), null);
    this.externalId = externalId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * Creates the exception when only the call is known, as from an HTTP 409 or 412 answer.
   *
   * @param systemId the system that refused the write
   * @param message what was refused and why, such as {@code "upsert of customer cus_01J... was
   *     answered HTTP 409"}
   */
  public VersionConflictException(String systemId, String message) {
    super(FailureKind.CONFLICT, systemId, Objects.requireNonNull(message, "message"), null);
    this.externalId = null;
    this.expectedVersion = null;
    this.actualVersion = null;
  }

  /** Returns the system's id of the record, if known. */
  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  /** Returns the version the write was based on, if known. */
  public Optional<String> expectedVersion() {
    return Optional.ofNullable(expectedVersion);
  }

  /** Returns the version the system holds, if it said. */
  public Optional<String> actualVersion() {
    return Optional.ofNullable(actualVersion);
  }
}
