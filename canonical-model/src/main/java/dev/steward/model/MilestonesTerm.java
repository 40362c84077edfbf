package dev.steward.model;

import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A price paid in instalments as milestones are reached. Kind {@code MILESTONES}.
 *
 * @param lineId the term's id within its contract
 * @param description the work the milestones cover, if stated
 * @param milestones the milestones, at least one
 */
public record MilestonesTerm(
    @NotBlank @Size(max = 64) String lineId,
    @Nullable @Size(min = 1, max = 500) String description,
    @Size(min = 1, max = 100) List<@NotNull @Valid ContractMilestone> milestones)
    implements CommercialTerm {

  /** Copies the milestones into an unmodifiable list; absent becomes empty. */
  public MilestonesTerm {
    milestones = Immutables.list(milestones);
  }
}
