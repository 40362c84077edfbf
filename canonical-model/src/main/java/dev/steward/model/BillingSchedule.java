package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What to bill a customer under a contract, and when: recurring fees such as retainers and
 * managed-service charges, fixed-fee milestones, and metered usage. The billing platform turns
 * it into invoices; time-and-materials work is billed from approved time and expenses instead.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code bs_} id
 * @param contractId the contract whose commercial terms this schedule carries out
 * @param customerId the customer billed
 * @param legalEntityId the firm's legal entity that issues the invoices
 * @param projectId the delivery project the charges belong to, if the schedule is per project
 * @param name a short name people recognise, such as {@code Managed services 2026}
 * @param status where the schedule stands in its lifecycle
 * @param currency the currency the customer is billed in
 * @param effectivePeriod the days the schedule bills for, usually the contract term
 * @param paymentTermsDays days from issue to due date of the invoices it produces, such as 30
 * @param recurringCharges fees billed every period
 * @param milestones fixed amounts billed when a deliverable or event is reached
 * @param usageMetrics metered quantities rated against included amounts and price tiers
 * @param extensions the firm's custom fields
 */
public record BillingSchedule(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.CONTRACT) CanonicalId contractId,
    @NotNull @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @NotNull @IdOf(EntityType.LEGAL_ENTITY) CanonicalId legalEntityId,
    @Nullable @IdOf(EntityType.PROJECT) CanonicalId projectId,
    @Nullable @Size(min = 1, max = 200) String name,
    @NotNull BillingScheduleStatus status,
    @NotNull Currency currency,
    @Nullable @Valid Period effectivePeriod,
    @Nullable @PositiveOrZero @Max(365) Integer paymentTermsDays,
    @Size(max = 100) List<@NotNull @Valid RecurringCharge> recurringCharges,
    @Size(max = 200) List<@NotNull @Valid BillingMilestone> milestones,
    @Size(max = 50) List<@NotNull @Valid UsageMetric> usageMetrics,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public BillingSchedule {
    recurringCharges = Immutables.list(recurringCharges);
    milestones = Immutables.list(milestones);
    usageMetrics = Immutables.list(usageMetrics);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.BILLING_SCHEDULE;
  }
}
