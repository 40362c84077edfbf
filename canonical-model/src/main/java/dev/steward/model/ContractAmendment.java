package dev.steward.model;

import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A numbered, dated change to a contract, such as a change order or a renewal: the terms it adds,
 * the terms it removes, and optionally a new end of term and a new total value. A changed term is
 * removed under its old {@code lineId} and added under a new one.
 *
 * @param number the amendment's number within the contract, from 1
 * @param effectiveDate the first day the change applies
 * @param description what changed and why, as the amendment document states it
 * @param addedTerms the commercial terms the amendment adds
 * @param removedLineIds the {@code lineId}s of the terms the amendment ends
 * @param newTermEnd the contract's new last day, if the amendment extends or shortens it
 * @param newTotalValue the contract's new total value, if the amendment changes it
 */
public record ContractAmendment(
    @Positive @NotNull Integer number,
    @NotNull LocalDate effectiveDate,
    @NotBlank @Size(max = 1000) String description,
    @Size(max = 200) List<@NotNull @Valid CommercialTerm> addedTerms,
    @Size(max = 200) List<@NotBlank @Size(max = 64) String> removedLineIds,
    @Nullable LocalDate newTermEnd,
    @Nullable Money newTotalValue) {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public ContractAmendment {
    addedTerms = Immutables.list(addedTerms);
    removedLineIds = Immutables.list(removedLineIds);
  }
}
