package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.BHD;
import static dev.steward.core.validation.rules.RuleFixturesA.EUR;
import static dev.steward.core.validation.rules.RuleFixturesA.JPY;
import static dev.steward.core.validation.rules.RuleFixturesA.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesA.USD;
import static dev.steward.core.validation.rules.RuleFixturesA.amendment;
import static dev.steward.core.validation.rules.RuleFixturesA.contract;
import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesA.money;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.period;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.usage;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractStatus;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTermsRuleTest {
  private final UsageTermsRule rule = new UsageTermsRule();

  private static final String MISSING = "ERROR MISSING_USAGE_TERMS at ";

  @Test
  void appliesTo_contracts() {
    assertThat(rule.appliesTo()).isEqualTo(Contract.class);
  }

  @Test
  void check_completeUsageLine_passes() {
    Contract contract = contract(EUR, fixedFee("L-001", money("0", EUR)),
        usage("L-002", new BigDecimal("500"), money("12.50", EUR)));

    assertThat(direct(rule, contract)).isEmpty(); // the zero fee is ContractBillingTermsRule's business
    assertThat(viaJson(rule, contract)).isEmpty();
  }

  @Test
  void check_zeroIncludedQuantityAndSubMinorUnitPrice_pass() {
    assertThat(direct(rule, contract(EUR, usage("L-001", BigDecimal.ZERO, money("0.0125", EUR))))).isEmpty();
    assertThat(direct(rule, contract(JPY, usage("L-001", BigDecimal.ZERO, money("0.5", JPY))))).isEmpty();
    assertThat(direct(rule, contract(BHD, usage("L-001", new BigDecimal("0.001"), money("0.001", BHD))))).isEmpty();
  }

  @Test
  void check_absentIncludedQuantity_isMissingUsageTerms() {
    Violation v = only(direct(rule, contract(EUR, usage("L-001", null, money("1", EUR)))),
        MISSING + "/terms/0/includedQuantity (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.MISSING_USAGE_TERMS);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.message()).contains("line L-001", "support-tickets", "no included quantity");
  }

  @Test
  void check_negativeIncludedQuantity_isMissingUsageTerms() {
    Violation v = only(direct(rule, contract(EUR, usage("L-001", new BigDecimal("-0.001"), money("1", EUR)))),
        MISSING + "/terms/0/includedQuantity (rule)");

    assertThat(v.message()).contains("-0.001 ticket", "below zero");
  }

  @Test
  void check_zeroOrAbsentOveragePrice_isMissingUsageTerms() {
    Violation zeroYen = only(direct(rule, contract(JPY, usage("L-001", BigDecimal.TEN, money("0", JPY)))),
        MISSING + "/terms/0/overageUnitPrice (rule)");
    Violation zeroDinar = only(direct(rule, contract(BHD, usage("L-001", BigDecimal.TEN, money("0.000", BHD)))),
        MISSING + "/terms/0/overageUnitPrice (rule)");
    Violation absent = only(direct(rule, contract(EUR, usage("L-001", BigDecimal.TEN, null))),
        MISSING + "/terms/0/overageUnitPrice (rule)");

    assertThat(zeroYen.message()).contains("0 JPY per ticket", "more than zero");
    assertThat(zeroDinar.message()).contains("0.000 BHD");
    assertThat(absent.message()).contains("no overage price per ticket");
  }

  @Test
  void check_overagePriceInAnotherCurrency_isMissingUsageTerms() {
    Violation v = only(direct(rule, contract(EUR, usage("L-001", BigDecimal.TEN, money("2.00", USD)))),
        MISSING + "/terms/0/overageUnitPrice (rule)");

    assertThat(v.message()).contains("2.00 USD", "contract currency EUR");
  }

  @Test
  void check_usageLineAddedByAmendment_isChecked() {
    Contract contract = RuleFixturesA.contract(LE_DE, ContractStatus.ACTIVE, period("2026-01-01", "2026-12-31"), EUR,
        null, null, List.<CommercialTerm>of(fixedFee("L-001", money("1000", EUR))),
        List.of(amendment(1, "2026-05-01", null, usage("L-007", BigDecimal.ONE, money("-1", EUR)))));

    Violation v = only(direct(rule, contract), MISSING + "/amendments/0/addedTerms/0/overageUnitPrice (rule)");

    assertThat(v.message()).contains("L-007", "added by amendment 1", "-1.00 EUR");
  }

  @Test
  void check_viaCanonicalJson_reportsEachUsageLine() {
    Contract contract = contract(EUR, usage("L-001", BigDecimal.TEN, money("0", EUR)),
        usage("L-002", BigDecimal.TEN, money("3", USD)));

    assertThat(summary(viaJson(rule, contract))).containsExactly(
        MISSING + "/terms/0/overageUnitPrice (rule)", MISSING + "/terms/1/overageUnitPrice (rule)");
  }
}
