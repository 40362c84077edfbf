package dev.steward.model;

import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Governance metadata of a canonical entity: identity, where it lives in each system, and which
 * write made its current version. Not an owned attribute: Steward maintains it.
 *
 * @param id the canonical id; its prefix matches the entity's type
 * @param externalRefs the entity's ids in connected systems, normally one per system
 * @param version the golden record's version, starting at 0 and moving only forward
 * @param lastWriter the system id whose change produced this version
 * @param updatedAt when this version was written
 * @param schemaVersion the version of the JSON schema the record conforms to
 */
public record EntityMeta(
    @NotNull CanonicalId id,
    @Size(max = 64) List<@NotNull @Valid ExternalRef> externalRefs,
    @PositiveOrZero @NotNull Long version,
    @NotNull @Pattern(regexp = SystemIds.PATTERN) String lastWriter,
    @NotNull Instant updatedAt,
    @Positive @NotNull Integer schemaVersion) {

  /** The schema version the records of this release are written in. */
  public static final int CURRENT_SCHEMA_VERSION = 1;

  /** Copies the external references into an unmodifiable list. */
  public EntityMeta {
    externalRefs = Immutables.list(externalRefs);
  }
}
