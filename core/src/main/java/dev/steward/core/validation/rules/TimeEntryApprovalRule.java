package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.ApprovalState;
import dev.steward.model.TimeEntry;

/**
 * Billable time is approved before it is billed: {@link ReasonCodes#TIME_NOT_APPROVED} at {@code
 * /approvalState} for a billable time entry that is not {@code APPROVED} — an error when it
 * carries an {@code invoiceId} (it is being or has been invoiced), a warning otherwise (it may
 * still be approved before billing, but should not reach an invoice as it stands).
 *
 * <p>Non-billable entries are not reported. An absent billable flag or approval state skips the
 * check (bean validation reports it).
 *
 * <p>Reads nothing but the record. Immutable and thread-safe.
 */
public final class TimeEntryApprovalRule implements BusinessRule<TimeEntry> {

  /** Creates the rule. */
  public TimeEntryApprovalRule() {}

  @Override
  public Class<TimeEntry> appliesTo() {
    return TimeEntry.class;
  }

  @Override
  public void check(TimeEntry entry, ValidationContext context, Violations out) {
    ApprovalState state = entry.approvalState();
    if (!Boolean.TRUE.equals(entry.billable()) || state == null || state == ApprovalState.APPROVED) {
      return;
    }
    String what = "billable time entry of " + TimeEntryHoursRule.plain(entry.hours()) + " hours on "
        + entry.workDate() + " is " + state;
    if (entry.invoiceId() != null) {
      out.add(ReasonCodes.TIME_NOT_APPROVED, Severity.ERROR, "/approvalState",
          what + " but is billed on invoice " + entry.invoiceId() + "; only approved time may be invoiced", "");
    } else {
      out.add(ReasonCodes.TIME_NOT_APPROVED, Severity.WARNING, "/approvalState",
          what + "; it must be approved before it is invoiced", "");
    }
  }
}
