package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.EUR;
import static dev.steward.core.validation.rules.RuleFixturesA.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesA.amendment;
import static dev.steward.core.validation.rules.RuleFixturesA.contract;
import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesA.milestone;
import static dev.steward.core.validation.rules.RuleFixturesA.milestones;
import static dev.steward.core.validation.rules.RuleFixturesA.money;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.period;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractAmendment;
import dev.steward.model.ContractStatus;
import dev.steward.model.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractPeriodRuleTest {
  private final ContractPeriodRule rule = new ContractPeriodRule();

  private static Contract contract(Period term, ContractAmendment... amendments) {
    return RuleFixturesA.contract(LE_DE, ContractStatus.ACTIVE, term, EUR, null, null,
        List.<CommercialTerm>of(fixedFee("L-001", money("1000", EUR))), List.of(amendments));
  }

  @Test
  void appliesTo_contracts() {
    assertThat(rule.appliesTo()).isEqualTo(Contract.class);
  }

  @Test
  void check_termRunningForwards_passes() {
    Contract ok = contract(period("2026-01-01", "2026-12-31"), amendment(1, "2026-12-01", "2027-12-31"));

    assertThat(direct(rule, ok)).isEmpty();
    assertThat(viaJson(rule, ok)).isEmpty();
  }

  @Test
  void check_oneDayTerm_passes() {
    assertThat(direct(rule, contract(period("2026-05-04", "2026-05-04")))).isEmpty();
  }

  @Test
  void check_termEndingBeforeItStarts_isInvalidPeriodAtEnd() {
    Violation v = only(direct(rule, contract(period("2026-02-01", "2026-01-31"))),
        "ERROR INVALID_PERIOD at /term/end (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.INVALID_PERIOD);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.message()).contains("SOW-2026-0142", "2026-01-31", "2026-02-01");
  }

  @Test
  void check_amendmentEndingOnTheFirstDay_passes() {
    assertThat(direct(rule, contract(period("2026-01-01", "2026-12-31"), amendment(1, "2026-01-01", "2026-01-01"))))
        .isEmpty();
  }

  @Test
  void check_amendmentEndingBeforeTheStart_isInvalidPeriodAtNewTermEnd() {
    Violation v = only(direct(rule, contract(period("2026-01-01", "2026-12-31"),
            amendment(1, "2026-03-01", "2026-06-30"), amendment(2, "2026-04-01", "2025-12-31"))),
        "ERROR INVALID_PERIOD at /amendments/1/newTermEnd (rule)");

    assertThat(v.message()).contains("amendment 2", "2025-12-31", "2026-01-01");
  }

  @Test
  void check_milestoneDueAfterTheTerm_isNotReported() {
    Contract late = RuleFixturesA.contract(EUR,
        milestones("L-001", milestone("M1", money("100", EUR), "2027-03-31")));

    assertThat(direct(rule, late)).isEmpty();
  }

  @Test
  void check_viaCanonicalJson_reportsBesideBeanValidation() {
    Contract backwards = contract(period("2026-02-01", "2026-01-31"), amendment(1, "2026-03-01", "2025-06-30"));

    assertThat(summary(viaJson(rule, backwards))).containsExactly(
        "ERROR CONSTRAINT_VIOLATION at /term/end (bean-validation)",
        "ERROR INVALID_PERIOD at /term/end (rule)",
        "ERROR INVALID_PERIOD at /amendments/0/newTermEnd (rule)");
  }
}
