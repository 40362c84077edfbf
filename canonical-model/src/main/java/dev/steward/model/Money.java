package dev.steward.model;

import dev.steward.model.internal.MoneyJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An exact amount of money in one ISO 4217 currency.
 *
 * <p>Money is never binary floating point: there is no factory taking a {@code double}, and an
 * amount with more than {@value #MAX_SCALE} fractional digits (the signature of
 * {@code new BigDecimal(0.1)}) is refused. Amounts are normalized to at least the currency's
 * fraction digits, so {@code 10.5 EUR} is held as {@code 10.50 EUR}; finer amounts such as a
 * unit price of {@code 0.0125 EUR} keep their digits until {@link #rounded(RoundingMode)} scales
 * them to the currency with an explicit rounding mode. Amounts are bounded at {@value
 * #MAX_INTEGER_DIGITS} integer digits. Arithmetic across currencies throws
 * {@link ModelException} with reason {@link ModelException.Reason#CURRENCY_MISMATCH}.
 *
 * <p>In canonical JSON, money is {@code {"amount":"1234.50","currency":"EUR"}}: the amount is a
 * decimal string so that no reader, and no RFC 8785 fingerprint, ever passes it through a double.
 *
 * <p>Value-based and immutable; {@link #equals} compares the normalized amount and currency.
 */
@JsonSerialize(using = MoneyJson.Writer.class)
@JsonDeserialize(using = MoneyJson.Reader.class)
public final class Money {
  /** The most fractional digits an amount may carry. */
  public static final int MAX_SCALE = 10;

  /** The most integer digits an amount may carry: up to 10^18 in any currency. */
  public static final int MAX_INTEGER_DIGITS = 18;

  /** The most digits, or the largest exponent, a multiplier passed to {@link #times} may have. */
  static final int MAX_MULTIPLIER_DIGITS = 38;


  private final BigDecimal amount;
  private final Currency currency;

  private Money(BigDecimal amount, Currency currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /**
   * Returns money of the given amount and currency.
   *
   * @throws ModelException if the currency has no minor unit, or the amount has more than
   *     {@value #MAX_SCALE} fractional digits
   */
  public static Money of(BigDecimal amount, Currency currency) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int digits = fractionDigits(currency);
    if (amount.scale() == digits) {
      checkMagnitude(amount, currency); // already normalized: the common case, no stripping
      return new Money(amount, currency);
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    checkMagnitude(stripped, currency);
    if (stripped.scale() > MAX_SCALE) {
      throw new ModelException(
          ModelException.Reason.INEXACT_AMOUNT,
          "amount "
              + amount.toPlainString()
              + " "
              + currency.getCurrencyCode()
              + " has "
              + stripped.scale()
              + " fractional digits, more than the "
              + MAX_SCALE
              + " money may hold; was it made from a double? Use a decimal string or"
              + " BigDecimal.valueOf");
    }
    BigDecimal normalized =
        stripped.scale() < digits ? stripped.setScale(digits, RoundingMode.UNNECESSARY) : stripped;
    return new Money(normalized, currency);
  }

  /**
   * Returns money of the given amount and ISO 4217 currency code.
   *
   * @throws ModelException if the code is not a known ISO 4217 currency with a minor unit, or
   *     the amount is not exact
   */
  public static Money of(BigDecimal amount, String currencyCode) {
    return of(amount, currencyOf(currencyCode));
  }

  /**
   * Returns money from a decimal string such as {@code "1234.50"} and a currency code.
   *
   * @throws ModelException if the amount is not a plain decimal number, or as {@link
   *     #of(BigDecimal, String)}
   */
  public static Money of(String amount, String currencyCode) {
    return of(decimal(amount), currencyCode);
  }

  /**
   * Returns money from a decimal string such as {@code "1234.50"} and a currency.
   *
   * @throws ModelException if the amount is not a plain decimal number, or as {@link
   *     #of(BigDecimal, Currency)}
   */
  public static Money of(String amount, Currency currency) {
    return of(decimal(amount), currency);
  }

  /** Returns zero in the given currency, at the currency's scale. */
  public static Money zero(Currency currency) {
    return of(BigDecimal.ZERO, currency);
  }

  /**
   * Parses the form {@link #toString()} produces, {@code "1234.50 EUR"}.
   *
   * @throws ModelException if the text is not an amount, one space and a currency code
   */
  public static Money parse(CharSequence text) {
    String s = text.toString();
    int space = s.indexOf(' ');
    if (space < 0 || space != s.lastIndexOf(' ')) {
      throw new ModelException(
          ModelException.Reason.INVALID_VALUE,
          "money '" + s + "' is not of the form '<amount> <currency>', for example '1234.50 EUR'");
    }
    return of(s.substring(0, space), s.substring(space + 1));
  }

  /** Returns the amount, at least at the currency's scale. */
  public BigDecimal amount() {
    return amount;
  }

  /** Returns the currency. */
  public Currency currency() {
    return currency;
  }

  /** Returns the ISO 4217 code of the currency. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /** Returns the sum of this and {@code other}, which must be in the same currency. */
  public Money plus(Money other) {
    requireSameCurrency(other, "add");
    return of(amount.add(other.amount), currency);
  }

  /** Returns this minus {@code other}, which must be in the same currency. */
  public Money minus(Money other) {
    requireSameCurrency(other, "subtract");
    return of(amount.subtract(other.amount), currency);
  }

  /**
   * Returns this times {@code multiplier} (a quantity, hours, a rate), rounded to the currency's
   * fraction digits with the given rounding mode.
   */
  public Money times(BigDecimal multiplier, RoundingMode rounding) {
    Objects.requireNonNull(multiplier, "multiplier");
    Objects.requireNonNull(rounding, "rounding");
    if (multiplier.precision() > MAX_MULTIPLIER_DIGITS || Math.abs(multiplier.scale()) > MAX_MULTIPLIER_DIGITS) {
      throw new ModelException(
          ModelException.Reason.INVALID_VALUE,
          "multiplier " + multiplier + " has more than " + MAX_MULTIPLIER_DIGITS
              + " digits or an exponent beyond " + MAX_MULTIPLIER_DIGITS);
    }
    BigDecimal product = amount.multiply(multiplier);
    checkMagnitude(product, currency);
    return of(scale(product, rounding), currency);
  }

  /** Returns the negated amount in the same currency. */
  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /**
   * Returns this amount scaled to the currency's fraction digits (2 for EUR, 0 for JPY, 3 for
   * BHD) with the given rounding mode.
   *
   * @throws ModelException if {@code rounding} is {@link RoundingMode#UNNECESSARY} and the
   *     amount has more digits than the currency
   */
  public Money rounded(RoundingMode rounding) {
    BigDecimal scaled = scale(amount, rounding);
    checkMagnitude(scaled, currency); // 999999999999999999.995 rounds up to 19 integer digits
    return new Money(scaled, currency);
  }

  /** Returns whether the amount has no more digits than the currency's minor unit. */
  public boolean isAtCurrencyScale() {
    return amount.scale() == fractionDigits(currency);
  }

  /** Returns -1, 0 or 1 as the amount is negative, zero or positive. */
  public int signum() {
    return amount.signum();
  }

  /**
   * Compares amounts of the same currency.
   *
   * @return negative, zero or positive as this is less than, equal to or greater than {@code
   *     other}
   * @throws ModelException if the currencies differ
   */
  public int compareAmount(Money other) {
    requireSameCurrency(other, "compare");
    return amount.compareTo(other.amount);
  }

  private BigDecimal scale(BigDecimal value, RoundingMode rounding) {
    try {
      return value.setScale(fractionDigits(currency), rounding);
    } catch (ArithmeticException e) {
      throw new ModelException(
          ModelException.Reason.INEXACT_AMOUNT,
          value.toPlainString()
              + " "
              + currency.getCurrencyCode()
              + " has more than the currency's "
              + fractionDigits(currency)
              + " fraction digits and rounding UNNECESSARY was requested",
          e);
    }
  }

  // Before any setScale: scaling 1E+999999999 to cents would build a billion-digit number.
  private static void checkMagnitude(BigDecimal value, Currency currency) {
    if (value.signum() != 0 && value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      throw new ModelException(
          ModelException.Reason.INVALID_VALUE,
          "amount "
              + value
              + " "
              + currency.getCurrencyCode()
              + " has more than the "
              + MAX_INTEGER_DIGITS
              + " integer digits money may hold");
    }
  }

  private void requireSameCurrency(Money other, String operation) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new ModelException(
          ModelException.Reason.CURRENCY_MISMATCH,
          "cannot " + operation + " " + other + " and " + this + ": currencies differ");
    }
  }

  private static int fractionDigits(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new ModelException(
          ModelException.Reason.UNSUPPORTED_CURRENCY,
          "currency "
              + currency.getCurrencyCode()
              + " has no minor unit (precious metal, fund or test code); money needs a"
              + " currency with defined fraction digits");
    }
    return digits;
  }

  /**
   * Returns the currency for an ISO 4217 code, if money can be held in it.
   *
   * @throws ModelException with reason {@link ModelException.Reason#INVALID_VALUE} if the code
   *     is not three capital letters naming an ISO 4217 currency, or {@link
   *     ModelException.Reason#UNSUPPORTED_CURRENCY} if the currency has no minor unit
   */
  public static Currency currencyOf(String code) {
    Objects.requireNonNull(code, "currencyCode");
    if (code.length() != 3 || !isUpper(code.charAt(0)) || !isUpper(code.charAt(1)) || !isUpper(code.charAt(2))) {
      throw new ModelException(
          ModelException.Reason.INVALID_VALUE,
          "currency '" + code + "' is not an ISO 4217 code of three capital letters");
    }
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new ModelException(
          ModelException.Reason.INVALID_VALUE, "currency '" + code + "' is not in ISO 4217", e);
    }
    fractionDigits(currency);
    return currency;
  }

  private static BigDecimal decimal(String text) {
    Objects.requireNonNull(text, "amount");
    if (text.length() > 64 || !isPlainDecimal(text)) {
      throw new ModelException(
          ModelException.Reason.INVALID_VALUE,
          "amount '"
              + (text.length() > 64 ? text.substring(0, 64) + "..." : text)
              + "' is not a plain decimal such as 1234.50 (digits, optional sign and point, no"
              + " exponent, at most 64 characters)");
    }
    return new BigDecimal(text);
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** Whether {@code text} is {@code -?digits(.digits)?}; a loop, as amounts are read constantly. */
  private static boolean isPlainDecimal(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    int digits = 0;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i == text.length()) {
      return true;
    }
    if (text.charAt(i++) != '.') {
      return false;
    }
    int fraction = 0;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
      fraction++;
    }
    return fraction > 0 && i == text.length();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Money m && amount.equals(m.amount) && currency.equals(m.currency);
  }

  @Override
  public int hashCode() {
    return 31 * amount.hashCode() + currency.hashCode();
  }

  /** Returns the amount in plain notation, a space and the currency code: {@code 1234.50 EUR}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
