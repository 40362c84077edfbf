package dev.steward.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One billable milestone of a {@link MilestonesTerm}: a deliverable or event that, once reached
 * (and accepted, where required), releases an agreed amount.
 *
 * @param milestoneId the milestone's id within its term, such as {@code M2}; billing schedules and
 *     invoice lines refer to it
 * @param description the deliverable or event, such as {@code Design sign-off}
 * @param amount what the milestone releases
 * @param dueDate when the milestone is planned to be reached
 * @param acceptanceRequired whether the customer must formally accept the milestone before it
 *     may be invoiced; absent means no
 */
public record ContractMilestone(
    @NotBlank @Size(max = 64) String milestoneId,
    @NotBlank @Size(max = 500) String description,
    @NotNull Money amount,
    @NotNull LocalDate dueDate,
    @Nullable Boolean acceptanceRequired) {}
