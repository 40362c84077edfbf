package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.TimeEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A time entry records work that fits in a day and has been done: {@link ReasonCodes#INVALID_HOURS}
 * at {@code /hours} when the hours are absent, not above zero or above 24; {@link
 * ReasonCodes#WORK_DATE_IN_FUTURE} at {@code /workDate} when the work date is more than one day
 * after today.
 *
 * <p>Bean validation already bounds hours to 0.01 to 24; this rule gives the business code, and
 * covers records built in Java that were never bean-validated. "Today" is the context's
 * {@linkplain ValidationContext#today() clock date}; one day's grace allows for people whose local
 * date is ahead of the clock's zone (up to UTC+14 against UTC), so an entry dated tomorrow passes
 * and one dated the day after does not.
 *
 * <p>A day holds at most 24 hours across all of a person's entries: the entries the golden
 * records hold for the same resource and day ({@link
 * dev.steward.core.validation.RecordLookup#timeEntriesOn}), except an earlier version of this
 * one, are added to it; more than 24 in all is {@link ReasonCodes#INVALID_HOURS}. Where the
 * lookup knows none, the entry is checked on its own.
 *
 * <p>Reads the record, the clock and the golden records. Immutable and thread-safe.
 */
public final class TimeEntryHoursRule implements BusinessRule<TimeEntry> {
  private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

  /** Creates the rule. */
  public TimeEntryHoursRule() {}

  @Override
  public Class<TimeEntry> appliesTo() {
    return TimeEntry.class;
  }

  @Override
  public void check(TimeEntry entry, ValidationContext context, Violations out) {
    BigDecimal hours = entry.hours();
    if (hours == null) {
      out.add(ReasonCodes.INVALID_HOURS, "/hours", "time entry on " + entry.workDate() + " records no hours", "");
    } else if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
      out.add(ReasonCodes.INVALID_HOURS, "/hours", "time entry on " + entry.workDate() + " records "
          + plain(hours) + " hours; a day's entry must be more than 0 and at most 24", "");
    }
    if (hours != null && hours.signum() > 0 && hours.compareTo(MAX_HOURS) <= 0 && entry.resourceId() != null
        && entry.workDate() != null) {
      BigDecimal total = hours;
      for (TimeEntry other : context.records().timeEntriesOn(entry.resourceId(), entry.workDate())) {
        if (!other.meta().id().equals(entry.meta().id()) && other.hours() != null) {
          total = total.add(other.hours());
        }
      }
      if (total.compareTo(MAX_HOURS) > 0) {
        out.add(ReasonCodes.INVALID_HOURS, "/hours", "resource " + entry.resourceId() + " would book "
            + plain(total) + " hours on " + entry.workDate() + " with this entry's " + plain(hours)
            + "; a day holds at most 24", "");
      }
    }
    LocalDate workDate = entry.workDate();
    LocalDate latest = context.today().plusDays(1);
    if (workDate != null && workDate.isAfter(latest)) {
      out.add(ReasonCodes.WORK_DATE_IN_FUTURE, "/workDate", "time entry of " + plain(hours) + " hours is dated "
          + workDate + ", in the future: today is " + context.today() + ", and an entry may be dated at most one day"
          + " ahead (" + latest + ") to allow for time zones", "");
    }
  }

  /** Returns hours as people write them, {@code 100} rather than {@code 1E+2}; {@code no} when absent. */
  static String plain(@Nullable BigDecimal hours) {
    return hours == null ? "no" : hours.toPlainString();
  }
}
