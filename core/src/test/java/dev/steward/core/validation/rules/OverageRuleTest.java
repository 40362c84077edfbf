package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.CONTRACT;
import static dev.steward.core.validation.rules.RuleFixturesB.SVC_SUPPORT_TICKETS;
import static dev.steward.core.validation.rules.RuleFixturesB.assertClean;
import static dev.steward.core.validation.rules.RuleFixturesB.contract;
import static dev.steward.core.validation.rules.RuleFixturesB.deLine;
import static dev.steward.core.validation.rules.RuleFixturesB.eur;
import static dev.steward.core.validation.rules.RuleFixturesB.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesB.invoice;
import static dev.steward.core.validation.rules.RuleFixturesB.onlyViolation;
import static dev.steward.core.validation.rules.RuleFixturesB.records;
import static dev.steward.core.validation.rules.RuleFixturesB.usage;
import static dev.steward.core.validation.rules.RuleFixturesB.validate;
import static dev.steward.core.validation.rules.RuleFixturesB.withContractLine;
import static dev.steward.core.validation.rules.RuleFixturesB.withServiceItem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.Contract;
import dev.steward.model.ContractAmendment;
import dev.steward.model.InvoiceLine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverageRuleTest {

  private static final OverageRule RULE = OverageRule.of();
  private static final Contract WITH_USAGE = contract("EUR", null,
      List.of(fixedFee("L-001", eur("24000.00")), usage("L-005", eur("85.00"))));
  private static final Contract WITHOUT_USAGE = contract("EUR", null, List.of(fixedFee("L-001", eur("24000.00"))));

  private static InvoiceLine usageItemLine() {
    return withServiceItem(deLine(2, "3", "85.00"), SVC_SUPPORT_TICKETS);
  }

  @Test
  void usageLineUnderAContractWithUsageTerms_passes() {
    assertClean(validate(RULE, invoice().contract(CONTRACT).lines(deLine(1, "1", "100.00"), usageItemLine()).build(),
        records(WITH_USAGE)));
    assertClean(validate(RULE, invoice().contract(CONTRACT)
        .lines(withContractLine(deLine(1, "3", "85.00"), "L-005")).build(), records(WITH_USAGE)));
  }

  @Test
  void usageBasedServiceItemUnderAContractWithoutUsageTerms_isOverageNotAllowed() {
    Violation v = onlyViolation(validate(RULE, invoice().contract(CONTRACT)
            .lines(deLine(1, "1", "100.00"), usageItemLine()).build(), records(WITHOUT_USAGE)),
        ReasonCodes.OVERAGE_NOT_ALLOWED, Severity.ERROR, "/lines/1/serviceItemId");

    assertThat(v.message()).startsWith("line 2 bills usage-based service item MS-SUPPORT-TICKET (" + SVC_SUPPORT_TICKETS
        + "), but contract SOW-2026-0142 has no usage terms in force on the issue date 2026-11-02");
  }

  @Test
  void lineNamingAUsageTermRemovedByAnAmendment_isOverageNotAllowed() {
    ContractAmendment removal = new ContractAmendment(1, LocalDate.parse("2026-10-01"), "Usage ended", List.of(),
        List.of("L-005"), null, null);
    Contract ended = contract("EUR", null, List.of(fixedFee("L-001", eur("24000.00")), usage("L-005", eur("85.00"))),
        removal);

    onlyViolation(validate(RULE, invoice().contract(CONTRACT)
            .lines(withContractLine(deLine(1, "3", "85.00"), "L-005")).build(), records(ended)),
        ReasonCodes.OVERAGE_NOT_ALLOWED, Severity.ERROR, "/lines/0/contractLineId");
  }

  @Test
  void usageLineOnAnInvoiceWithoutContract_isOverageNotAllowed() {
    Violation v = onlyViolation(validate(RULE, invoice().lines(usageItemLine()).build()),
        ReasonCodes.OVERAGE_NOT_ALLOWED, Severity.ERROR, "/lines/0/serviceItemId");

    assertThat(v.message()).contains("the invoice names no contract");
  }

  @Test
  void nonUsageLines_pass() {
    assertClean(validate(RULE, invoice().contract(CONTRACT).lines(deLine(1, "1", "100.00"),
        withContractLine(deLine(2, "1", "100.00"), "L-001")).build(), records(WITHOUT_USAGE)));
    assertClean(validate(RULE, invoice().lines(deLine(1, "1", "100.00")).build()));
  }

  @Test
  void missingContract_isLeftToTheCurrencyRule() {
    assertClean(validate(RULE, invoice().contract(CONTRACT).lines(usageItemLine()).build()));
  }
}
