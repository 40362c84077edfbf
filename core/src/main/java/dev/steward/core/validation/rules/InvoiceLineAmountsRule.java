package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.BillingSupport.inInvoiceCurrency;
import static dev.steward.core.validation.rules.BillingSupport.lineLabel;
import static dev.steward.core.validation.rules.BillingSupport.linePath;
import static dev.steward.core.validation.rules.BillingSupport.money;
import static dev.steward.core.validation.rules.BillingSupport.places;
import static dev.steward.core.validation.rules.BillingSupport.plain;
import static dev.steward.core.validation.rules.BillingSupport.round;
import static dev.steward.core.validation.rules.BillingSupport.words;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Checks the arithmetic of each invoice line: its net amount is its quantity times its unit price, and its tax
 * amount is its net amount times its tax rate, each rounded to the minor unit of the invoice currency (2 decimal
 * places for EUR, none for JPY, 3 for BHD) with the rounding mode the rule was built with. A mismatch is {@link
 * ReasonCodes#LINE_AMOUNT_MISMATCH} at {@code /lines/<i>/netAmount} or {@code /lines/<i>/taxAmount}; an amount of the
 * line in another currency than the invoice's is {@link ReasonCodes#CURRENCY_MISMATCH} at its path, and the
 * arithmetic it takes part in is not checked.
 *
 * <p>Tax is computed from the line's net amount as stated, so a wrong net amount is reported once, not again as
 * wrong tax. Tax is rounded per line: a billing system that rounds tax once per rate over the whole invoice (as
 * EN 16931 allows) can differ from it by a minor unit on some lines.
 *
 * <p>Obtain one with {@link #ofDefaults()} (commercial rounding, {@link RoundingMode#HALF_UP}) or {@link
 * #of(RoundingMode)}. Immutable and thread-safe.
 */
public final class InvoiceLineAmountsRule implements BusinessRule<Invoice> {
  /**
   * The default rounding: half up, away from zero on a tie ({@code 0.125 → 0.13}, {@code -0.125 → -0.13}), the
   * commercial rounding most billing and ERP systems apply to invoice lines.
   */
  public static final RoundingMode DEFAULT_ROUNDING = RoundingMode.HALF_UP;

  private static final InvoiceLineAmountsRule DEFAULTS = new InvoiceLineAmountsRule(DEFAULT_ROUNDING);

  private final RoundingMode rounding;

  private InvoiceLineAmountsRule(RoundingMode rounding) {
    this.rounding = rounding;
  }

  /** Returns the rule with {@link #DEFAULT_ROUNDING}. */
  public static InvoiceLineAmountsRule ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns the rule rounding with {@code rounding}, which should be the one the billing system uses.
   *
   * @throws IllegalArgumentException if {@code rounding} is {@link RoundingMode#UNNECESSARY}, which cannot round
   *     a product to the currency's minor unit
   */
  public static InvoiceLineAmountsRule of(RoundingMode rounding) {
    Objects.requireNonNull(rounding, "rounding");
    if (rounding == RoundingMode.UNNECESSARY) {
      throw new IllegalArgumentException("rounding must be a mode that rounds, such as HALF_UP or HALF_EVEN; was "
          + rounding);
    }
    return new InvoiceLineAmountsRule(rounding);
  }

  /** Returns the rounding mode line amounts are expected to use. */
  public RoundingMode rounding() {
    return rounding;
  }

  @Override
  public Class<Invoice> appliesTo() {
    return Invoice.class;
  }

  @Override
  public void check(Invoice invoice, ValidationContext context, Violations out) {
    Currency currency = invoice.currency();
    List<InvoiceLine> lines = invoice.lines();
    if (currency == null || lines == null) {
      return; // reported by the schema stage
    }
    for (int i = 0; i < lines.size(); i++) {
      InvoiceLine line = lines.get(i);
      if (line != null) {
        checkLine(line, i, currency, out);
      }
    }
  }

  private void checkLine(InvoiceLine line, int i, Currency currency, Violations out) {
    String label = lineLabel(line, i);
    String subject = label + ": ";
    boolean unitPrice = inInvoiceCurrency(line.unitPrice(), "unit price", subject, linePath(i, "unitPrice"), currency, out);
    boolean net = inInvoiceCurrency(line.netAmount(), "net amount", subject, linePath(i, "netAmount"), currency, out);
    boolean tax = inInvoiceCurrency(line.taxAmount(), "tax amount", subject, linePath(i, "taxAmount"), currency, out);
    BigDecimal quantity = line.quantity();
    if (unitPrice && net && quantity != null) {
      BigDecimal exact = line.unitPrice().amount().multiply(quantity);
      BigDecimal expected = round(exact, currency, rounding);
      if (line.netAmount().amount().compareTo(expected) != 0) {
        String path = linePath(i, "netAmount");
        out.add(ReasonCodes.LINE_AMOUNT_MISMATCH, path,
            label + ": the net amount is " + money(line.netAmount().amount(), currency) + ", but quantity "
                + plain(quantity) + " times unit price " + money(line.unitPrice().amount(), currency) + " is "
                + rounded(exact, expected, currency) + " (" + path + ")", "");
      }
    }
    BigDecimal rate = line.taxRatePercent();
    if (net && tax && rate != null) {
      BigDecimal exact = line.netAmount().amount().multiply(rate).movePointLeft(2);
      BigDecimal expected = round(exact, currency, rounding);
      if (line.taxAmount().amount().compareTo(expected) != 0) {
        String path = linePath(i, "taxAmount");
        out.add(ReasonCodes.LINE_AMOUNT_MISMATCH, path,
            label + ": the tax amount is " + money(line.taxAmount().amount(), currency) + ", but " + plain(rate)
                + "% of the net amount " + money(line.netAmount().amount(), currency) + " is "
                + rounded(exact, expected, currency) + " (" + path + ")", "");
      }
    }
  }

  private String rounded(BigDecimal exact, BigDecimal expected, Currency currency) {
    if (exact.compareTo(expected) == 0) {
      return money(expected, currency);
    }
    return plain(exact) + " " + currency.getCurrencyCode() + ", which rounds " + words(rounding) + " to "
        + money(expected, currency) + " (" + currency.getCurrencyCode() + " has " + places(currency) + ")";
  }

  @Override
  public String toString() {
    return "InvoiceLineAmountsRule[rounding=" + rounding + "]";
  }
}
