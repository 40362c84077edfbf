package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.timeEntry;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.Category;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.ApprovalState;
import dev.steward.model.TimeEntry;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Today is 2026-03-10 ({@link RuleFixturesA#CLOCK}). */
class TimeEntryHoursRuleTest {
  private final TimeEntryHoursRule rule = new TimeEntryHoursRule();

  private static TimeEntry entry(String workDate, @Nullable String hours) {
    return timeEntry(workDate, hours == null ? null : new BigDecimal(hours), true, ApprovalState.APPROVED, null, null);
  }

  @Test
  void appliesTo_timeEntries() {
    assertThat(rule.appliesTo()).isEqualTo(TimeEntry.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.01", "1", "7.5", "23.99", "24", "24.00"})
  void check_hoursAboveZeroUpTo24_pass(String hours) {
    assertThat(direct(rule, entry("2026-03-09", hours))).isEmpty();
  }

  @Test
  void check_validEntry_passesAsJson() {
    assertThat(viaJson(rule, entry("2026-03-09", "8.25"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00", "-1", "24.01", "25", "100"})
  void check_hoursOutOfRange_areInvalidHours(String hours) {
    Violation v = only(direct(rule, entry("2026-03-09", hours)), "ERROR INVALID_HOURS at /hours (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.INVALID_HOURS);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.message()).contains(hours + " hours", "2026-03-09", "at most 24");
  }

  @Test
  void check_absentHours_areInvalidHours() {
    Violation v = only(direct(rule, entry("2026-03-09", null)), "ERROR INVALID_HOURS at /hours (rule)");

    assertThat(v.message()).contains("records no hours");
  }

  @Test
  void check_hoursInScientificNotation_areShownPlain() {
    Violation v = only(direct(rule, entry("2026-03-09", "1E+2")), "ERROR INVALID_HOURS at /hours (rule)");

    assertThat(v.message()).contains("100 hours");
  }

  @Test
  void check_todayAndTomorrow_pass() {
    assertThat(direct(rule, entry("2026-03-10", "8"))).isEmpty();
    assertThat(direct(rule, entry("2026-03-11", "8"))).isEmpty(); // someone east of UTC
    assertThat(direct(rule, entry("2020-02-29", "8"))).isEmpty();
  }

  @Test
  void check_twoDaysAhead_isWorkDateInFuture() {
    Violation v = only(direct(rule, entry("2026-03-12", "8")), "ERROR WORK_DATE_IN_FUTURE at /workDate (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.WORK_DATE_IN_FUTURE);
    assertThat(v.category()).isEqualTo(Category.DATA);
    assertThat(v.message()).contains("8 hours", "2026-03-12", "today is 2026-03-10", "2026-03-11");
    assertThat(ReasonCodes.all()).contains(ReasonCodes.WORK_DATE_IN_FUTURE);
  }

  @Test
  void check_badHoursInTheFuture_reportsBoth() {
    assertThat(summary(direct(rule, entry("2026-12-24", "30")))).containsExactly(
        "ERROR INVALID_HOURS at /hours (rule)", "ERROR WORK_DATE_IN_FUTURE at /workDate (rule)");
  }

  @Test
  void check_viaCanonicalJson_reportsBesideSchema() {
    assertThat(summary(viaJson(rule, entry("2026-04-01", "8"))))
        .containsExactly("ERROR WORK_DATE_IN_FUTURE at /workDate (rule)");
    assertThat(summary(viaJson(rule, entry("2026-03-09", "25")))).containsExactly(
        "ERROR SCHEMA_VIOLATION at /hours (schema)", "ERROR INVALID_HOURS at /hours (rule)");
  }

  /** The golden records of one resource's day. */
  private static RuleFixturesA.MapLookup day(TimeEntry... booked) {
    return new RuleFixturesA.MapLookup() {
      @Override
      public java.util.List<TimeEntry> timeEntriesOn(dev.steward.model.CanonicalId resourceId, java.time.LocalDate workDate) {
        return java.util.Arrays.stream(booked)
            .filter(e -> e.resourceId().equals(resourceId) && e.workDate().equals(workDate)).toList();
      }
    };
  }

  private static TimeEntry other(int n, String workDate, String hours) {
    TimeEntry e = entry(workDate, hours);
    return new TimeEntry(RuleFixturesA.meta(RuleFixturesA.id("tim", 100 + n)), e.resourceId(), e.projectId(),
        e.assignmentId(), e.taskCode(), e.workDate(), e.hours(), e.billable(), e.approvalState(), e.description(),
        e.approvedBy(), e.approvedAt(), e.invoiceId(), e.extensions());
  }

  @Test
  void check_aDayOfMoreThan24HoursAcrossEntries_isInvalidHours_butAnEarlierVersionOfTheSameEntryDoesNotCount() {
    TimeEntry eight = entry("2026-03-09", "8");
    RuleFixturesA.MapLookup full = day(other(1, "2026-03-09", "10"), other(2, "2026-03-09", "6.5"),
        other(3, "2026-03-08", "12"), entry("2026-03-09", "20"));
    RuleFixturesA.MapLookup fits = day(other(1, "2026-03-09", "10"), other(2, "2026-03-09", "6"));

    Violation v = only(direct(rule, eight, RuleFixturesA.referenceData(), full), "ERROR INVALID_HOURS at /hours (rule)");

    assertThat(v.message()).contains("24.5 hours on 2026-03-09", "this entry's 8");
    assertThat(direct(rule, eight, RuleFixturesA.referenceData(), fits)).isEmpty();
  }
}
