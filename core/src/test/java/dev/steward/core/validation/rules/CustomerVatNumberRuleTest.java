package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.DE_VAT;
import static dev.steward.core.validation.rules.RuleFixturesB.DE_VAT_BAD_CHECK_DIGIT;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_DE_LENIENT;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_UNKNOWN;
import static dev.steward.core.validation.rules.RuleFixturesB.assertClean;
import static dev.steward.core.validation.rules.RuleFixturesB.customer;
import static dev.steward.core.validation.rules.RuleFixturesB.isoCountry;
import static dev.steward.core.validation.rules.RuleFixturesB.onlyViolation;
import static dev.steward.core.validation.rules.RuleFixturesB.taxId;
import static dev.steward.core.validation.rules.RuleFixturesB.validate;
import static dev.steward.core.validation.rules.RuleFixturesB.vatRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.validation.Category;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.core.validation.rules.RuleFixturesB.FakeRegistry;
import dev.steward.core.validation.rules.RuleFixturesB.VatRow;
import dev.steward.core.validation.vat.VatNumbers;
import dev.steward.core.validation.vat.VatRegistry;
import dev.steward.core.validation.vat.VatRegistry.Answer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CustomerVatNumberRuleTest {

  static Stream<VatRow> validRows() {
    return vatRows(List.of("AT", "DE", "EL", "FR", "IT", "NL", "PL", "XI"), 2).stream().filter(VatRow::valid);
  }

  static Stream<VatRow> invalidRows() {
    return vatRows(List.of("AT", "DE", "EL", "FR", "IT", "NL", "PL", "XI"), 2).stream().filter(r -> !r.valid());
  }

  @Nested
  class Offline {
    private final CustomerVatNumberRule rule = CustomerVatNumberRule.offline();

    @Test
    void theCsvSample_coversEveryPickedCountryBothWays() {
      assertThat(validRows().map(VatRow::country).distinct()).hasSize(8);
      assertThat(invalidRows().map(VatRow::country).distinct()).hasSize(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.steward.core.validation.rules.CustomerVatNumberRuleTest#validRows")
    void validNumbersFromTheReferenceData_pass(VatRow row) {
      assertClean(validate(rule, customer(LE_DE, taxId(isoCountry(row.country()), row.number()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.steward.core.validation.rules.CustomerVatNumberRuleTest#invalidRows")
    void invalidNumbersFromTheReferenceData_areInvalidVatNumber_withVatCheckMessage(VatRow row) {
      Violation v = onlyViolation(validate(rule, customer(LE_DE, taxId(isoCountry(row.country()), row.number()))),
          ReasonCodes.INVALID_VAT_NUMBER, Severity.ERROR, "/taxIds/0/number");

      assertThat(v.message()).isEqualTo(
          "tax id 1: " + VatNumbers.check(row.country(), row.number()).message() + " (/taxIds/0/number)");
    }

    @Test
    void greece_isCheckedUnderPrefixEl_whetherWrittenGrOrEl() {
      assertClean(validate(rule, customer(LE_DE, taxId("GR", "094259216"), taxId("GR", "EL 094259216"),
          taxId("GR", "GR094259216"), taxId("EL", "094259216"))));

      Violation v = onlyViolation(validate(rule, customer(LE_DE, taxId("GR", "094259217"))),
          ReasonCodes.INVALID_VAT_NUMBER, Severity.ERROR, "/taxIds/0/number");
      assertThat(v.message()).contains("EL VAT number EL094259217");
    }

    @Test
    void northernIreland_isCheckedAsXi_alsoUnderCountryGb() {
      assertClean(validate(rule, customer(LE_DE, taxId("XI", "XI 432525179"), taxId("GB", "XI 432525179"))));
      onlyViolation(validate(rule, customer(LE_DE, taxId("GB", "XI 432525178"))), ReasonCodes.INVALID_VAT_NUMBER,
          Severity.ERROR, "/taxIds/0/number");
    }

    @Test
    void taxIdsOfOtherCountries_areNotChecked() {
      assertClean(validate(rule, customer(LE_DE, taxId("US", "12-3456789"), taxId("CH", "CHE-123.456.789 MWST"),
          taxId("GB", "GB 123 4567 89"), taxId("NO", "not a VAT number"))));
    }

    @Test
    void numberOfAnotherMemberState_isInvalidForTheTaxIdsCountry() {
      onlyViolation(validate(rule, customer(LE_DE, taxId("DE", "FR 23 334 175 221"))), ReasonCodes.INVALID_VAT_NUMBER,
          Severity.ERROR, "/taxIds/0/number");
    }

    @Test
    void everyTaxId_isCheckedAtItsOwnPath() {
      ValidationReport report = validate(rule, customer(LE_DE, taxId("US", "12-3456789"), taxId("DE", DE_VAT),
          taxId("DE", DE_VAT_BAD_CHECK_DIGIT)));

      Violation v = onlyViolation(report, ReasonCodes.INVALID_VAT_NUMBER, Severity.ERROR, "/taxIds/2/number");
      assertThat(v.message()).isEqualTo(
          "tax id 3: the check digit of DE VAT number DE136695978 does not match (/taxIds/2/number)");
    }
  }

  @Nested
  class Online {

    @Test
    void registeredNumber_passes_andTheRegistryGetsTheCompactNumber() {
      FakeRegistry registry = new FakeRegistry();

      assertClean(validate(CustomerVatNumberRule.withRegistry(registry),
          customer(LE_DE, taxId("DE", DE_VAT), taxId("GR", "094259216"))));

      assertThat(registry.asked()).containsExactly("DE136695976", "EL094259216");
    }

    @Test
    void unregisteredNumber_isVatNumberNotRegistered() {
      FakeRegistry registry = new FakeRegistry().answer("DE136695976", Answer.notRegistered());

      Violation v = onlyViolation(validate(CustomerVatNumberRule.withRegistry(registry),
          customer(LE_DE, taxId("DE", DE_VAT))), ReasonCodes.VAT_NUMBER_NOT_REGISTERED, Severity.ERROR,
          "/taxIds/0/number");

      assertThat(v.category()).isEqualTo(Category.REFERENCE_DATA);
      assertThat(v.message()).contains("the VAT registry does not know VAT number DE136695976");
    }

    @Test
    void malformedNumber_isNeverSentToTheRegistry() {
      FakeRegistry registry = new FakeRegistry().otherwise(Answer.unavailable("VIES down"));

      onlyViolation(validate(CustomerVatNumberRule.withRegistry(registry),
          customer(LE_DE, taxId("DE", DE_VAT_BAD_CHECK_DIGIT))), ReasonCodes.INVALID_VAT_NUMBER, Severity.ERROR,
          "/taxIds/0/number");

      assertThat(registry.calls()).isZero();
    }

    @Test
    void unavailableRegistry_whenTheLegalEntityHolds_isAnError_andTheRecordIsUnchecked() {
      FakeRegistry registry = new FakeRegistry().otherwise(Answer.unavailable("VIES timed out after 5 s"));

      ValidationReport report = validate(CustomerVatNumberRule.withRegistry(registry),
          customer(LE_DE, taxId("DE", DE_VAT)));

      Violation v = onlyViolation(report, ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.ERROR, "/taxIds/0/number");
      assertThat(v.category()).isEqualTo(Category.DEPENDENCY_UNAVAILABLE);
      assertThat(v.message()).isEqualTo("tax id 1: VAT number DE136695976 has a valid format but could not be"
          + " confirmed online (VIES timed out after 5 s); legal entity ACME-DE holds the record until it is"
          + " confirmed (/taxIds/0/number)");
      assertThat(report.valid()).isFalse();
      assertThat(report.unchecked()).isTrue();
      assertThat(report.withCode(ReasonCodes.INVALID_VAT_NUMBER)).isEmpty();
    }

    @Test
    void unavailableRegistry_whenTheLegalEntityPassesWithWarning_isAWarning() {
      FakeRegistry registry = new FakeRegistry().otherwise(Answer.unavailable("VIES timed out"));

      ValidationReport report = validate(CustomerVatNumberRule.withRegistry(registry),
          customer(LE_DE_LENIENT, taxId("DE", DE_VAT)));

      Violation v = onlyViolation(report, ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.WARNING, "/taxIds/0/number");
      assertThat(v.message()).contains("legal entity ACME-DE-LENIENT lets the record pass with this warning");
      assertThat(report.valid()).isTrue();
    }

    @Test
    void unavailableRegistry_whenTheLegalEntityIsUnknown_holds() {
      FakeRegistry registry = new FakeRegistry().otherwise(Answer.unavailable("VIES timed out"));

      Violation v = onlyViolation(validate(CustomerVatNumberRule.withRegistry(registry),
          customer(LE_UNKNOWN, taxId("DE", DE_VAT))), ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.ERROR,
          "/taxIds/0/number");

      assertThat(v.message()).contains("its legal entity is unknown");
    }

    @Test
    void registryThatThrows_isUnavailable_neverInvalid() {
      FakeRegistry registry = new FakeRegistry().failing(new IllegalStateException("connection refused"));

      Violation held = onlyViolation(validate(CustomerVatNumberRule.withRegistry(registry),
          customer(LE_DE, taxId("DE", DE_VAT))), ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.ERROR,
          "/taxIds/0/number");
      onlyViolation(validate(CustomerVatNumberRule.withRegistry(registry), customer(LE_DE_LENIENT, taxId("DE", DE_VAT))),
          ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.WARNING, "/taxIds/0/number");

      assertThat(held.message()).contains("the VAT registry failed: IllegalStateException: connection refused");
    }

    @Test
    void registryThatAnswersNull_isUnavailable() {
      VatRegistry silent = number -> null;

      onlyViolation(validate(CustomerVatNumberRule.withRegistry(silent), customer(LE_DE, taxId("DE", DE_VAT))),
          ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.ERROR, "/taxIds/0/number");
    }

    @Test
    void eachNumber_getsItsOwnAnswer() {
      FakeRegistry registry = new FakeRegistry().answer("EL094259216", Answer.notRegistered())
          .answer("XI432525179", Answer.unavailable("HMRC down"));

      ValidationReport report = validate(CustomerVatNumberRule.withRegistry(registry),
          customer(LE_DE, taxId("DE", DE_VAT), taxId("GR", "094259216"), taxId("XI", "XI 432525179")));

      assertThat(report.violations()).extracting(Violation::code, Violation::path).containsExactly(
          org.assertj.core.groups.Tuple.tuple(ReasonCodes.VAT_NUMBER_NOT_REGISTERED, "/taxIds/1/number"),
          org.assertj.core.groups.Tuple.tuple(ReasonCodes.VAT_CHECK_UNAVAILABLE, "/taxIds/2/number"));
    }

    @Test
    void answers_areValueBased_andUnavailableNeedsAReason() {
      assertThat(Answer.registered()).isEqualTo(new Answer.Registered());
      assertThat(Answer.notRegistered()).isEqualTo(new Answer.NotRegistered());
      assertThat(Answer.unavailable("x")).isEqualTo(new Answer.Unavailable("x"));
      assertThatThrownBy(() -> Answer.unavailable(" ")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CustomerVatNumberRule.withRegistry(null)).isInstanceOf(NullPointerException.class);
    }
  }
}
