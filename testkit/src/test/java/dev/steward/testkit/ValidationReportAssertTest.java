package dev.steward.testkit;

import static dev.steward.core.validation.ReasonCodes.CURRENCY_MISMATCH;
import static dev.steward.core.validation.ReasonCodes.INVALID_TAX_CODE;
import static dev.steward.core.validation.ReasonCodes.SCHEMA_VIOLATION;
import static dev.steward.core.validation.ReasonCodes.TIME_NOT_APPROVED;
import static dev.steward.core.validation.ReasonCodes.TOTALS_MISMATCH;
import static dev.steward.core.validation.ReasonCodes.VAT_CHECK_UNAVAILABLE;
import static dev.steward.testkit.StewardAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.validation.ReasonCode;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportAssertTest {
  private static final ValidationReport CLEAN = ValidationReport.of(EntityType.INVOICE, List.of());
  private static final ValidationReport WRONG_CURRENCY = report(
      error(CURRENCY_MISMATCH, "/currency", "the invoice is in USD, but contract SOW-1 is priced in EUR"),
      error(TOTALS_MISMATCH, "/totals/total", "the total is 10.01 EUR, but 10.00 EUR"));
  private static final ValidationReport ONLY_WARNING = report(
      new Violation(TIME_NOT_APPROVED, "/approvalState", "billable time entry is SUBMITTED", Severity.WARNING,
          TIME_NOT_APPROVED.category(), "time-approval", ""));
  private static final ValidationReport VIES_DOWN = report(
      error(VAT_CHECK_UNAVAILABLE, "/customerId", "VAT number DE136695976 could not be confirmed online"));
  private static final ValidationReport WHOLE_RECORD = report(error(SCHEMA_VIOLATION, "", "the payload is not an object"));

  private static Violation error(ReasonCode code, String path, String message) {
    return new Violation(code, path, message, Severity.ERROR, code.category(), "stage-of-" + code.code(), "");
  }

  private static ValidationReport report(Violation... violations) {
    return ValidationReport.of(EntityType.INVOICE, List.of(violations));
  }

  @Test
  void isValid_passesWithoutErrors_evenWithWarnings() {
    assertThat(CLEAN).isValid();
    assertThat(ONLY_WARNING).isValid();
  }

  @Test
  void isValid_failsListingTheErrorsWithPathsAndMessages() {
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the invoice to be valid but the report has errors:"
            + " [CURRENCY_MISMATCH at /currency, TOTALS_MISMATCH at /totals/total]")
        .hasMessageContaining("- ERROR CURRENCY_MISMATCH at /currency (stage stage-of-CURRENCY_MISMATCH): the invoice"
            + " is in USD, but contract SOW-1 is priced in EUR");
  }

  @Test
  void isInvalid_passesWithAnError_failsWithOnlyWarnings() {
    assertThat(WRONG_CURRENCY).isInvalid();
    assertThatThrownBy(() -> assertThat(ONLY_WARNING).isInvalid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the invoice to be invalid but the report has:"
            + " [TIME_NOT_APPROVED at /approvalState (warning)]")
        .hasMessageContaining("none of which is an error");
    assertThatThrownBy(() -> assertThat(CLEAN).isInvalid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the invoice to be invalid but the report has no violations");
  }

  @Test
  void hasNoViolations_countsWarningsToo() {
    assertThat(CLEAN).hasNoViolations();
    assertThatThrownBy(() -> assertThat(ONLY_WARNING).hasNoViolations())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the invoice to have no violations but the report has:"
            + " [TIME_NOT_APPROVED at /approvalState (warning)]");
  }

  @Test
  void isUnchecked_passesWhenOnlyADependencyFailed() {
    assertThat(VIES_DOWN).isUnchecked();
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).isUnchecked())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the invoice to be unchecked")
        .hasMessageContaining("[CURRENCY_MISMATCH at /currency, TOTALS_MISMATCH at /totals/total]");
  }

  @Test
  void hasViolation_byCode() {
    assertThat(WRONG_CURRENCY).hasViolation(TOTALS_MISMATCH);
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasViolation(INVALID_TAX_CODE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a violation INVALID_TAX_CODE but the report has:"
            + " [CURRENCY_MISMATCH at /currency, TOTALS_MISMATCH at /totals/total]");
  }

  @Test
  void hasViolation_byCodeAndPointer() {
    assertThat(WRONG_CURRENCY).hasViolation(CURRENCY_MISMATCH, "/currency");
    assertThat(WHOLE_RECORD).hasViolation(SCHEMA_VIOLATION, "");
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasViolation(INVALID_TAX_CODE, "/lines/0/taxCode"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a violation INVALID_TAX_CODE at /lines/0/taxCode but the report has:"
            + " [CURRENCY_MISMATCH at /currency, TOTALS_MISMATCH at /totals/total]");
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasViolation(CURRENCY_MISMATCH, "/lines/0/unitPrice"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a violation CURRENCY_MISMATCH at /lines/0/unitPrice but");
    assertThatThrownBy(() -> assertThat(CLEAN).hasViolation(CURRENCY_MISMATCH, ""))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a violation CURRENCY_MISMATCH at \"\" (the whole record) but the report has"
            + " no violations");
  }

  @Test
  void hasViolation_refusesAPointerWithoutItsSlash() {
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasViolation(CURRENCY_MISMATCH, "currency"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'currency'");
  }

  @Test
  void hasErrorAndHasWarning_checkTheSeverity() {
    assertThat(ONLY_WARNING).hasWarning(TIME_NOT_APPROVED, "/approvalState");
    assertThat(WRONG_CURRENCY).hasError(CURRENCY_MISMATCH, "/currency");
    assertThatThrownBy(() -> assertThat(ONLY_WARNING).hasError(TIME_NOT_APPROVED, "/approvalState"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected an error TIME_NOT_APPROVED at /approvalState but the report has:"
            + " [TIME_NOT_APPROVED at /approvalState (warning)]");
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasWarning(CURRENCY_MISMATCH, "/currency"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a warning CURRENCY_MISMATCH at /currency but the report has:");
  }

  @Test
  void hasOnlyViolations_needsEveryCodeAndNoOther() {
    assertThat(WRONG_CURRENCY).hasOnlyViolations(TOTALS_MISMATCH, CURRENCY_MISMATCH);
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasOnlyViolations(CURRENCY_MISMATCH))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected only violations [CURRENCY_MISMATCH] but the report has:"
            + " [CURRENCY_MISMATCH at /currency, TOTALS_MISMATCH at /totals/total]")
        .hasMessageContaining("unexpected: [TOTALS_MISMATCH at /totals/total]");
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasOnlyViolations(CURRENCY_MISMATCH, TOTALS_MISMATCH,
            INVALID_TAX_CODE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing: [INVALID_TAX_CODE]");
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasOnlyViolations())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hasNoViolations()");
  }

  @Test
  void hasNoViolation_byCode() {
    assertThat(WRONG_CURRENCY).hasNoViolation(INVALID_TAX_CODE);
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasNoViolation(TOTALS_MISMATCH))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected no violation TOTALS_MISMATCH but the report has:"
            + " [CURRENCY_MISMATCH at /currency, TOTALS_MISMATCH at /totals/total]");
  }

  @Test
  void hasNoViolationAt_isExactOnThePointer() {
    assertThat(WRONG_CURRENCY).hasNoViolationAt("/totals").hasNoViolationAt("/lines/0/taxCode").hasNoViolationAt("");
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasNoViolationAt("/totals/total"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected no violation at /totals/total but the report has:"
            + " [CURRENCY_MISMATCH at /currency, TOTALS_MISMATCH at /totals/total]");
  }

  @Test
  void hasViolationsOnlyAt_needsAViolationAndNoneElsewhere() {
    assertThat(VIES_DOWN).hasViolationsOnlyAt("/customerId");
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).hasViolationsOnlyAt("/currency"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected violations at /currency only but the report has:")
        .hasMessageContaining("elsewhere: [TOTALS_MISMATCH at /totals/total]");
    assertThatThrownBy(() -> assertThat(CLEAN).hasViolationsOnlyAt("/currency"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected violations at /currency only but the report has no violations");
  }

  @Test
  void aDescription_prefixesTheMessage() {
    assertThatThrownBy(() -> assertThat(WRONG_CURRENCY).as("seed 42").isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[seed 42] expected the invoice to be valid");
  }

  @Test
  void aNullReport_failsAsAssertJDoes() {
    assertThatThrownBy(() -> assertThat((ValidationReport) null).isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void messagesWithPercentSigns_areShownAsWritten() {
    ValidationReport rate = report(error(INVALID_TAX_CODE, "/lines/0/taxRatePercent", "the tax rate is 20%, not 19%"));
    assertThatThrownBy(() -> assertThat(rate).isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the tax rate is 20%, not 19%");
    assertThat(rate.violations()).hasSize(1); // AssertJ's own assertThat still resolves beside Steward's
  }
}
