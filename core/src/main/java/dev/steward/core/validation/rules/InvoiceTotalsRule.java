package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.BillingSupport.in;
import static dev.steward.core.validation.rules.BillingSupport.inInvoiceCurrency;
import static dev.steward.core.validation.rules.BillingSupport.money;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.InvoiceTotals;
import dev.steward.model.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks an invoice's totals against its lines, exactly (sums need no rounding):
 *
 * <ul>
 *   <li>{@code /totals/subtotal} is the sum of the lines' net amounts;
 *   <li>{@code /totals/taxTotal} is the sum of the lines' tax amounts;
 *   <li>{@code /totals/total} is the subtotal plus the tax total, as stated;
 *   <li>{@code /amountDue}, when present, does not exceed the total: what remains to be paid can be less than the
 *       total after payments and credits, never more. For a credit note (a negative total) it may not be more
 *       negative than the total.
 * </ul>
 *
 * <p>Each mismatch is {@link ReasonCodes#TOTALS_MISMATCH} at the path of the stated amount. A total or the amount due
 * in another currency than the invoice's is {@link ReasonCodes#CURRENCY_MISMATCH}; a sum over lines of which one is
 * in another currency is not checked ({@link InvoiceLineAmountsRule} reports the line).
 *
 * <p>Obtain it with {@link #of()}. Immutable and thread-safe.
 */
public final class InvoiceTotalsRule implements BusinessRule<Invoice> {
  private static final InvoiceTotalsRule INSTANCE = new InvoiceTotalsRule();

  private InvoiceTotalsRule() {}

  /** Returns the rule. */
  public static InvoiceTotalsRule of() {
    return INSTANCE;
  }

  @Override
  public Class<Invoice> appliesTo() {
    return Invoice.class;
  }

  @Override
  public void check(Invoice invoice, ValidationContext context, Violations out) {
    Currency currency = invoice.currency();
    InvoiceTotals totals = invoice.totals();
    if (currency == null || totals == null) {
      return; // reported by the schema stage
    }
    boolean subtotalOk = inInvoiceCurrency(totals.subtotal(), "subtotal", "", "/totals/subtotal", currency, out);
    boolean taxTotalOk = inInvoiceCurrency(totals.taxTotal(), "tax total", "", "/totals/taxTotal", currency, out);
    boolean totalOk = inInvoiceCurrency(totals.total(), "total", "", "/totals/total", currency, out);
    boolean amountDueOk = invoice.amountDue() != null
        && inInvoiceCurrency(invoice.amountDue(), "amount due", "", "/amountDue", currency, out);
    List<InvoiceLine> lines = invoice.lines() == null ? List.of() : invoice.lines();

    BigDecimal net = sum(lines, InvoiceLine::netAmount, currency);
    if (subtotalOk && net != null && totals.subtotal().amount().compareTo(net) != 0) {
      out.add(ReasonCodes.TOTALS_MISMATCH, "/totals/subtotal",
          "the subtotal is " + totals.subtotal() + ", but the net amounts of the " + count(lines)
              + " add up to " + money(net, currency) + " (/totals/subtotal)", "");
    }
    BigDecimal tax = sum(lines, InvoiceLine::taxAmount, currency);
    if (taxTotalOk && tax != null && totals.taxTotal().amount().compareTo(tax) != 0) {
      out.add(ReasonCodes.TOTALS_MISMATCH, "/totals/taxTotal",
          "the tax total is " + totals.taxTotal() + ", but the tax amounts of the " + count(lines)
              + " add up to " + money(tax, currency) + " (/totals/taxTotal)", "");
    }
    if (subtotalOk && taxTotalOk && totalOk) {
      BigDecimal gross = totals.subtotal().amount().add(totals.taxTotal().amount());
      if (totals.total().amount().compareTo(gross) != 0) {
        out.add(ReasonCodes.TOTALS_MISMATCH, "/totals/total",
            "the total is " + totals.total() + ", but the subtotal " + totals.subtotal() + " plus the tax total "
                + totals.taxTotal() + " is " + money(gross, currency) + " (/totals/total)", "");
      }
    }
    if (amountDueOk && totalOk) {
      Money due = invoice.amountDue();
      BigDecimal total = totals.total().amount();
      boolean exceeds = total.signum() >= 0
          ? due.amount().compareTo(total) > 0
          : due.amount().compareTo(total) < 0;
      if (exceeds) {
        out.add(ReasonCodes.TOTALS_MISMATCH, "/amountDue",
            "the amount due is " + due + ", more than the invoice total of " + totals.total()
                + "; what remains to be paid cannot exceed what was invoiced (/amountDue)", "");
      }
    }
  }

  /** The sum of one amount over the lines, or null when one is missing or in another currency. */
  private static @Nullable BigDecimal sum(
      List<InvoiceLine> lines, Function<InvoiceLine, @Nullable Money> amount, Currency currency) {
    BigDecimal sum = BigDecimal.ZERO;
    for (InvoiceLine line : lines) {
      Money m = line == null ? null : amount.apply(line);
      if (!in(m, currency)) {
        return null;
      }
      sum = sum.add(m.amount());
    }
    return sum;
  }

  private static String count(List<InvoiceLine> lines) {
    return lines.size() == 1 ? "1 line" : lines.size() + " lines";
  }

  @Override
  public String toString() {
    return "InvoiceTotalsRule";
  }
}
