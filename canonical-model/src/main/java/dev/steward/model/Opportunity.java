package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A deal in the CRM pipeline: what the firm expects to sell to a customer, for how much, and how
 * likely and when it is to close. A won opportunity seeds the contract and the project.
 *
 * @param meta governance metadata; {@code meta.id} is an {@code opp_} id
 * @param customerId the customer (or prospect) the deal is with
 * @param name the deal's name, such as {@code ERP rollout phase 2}
 * @param stage where the deal stands in the pipeline
 * @param amount the expected total value of the deal
 * @param probability the likelihood of winning, in percent from 0 to 100
 * @param closeDate when the deal is expected to close, or closed
 * @param owner the salesperson who owns the deal, as CRM names them, if assigned
 * @param lines the priced lines of the deal, if it has been broken down
 * @param extensions the firm's custom fields
 */
public record Opportunity(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @NotBlank @Size(max = 200) String name,
    @NotNull OpportunityStage stage,
    @NotNull Money amount,
    @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal probability,
    @NotNull LocalDate closeDate,
    @Nullable @Size(min = 1, max = 128) String owner,
    @Size(max = 500) List<@NotNull @Valid OpportunityLine> lines,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Opportunity {
    lines = Immutables.list(lines);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.OPPORTUNITY;
  }
}
