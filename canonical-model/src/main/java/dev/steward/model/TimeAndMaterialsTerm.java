package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Work billed as it is done: approved time at the rates of a rate card, optionally up to a cap.
 * Kind {@code TIME_AND_MATERIALS}.
 *
 * @param lineId the term's id within its contract
 * @param description the work the term covers, if stated
 * @param rateCardId the rate card that prices the time
 * @param notToExceed the most that may be billed under the term, if capped
 */
public record TimeAndMaterialsTerm(
    @NotBlank @Size(max = 64) String lineId,
    @Nullable @Size(min = 1, max = 500) String description,
    @NotNull @IdOf(EntityType.RATE_CARD) CanonicalId rateCardId,
    @Nullable Money notToExceed)
    implements CommercialTerm {}
