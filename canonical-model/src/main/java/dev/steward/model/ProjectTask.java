package dev.steward.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A task of a project's work breakdown, the level at which assignments are staffed and time is
 * booked.
 *
 * @param code the task code, unique within the project, that assignments and time entries name
 * @param name the task's name
 * @param plannedHours the hours budgeted for the task, if estimated
 * @param billable whether time booked to the task is billable to the customer
 * @param period when the task is planned to run, if scheduled
 * @param status where the task stands
 */
public record ProjectTask(
    @NotBlank @Size(max = 32) String code,
    @NotBlank @Size(max = 200) String name,
    @Nullable @PositiveOrZero @Digits(integer = 7, fraction = 2) BigDecimal plannedHours,
    @NotNull Boolean billable,
    @Nullable @Valid Period period,
    @NotNull TaskStatus status) {}
