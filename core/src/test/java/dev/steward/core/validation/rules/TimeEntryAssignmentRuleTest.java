package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.ASSIGNMENT;
import static dev.steward.core.validation.rules.RuleFixturesA.assignment;
import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.period;
import static dev.steward.core.validation.rules.RuleFixturesA.referenceData;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.timeEntry;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.Category;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.RecordLookup;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.ApprovalState;
import dev.steward.model.TimeEntry;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeEntryAssignmentRuleTest {
  private final TimeEntryAssignmentRule rule = new TimeEntryAssignmentRule();

  /** The assignment runs through February 2026. */
  private static final RecordLookup FEBRUARY =
      new RuleFixturesA.MapLookup(assignment(ASSIGNMENT, period("2026-02-01", "2026-02-28")));

  private static TimeEntry on(String workDate) {
    return timeEntry(workDate, new BigDecimal("8"), true, ApprovalState.APPROVED, ASSIGNMENT, null);
  }

  private List<Violation> check(TimeEntry entry) {
    return direct(rule, entry, referenceData(), FEBRUARY);
  }

  @Test
  void appliesTo_timeEntries() {
    assertThat(rule.appliesTo()).isEqualTo(TimeEntry.class);
  }

  @Test
  void check_workWithinTheAssignment_passes() {
    assertThat(check(on("2026-02-14"))).isEmpty();
    assertThat(viaJson(rule, on("2026-02-14"), referenceData(), FEBRUARY)).isEmpty();
  }

  @Test
  void check_firstAndLastDayOfTheAssignment_pass() {
    assertThat(check(on("2026-02-01"))).isEmpty();
    assertThat(check(on("2026-02-28"))).isEmpty();
  }

  @Test
  void check_dayBeforeOrAfter_isOutsideAssignment() {
    Violation before = only(check(on("2026-01-31")), "ERROR OUTSIDE_ASSIGNMENT at /workDate (rule)");
    Violation after = only(check(on("2026-03-01")), "ERROR OUTSIDE_ASSIGNMENT at /workDate (rule)");

    assertThat(before.code()).isEqualTo(ReasonCodes.OUTSIDE_ASSIGNMENT);
    assertThat(before.severity()).isEqualTo(Severity.ERROR);
    assertThat(before.message()).contains("2026-01-31", ASSIGNMENT.toString(), "Senior consultant",
        "2026-02-01 to 2026-02-28");
    assertThat(after.message()).contains("2026-03-01");
  }

  @Test
  void check_oneDayAssignment_containsItsDay() {
    RecordLookup oneDay = new RuleFixturesA.MapLookup(assignment(ASSIGNMENT, period("2026-02-10", "2026-02-10")));

    assertThat(direct(rule, on("2026-02-10"), referenceData(), oneDay)).isEmpty();
    assertThat(direct(rule, on("2026-02-11"), referenceData(), oneDay)).hasSize(1);
  }

  @Test
  void check_entryWithoutAssignment_isNotReported() {
    TimeEntry unassigned = timeEntry("2025-01-01", BigDecimal.ONE, true, ApprovalState.APPROVED, null, null);

    assertThat(direct(rule, unassigned)).isEmpty();
  }

  @Test
  void check_unknownAssignment_isAssignmentNotFound() {
    Violation v = only(direct(rule, on("2026-02-14")), "ERROR ASSIGNMENT_NOT_FOUND at /assignmentId (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.ASSIGNMENT_NOT_FOUND);
    assertThat(v.category()).isEqualTo(Category.REFERENCE_DATA);
    assertThat(v.message()).contains(ASSIGNMENT.toString(), "2026-02-14", "does not exist");
    assertThat(ReasonCodes.all()).contains(ReasonCodes.ASSIGNMENT_NOT_FOUND);
    assertThat(ReasonCodes.named("ASSIGNMENT_NOT_FOUND")).contains(ReasonCodes.ASSIGNMENT_NOT_FOUND);
  }

  @Test
  void check_viaCanonicalJson_reportsTheRuleStage() {
    assertThat(summary(viaJson(rule, on("2026-03-02"), referenceData(), FEBRUARY)))
        .containsExactly("ERROR OUTSIDE_ASSIGNMENT at /workDate (rule)");
    assertThat(summary(viaJson(rule, on("2026-02-02"))))
        .containsExactly("ERROR ASSIGNMENT_NOT_FOUND at /assignmentId (rule)");
  }
}
