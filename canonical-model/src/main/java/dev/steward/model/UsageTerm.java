package dev.steward.model;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A charge for measured consumption, such as tickets handled, transactions processed or users
 * supported: a quantity included each billing period, and a price per unit beyond it. Usage
 * records report the metric. Kind {@code USAGE}.
 *
 * @param lineId the term's id within its contract
 * @param description the service measured, if stated
 * @param metricCode the usage metric's name, as usage records carry it, such as {@code
 *     support-tickets}
 * @param unit the unit the metric is counted in, such as {@code ticket} or {@code GB}
 * @param includedQuantity the quantity each billing period includes at no extra charge
 * @param overageUnitPrice the price of each unit beyond the included quantity
 */
public record UsageTerm(
    @NotBlank @Size(max = 64) String lineId,
    @Nullable @Size(min = 1, max = 500) String description,
    @NotBlank @Size(max = 64) String metricCode,
    @NotBlank @Size(max = 32) String unit,
    @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 3) BigDecimal includedQuantity,
    @NotNull Money overageUnitPrice)
    implements CommercialTerm {}
