package dev.steward.spi.mapping;

import dev.steward.model.ModelException;
import dev.steward.model.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Objects;

/**
 * Converts between {@link Money} and integer counts of a currency's minor unit, as Stripe, Adyen
 * and most payment APIs carry amounts: {@code 1000} USD cents is {@code 10.00 USD}, {@code 1000}
 * JPY is {@code 1000 JPY} (the yen has no minor unit), {@code 1000} BHD fils is {@code 1.000 BHD}.
 * The number of minor digits is the currency's ISO 4217 default, as {@link
 * Currency#getDefaultFractionDigits()} gives it.
 *
 * <p>Stateless; all methods are static.
 */
public final class MinorUnits {
  private MinorUnits() {}

  /**
   * Returns the number of minor digits of {@code currency}: 2 for USD and EUR, 0 for JPY, 3 for
   * BHD.
   *
   * @throws ModelException with reason {@link ModelException.Reason#UNSUPPORTED_CURRENCY} if the
   *     currency has no minor unit defined (gold, funds, test codes)
   */
  public static int digits(Currency currency) {
    Objects.requireNonNull(currency, "currency");
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new ModelException(ModelException.Reason.UNSUPPORTED_CURRENCY, "currency "
          + currency.getCurrencyCode() + " has no minor unit, so amounts in it cannot be counted in minor units");
    }
    return digits;
  }

  /**
   * Returns the money that {@code units} minor units of {@code currency} make.
   *
   * @throws ModelException if the currency has no minor unit or the amount is beyond what money
   *     holds
   */
  public static Money toMoney(BigInteger units, Currency currency) {
    Objects.requireNonNull(units, "units");
    return Money.of(new BigDecimal(units, digits(currency)), currency);
  }

  /** Returns the money that {@code units} minor units of {@code currency} make; as {@link #toMoney(BigInteger, Currency)}. */
  public static Money toMoney(long units, Currency currency) {
    return toMoney(BigInteger.valueOf(units), currency);
  }

  /**
   * Returns {@code money} as a count of its currency's minor units.
   *
   * @throws ModelException with reason {@link ModelException.Reason#INEXACT_AMOUNT} if the amount
   *     holds a fraction of a minor unit (such as {@code 10.005 USD}), which no minor-unit API can
   *     carry; round it first with an explicit rounding mode
   */
  public static BigInteger fromMoney(Money money) {
    Objects.requireNonNull(money, "money");
    int digits = digits(money.currency());
    try {
      return money.amount().movePointRight(digits).toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new ModelException(ModelException.Reason.INEXACT_AMOUNT, money + " is not a whole number of "
          + money.currencyCode() + " minor units (" + digits + " digits); round it before sending it", e);
    }
  }
}
