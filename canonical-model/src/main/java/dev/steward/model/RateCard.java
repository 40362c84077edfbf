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
 * Bill rates per role and currency over a validity period: the price list time-and-materials
 * work is billed from, firm-wide, per legal entity or negotiated for one customer.
 *
 * @param meta governance metadata; {@code meta.id} is an {@code rc_} id
 * @param name the rate card's name, such as {@code EMEA standard rates 2027}
 * @param legalEntityId the firm's legal entity the card applies to; absent for all of them
 * @param customerId the customer the card was negotiated for; absent for a standard card
 * @param validity the days the rates apply to work done on
 * @param entries the rates, at most one per role and currency
 * @param extensions the firm's custom fields
 */
public record RateCard(
    @NotNull @Valid EntityMeta meta,
    @NotBlank @Size(max = 200) String name,
    @Nullable @IdOf(EntityType.LEGAL_ENTITY) CanonicalId legalEntityId,
    @Nullable @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @NotNull @Valid Period validity,
    @Size(min = 1, max = 500) List<@NotNull @Valid RateCardEntry> entries,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public RateCard {
    entries = Immutables.list(entries);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.RATE_CARD;
  }
}
