package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.CONTRACT;
import static dev.steward.core.validation.rules.RuleFixturesB.assertClean;
import static dev.steward.core.validation.rules.RuleFixturesB.contract;
import static dev.steward.core.validation.rules.RuleFixturesB.eur;
import static dev.steward.core.validation.rules.RuleFixturesB.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesB.invoice;
import static dev.steward.core.validation.rules.RuleFixturesB.line;
import static dev.steward.core.validation.rules.RuleFixturesB.milestones;
import static dev.steward.core.validation.rules.RuleFixturesB.money;
import static dev.steward.core.validation.rules.RuleFixturesB.onlyViolation;
import static dev.steward.core.validation.rules.RuleFixturesB.records;
import static dev.steward.core.validation.rules.RuleFixturesB.validate;
import static dev.steward.core.validation.rules.RuleFixturesB.withContractLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.Contract;
import dev.steward.model.ContractAmendment;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilestoneBillingRuleTest {

  private static final MilestoneBillingRule RULE = MilestoneBillingRule.of();

  /** A milestone line of {@code amount} EUR net (reverse charge, no tax) billing term L-003. */
  private static InvoiceLine milestoneLine(int number, String amount) {
    return withContractLine(line(number, "1", eur(amount), eur(amount), "DE-RC", "0", eur("0.00")), "L-003");
  }

  private static Invoice invoiceOf(InvoiceLine... lines) {
    return invoice().contract(CONTRACT).lines(lines).build();
  }

  /** Total value 30000; milestones 12000 + 12000 + 6000 = 30000 on L-003, plus a fixed fee L-001. */
  private static Contract contractValued(Money totalValue, ContractAmendment... amendments) {
    return contract("EUR", totalValue, List.of(fixedFee("L-001", eur("24000.00")),
        milestones("L-003", eur("12000.00"), eur("12000.00"), eur("6000.00"))), amendments);
  }

  @Test
  void milestonesWithinTheContractValue_pass() {
    assertClean(validate(RULE, invoiceOf(milestoneLine(1, "6000.00"), milestoneLine(2, "4000.00")),
        records(contractValued(eur("30000.00"))).milestonesInvoiced(eur("12000.00"))));
  }

  @Test
  void milestonesUpToExactlyTheContractValue_pass() {
    assertClean(validate(RULE, invoiceOf(milestoneLine(1, "12000.00")),
        records(contractValued(eur("30000.00"))).milestonesInvoiced(eur("18000.00"))));
    assertClean(validate(RULE, invoiceOf(milestoneLine(1, "6000.00")),
        records(contractValued(eur("30000.00"))).milestonesInvoiced(eur("24000.00"))));
  }

  @Test
  void milestonesBeyondTheContractValue_isReportedAtTheLineThatCrossesIt() {
    Invoice inv = invoiceOf(milestoneLine(1, "6000.00"), milestoneLine(2, "6000.00"), milestoneLine(3, "1000.00"));

    Violation v = onlyViolation(validate(RULE, inv,
            records(contractValued(eur("30000.00"))).milestonesInvoiced(eur("24000.00"))),
        ReasonCodes.MILESTONE_EXCEEDS_CONTRACT, Severity.ERROR, "/lines/1/netAmount");

    assertThat(v.message()).isEqualTo("line 2: milestone billing under contract SOW-2026-0142 would reach 36000.00 EUR"
        + " (24000.00 EUR invoiced before plus 12000.00 EUR on this invoice up to this line), more than the contract"
        + " value of 30000.00 EUR (/lines/1/netAmount)");
  }

  @Test
  void oneCentOver_isReported() {
    onlyViolation(validate(RULE, invoiceOf(milestoneLine(1, "6000.01")),
            records(contractValued(eur("30000.00"))).milestonesInvoiced(eur("24000.00"))),
        ReasonCodes.MILESTONE_EXCEEDS_CONTRACT, Severity.ERROR, "/lines/0/netAmount");
  }

  @Test
  void unknownInvoicedToDate_checksTheInvoiceOnItsOwn() {
    assertClean(validate(RULE, invoiceOf(milestoneLine(1, "30000.00")), records(contractValued(eur("30000.00")))));
    onlyViolation(validate(RULE, invoiceOf(milestoneLine(1, "30000.01")), records(contractValued(eur("30000.00")))),
        ReasonCodes.MILESTONE_EXCEEDS_CONTRACT, Severity.ERROR, "/lines/0/netAmount");
  }

  @Test
  void withoutTotalValue_theMilestoneAmountsAreTheCap() {
    Violation v = onlyViolation(validate(RULE, invoiceOf(milestoneLine(1, "6000.00")),
            records(contractValued(null)).milestonesInvoiced(eur("24000.01"))),
        ReasonCodes.MILESTONE_EXCEEDS_CONTRACT, Severity.ERROR, "/lines/0/netAmount");

    assertThat(v.message()).contains("more than the 30000.00 EUR its milestones add up to");
  }

  @Test
  void amendedTotalValue_inForceOnTheIssueDate_isTheCap() {
    ContractAmendment raise = new ContractAmendment(1, LocalDate.parse("2026-10-01"), "CO-01", List.of(), List.of(),
        null, eur("40000.00"));
    ContractAmendment later = new ContractAmendment(2, LocalDate.parse("2027-01-01"), "CO-02", List.of(), List.of(),
        null, eur("20000.00"));

    assertClean(validate(RULE, invoiceOf(milestoneLine(1, "12000.00")),
        records(contractValued(eur("30000.00"), raise, later)).milestonesInvoiced(eur("28000.00"))));
  }

  @Test
  void linesNotBillingAMilestoneTerm_areNotCounted() {
    InvoiceLine fee = withContractLine(line(1, "1", eur("24000.00"), eur("24000.00"), "DE-RC", "0", eur("0.00")),
        "L-001");

    assertClean(validate(RULE, invoiceOf(fee, milestoneLine(2, "12000.00")),
        records(contractValued(eur("30000.00"))).milestonesInvoiced(eur("18000.00"))));
  }

  @Test
  void otherCurrencies_areNotCompared() {
    // the invoice in USD against a EUR contract: InvoiceCurrencyRule's business
    InvoiceLine usd = withContractLine(line(1, "1", money("99999.00", "USD"), money("99999.00", "USD"), "DE-RC", "0",
        money("0.00", "USD")), "L-003");
    assertClean(validate(RULE, invoice().currency("USD").contract(CONTRACT).lines(usd).build(),
        records(contractValued(eur("30000.00")))));

    // an invoiced-to-date figure in USD counts as unknown
    assertClean(validate(RULE, invoiceOf(milestoneLine(1, "12000.00")),
        records(contractValued(eur("30000.00"))).milestonesInvoiced(money("25000.00", "USD"))));

    // a contract value in another currency than the contract's cannot cap it
    assertClean(validate(RULE, invoiceOf(milestoneLine(1, "99999.00")),
        records(contractValued(money("30000.00", "USD")))));
  }

  @Test
  void missingContract_isLeftToTheCurrencyRule() {
    assertClean(validate(RULE, invoiceOf(milestoneLine(1, "99999.00"))));
  }
}
