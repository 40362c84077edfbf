package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.BHD;
import static dev.steward.core.validation.rules.RuleFixturesA.CHF;
import static dev.steward.core.validation.rules.RuleFixturesA.EUR;
import static dev.steward.core.validation.rules.RuleFixturesA.JPY;
import static dev.steward.core.validation.rules.RuleFixturesA.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesA.RATE_CARD;
import static dev.steward.core.validation.rules.RuleFixturesA.RATE_CARD_UNKNOWN;
import static dev.steward.core.validation.rules.RuleFixturesA.RATE_CARD_USD_GBP;
import static dev.steward.core.validation.rules.RuleFixturesA.USD;
import static dev.steward.core.validation.rules.RuleFixturesA.amendment;
import static dev.steward.core.validation.rules.RuleFixturesA.contract;
import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesA.milestone;
import static dev.steward.core.validation.rules.RuleFixturesA.milestones;
import static dev.steward.core.validation.rules.RuleFixturesA.money;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.period;
import static dev.steward.core.validation.rules.RuleFixturesA.referenceData;
import static dev.steward.core.validation.rules.RuleFixturesA.retainer;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.timeAndMaterials;
import static dev.steward.core.validation.rules.RuleFixturesA.usage;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.reference.DelegatingReferenceData;
import dev.steward.core.reference.InMemoryReferenceData;
import dev.steward.core.reference.ReferenceData;
import dev.steward.core.reference.ReferenceDataUnavailableException;
import dev.steward.core.reference.ReferenceKind;
import dev.steward.core.validation.Category;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.CanonicalId;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractStatus;
import dev.steward.model.RateCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractBillingTermsRuleTest {
  private final ContractBillingTermsRule rule = new ContractBillingTermsRule();

  private static final String MISSING = "ERROR MISSING_CONTRACT_TERMS at ";
  private static final String MISMATCH = "ERROR CURRENCY_MISMATCH at ";

  @Test
  void appliesTo_contracts() {
    assertThat(rule.appliesTo()).isEqualTo(Contract.class);
  }

  @Test
  void check_everyKindBillable_passesDirectlyAndAsJson() {
    Contract contract = contract(EUR,
        fixedFee("L-001", money("12000.00", EUR)),
        timeAndMaterials("L-002", RATE_CARD, money("50000", EUR)),
        milestones("L-003", milestone("M1", money("5000", EUR), "2026-04-30"),
            milestone("M2", money("7000.50", EUR), "2026-09-30")),
        retainer("L-004", money("2500", EUR)),
        usage("L-005", BigDecimal.ZERO, money("0.0125", EUR)));

    assertThat(direct(rule, contract)).isEmpty();
    assertThat(viaJson(rule, contract)).isEmpty();
  }

  @Test
  void check_usageLines_areLeftToUsageTermsRule() {
    Contract contract = contract(EUR, usage("L-001", null, money("0", USD)));

    assertThat(direct(rule, contract)).isEmpty();
  }

  @Test
  void check_zeroFixedFee_isMissingTermsAtFee() {
    Violation v = only(direct(rule, contract(EUR, fixedFee("L-001", money("0", EUR)))),
        MISSING + "/terms/0/fee (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.MISSING_CONTRACT_TERMS);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.category()).isEqualTo(Category.DATA);
    assertThat(v.message()).contains("line L-001", "0.00 EUR", "more than zero");
    assertThat(v.hint()).isEqualTo(ReasonCodes.MISSING_CONTRACT_TERMS.typicalFix());
  }

  @Test
  void check_negativeFixedFee_isMissingTerms() {
    Violation v = only(direct(rule, contract(EUR, fixedFee("L-001", money("-100", EUR)))),
        MISSING + "/terms/0/fee (rule)");

    assertThat(v.message()).contains("-100.00 EUR");
  }

  @Test
  void check_absentFixedFee_isMissingTerms() {
    Violation v = only(direct(rule, contract(EUR, fixedFee("L-001", null))), MISSING + "/terms/0/fee (rule)");

    assertThat(v.message()).contains("L-001", "no amount");
  }

  @Test
  void check_smallestAmountOfZeroAndThreeDigitCurrencies_passes() {
    assertThat(direct(rule, contract(JPY, fixedFee("L-001", money("1", JPY))))).isEmpty();
    assertThat(direct(rule, contract(BHD, fixedFee("L-001", money("0.001", BHD))))).isEmpty();
    assertThat(direct(rule, contract(EUR, fixedFee("L-001", money("0.01", EUR))))).isEmpty();
  }

  @Test
  void check_zeroInZeroAndThreeDigitCurrencies_isMissingTerms() {
    Violation yen = only(direct(rule, contract(JPY, fixedFee("L-001", money("0", JPY)))),
        MISSING + "/terms/0/fee (rule)");
    Violation dinar = only(direct(rule, contract(BHD, retainer("L-001", money("0", BHD)))),
        MISSING + "/terms/0/amount (rule)");

    assertThat(yen.message()).contains("0 JPY");
    assertThat(dinar.message()).contains("retainer", "0.000 BHD");
  }

  @Test
  void check_amountFinerThanTheCurrency_cannotBeInvoicedExactly() {
    Violation yen = only(direct(rule, contract(JPY, fixedFee("L-001", money("1000.5", JPY)))),
        MISSING + "/terms/0/fee (rule)");
    Violation dinar = only(direct(rule, contract(BHD, fixedFee("L-001", money("1.2345", BHD)))),
        MISSING + "/terms/0/fee (rule)");
    Violation euro = only(direct(rule, contract(EUR, fixedFee("L-001", money("99.999", EUR)))),
        MISSING + "/terms/0/fee (rule)");

    assertThat(yen.message()).contains("1000.5 JPY", "JPY allows (0)");
    assertThat(dinar.message()).contains("1.2345 BHD", "BHD allows (3)");
    assertThat(euro.message()).contains("99.999 EUR", "EUR allows (2)");
  }

  @Test
  void check_feeInAnotherCurrency_isCurrencyMismatchAtTheMoney() {
    Violation v = only(direct(rule, contract(EUR, fixedFee("L-001", money("100", USD)))),
        MISMATCH + "/terms/0/fee (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.CURRENCY_MISMATCH);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.message()).contains("L-001", "100.00 USD", "contract currency EUR");
  }

  @Test
  void check_zeroFeeInAnotherCurrency_reportsBoth() {
    assertThat(summary(direct(rule, contract(EUR, fixedFee("L-001", money("0", JPY))))))
        .containsExactly(MISSING + "/terms/0/fee (rule)", MISMATCH + "/terms/0/fee (rule)");
  }

  @Test
  void check_unknownRateCard_isMissingTermsAtRateCardId() {
    Violation v = only(direct(rule, contract(EUR, fixedFee("L-001", money("1", EUR)),
        timeAndMaterials("L-002", RATE_CARD_UNKNOWN, null))), MISSING + "/terms/1/rateCardId (rule)");

    assertThat(v.message()).contains("line L-002", RATE_CARD_UNKNOWN.toString(), "not in the reference data");
  }

  @Test
  void check_absentRateCard_isMissingTerms() {
    Violation v = only(direct(rule, contract(EUR, timeAndMaterials("L-001", null, null))),
        MISSING + "/terms/0/rateCardId (rule)");

    assertThat(v.message()).contains("L-001", "names no rate card");
  }

  @Test
  void check_rateCardWithoutRatesInTheContractCurrency_isMissingTerms() {
    Violation v = only(direct(rule, contract(EUR, timeAndMaterials("L-001", RATE_CARD_USD_GBP, null))),
        MISSING + "/terms/0/rateCardId (rule)");

    assertThat(v.message()).contains(RATE_CARD_USD_GBP.toString(), "US and UK rates 2026", "EUR", "GBP, USD");
    assertThat(direct(rule, contract(USD, timeAndMaterials("L-001", RATE_CARD_USD_GBP, null)))).isEmpty();
    assertThat(direct(rule, contract(JPY, timeAndMaterials("L-001", RATE_CARD, null)))).isEmpty();
    assertThat(direct(rule, contract(BHD, timeAndMaterials("L-001", RATE_CARD, null)))).isEmpty();
  }

  @Test
  void check_zeroOrForeignCap_isReportedAtNotToExceed() {
    Violation zero = only(direct(rule, contract(EUR, timeAndMaterials("L-001", RATE_CARD, money("0", EUR)))),
        MISSING + "/terms/0/notToExceed (rule)");
    Violation foreign = only(direct(rule, contract(EUR, timeAndMaterials("L-001", RATE_CARD, money("9000", CHF)))),
        MISMATCH + "/terms/0/notToExceed (rule)");

    assertThat(zero.message()).contains("not-to-exceed", "0.00 EUR");
    assertThat(foreign.message()).contains("9000.00 CHF", "EUR");
  }

  @Test
  void check_zeroMilestone_isReportedAtItsAmount() {
    Contract contract = contract(EUR, milestones("L-001",
        milestone("M1", money("5000", EUR), "2026-04-30"), milestone("M2", money("0", EUR), "2026-09-30"),
        milestone("M3", money("100", USD), "2026-11-30")));

    List<Violation> found = direct(rule, contract);

    assertThat(summary(found)).containsExactly(
        MISSING + "/terms/0/milestones/1/amount (rule)", MISMATCH + "/terms/0/milestones/2/amount (rule)");
    assertThat(found.get(0).message()).contains("milestone M2", "line L-001", "0.00 EUR");
    assertThat(found.get(1).message()).contains("milestone M3", "100.00 USD");
  }

  @Test
  void check_smallestRetainerInDinars_passes() {
    assertThat(direct(rule, contract(BHD, retainer("L-001", money("0.001", BHD))))).isEmpty();
  }

  @Test
  void check_termAddedByAmendment_isCheckedAtItsPath() {
    Contract contract = contract(LE_DE, ContractStatus.ACTIVE, period("2026-01-01", "2026-12-31"), EUR, null, null,
        List.<CommercialTerm>of(fixedFee("L-001", money("1000", EUR))),
        List.of(amendment(1, "2026-06-01", null),
            amendment(2, "2026-07-01", null, fixedFee("L-009", money("0", EUR)))));

    Violation v = only(direct(rule, contract), MISSING + "/amendments/1/addedTerms/0/fee (rule)");

    assertThat(v.message()).contains("L-009", "added by amendment 2");
  }

  @Test
  void check_defaultRateCardAndTotalValue() {
    Contract contract = contract(LE_DE, ContractStatus.ACTIVE, period("2026-01-01", "2026-12-31"), EUR,
        money("50000", USD), RATE_CARD_UNKNOWN, List.<CommercialTerm>of(fixedFee("L-001", money("1000", EUR))),
        List.of());

    List<Violation> found = direct(rule, contract);

    assertThat(summary(found)).containsExactly(MISSING + "/rateCardId (rule)", MISMATCH + "/totalValue (rule)");
    assertThat(found.get(0).message()).contains("default rate card", RATE_CARD_UNKNOWN.toString());
    assertThat(found.get(1).message()).contains("50000.00 USD", "EUR");
  }

  @Test
  void check_rateCardSourceDown_isUnavailableNotMissingTerms() {
    InMemoryReferenceData up = referenceData();
    ReferenceData down = new DelegatingReferenceData(up) {
      @Override
      public Optional<RateCard> rateCard(CanonicalId id) {
        throw new ReferenceDataUnavailableException(ReferenceKind.RATE_CARD, id.toString(), "ERP timed out", null);
      }
    };

    Violation v = only(direct(rule, contract(EUR, timeAndMaterials("L-001", RATE_CARD, null)), down,
        new RuleFixturesA.MapLookup()), "ERROR REFERENCE_DATA_UNAVAILABLE at  (rule)");

    assertThat(v.category()).isEqualTo(Category.DEPENDENCY_UNAVAILABLE);
  }

  @Test
  void check_viaCanonicalJson_reportsAfterSchemaAndBeanValidation() {
    Contract contract = contract(EUR, fixedFee("L-001", money("0", EUR)),
        timeAndMaterials("L-002", RATE_CARD_UNKNOWN, null), retainer("L-003", money("100", USD)));

    assertThat(summary(viaJson(rule, contract))).containsExactly(
        MISSING + "/terms/0/fee (rule)", MISSING + "/terms/1/rateCardId (rule)", MISMATCH + "/terms/2/amount (rule)");
  }
}
