package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A client account of the firm, as CRM, ERP and billing each know it.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code cus_} id
 * @param legalName the registered name that contracts and invoices carry
 * @param displayName the name people use day to day
 * @param parentId the parent account in the customer hierarchy, if any
 * @param segment the sales segment, such as {@code enterprise} or {@code mid-market}
 * @param status where the customer stands in its lifecycle
 * @param contractingEntityId the firm's legal entity that contracts with and invoices the customer
 * @param taxIds the customer's tax registrations
 * @param billingAddress where invoices go
 * @param shippingAddress where deliverables go, if different
 * @param extensions the firm's custom fields
 */
public record Customer(
    @NotNull @Valid EntityMeta meta,
    @NotBlank @Size(max = 200) String legalName,
    @NotBlank @Size(max = 200) String displayName,
    @Nullable @IdOf(EntityType.CUSTOMER) CanonicalId parentId,
    @Nullable @Size(min = 1, max = 64) String segment,
    @NotNull CustomerStatus status,
    @NotNull @IdOf(EntityType.LEGAL_ENTITY) CanonicalId contractingEntityId,
    @Size(max = 16) List<@NotNull @Valid TaxId> taxIds,
    @Nullable @Valid Address billingAddress,
    @Nullable @Valid Address shippingAddress,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Customer {
    taxIds = Immutables.list(taxIds);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.CUSTOMER;
  }
}
