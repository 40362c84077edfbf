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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import java.math.RoundingMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceLineAmountsRuleTest {

  private static final InvoiceLineAmountsRule HALF_UP = InvoiceLineAmountsRule.ofDefaults();
  private static final InvoiceLineAmountsRule HALF_EVEN = InvoiceLineAmountsRule.of(RoundingMode.HALF_EVEN);

  private static Invoice eurInvoice(InvoiceLine... lines) {
    return invoice().lines(lines).build();
  }

  @Test
  void linesThatAddUp_pass() {
    assertClean(validate(HALF_UP, eurInvoice(deLine(1, "32", "165.00"), deLine(2, "18", "210.00"),
        deLine(3, "1", "431.00"))));
  }

  @Test
  void defaultRounding_isHalfUp() {
    assertThat(InvoiceLineAmountsRule.DEFAULT_ROUNDING).isEqualTo(RoundingMode.HALF_UP);
    assertThat(HALF_UP.rounding()).isEqualTo(RoundingMode.HALF_UP);
  }

  @Test
  void netAmountOffByOneCent_isLineAmountMismatchAtItsPath() {
    InvoiceLine wrong = line(2, "18", eur("210.00"), eur("3779.99"), "DE-VAT-19", "19", eur("718.20"));

    Violation v = onlyViolation(validate(HALF_UP, eurInvoice(deLine(1, "32", "165.00"), wrong)),
        ReasonCodes.LINE_AMOUNT_MISMATCH, Severity.ERROR, "/lines/1/netAmount");

    assertThat(v.message()).isEqualTo("line 2: the net amount is 3779.99 EUR, but quantity 18 times unit price"
        + " 210.00 EUR is 3780.00 EUR (/lines/1/netAmount)");
    assertThat(v.stage()).isEqualTo(RuleFixturesB.STAGE);
  }

  @Test
  void taxAmountOffByOneCent_isLineAmountMismatchAtTaxAmount() {
    InvoiceLine wrong = line(1, "32", eur("165.00"), eur("5280.00"), "DE-VAT-19", "19", eur("1003.21"));

    Violation v = onlyViolation(validate(HALF_UP, eurInvoice(wrong)), ReasonCodes.LINE_AMOUNT_MISMATCH,
        Severity.ERROR, "/lines/0/taxAmount");

    assertThat(v.message()).contains("the tax amount is 1003.21 EUR", "19% of the net amount 5280.00 EUR is 1003.20 EUR");
  }

  @Test
  void taxIsComputedFromTheStatedNetAmount_soAWrongNetIsReportedOnce() {
    // net should be 100.00; tax 19.19 is 19% of the stated 101.00
    InvoiceLine wrong = line(1, "1", eur("100.00"), eur("101.00"), "DE-VAT-19", "19", eur("19.19"));

    onlyViolation(validate(HALF_UP, eurInvoice(wrong)), ReasonCodes.LINE_AMOUNT_MISMATCH, Severity.ERROR,
        "/lines/0/netAmount");
  }

  @Test
  void netAmountWithMoreDigitsThanTheCurrency_isAMismatch() {
    InvoiceLine unrounded = line(1, "0.5", eur("10.05"), eur("5.025"), "DE-RC", "0", eur("0.00"));

    Violation v = onlyViolation(validate(HALF_UP, eurInvoice(unrounded)), ReasonCodes.LINE_AMOUNT_MISMATCH,
        Severity.ERROR, "/lines/0/netAmount");

    assertThat(v.message()).contains("5.025 EUR, which rounds half up to 5.03 EUR (EUR has 2 decimal places)");
  }

  @Nested
  class Rounding {

    @ParameterizedTest(name = "{0} x {1} {2} = {3} half up, {4} half even")
    @CsvSource({
        "0.5, 10.05, EUR, 5.03, 5.02",      // 5.025
        "0.5, 10.15, EUR, 5.08, 5.08",      // 5.075: the digit before the 5 is odd, both round up
        "0.5, -10.05, EUR, -5.03, -5.02",   // a credit line: half up rounds away from zero
        "2.5, 101, JPY, 253, 252",          // 252.5 yen: no minor unit
        "1.5, 333, JPY, 500, 500",          // 499.5 yen
        "0.5, 1.005, BHD, 0.503, 0.502",    // 0.5025 dinar: three decimals
        "3, 0.333, BHD, 0.999, 0.999"       // exact
    })
    void netAmount_isRoundedToTheCurrencyMinorUnit_withTheRuleMode(
        String quantity, String price, String currency, String halfUp, String halfEven) {
      Invoice up = single(quantity, price, currency, halfUp);
      Invoice even = single(quantity, price, currency, halfEven);

      assertClean(validate(HALF_UP, up));
      assertClean(validate(HALF_EVEN, even));
      if (!halfUp.equals(halfEven)) {
        Violation v = onlyViolation(validate(HALF_EVEN, up), ReasonCodes.LINE_AMOUNT_MISMATCH, Severity.ERROR,
            "/lines/0/netAmount");
        assertThat(v.message()).contains("rounds half even to " + halfEven + " " + currency);
        onlyViolation(validate(HALF_UP, even), ReasonCodes.LINE_AMOUNT_MISMATCH, Severity.ERROR,
            "/lines/0/netAmount");
      }
    }

    private Invoice single(String quantity, String price, String currency, String net) {
      InvoiceLine l = line(1, quantity, money(price, currency), money(net, currency), "DE-RC", "0",
          money("0", currency));
      return invoice().currency(currency).lines(l).build();
    }

    @Test
    void taxAmount_halfUpAndHalfEvenDifferOnATie() {
      // 5% of 0.50 EUR is 0.025 EUR: 0.03 half up, 0.02 half even
      InvoiceLine upLine = line(1, "1", eur("0.50"), eur("0.50"), "X", "5", eur("0.03"));
      InvoiceLine evenLine = line(1, "1", eur("0.50"), eur("0.50"), "X", "5", eur("0.02"));

      assertClean(validate(HALF_UP, eurInvoice(upLine)));
      assertClean(validate(HALF_EVEN, eurInvoice(evenLine)));
      Violation v = onlyViolation(validate(HALF_UP, eurInvoice(evenLine)), ReasonCodes.LINE_AMOUNT_MISMATCH,
          Severity.ERROR, "/lines/0/taxAmount");
      assertThat(v.message()).contains("5% of the net amount 0.50 EUR is 0.025 EUR, which rounds half up to 0.03 EUR");
    }

    @Test
    void yenTax_hasNoDecimals() {
      // 10% of 253 JPY is 25.3 JPY, which is 25 JPY
      InvoiceLine l = line(1, "2.5", money("101", "JPY"), money("253", "JPY"), "X", "10", money("25", "JPY"));
      assertClean(validate(HALF_UP, invoice().currency("JPY").lines(l).build()));

      InvoiceLine wrong = line(1, "2.5", money("101", "JPY"), money("253", "JPY"), "X", "10", money("25.3", "JPY"));
      Violation v = onlyViolation(validate(HALF_UP, invoice().currency("JPY").lines(wrong).build()),
          ReasonCodes.LINE_AMOUNT_MISMATCH, Severity.ERROR, "/lines/0/taxAmount");
      assertThat(v.message()).contains("JPY has no decimal places");
    }

    @Test
    void unnecessaryRounding_isRefused() {
      assertThatThrownBy(() -> InvoiceLineAmountsRule.of(RoundingMode.UNNECESSARY))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNNECESSARY");
      assertThatThrownBy(() -> InvoiceLineAmountsRule.of(null)).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Currencies {

    @Test
    void unitPriceInAnotherCurrency_isCurrencyMismatch_andItsArithmeticIsNotChecked() {
      InvoiceLine l = line(1, "2", money("50.00", "USD"), eur("99.00"), "DE-VAT-19", "19", eur("18.81"));

      Violation v = onlyViolation(validate(HALF_UP, eurInvoice(l)), ReasonCodes.CURRENCY_MISMATCH, Severity.ERROR,
          "/lines/0/unitPrice");

      assertThat(v.message()).isEqualTo(
          "line 1: the unit price 50.00 USD is in USD, but the invoice is in EUR (/lines/0/unitPrice)");
    }

    @Test
    void netAndTaxInAnotherCurrency_areEachReported() {
      InvoiceLine l = line(3, "1", eur("10.00"), money("10.00", "USD"), "DE-VAT-19", "19", money("1.90", "USD"));

      ValidationReport report = validate(HALF_UP, eurInvoice(deLine(1, "1", "5.00"), deLine(2, "1", "5.00"), l));

      assertThat(report.violations()).extracting(Violation::code, Violation::path).containsExactly(
          org.assertj.core.groups.Tuple.tuple(ReasonCodes.CURRENCY_MISMATCH, "/lines/2/netAmount"),
          org.assertj.core.groups.Tuple.tuple(ReasonCodes.CURRENCY_MISMATCH, "/lines/2/taxAmount"));
    }
  }
}
