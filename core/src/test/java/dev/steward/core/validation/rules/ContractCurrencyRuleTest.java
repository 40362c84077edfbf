package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.BHD;
import static dev.steward.core.validation.rules.RuleFixturesA.CHF;
import static dev.steward.core.validation.rules.RuleFixturesA.EUR;
import static dev.steward.core.validation.rules.RuleFixturesA.GBP;
import static dev.steward.core.validation.rules.RuleFixturesA.JPY;
import static dev.steward.core.validation.rules.RuleFixturesA.LE_BH;
import static dev.steward.core.validation.rules.RuleFixturesA.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesA.LE_JP;
import static dev.steward.core.validation.rules.RuleFixturesA.LE_UNKNOWN;
import static dev.steward.core.validation.rules.RuleFixturesA.SEK;
import static dev.steward.core.validation.rules.RuleFixturesA.USD;
import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesA.money;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.period;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.Category;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.CanonicalId;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractStatus;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractCurrencyRuleTest {
  private final ContractCurrencyRule rule = new ContractCurrencyRule();

  private static Contract contract(CanonicalId legalEntity, Currency currency) {
    return RuleFixturesA.contract(legalEntity, ContractStatus.ACTIVE, period("2026-01-01", "2026-12-31"), currency,
        null, null, List.<CommercialTerm>of(fixedFee("L-001", money("1000", currency))), List.of());
  }

  @Test
  void appliesTo_contracts() {
    assertThat(rule.appliesTo()).isEqualTo(Contract.class);
  }

  @Test
  void check_functionalCurrency_passes() {
    assertThat(direct(rule, contract(LE_DE, EUR))).isEmpty();
    assertThat(direct(rule, contract(LE_JP, JPY))).isEmpty();
    assertThat(direct(rule, contract(LE_BH, BHD))).isEmpty();
    assertThat(viaJson(rule, contract(LE_DE, EUR))).isEmpty();
  }

  @Test
  void check_allowedCurrency_passes() {
    assertThat(direct(rule, contract(LE_DE, CHF))).isEmpty();
    assertThat(direct(rule, contract(LE_DE, USD))).isEmpty();
  }

  @Test
  void check_activeCurrencyTheEntityMayNotUse_isNotAllowed() {
    Violation v = only(direct(rule, contract(LE_DE, GBP)), "ERROR CURRENCY_NOT_ALLOWED at /currency (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.CURRENCY_NOT_ALLOWED);
    assertThat(v.category()).isEqualTo(Category.POLICY);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.message())
        .contains("SOW-2026-0142", "GBP", "ACME-DE", "books in EUR", "may also contract in CHF, USD");
  }

  @Test
  void check_entityWithNoOtherCurrency_saysSo() {
    Violation v = only(direct(rule, contract(LE_JP, EUR)), "ERROR CURRENCY_NOT_ALLOWED at /currency (rule)");

    assertThat(v.message()).contains("EUR", "ACME-JP", "books in JPY", "may contract in no other currency");
  }

  @Test
  void check_inactiveCurrency_isUnknownAndNotAllowed() {
    List<Violation> found = direct(rule, contract(LE_DE, SEK));

    assertThat(summary(found)).containsExactly(
        "ERROR UNKNOWN_CURRENCY at /currency (rule)", "ERROR CURRENCY_NOT_ALLOWED at /currency (rule)");
    assertThat(found.get(0).category()).isEqualTo(Category.REFERENCE_DATA);
    assertThat(found.get(0).message()).contains("SEK", "not an active currency");
  }

  @Test
  void check_unknownLegalEntity_isReportedAtLegalEntityId() {
    Violation v = only(direct(rule, contract(LE_UNKNOWN, EUR)), "ERROR UNKNOWN_LEGAL_ENTITY at /legalEntityId (rule)");

    assertThat(v.message()).contains(LE_UNKNOWN.toString(), "not in the reference data");
  }

  @Test
  void check_viaCanonicalJson_reportsTheRuleStage() {
    assertThat(summary(viaJson(rule, contract(LE_BH, JPY))))
        .containsExactly("ERROR CURRENCY_NOT_ALLOWED at /currency (rule)");
    assertThat(summary(viaJson(rule, contract(LE_UNKNOWN, SEK)))).containsExactly(
        "ERROR UNKNOWN_CURRENCY at /currency (rule)", "ERROR UNKNOWN_LEGAL_ENTITY at /legalEntityId (rule)");
  }
}
