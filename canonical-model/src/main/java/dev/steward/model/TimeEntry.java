package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Hours a resource worked on a project on one day, as entered in PSA: once approved, billed on
 * time-and-materials work and posted as cost and revenue in ERP.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code tim_} id
 * @param resourceId the resource who did the work
 * @param projectId the project worked on
 * @param assignmentId the assignment the work was done under, if any
 * @param taskCode the code of the project task worked on, if any
 * @param workDate the day the work was done
 * @param hours the hours worked, more than 0 and at most 24
 * @param billable whether the hours are billable to the customer
 * @param approvalState where the entry stands in approval
 * @param description what was done, as the customer may see it on an invoice
 * @param approvedBy the resource who approved the entry, once approved
 * @param approvedAt when the entry was approved, once approved
 * @param invoiceId the invoice that billed the entry, once billed
 * @param extensions the firm's custom fields
 */
public record TimeEntry(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.RESOURCE) CanonicalId resourceId,
    @NotNull @IdOf(EntityType.PROJECT) CanonicalId projectId,
    @Nullable @IdOf(EntityType.ASSIGNMENT) CanonicalId assignmentId,
    @Nullable @Size(min = 1, max = 32) String taskCode,
    @NotNull LocalDate workDate,
    @NotNull @DecimalMin("0.01") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal hours,
    @NotNull Boolean billable,
    @NotNull ApprovalState approvalState,
    @Nullable @Size(min = 1, max = 1000) String description,
    @Nullable @IdOf(EntityType.RESOURCE) CanonicalId approvedBy,
    @Nullable Instant approvedAt,
    @Nullable @IdOf(EntityType.INVOICE) CanonicalId invoiceId,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public TimeEntry {
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.TIME_ENTRY;
  }
}
