package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.INVOICE;
import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.timeEntry;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.ApprovalState;
import dev.steward.model.TimeEntry;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TimeEntryApprovalRuleTest {
  private final TimeEntryApprovalRule rule = new TimeEntryApprovalRule();

  private static TimeEntry entry(boolean billable, ApprovalState state, boolean invoiced) {
    return timeEntry("2026-03-09", new BigDecimal("7.50"), billable, state, null, invoiced ? INVOICE : null);
  }

  @Test
  void appliesTo_timeEntries() {
    assertThat(rule.appliesTo()).isEqualTo(TimeEntry.class);
  }

  @Test
  void check_approvedBillableTime_passesWhetherInvoicedOrNot() {
    assertThat(direct(rule, entry(true, ApprovalState.APPROVED, true))).isEmpty();
    assertThat(direct(rule, entry(true, ApprovalState.APPROVED, false))).isEmpty();
    assertThat(viaJson(rule, entry(true, ApprovalState.APPROVED, true))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = ApprovalState.class, names = {"DRAFT", "SUBMITTED", "REJECTED"})
  void check_nonBillableTime_isNeverReported(ApprovalState state) {
    assertThat(direct(rule, entry(false, state, false))).isEmpty();
    assertThat(direct(rule, entry(false, state, true))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = ApprovalState.class, names = {"DRAFT", "SUBMITTED", "REJECTED"})
  void check_unapprovedBillableTimeOnAnInvoice_isAnError(ApprovalState state) {
    Violation v = only(direct(rule, entry(true, state, true)), "ERROR TIME_NOT_APPROVED at /approvalState (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.TIME_NOT_APPROVED);
    assertThat(v.blocks()).isTrue();
    assertThat(v.message()).contains("7.50 hours", "2026-03-09", "is " + state, INVOICE.toString());
  }

  @ParameterizedTest
  @EnumSource(value = ApprovalState.class, names = {"DRAFT", "SUBMITTED", "REJECTED"})
  void check_unapprovedBillableTimeNotYetInvoiced_isAWarning(ApprovalState state) {
    Violation v = only(direct(rule, entry(true, state, false)), "WARNING TIME_NOT_APPROVED at /approvalState (rule)");

    assertThat(v.severity()).isEqualTo(Severity.WARNING);
    assertThat(v.blocks()).isFalse();
    assertThat(v.message()).contains("7.50 hours", "2026-03-09", "is " + state, "before it is invoiced");
  }

  @Test
  void check_viaCanonicalJson_reportsTheRuleStage() {
    assertThat(summary(viaJson(rule, entry(true, ApprovalState.SUBMITTED, true))))
        .containsExactly("ERROR TIME_NOT_APPROVED at /approvalState (rule)");
    assertThat(summary(viaJson(rule, entry(true, ApprovalState.DRAFT, false))))
        .containsExactly("WARNING TIME_NOT_APPROVED at /approvalState (rule)");
  }
}
