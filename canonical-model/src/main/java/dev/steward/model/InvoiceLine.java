package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice: consulting hours of a role, a fee, a milestone, usage or re-billed
 * expenses. Discounts and credits are lines with a negative unit price.
 *
 * @param lineNumber the line's position on the invoice, from 1
 * @param serviceItemId the catalogue entry billed, which decides revenue and tax treatment
 * @param contractLineId the contract's commercial term the line bills, if known
 * @param projectId the project the work was delivered on, if any
 * @param description the text the customer reads
 * @param quantity how many units are billed, such as hours
 * @param unit the unit of the quantity, such as {@code hour}, {@code day} or {@code each}
 * @param unitPrice the price of one unit, before tax
 * @param netAmount the line amount before tax
 * @param taxCode the tax code that determines the rate and the tax reporting, such as {@code
 *     DE-VAT-19} or {@code EU-RC} for reverse charge
 * @param taxRatePercent the tax rate applied, in percent, such as {@code 19}
 * @param taxAmount the tax on the line
 * @param servicePeriod the days the line's service was delivered, if it differs from the
 *     invoice's
 * @param dimensions the general-ledger dimensions the revenue posts to, such as practice
 */
public record InvoiceLine(
    @Positive @NotNull Integer lineNumber,
    @Nullable @IdOf(EntityType.SERVICE_ITEM) CanonicalId serviceItemId,
    @Nullable @Size(min = 1, max = 64) String contractLineId,
    @Nullable @IdOf(EntityType.PROJECT) CanonicalId projectId,
    @NotBlank @Size(max = 1000) String description,
    @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 3) BigDecimal quantity,
    @Nullable @Size(min = 1, max = 32) String unit,
    @NotNull Money unitPrice,
    @NotNull Money netAmount,
    @NotBlank @Size(max = 32) String taxCode,
    @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4)
        BigDecimal taxRatePercent,
    @NotNull Money taxAmount,
    @Nullable @Valid Period servicePeriod,
    @Size(max = 16) List<@NotNull @Valid Dimension> dimensions) {

  /** Copies the dimensions into an unmodifiable list; absent dimensions become empty. */
  public InvoiceLine {
    dimensions = Immutables.list(dimensions);
  }
}
