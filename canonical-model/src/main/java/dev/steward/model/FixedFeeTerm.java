package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A fixed price for a defined scope of work, such as an assessment or an implementation
 * package. When it is invoiced is the billing schedule's business. Kind {@code FIXED_FEE}.
 *
 * @param lineId the term's id within its contract
 * @param description the scope the fee covers, as invoices state it
 * @param fee the agreed price, in the contract's currency
 * @param serviceItemId the catalogue service the fee is for, if any
 */
public record FixedFeeTerm(
    @NotBlank @Size(max = 64) String lineId,
    @NotBlank @Size(max = 500) String description,
    @NotNull Money fee,
    @Nullable @IdOf(EntityType.SERVICE_ITEM) CanonicalId serviceItemId)
    implements CommercialTerm {}
