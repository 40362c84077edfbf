package dev.steward.model;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One quantity band of a usage metric's price: units from {@code fromQuantity} up to {@code
 * upToQuantity} cost {@code unitPrice} each.
 *
 * @param fromQuantity the quantity the band starts at
 * @param upToQuantity the quantity the band ends at; absent for the last, open-ended band
 * @param unitPrice the price of each unit in the band
 */
public record PriceTier(
    @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 3) BigDecimal fromQuantity,
    @Nullable @Positive @Digits(integer = 12, fraction = 3) BigDecimal upToQuantity,
    @NotNull Money unitPrice) {}
