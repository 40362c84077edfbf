package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A metered quantity a billing schedule rates, such as support tickets, hosted users or API
 * calls: an included allowance, then price tiers or an overage price for what goes beyond it.
 *
 * @param metricCode the metric's code, matching {@link UsageRecord#metricCode()}
 * @param contractLineId the contract's commercial term this metric carries out, if known
 * @param serviceItemId the catalogue entry billed for usage, which decides revenue and tax
 *     treatment
 * @param unit the unit the metric is counted in, such as {@code ticket} or {@code user}
 * @param includedQuantity the quantity per rating period that recurring fees already pay for
 * @param tiers unit prices by quantity band for usage beyond the included quantity
 * @param overageUnitPrice the single unit price for usage beyond the included quantity, when
 *     there are no tiers
 * @param ratingPeriod the period over which usage is summed before it is rated
 */
public record UsageMetric(
    @NotBlank @Size(max = 64) String metricCode,
    @Nullable @Size(min = 1, max = 64) String contractLineId,
    @Nullable @IdOf(EntityType.SERVICE_ITEM) CanonicalId serviceItemId,
    @NotBlank @Size(max = 32) String unit,
    @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 3) BigDecimal includedQuantity,
    @Size(max = 20) List<@NotNull @Valid PriceTier> tiers,
    @Nullable Money overageUnitPrice,
    @NotNull RatingPeriod ratingPeriod) {

  /** Copies the tiers into an unmodifiable list; absent tiers become empty. */
  public UsageMetric {
    tiers = Immutables.list(tiers);
  }
}
