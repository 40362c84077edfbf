package dev.steward.core.validation.rules;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Violations;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractAmendment;
import dev.steward.model.InvoiceLine;
import dev.steward.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the invoice rules share: paths, labels, rounding and reading a contract's terms. */
final class BillingSupport {
  private BillingSupport() {}

  /** The JSON Pointer of a field of the line at {@code index} (0-based, as in the JSON array). */
  static String linePath(int index, String field) {
    return "/lines/" + index + "/" + field;
  }

  /** How a finance analyst knows the line: by its line number, falling back to its position. */
  static String lineLabel(InvoiceLine line, int index) {
    Integer number = line.lineNumber();
    return "line " + (number != null ? number : index + 1);
  }

  /** The contract as a finance analyst knows it: its number. */
  static String contractLabel(Contract contract) {
    return "contract " + contract.contractNumber();
  }

  /** {@code value} rounded to the minor unit of {@code currency}; never throws for valid money. */
  static BigDecimal round(BigDecimal value, Currency currency, RoundingMode rounding) {
    return value.setScale(Math.max(0, currency.getDefaultFractionDigits()), rounding);
  }

  /** An amount with its currency, for messages: {@code 1234.50 EUR}. */
  static String money(BigDecimal amount, Currency currency) {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  /** A quantity, rate or exact product in plain notation without trailing zeros: {@code 2.5}, {@code 100}. */
  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** "half up", "half even": a rounding mode in words. */
  static String words(RoundingMode rounding) {
    return rounding.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** "2 decimal places", "no decimal places". */
  static String places(Currency currency) {
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    return digits == 0 ? "no decimal places" : digits == 1 ? "1 decimal place" : digits + " decimal places";
  }

  /** Whether {@code amount} is present and in {@code currency}. */
  static boolean in(@Nullable Money amount, Currency currency) {
    return amount != null && currency.equals(amount.currency());
  }

  /**
   * Whether {@code amount} is present and in the invoice {@code currency}; reports {@link
   * ReasonCodes#CURRENCY_MISMATCH} at {@code path} when it is in another. An absent amount is left to the schema stage.
   *
   * @param subject what the message starts with, such as {@code "line 3: "}, or {@code ""}
   */
  static boolean inInvoiceCurrency(@Nullable Money amount, String what, String subject, String path,
      Currency currency, Violations out) {
    if (amount == null) {
      return false; // reported by the schema stage
    }
    if (!amount.currency().equals(currency)) {
      out.add(ReasonCodes.CURRENCY_MISMATCH, path,
          subject + "the " + what + " " + amount + " is in " + amount.currencyCode() + ", but the invoice is in "
              + currency.getCurrencyCode() + " (" + path + ")", "");
      return false;
    }
    return true;
  }

  /**
   * Every term the contract ever had, by line id: the original terms and those amendments added, so that a line
   * billing a term since removed is still recognised for what it is. A later amendment's term replaces an earlier
   * one with the same line id.
   */
  static Map<String, CommercialTerm> everyTerm(Contract contract) {
    Map<String, CommercialTerm> byLine = new LinkedHashMap<>();
    contract.terms().forEach(t -> byLine.put(t.lineId(), t));
    contract.amendments().stream()
        .sorted(Comparator.comparing(ContractAmendment::number, Comparator.nullsFirst(Comparator.naturalOrder())))
        .forEach(a -> a.addedTerms().forEach(t -> byLine.put(t.lineId(), t)));
    return byLine;
  }

  /**
   * The contract value in force on {@code date}: the new total value of the highest-numbered amendment effective
   * on or before that date that sets one, else the value originally agreed; empty if neither is stated.
   */
  static Optional<Money> totalValueOn(Contract contract, LocalDate date) {
    return contract.amendments().stream()
        .filter(a -> a.newTotalValue() != null && a.effectiveDate() != null && !a.effectiveDate().isAfter(date))
        .max(Comparator.comparing(ContractAmendment::number, Comparator.nullsFirst(Comparator.naturalOrder())))
        .map(ContractAmendment::newTotalValue)
        .or(() -> Optional.ofNullable(contract.totalValue()));
  }
}
