package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A fee a billing schedule bills every period, such as a monthly retainer or a managed-service
 * fee.
 *
 * @param chargeId the charge's id, unique within its schedule and stable across versions
 * @param contractLineId the contract's commercial term this charge carries out, if known
 * @param serviceItemId the catalogue entry billed, which decides revenue and tax treatment
 * @param description the text the invoice line carries
 * @param amount the amount billed each period
 * @param frequency how often the charge is billed
 * @param validity the days the charge applies; periods outside it are not billed
 * @param timing whether each period is billed at its start or after its end
 */
public record RecurringCharge(
    @NotBlank @Size(max = 64) String chargeId,
    @Nullable @Size(min = 1, max = 64) String contractLineId,
    @Nullable @IdOf(EntityType.SERVICE_ITEM) CanonicalId serviceItemId,
    @NotBlank @Size(max = 500) String description,
    @NotNull Money amount,
    @NotNull ChargeFrequency frequency,
    @NotNull @Valid Period validity,
    @NotNull BillingTiming timing) {}
