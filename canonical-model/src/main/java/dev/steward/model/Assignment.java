package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A resource staffed on a project, or on one task of it, in a role for a period: what PSA
 * schedules against and what time entries are booked under.
 *
 * @param meta governance metadata; {@code meta.id} is an {@code asg_} id
 * @param resourceId the resource staffed
 * @param projectId the project staffed on
 * @param taskCode the code of the project task staffed on, if not the whole project
 * @param role the role the resource plays here, which selects the rate-card rate
 * @param period the days the assignment covers
 * @param plannedHours the hours planned over the period, if estimated
 * @param billable whether the hours worked under the assignment are billable
 * @param billRate an hourly bill rate that overrides the rate card, if agreed
 * @param status where the assignment stands
 * @param extensions the firm's custom fields
 */
public record Assignment(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.RESOURCE) CanonicalId resourceId,
    @NotNull @IdOf(EntityType.PROJECT) CanonicalId projectId,
    @Nullable @Size(min = 1, max = 32) String taskCode,
    @NotBlank @Size(max = 100) String role,
    @NotNull @Valid Period period,
    @Nullable @PositiveOrZero @Digits(integer = 7, fraction = 2) BigDecimal plannedHours,
    @NotNull Boolean billable,
    @Nullable Money billRate,
    @NotNull AssignmentStatus status,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Assignment {
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.ASSIGNMENT;
  }
}
