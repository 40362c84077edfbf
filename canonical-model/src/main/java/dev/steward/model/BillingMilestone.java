package dev.steward.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A fixed amount billed when a deliverable is accepted or an event happens, as in fixed-fee
 * engagements: {@code 30% on sign-off of the design}.
 *
 * @param milestoneId the milestone's id, unique within its schedule and stable across versions
 * @param contractLineId the contract's commercial term this milestone carries out, if known
 * @param description the text the invoice line carries
 * @param amount the amount billed when the milestone is reached
 * @param plannedDate when the milestone is expected to be reached
 * @param reachedDate when it was reached, once it has been
 * @param status where the milestone stands
 */
public record BillingMilestone(
    @NotBlank @Size(max = 64) String milestoneId,
    @Nullable @Size(min = 1, max = 64) String contractLineId,
    @NotBlank @Size(max = 500) String description,
    @NotNull Money amount,
    @NotNull LocalDate plannedDate,
    @Nullable LocalDate reachedDate,
    @NotNull BillingMilestoneStatus status) {}
