package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One priced line of a deal: a service from the catalogue, or a described piece of work, at a
 * quantity and unit price. Lines become contract terms and project budget when the deal is won.
 *
 * @param lineId the line's id, stable across updates so that a changed line is updated rather
 *     than replaced (CRM's own line id where it has one)
 * @param serviceItemId the catalogue service sold, if the line is for one
 * @param description what is sold, as the proposal states it
 * @param quantity how many units: days, hours, licences, deliverables; more than zero
 * @param unitPrice the price of one unit
 * @param deliveryPeriod when the line is expected to be delivered, if planned
 */
public record OpportunityLine(
    @NotBlank @Size(max = 64) String lineId,
    @Nullable @IdOf(EntityType.SERVICE_ITEM) CanonicalId serviceItemId,
    @NotBlank @Size(max = 500) String description,
    @NotNull @Positive @Digits(integer = 11, fraction = 4) BigDecimal quantity,
    @NotNull Money unitPrice,
    @Nullable @Valid Period deliveryPeriod) {}
