package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.assertClean;
import static dev.steward.core.validation.rules.RuleFixturesB.deLine;
import static dev.steward.core.validation.rules.RuleFixturesB.eur;
import static dev.steward.core.validation.rules.RuleFixturesB.invoice;
import static dev.steward.core.validation.rules.RuleFixturesB.line;
import static dev.steward.core.validation.rules.RuleFixturesB.money;
import static dev.steward.core.validation.rules.RuleFixturesB.onlyViolation;
import static dev.steward.core.validation.rules.RuleFixturesB.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.model.InvoiceLine;
import org.junit.jupiter.api.Test;

class InvoiceTotalsRuleTest {

  private static final InvoiceTotalsRule RULE = InvoiceTotalsRule.of();
  // 5280.00 + 1003.20 and 3780.00 + 718.20: subtotal 9060.00, tax 1721.40, total 10781.40
  private static final InvoiceLine[] LINES = {deLine(1, "32", "165.00"), deLine(2, "18", "210.00")};

  @Test
  void totalsThatAddUp_pass() {
    assertClean(validate(RULE, invoice().lines(LINES)
        .totals(eur("9060.00"), eur("1721.40"), eur("10781.40")).build()));
  }

  @Test
  void subtotalOffByOneCent_isTotalsMismatchAtSubtotal() {
    ValidationReport report = validate(RULE, invoice().lines(LINES)
        .totals(eur("9059.99"), eur("1721.40"), eur("10781.39")).build());

    Violation v = onlyViolation(report, ReasonCodes.TOTALS_MISMATCH, Severity.ERROR, "/totals/subtotal");
    assertThat(v.message()).isEqualTo(
        "the subtotal is 9059.99 EUR, but the net amounts of the 2 lines add up to 9060.00 EUR (/totals/subtotal)");
  }

  @Test
  void taxTotalOffByOneCent_isTotalsMismatchAtTaxTotal() {
    ValidationReport report = validate(RULE, invoice().lines(LINES)
        .totals(eur("9060.00"), eur("1721.41"), eur("10781.41")).build());

    onlyViolation(report, ReasonCodes.TOTALS_MISMATCH, Severity.ERROR, "/totals/taxTotal");
  }

  @Test
  void totalOffByOneCent_isTotalsMismatchAtTotal() {
    ValidationReport report = validate(RULE, invoice().lines(LINES)
        .totals(eur("9060.00"), eur("1721.40"), eur("10781.41")).build());

    Violation v = onlyViolation(report, ReasonCodes.TOTALS_MISMATCH, Severity.ERROR, "/totals/total");
    assertThat(v.message()).contains("the total is 10781.41 EUR", "is 10781.40 EUR");
  }

  @Test
  void yenTotalsOffByOneYen_isTotalsMismatch() {
    InvoiceLine l = line(1, "3", money("1000", "JPY"), money("3000", "JPY"), "X", "10", money("300", "JPY"));

    ValidationReport report = validate(RULE, invoice().currency("JPY").lines(l)
        .totals(money("3000", "JPY"), money("300", "JPY"), money("3301", "JPY")).build());

    onlyViolation(report, ReasonCodes.TOTALS_MISMATCH, Severity.ERROR, "/totals/total");
  }

  @Test
  void bahrainiDinarTotalsOffByOneFils_isTotalsMismatch() {
    InvoiceLine l = line(1, "1", money("1.005", "BHD"), money("1.005", "BHD"), "X", "10", money("0.101", "BHD"));

    ValidationReport report = validate(RULE, invoice().currency("BHD").lines(l)
        .totals(money("1.006", "BHD"), money("0.101", "BHD"), money("1.107", "BHD")).build());

    onlyViolation(report, ReasonCodes.TOTALS_MISMATCH, Severity.ERROR, "/totals/subtotal");
  }

  @Test
  void amountDueUpToTheTotal_passes() {
    assertClean(validate(RULE, invoice().lines(LINES).amountDue(eur("10781.40")).build()));
    assertClean(validate(RULE, invoice().lines(LINES).amountDue(eur("0.00")).build()));
  }

  @Test
  void amountDueAboveTheTotal_isTotalsMismatchAtAmountDue() {
    Violation v = onlyViolation(validate(RULE, invoice().lines(LINES).amountDue(eur("10781.41")).build()),
        ReasonCodes.TOTALS_MISMATCH, Severity.ERROR, "/amountDue");

    assertThat(v.message()).contains("the amount due is 10781.41 EUR, more than the invoice total of 10781.40 EUR");
  }

  @Test
  void creditNote_amountDueMayNotBeMoreNegativeThanTheTotal() {
    InvoiceLine credit = line(1, "1", eur("-100.00"), eur("-100.00"), "DE-VAT-19", "19", eur("-19.00"));

    assertClean(validate(RULE, invoice().lines(credit).amountDue(eur("-119.00")).build()));
    onlyViolation(validate(RULE, invoice().lines(credit).amountDue(eur("-119.01")).build()),
        ReasonCodes.TOTALS_MISMATCH, Severity.ERROR, "/amountDue");
  }

  @Test
  void totalInAnotherCurrency_isCurrencyMismatch() {
    ValidationReport report = validate(RULE, invoice().lines(LINES)
        .totals(eur("9060.00"), eur("1721.40"), money("10781.40", "USD")).build());

    onlyViolation(report, ReasonCodes.CURRENCY_MISMATCH, Severity.ERROR, "/totals/total");
  }

  @Test
  void lineInAnotherCurrency_leavesThatSumUnchecked() {
    InvoiceLine usd = line(2, "1", eur("10.00"), money("10.00", "USD"), "DE-VAT-19", "19", eur("1.90"));

    ValidationReport report = validate(RULE, invoice().lines(deLine(1, "1", "10.00"), usd)
        .totals(eur("999.00"), eur("3.80"), eur("1002.80")).build());

    assertClean(report); // the line rule reports the USD net amount; the subtotal cannot be summed
  }
}
