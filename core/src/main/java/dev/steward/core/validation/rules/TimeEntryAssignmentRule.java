package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Assignment;
import dev.steward.model.Period;
import dev.steward.model.TimeEntry;
import java.util.Optional;

/**
 * Time is booked within its assignment's dates: {@link ReasonCodes#OUTSIDE_ASSIGNMENT} at {@code
 * /workDate} when the work date falls outside the assignment's period (both ends included), and
 * {@link ReasonCodes#ASSIGNMENT_NOT_FOUND} at {@code /assignmentId} when the golden records have
 * no assignment with that id ({@link dev.steward.core.validation.RecordLookup#find(dev.steward.model.CanonicalId,
 * Class)}).
 *
 * <p>An entry without an {@code assignmentId} is not reported, nor is an absent work date or
 * assignment period. The assignment's status, project and resource are not compared with the
 * entry's. The rule needs the host's {@link dev.steward.core.validation.RecordLookup}; with {@link
 * dev.steward.core.validation.RecordLookup#NONE} every referenced assignment is not found.
 *
 * <p>A store that does not answer throws, and the pipeline reports {@link
 * ReasonCodes#REFERENCE_DATA_UNAVAILABLE}. Immutable and thread-safe.
 */
public final class TimeEntryAssignmentRule implements BusinessRule<TimeEntry> {

  /** Creates the rule. */
  public TimeEntryAssignmentRule() {}

  @Override
  public Class<TimeEntry> appliesTo() {
    return TimeEntry.class;
  }

  @Override
  public void check(TimeEntry entry, ValidationContext context, Violations out) {
    if (entry.assignmentId() == null) {
      return;
    }
    Optional<Assignment> found = context.records().find(entry.assignmentId(), Assignment.class);
    if (found.isEmpty()) {
      out.add(ReasonCodes.ASSIGNMENT_NOT_FOUND, "/assignmentId", "time entry on " + entry.workDate()
          + " is booked under assignment " + entry.assignmentId() + ", which does not exist", "");
      return;
    }
    Period period = found.get().period();
    if (entry.workDate() == null || period == null || period.start() == null || period.end() == null) {
      return;
    }
    if (!period.contains(entry.workDate())) {
      out.add(ReasonCodes.OUTSIDE_ASSIGNMENT, "/workDate", "work date " + entry.workDate()
          + " is outside assignment " + entry.assignmentId() + " (" + found.get().role() + "), which runs from "
          + period.start() + " to " + period.end(), "");
    }
  }
}
