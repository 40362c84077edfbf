package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A delivery project, as PSA runs it and ERP and billing post against it: the unit time,
 * expenses, billing and revenue are booked to.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code prj_} id
 * @param code the project code people and systems quote, such as {@code ACME-2026-014}
 * @param name the project's name
 * @param type how the project is commercially run
 * @param customerId the customer the project is delivered for (for internal projects, the
 *     firm's own account where the PSA requires one)
 * @param contractId the contract the work is delivered under; absent for internal projects
 * @param opportunityId the won deal the project was created from, if any
 * @param legalEntityId the firm's legal entity that delivers the project and books its revenue
 * @param currency the currency the project is priced and billed in
 * @param budget the agreed revenue budget or fixed fee, if any
 * @param dimensions the general-ledger dimensions postings for the project carry
 * @param status the delivery status
 * @param plannedPeriod when delivery is planned to run, if scheduled
 * @param projectManagerId the resource who manages the project and approves its time, if named
 * @param workstreams the work breakdown: workstreams and their tasks
 * @param extensions the firm's custom fields
 */
public record Project(
    @NotNull @Valid EntityMeta meta,
    @NotBlank @Size(max = 32) String code,
    @NotBlank @Size(max = 200) String name,
    @NotNull ProjectType type,
    @NotNull @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @Nullable @IdOf(EntityType.CONTRACT) CanonicalId contractId,
    @Nullable @IdOf(EntityType.OPPORTUNITY) CanonicalId opportunityId,
    @NotNull @IdOf(EntityType.LEGAL_ENTITY) CanonicalId legalEntityId,
    @NotNull Currency currency,
    @Nullable Money budget,
    @Size(max = 32) List<@NotNull @Valid Dimension> dimensions,
    @NotNull ProjectStatus status,
    @Nullable @Valid Period plannedPeriod,
    @Nullable @IdOf(EntityType.RESOURCE) CanonicalId projectManagerId,
    @Size(max = 50) List<@NotNull @Valid Workstream> workstreams,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Project {
    dimensions = Immutables.list(dimensions);
    workstreams = Immutables.list(workstreams);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.PROJECT;
  }
}
