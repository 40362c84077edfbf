package dev.steward.model;

import dev.steward.model.constraint.CountryCode;
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
 * One of the firm's own legal entities: the party that signs contracts, employs resources,
 * issues invoices and keeps a ledger. Business rules and routing pick tax treatment, numbering
 * and the ERP book by it.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code le_} id
 * @param code the short company code ERP and PSA know it by, such as an SAP company code or a
 *     NetSuite subsidiary ({@code ACME-DE})
 * @param legalName the registered name that contracts and invoices carry
 * @param country the ISO 3166-1 alpha-2 code of the country of incorporation
 * @param functionalCurrency the currency the entity keeps its books in
 * @param taxIds the entity's tax registrations, such as a VAT number in each country it is
 *     registered in
 * @param registrationNumber the company-register number, such as {@code HRB 123456}, if any
 * @param registeredAddress the registered office that invoices must show
 * @param region the routing region the entity belongs to, such as {@code EMEA} or {@code NA}
 * @param parentId the entity that owns this one in the group structure, if any
 * @param status whether the entity may take on new business
 * @param extensions the firm's custom fields
 */
public record LegalEntity(
    @NotNull @Valid EntityMeta meta,
    @NotBlank @Size(max = 32) String code,
    @NotBlank @Size(max = 200) String legalName,
    @NotNull @CountryCode String country,
    @NotNull Currency functionalCurrency,
    @Size(max = 16) List<@NotNull @Valid TaxId> taxIds,
    @Nullable @Size(min = 1, max = 64) String registrationNumber,
    @NotNull @Valid Address registeredAddress,
    @Nullable @Size(min = 1, max = 32) String region,
    @Nullable @IdOf(EntityType.LEGAL_ENTITY) CanonicalId parentId,
    @NotNull LegalEntityStatus status,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public LegalEntity {
    taxIds = Immutables.list(taxIds);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.LEGAL_ENTITY;
  }
}
