package dev.steward.model;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A recurring fee for standing access to the firm's people, such as an advisory or managed
 * service retainer, optionally including a number of hours each period. Kind {@code RETAINER}.
 *
 * @param lineId the term's id within its contract
 * @param description the service the retainer buys, if stated
 * @param amount the fee billed each period
 * @param frequency how often the fee is billed
 * @param includedHours the hours the fee covers each period, if it covers a set number; hours
 *     beyond them are billed under another term
 */
public record RetainerTerm(
    @NotBlank @Size(max = 64) String lineId,
    @Nullable @Size(min = 1, max = 500) String description,
    @NotNull Money amount,
    @NotNull RetainerFrequency frequency,
    @Nullable @PositiveOrZero @Digits(integer = 6, fraction = 2) BigDecimal includedHours)
    implements CommercialTerm {}
