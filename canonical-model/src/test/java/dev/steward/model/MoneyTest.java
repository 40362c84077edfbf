package dev.steward.model;

import static dev.steward.model.ModelTestSupport.jsonFailure;
import static dev.steward.model.ModelTestSupport.modelFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  @ParameterizedTest
  @ValueSource(strings = {"1234.50 EUR", "0.00 EUR", "-7.25 USD", "100 JPY", "1.500 BHD", "0.0125 EUR", "-0.0001 CHF"})
  void parse_ofToString_roundTrips(String text) {
    Money money = Money.parse(text);

    assertThat(money).hasToString(text);
    assertThat(Money.parse(money.toString())).isEqualTo(money);
    assertThat(Money.of(money.amount(), money.currency())).isEqualTo(money);
    assertThat(Money.of(money.amount().toPlainString(), money.currencyCode())).isEqualTo(money);
  }

  @ParameterizedTest
  @CsvSource({
    "10.5, EUR, 10.50",
    "10, EUR, 10.00",
    "1000, EUR, 1000.00",
    "10.500, EUR, 10.50",
    "0, EUR, 0.00",
    "-0.00, EUR, 0.00",
    "100.0, JPY, 100",
    "1000, JPY, 1000",
    "1.5, BHD, 1.500",
    "2, BHD, 2.000",
    "1.25, CHF, 1.25"
  })
  void of_normalizesToTheCurrencyScale(String amount, String currency, String expected) {
    Money money = Money.of(amount, currency);

    assertThat(money.amount()).isEqualTo(new BigDecimal(expected));
    assertThat(money.amount().scale()).isEqualTo(Currency.getInstance(currency).getDefaultFractionDigits());
    assertThat(money.isAtCurrencyScale()).isTrue();
  }

  @Test
  void of_bigDecimalWithNegativeScale_isNormalized() {
    assertThat(Money.of(new BigDecimal("1E+3"), "EUR")).hasToString("1000.00 EUR");
    assertThat(Money.of(new BigDecimal("1E+3"), "JPY")).hasToString("1000 JPY");
  }

  @ParameterizedTest
  @CsvSource({"0.0125, EUR", "0.00125, EUR", "100.5, JPY", "1.0005, BHD", "0.0000000001, EUR"})
  void of_finerThanTheCurrency_keepsItsDigits(String amount, String currency) {
    Money money = Money.of(amount, currency);

    assertThat(money.amount()).isEqualTo(new BigDecimal(amount));
    assertThat(money.isAtCurrencyScale()).isFalse();
  }

  @Test
  void of_trailingZerosBeyondTheCurrencyScale_areDropped() {
    assertThat(Money.of("0.01250", "EUR").amount()).isEqualTo(new BigDecimal("0.0125"));
    assertThat(Money.of("0.01250", "EUR")).isEqualTo(Money.of("0.0125", "EUR"));
  }

  @Test
  void of_bigDecimalMadeFromADouble_isInexact() {
    ModelException e = modelFailure(() -> Money.of(new BigDecimal(0.1), "EUR"));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.INEXACT_AMOUNT);
    assertThat(e.code()).isEqualTo("STEWARD-MODEL-INEXACT_AMOUNT");
    assertThat(e.getMessage()).contains("EUR").contains("double");
  }

  @Test
  void of_moreThanMaxScaleDigits_isInexact_maxScaleIsAccepted() {
    String atMax = "0." + "0".repeat(Money.MAX_SCALE - 1) + "1";

    assertThat(Money.of(atMax, "EUR").amount()).isEqualTo(new BigDecimal(atMax));
    assertThat(modelFailure(() -> Money.of(atMax + "1", "EUR")).reason()).isEqualTo(ModelException.Reason.INEXACT_AMOUNT);
    assertThat(Money.of(atMax + "0", "EUR").amount()).isEqualTo(new BigDecimal(atMax));
  }

  @Test
  void of_valueOfADouble_isAccepted() {
    assertThat(Money.of(BigDecimal.valueOf(0.1), "EUR")).hasToString("0.10 EUR");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XAU", "XAG", "XXX", "XTS", "XDR"})
  void of_currencyWithoutMinorUnit_isUnsupported(String code) {
    ModelException e = modelFailure(() -> Money.of("1", code));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.UNSUPPORTED_CURRENCY);
    assertThat(e.getMessage()).contains(code);
    assertThat(modelFailure(() -> Money.of(BigDecimal.ONE, Currency.getInstance(code))).reason())
        .isEqualTo(ModelException.Reason.UNSUPPORTED_CURRENCY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABC", "QQQ", "eur", "EURO", "EU", "", "E1R"})
  void of_unknownCurrencyCode_isInvalid(String code) {
    ModelException e = modelFailure(() -> Money.of("1", code));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.INVALID_VALUE);
    assertThat(e.getMessage()).contains("'" + code + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E+3", "1e3", "+1.00", ".5", "5.", "1,000.00", " 1.00", "1.00 ", "0x10", "NaN", "Infinity", "", "1.2.3", "١٢٣"})
  void of_amountThatIsNotAPlainDecimal_isInvalid(String amount) {
    ModelException e = modelFailure(() -> Money.of(amount, "EUR"));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.INVALID_VALUE);
    assertThat(e.getMessage()).contains("plain decimal");
  }

  @Test
  void of_amountLongerThan64Characters_isInvalidAndTruncatedInTheMessage() {
    String amount = "1".repeat(65);

    ModelException e = modelFailure(() -> Money.of(amount, "EUR"));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.INVALID_VALUE);
    assertThat(e.getMessage()).contains("1".repeat(64) + "...").doesNotContain(amount);
  }

  @Test
  void of_moreThan18IntegerDigits_isRefused_withoutBuildingTheNumber() {
    assertThat(Money.of("9".repeat(18), "EUR").amount()).isEqualTo(new BigDecimal("9".repeat(18) + ".00"));

    ModelException tooLarge = modelFailure(() -> Money.of("1" + "0".repeat(18), "EUR"));
    ModelException hugeExponent = modelFailure(() -> Money.of(new BigDecimal("1E+999999999"), "EUR"));

    assertThat(tooLarge.reason()).isEqualTo(ModelException.Reason.INVALID_VALUE);
    assertThat(tooLarge.getMessage()).contains("18 integer digits");
    assertThat(hugeExponent.getMessage()).contains("1E+999999999").contains("18 integer digits");
  }

  @Test
  void rounded_thatCarriesPastTheBound_isRefused_notMadeUnreadable() {
    Money edge = Money.of("999999999999999999.995", "EUR");

    assertThat(modelFailure(() -> edge.rounded(RoundingMode.HALF_UP)).getMessage()).contains("18 integer digits");
    assertThat(edge.rounded(RoundingMode.DOWN)).isEqualTo(Money.of("999999999999999999.99", "EUR"));
  }

  @Test
  void times_productBeyondTheBound_orAbsurdMultiplier_isRefused() {
    Money big = Money.of("999999999999999999", "EUR");

    assertThat(modelFailure(() -> big.times(BigDecimal.TEN, RoundingMode.HALF_UP)).getMessage()).contains("18 integer digits");
    assertThat(modelFailure(() -> big.times(new BigDecimal("1E-999999999"), RoundingMode.HALF_UP)).reason())
        .isEqualTo(ModelException.Reason.INVALID_VALUE);
  }

  @Test
  void of_null_isRefused() {
    assertThatNullPointerException().isThrownBy(() -> Money.of((BigDecimal) null, "EUR"));
    assertThatNullPointerException().isThrownBy(() -> Money.of((String) null, "EUR"));
    assertThatNullPointerException().isThrownBy(() -> Money.of("1", (String) null));
    assertThatNullPointerException().isThrownBy(() -> Money.of(BigDecimal.ONE, (Currency) null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234.50EUR", "1234.50  EUR", "EUR 1234.50", "1234.50", "1234.50 EUR x", " EUR"})
  void parse_otherForms_areInvalid(String text) {
    assertThat(modelFailure(() -> Money.parse(text)).reason()).isEqualTo(ModelException.Reason.INVALID_VALUE);
  }

  @Test
  void zero_isAtTheCurrencyScale() {
    assertThat(Money.zero(Currency.getInstance("EUR"))).hasToString("0.00 EUR");
    assertThat(Money.zero(Currency.getInstance("JPY"))).hasToString("0 JPY");
    assertThat(Money.zero(Currency.getInstance("BHD")).signum()).isZero();
  }

  @Test
  void plus_minus_sameCurrency_areExact() {
    Money a = Money.of("10.10", "EUR");
    Money b = Money.of("0.0125", "EUR");

    assertThat(a.plus(b)).hasToString("10.1125 EUR");
    assertThat(a.minus(b)).hasToString("10.0875 EUR");
    assertThat(a.minus(a)).isEqualTo(Money.zero(Currency.getInstance("EUR")));
    assertThat(a.plus(Money.of("0.90", "EUR"))).hasToString("11.00 EUR");
  }

  @Test
  void plus_differentCurrencies_isRefused() {
    assertCurrencyMismatch(() -> Money.of("10.00", "EUR").plus(Money.of("5.00", "USD")));
  }

  @Test
  void minus_differentCurrencies_isRefused() {
    assertCurrencyMismatch(() -> Money.of("10.00", "EUR").minus(Money.of("5.00", "USD")));
  }

  @Test
  void compareAmount_differentCurrencies_isRefused() {
    assertCurrencyMismatch(() -> Money.of("10.00", "EUR").compareAmount(Money.of("5.00", "USD")));
  }

  @Test
  void compareAmount_sameCurrency_comparesNumerically() {
    assertThat(Money.of("10.00", "EUR").compareAmount(Money.of("9.9999", "EUR"))).isPositive();
    assertThat(Money.of("10", "EUR").compareAmount(Money.of("10.00", "EUR"))).isZero();
    assertThat(Money.of("-1", "EUR").compareAmount(Money.of("0", "EUR"))).isNegative();
  }

  @ParameterizedTest(name = "{0} {1} x {2} {3} = {4}")
  @CsvSource({
    "0.125, EUR, 1, HALF_UP, 0.13",
    "0.125, EUR, 1, HALF_EVEN, 0.12",
    "0.135, EUR, 1, HALF_EVEN, 0.14",
    "-0.125, EUR, 1, HALF_UP, -0.13",
    "-0.125, EUR, 1, HALF_EVEN, -0.12",
    "0.0125, EUR, 10, HALF_UP, 0.13",
    "0.0125, EUR, 10, HALF_EVEN, 0.12",
    "0.0125, EUR, 3, DOWN, 0.03",
    "150.00, EUR, 7.5, UNNECESSARY, 1125.00",
    "99.99, EUR, 0.333, HALF_EVEN, 33.30",
    "100, JPY, 0.125, HALF_UP, 13",
    "100, JPY, 0.125, HALF_EVEN, 12",
    "100, JPY, 0.135, HALF_EVEN, 14",
    "10.000, BHD, 0.33345, HALF_UP, 3.335",
    "10.000, BHD, 0.33345, HALF_EVEN, 3.334",
    "1.000, BHD, 3, UNNECESSARY, 3.000"
  })
  void times_roundsToTheCurrencyScaleWithTheGivenMode(
      String amount, String currency, String multiplier, RoundingMode rounding, String expected) {
    Money product = Money.of(amount, currency).times(new BigDecimal(multiplier), rounding);

    assertThat(product).isEqualTo(Money.of(expected, currency));
    assertThat(product.amount()).isEqualTo(new BigDecimal(expected));
    assertThat(product.isAtCurrencyScale()).isTrue();
  }

  @Test
  void times_unnecessaryRoundingThatWouldLoseDigits_isInexact() {
    ModelException e = modelFailure(() -> Money.of("0.125", "EUR").times(BigDecimal.ONE, RoundingMode.UNNECESSARY));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.INEXACT_AMOUNT);
    assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "0.0125, EUR, HALF_UP, 0.01",
    "0.125, EUR, HALF_UP, 0.13",
    "0.125, EUR, HALF_EVEN, 0.12",
    "0.125, EUR, CEILING, 0.13",
    "100.5, JPY, HALF_EVEN, 100",
    "100.5, JPY, HALF_UP, 101",
    "1.0005, BHD, HALF_EVEN, 1.000",
    "1.0005, BHD, HALF_UP, 1.001",
    "10.50, EUR, UNNECESSARY, 10.50"
  })
  void rounded_scalesToTheCurrency(String amount, String currency, RoundingMode rounding, String expected) {
    Money rounded = Money.of(amount, currency).rounded(rounding);

    assertThat(rounded.amount()).isEqualTo(new BigDecimal(expected));
    assertThat(rounded).isEqualTo(Money.of(expected, currency));
  }

  @Test
  void rounded_unnecessaryOnExcessDigits_isRefused() {
    ModelException e = modelFailure(() -> Money.of("0.0125", "EUR").rounded(RoundingMode.UNNECESSARY));

    assertThat(e.reason()).isEqualTo(ModelException.Reason.INEXACT_AMOUNT);
    assertThat(e.getMessage()).contains("0.0125 EUR").contains("UNNECESSARY");
  }

  @Test
  void negate_keepsCurrencyAndScale() {
    assertThat(Money.of("10.5", "EUR").negate()).isEqualTo(Money.of("-10.50", "EUR"));
    assertThat(Money.of("0", "EUR").negate()).isEqualTo(Money.of("0", "EUR"));
    assertThat(Money.of("-0.0125", "EUR").negate().signum()).isPositive();
  }

  @Test
  void equalsAndHashCode_followTheNormalizedAmountAndCurrency() {
    Money a = Money.of("10.1", "EUR");
    Money b = Money.of("10.10", "EUR");
    Money c = Money.of(new BigDecimal("10.1000"), Currency.getInstance("EUR"));

    assertThat(a).isEqualTo(a).isEqualTo(b).isEqualTo(c).hasSameHashCodeAs(b).hasSameHashCodeAs(c);
    assertThat(b).isEqualTo(a);
    assertThat(a).isNotEqualTo(Money.of("10.11", "EUR"));
    assertThat(a).isNotEqualTo(Money.of("10.10", "USD"));
    assertThat(a).isNotEqualTo(null);
    assertThat(a).isNotEqualTo("10.10 EUR");
    assertThat(Money.of("0.0125", "EUR")).isEqualTo(Money.of("0.012500", "EUR")).hasSameHashCodeAs(Money.of("0.012500", "EUR"));
  }

  @Test
  void accessors_returnWhatWasGiven() {
    Money money = Money.of("1234.50", "EUR");

    assertThat(money.currency()).isEqualTo(Currency.getInstance("EUR"));
    assertThat(money.currencyCode()).isEqualTo("EUR");
    assertThat(money.signum()).isEqualTo(1);
    assertThat(Money.of("-1", "EUR").signum()).isEqualTo(-1);
  }

  @Test
  void json_writesAmountAsADecimalString() {
    assertThat(JSON.write(Money.of("1234.50", "EUR"))).isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"EUR\"}");
    assertThat(JSON.write(Money.of("1234.5", "EUR"))).isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"EUR\"}");
    assertThat(JSON.write(Money.of("100", "JPY"))).isEqualTo("{\"amount\":\"100\",\"currency\":\"JPY\"}");
    assertThat(JSON.write(Money.of(new BigDecimal("1E+3"), "EUR"))).isEqualTo("{\"amount\":\"1000.00\",\"currency\":\"EUR\"}");
  }

  @Test
  void json_readsTheCanonicalForm() {
    assertThat(JSON.read("{\"amount\":\"1234.50\",\"currency\":\"EUR\"}", Money.class)).isEqualTo(Money.of("1234.50", "EUR"));
    assertThat(JSON.read("{\"currency\":\"EUR\",\"amount\":\"1234.5\"}", Money.class)).isEqualTo(Money.of("1234.50", "EUR"));
  }

  @Test
  void json_roundTrips() {
    Money money = Money.of("-0.0125", "EUR");

    assertThat(JSON.read(JSON.writeBytes(money), Money.class)).isEqualTo(money);
    assertThat(JSON.fromTree(JSON.toTree(money), Money.class)).isEqualTo(money);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.5", "12", "1.25e1"})
  void json_numberAmount_isRefused(String number) {
    CanonicalJsonException e =
        jsonFailure(() -> JSON.read("{\"amount\": " + number + ", \"currency\": \"EUR\"}", Money.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.getMessage()).contains("money amount must be a decimal string");
  }

  record Priced(Money price) {}

  @Test
  void json_numberAmountInARecord_pointsAtTheAmount() {
    CanonicalJsonException e =
        jsonFailure(() -> JSON.read("{\"price\":{\"amount\":12.5,\"currency\":\"EUR\"}}", Priced.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.pointer()).isEqualTo("/price/amount");
    assertThat(e.getMessage()).contains("money amount must be a decimal string");
  }

  @Test
  void json_unknownCurrencyInARecord_pointsAtTheCurrency() {
    CanonicalJsonException e =
        jsonFailure(() -> JSON.read("{\"price\":{\"amount\":\"12.50\",\"currency\":\"XAU\"}}", Priced.class));

    assertThat(e.pointer()).isEqualTo("/price/currency");
    assertThat(e.getMessage()).contains("XAU");
  }

  @Test
  void json_amountWithExponent_isRefused() {
    CanonicalJsonException e = jsonFailure(() -> JSON.read("{\"amount\":\"1E+3\",\"currency\":\"EUR\"}", Money.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.getMessage()).contains("'1E+3'").contains("no exponent");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"amount\":\"1.00\"}",
        "{\"currency\":\"EUR\"}",
        "{\"amount\":\"1.00\",\"currency\":\"XAU\"}",
        "{\"amount\":\"1.00\",\"currency\":\"eur\"}",
        "{\"amount\":\"0.12345678901\",\"currency\":\"EUR\"}",
        "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"note\":\"x\"}",
        "{\"amount\":null,\"currency\":\"EUR\"}",
        "{\"amount\":true,\"currency\":\"EUR\"}",
        "\"1.00 EUR\""
      })
  void json_otherInvalidMoney_isRefused(String json) {
    assertThat(jsonFailure(() -> JSON.read(json, Money.class)).reason())
        .isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
  }

  private static void assertCurrencyMismatch(ThrowingCallable call) {
    ModelException e = modelFailure(call);
    assertThat(e.reason()).isEqualTo(ModelException.Reason.CURRENCY_MISMATCH);
    assertThat(e.code()).isEqualTo("STEWARD-MODEL-CURRENCY_MISMATCH");
    assertThat(e.getMessage()).contains("10.00 EUR").contains("5.00 USD");
  }
}
