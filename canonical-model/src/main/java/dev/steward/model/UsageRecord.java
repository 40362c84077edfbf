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
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A measured quantity of a usage metric for a customer, such as tickets resolved or users
 * hosted, reported by a service desk or platform and rated by the billing schedule.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code usg_} id
 * @param customerId the customer the usage is billed to
 * @param contractId the contract it is billed under, if the source knows it
 * @param projectId the project the usage belongs to, if any
 * @param metricCode the metric measured, matching {@link UsageMetric#metricCode()}
 * @param quantity how much was used, in the metric's unit
 * @param unit the unit as the source reported it, to check against the metric's unit
 * @param occurredAt when the usage happened, or when it was measured
 * @param usagePeriod the days the quantity covers, for readings that span a period
 * @param sourceEventId the reporting system's id of the event, which de-duplicates re-sent
 *     readings
 * @param invoiceId the invoice that billed this usage, once it has been billed
 * @param extensions the firm's custom fields
 */
public record UsageRecord(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @Nullable @IdOf(EntityType.CONTRACT) CanonicalId contractId,
    @Nullable @IdOf(EntityType.PROJECT) CanonicalId projectId,
    @NotBlank @Size(max = 64) String metricCode,
    @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 3) BigDecimal quantity,
    @Nullable @Size(min = 1, max = 32) String unit,
    @NotNull Instant occurredAt,
    @Nullable @Valid Period usagePeriod,
    @NotBlank @Size(max = 255) String sourceEventId,
    @Nullable @IdOf(EntityType.INVOICE) CanonicalId invoiceId,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public UsageRecord {
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.USAGE_RECORD;
  }
}
