package dev.steward.model;

import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An entry of the firm's service catalogue: what quotes, contract lines and invoice lines sell,
 * mapped to the ERP item and the accounts its revenue posts to.
 *
 * @param meta governance metadata; {@code meta.id} is an {@code svc_} id
 * @param code the item code, such as {@code PS-CONSULT-SR}
 * @param name the item's name, as invoices show it
 * @param description a longer description, if any
 * @param kind what the item sells
 * @param unitOfMeasure the unit quantities are counted in, such as {@code HOUR}, {@code DAY},
 *     {@code EACH} or {@code GB}
 * @param defaultTaxCode the tax code lines of the item carry unless a rule says otherwise, if any
 * @param revenueAccount the general-ledger account its revenue posts to, if not the default
 * @param deferredRevenueAccount the general-ledger account its billed but unearned revenue
 *     waits in, if not the default
 * @param active whether the item may be sold on new quotes, contracts and invoices
 * @param extensions the firm's custom fields
 */
public record ServiceItem(
    @NotNull @Valid EntityMeta meta,
    @NotBlank @Size(max = 32) String code,
    @NotBlank @Size(max = 200) String name,
    @Nullable @Size(min = 1, max = 2000) String description,
    @NotNull ServiceItemKind kind,
    @NotBlank @Size(max = 32) String unitOfMeasure,
    @Nullable @Size(min = 1, max = 32) String defaultTaxCode,
    @Nullable @Size(min = 1, max = 32) String revenueAccount,
    @Nullable @Size(min = 1, max = 32) String deferredRevenueAccount,
    @NotNull Boolean active,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public ServiceItem {
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.SERVICE_ITEM;
  }
}
