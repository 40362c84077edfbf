package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How the revenue of a contract, or of one of its performance obligations, is recognized period
 * by period, independently of when it is invoiced (IFRS 15 / ASC 606).
 *
 * @param meta governance metadata; {@code meta.id} is a {@code rev_} id
 * @param contractId the contract whose revenue is recognized
 * @param contractLineId the contract's commercial term (performance obligation) the schedule
 *     covers, if it covers one rather than the whole contract
 * @param projectId the project whose progress drives recognition, if any
 * @param legalEntityId the firm's legal entity whose books the revenue is recognized in
 * @param method how revenue is recognized over time
 * @param status where the schedule stands in its lifecycle
 * @param total the revenue the schedule recognizes in all, the transaction price allocated to it
 * @param lines the amounts to recognize, one per accounting period
 * @param extensions the firm's custom fields
 */
public record RevenueSchedule(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.CONTRACT) CanonicalId contractId,
    @Nullable @Size(min = 1, max = 64) String contractLineId,
    @Nullable @IdOf(EntityType.PROJECT) CanonicalId projectId,
    @NotNull @IdOf(EntityType.LEGAL_ENTITY) CanonicalId legalEntityId,
    @NotNull RevenueRecognitionMethod method,
    @NotNull RevenueScheduleStatus status,
    @NotNull Money total,
    @Size(max = 1000) List<@NotNull @Valid RevenueLine> lines,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public RevenueSchedule {
    lines = Immutables.list(lines);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.REVENUE_SCHEDULE;
  }
}
