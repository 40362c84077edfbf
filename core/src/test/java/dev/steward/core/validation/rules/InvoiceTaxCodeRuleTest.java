package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.LE_UNKNOWN;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_US;
import static dev.steward.core.validation.rules.RuleFixturesB.address;
import static dev.steward.core.validation.rules.RuleFixturesB.assertClean;
import static dev.steward.core.validation.rules.RuleFixturesB.deLine;
import static dev.steward.core.validation.rules.RuleFixturesB.invoice;
import static dev.steward.core.validation.rules.RuleFixturesB.line;
import static dev.steward.core.validation.rules.RuleFixturesB.money;
import static dev.steward.core.validation.rules.RuleFixturesB.onlyViolation;
import static dev.steward.core.validation.rules.RuleFixturesB.validate;
import static dev.steward.core.validation.rules.RuleFixturesB.withTax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.model.InvoiceLine;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InvoiceTaxCodeRuleTest {

  @Nested
  class ByLegalEntityCountry {
    private final InvoiceTaxCodeRule rule = InvoiceTaxCodeRule.byLegalEntityCountry();

    @Test
    void codeValidOnTheIssueDateWithItsRate_passes() {
      assertClean(validate(rule, invoice().lines(deLine(1, "32", "165.00"), deLine(2, "1", "431.00")).build()));
    }

    @Test
    void rateWrittenWithTrailingZeros_isTheSameRate() {
      assertClean(validate(rule, invoice().lines(withTax(deLine(1, "1", "100.00"), "DE-VAT-19", "19.0000")).build()));
    }

    @Test
    void unknownCode_isInvalidTaxCodeAtTheLine() {
      InvoiceLine l = withTax(deLine(1, "1", "100.00"), "DE-VAT-99", "19");

      Violation v = onlyViolation(validate(rule, invoice().lines(deLine(1, "1", "1.00"), l).build()),
          ReasonCodes.INVALID_TAX_CODE, Severity.ERROR, "/lines/1/taxCode");

      assertThat(v.message()).isEqualTo(
          "line 1: tax code DE-VAT-99 is not a tax code of jurisdiction DE (/lines/1/taxCode)");
    }

    @Test
    void expiredCode_isInvalidOnTheIssueDate() {
      InvoiceLine l = withTax(deLine(1, "1", "100.00"), "DE-VAT-16", "16");

      Violation v = onlyViolation(validate(rule, invoice().lines(l).build()), ReasonCodes.INVALID_TAX_CODE,
          Severity.ERROR, "/lines/0/taxCode");

      assertThat(v.message()).isEqualTo("line 1: tax code DE-VAT-16 of DE is not valid on the issue date 2026-11-02;"
          + " it is valid from 2020-07-01 to 2020-12-31 (/lines/0/taxCode)");
    }

    @Test
    void expiredCode_isValidOnAnIssueDateInItsPeriod() {
      InvoiceLine l = withTax(deLine(1, "1", "100.00"), "DE-VAT-16", "16");

      assertClean(validate(rule, invoice().issued("2020-12-31").lines(l).build()));
      onlyViolation(validate(rule, invoice().issued("2021-01-01").lines(l).build()), ReasonCodes.INVALID_TAX_CODE,
          Severity.ERROR, "/lines/0/taxCode");
    }

    @Test
    void codeNotYetValid_isInvalid() {
      InvoiceLine l = withTax(deLine(1, "1", "100.00"), "DE-VAT-21", "21");

      Violation v = onlyViolation(validate(rule, invoice().lines(l).build()), ReasonCodes.INVALID_TAX_CODE,
          Severity.ERROR, "/lines/0/taxCode");

      assertThat(v.message()).contains("it is valid from 2027-01-01");
    }

    @Test
    void rateOtherThanTheCodes_isInvalidTaxCodeAtTheRate() {
      InvoiceLine l = withTax(deLine(1, "1", "100.00"), "DE-VAT-19", "16");

      Violation v = onlyViolation(validate(rule, invoice().lines(l).build()), ReasonCodes.INVALID_TAX_CODE,
          Severity.ERROR, "/lines/0/taxRatePercent");

      assertThat(v.message()).isEqualTo("line 1: the tax rate is 16%, but tax code DE-VAT-19 of DE has a rate of 19%"
          + " on the issue date 2026-11-02 (/lines/0/taxRatePercent)");
    }

    @Test
    void rateIsTheOneInForceOnTheIssueDate() {
      // DE-VAT-19 was 16% in the second half of 2020
      InvoiceLine l = deLine(1, "1", "100.00");

      Violation v = onlyViolation(validate(rule, invoice().issued("2020-10-01").lines(l).build()),
          ReasonCodes.INVALID_TAX_CODE, Severity.ERROR, "/lines/0/taxRatePercent");

      assertThat(v.message()).contains("has a rate of 16% on the issue date 2020-10-01");
    }

    @Test
    void everyWrongLine_isReported() {
      ValidationReport report = validate(rule, invoice().lines(
          withTax(deLine(1, "1", "1.00"), "NOPE", "19"), deLine(2, "1", "1.00"),
          withTax(deLine(3, "1", "1.00"), "DE-VAT-7", "19")).build());

      assertThat(report.violations()).extracting(Violation::path)
          .containsExactly("/lines/0/taxCode", "/lines/2/taxRatePercent");
    }

    @Test
    void unknownLegalEntity_isUnknownLegalEntity() {
      Violation v = onlyViolation(validate(rule, invoice().legalEntity(LE_UNKNOWN).lines(deLine(1, "1", "1.00")).build()),
          ReasonCodes.UNKNOWN_LEGAL_ENTITY, Severity.ERROR, "/legalEntityId");

      assertThat(v.message()).contains(LE_UNKNOWN.toString(), "not in the reference data");
    }
  }

  @Nested
  class ByBillToRegion {
    private final InvoiceTaxCodeRule rule = InvoiceTaxCodeRule.byBillToRegion();

    private InvoiceLine usLine(String taxCode, String rate, String tax) {
      return line(1, "10", money("150.00", "USD"), money("1500.00", "USD"), taxCode, rate, money(tax, "USD"));
    }

    @Test
    void californianCodeOnACalifornianBillTo_passes() {
      assertClean(validate(rule, invoice().legalEntity(LE_US).currency("USD")
          .billTo(address("US", "CA", "San Francisco")).lines(usLine("US-CA-SALES", "7.25", "108.75")).build()));
    }

    @Test
    void regionWrittenAsASubdivisionCodeOrInLowerCase_isTheSameJurisdiction() {
      for (String region : new String[] {"US-CA", "ca", " Ca "}) {
        assertClean(validate(rule, invoice().legalEntity(LE_US).currency("USD")
            .billTo(address("US", region, "San Francisco")).lines(usLine("US-CA-SALES", "7.25", "108.75")).build()));
      }
    }

    @Test
    void newYorkCodeOnACalifornianBillTo_isInvalidTaxCode() {
      Violation v = onlyViolation(validate(rule, invoice().legalEntity(LE_US).currency("USD")
              .billTo(address("US", "CA", "San Francisco")).lines(usLine("US-NY-SALES", "4", "60.00")).build()),
          ReasonCodes.INVALID_TAX_CODE, Severity.ERROR, "/lines/0/taxCode");

      assertThat(v.message()).contains("tax code US-NY-SALES is not a tax code of jurisdiction US-CA");
    }

    @Test
    void jurisdictionWithoutTaxCodes_saysSo() {
      Violation v = onlyViolation(validate(rule, invoice().legalEntity(LE_US).currency("USD")
              .billTo(address("US", "TX", "Austin")).lines(usLine("US-CA-SALES", "7.25", "108.75")).build()),
          ReasonCodes.INVALID_TAX_CODE, Severity.ERROR, "/lines/0/taxCode");

      assertThat(v.message()).contains("no tax codes for jurisdiction US-TX");
    }

    @Test
    void billToWithoutRegion_isInvalidTaxCodeAtTheRegion() {
      Violation v = onlyViolation(validate(rule, invoice().legalEntity(LE_US).currency("USD")
              .billTo(address("US", null, "Austin")).lines(usLine("US-CA-SALES", "7.25", "108.75")).build()),
          ReasonCodes.INVALID_TAX_CODE, Severity.ERROR, "/billTo/region");

      assertThat(v.message()).contains("has no region");
    }

    @Test
    void invoiceWithoutBillTo_isInvalidTaxCodeAtBillTo() {
      onlyViolation(validate(rule, invoice().legalEntity(LE_US).currency("USD").billTo(null)
              .lines(usLine("US-CA-SALES", "7.25", "108.75")).build()),
          ReasonCodes.INVALID_TAX_CODE, Severity.ERROR, "/billTo");
    }
  }

  @Nested
  class CustomJurisdiction {

    @Test
    void functionOfTheInvoice_picksTheJurisdiction() {
      InvoiceTaxCodeRule rule = InvoiceTaxCodeRule.of("always New York", (invoice, context) -> Optional.of("US-NY"));

      assertClean(validate(rule, invoice().legalEntity(LE_US).currency("USD").lines(
          line(1, "1", money("100.00", "USD"), money("100.00", "USD"), "US-NY-SALES", "4", money("4.00", "USD")))
          .build()));
      assertThat(rule.jurisdictionDescription()).isEqualTo("always New York");
    }

    @Test
    void emptyJurisdiction_isInvalidTaxCodeForTheWholeInvoice() {
      InvoiceTaxCodeRule rule = InvoiceTaxCodeRule.of("the customer's country", (invoice, context) -> Optional.empty());

      Violation v = onlyViolation(validate(rule, invoice().lines(deLine(1, "1", "1.00")).build()),
          ReasonCodes.INVALID_TAX_CODE, Severity.ERROR, "");

      assertThat(v.message()).contains("the customer's country", "is unknown");
    }

    @Test
    void blankDescription_isRefused() {
      assertThatThrownBy(() -> InvoiceTaxCodeRule.of(" ", (invoice, context) -> Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
