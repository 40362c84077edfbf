package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.CONTRACT;
import static dev.steward.core.validation.rules.RuleFixturesB.assertClean;
import static dev.steward.core.validation.rules.RuleFixturesB.contract;
import static dev.steward.core.validation.rules.RuleFixturesB.deLine;
import static dev.steward.core.validation.rules.RuleFixturesB.eur;
import static dev.steward.core.validation.rules.RuleFixturesB.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesB.invoice;
import static dev.steward.core.validation.rules.RuleFixturesB.money;
import static dev.steward.core.validation.rules.RuleFixturesB.onlyViolation;
import static dev.steward.core.validation.rules.RuleFixturesB.records;
import static dev.steward.core.validation.rules.RuleFixturesB.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.Contract;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceCurrencyRuleTest {

  private static final InvoiceCurrencyRule RULE = InvoiceCurrencyRule.of();

  @Test
  void invoiceInTheContractCurrency_passes() {
    Contract eurContract = contract("EUR", eur("24000.00"), List.of(fixedFee("L-001", eur("24000.00"))));

    assertClean(validate(RULE, invoice().contract(CONTRACT).lines(deLine(1, "1", "100.00")).build(),
        records(eurContract)));
  }

  @Test
  void invoiceInAnotherCurrency_isCurrencyMismatchAtCurrency() {
    Contract usdContract = contract("USD", money("24000.00", "USD"), List.of(fixedFee("L-001", money("24000.00", "USD"))));

    Violation v = onlyViolation(validate(RULE, invoice().contract(CONTRACT).lines(deLine(1, "1", "100.00")).build(),
        records(usdContract)), ReasonCodes.CURRENCY_MISMATCH, Severity.ERROR, "/currency");

    assertThat(v.message()).isEqualTo(
        "the invoice is in EUR, but contract SOW-2026-0142 is priced and invoiced in USD (/currency)");
  }

  @Test
  void missingContract_isContractNotFound() {
    Violation v = onlyViolation(validate(RULE, invoice().contract(CONTRACT).lines(deLine(1, "1", "100.00")).build()),
        ReasonCodes.CONTRACT_NOT_FOUND, Severity.ERROR, "/contractId");

    assertThat(v.message()).contains(CONTRACT.toString());
  }

  @Test
  void invoiceWithoutContract_isNotChecked() {
    assertClean(validate(RULE, invoice().lines(deLine(1, "1", "100.00")).build()));
  }
}
