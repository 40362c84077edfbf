package dev.steward.testkit.mapping;

import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.InvoiceLine;
import dev.steward.model.Money;
import dev.steward.model.Period;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.MinorUnits;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Maps a Stripe invoice {@code line_item} to an {@link InvoiceLine} and back. A line is part of an
 * invoice, not a record of its own: the {@link StripeInvoiceMapper} calls this for each of {@code
 * lines.data[]}, and what a line's fields do not map stays in the invoice's {@code stripe:lines}
 * extension, in place.
 *
 * <table>
 *   <caption>InvoiceLine fields and their Stripe sources</caption>
 *   <tr><th>canonical</th><th>Stripe</th></tr>
 *   <tr><td>lineNumber</td><td>the line's position in {@code lines.data}, from 1</td></tr>
 *   <tr><td>description</td><td>{@code description}; {@code "Stripe line <id>"} when null (not written back then)</td></tr>
 *   <tr><td>quantity</td><td>{@code quantity}, else {@code quantity_decimal}</td></tr>
 *   <tr><td>unitPrice</td><td>{@code pricing.unit_amount_decimal} (minor units, decimal text); else derived as amount / quantity</td></tr>
 *   <tr><td>netAmount</td><td>{@code amount}, minor units of {@code currency}</td></tr>
 *   <tr><td>serviceItemId</td><td>{@code pricing.price_details.price}: a Stripe price is a service item (see {@link StripePriceMapper})</td></tr>
 *   <tr><td>taxAmount</td><td>derived: the sum of {@code taxes[].amount}; 0 when there are none</td></tr>
 *   <tr><td>taxRatePercent</td><td>derived: taxAmount / netAmount, in percent to 4 places</td></tr>
 *   <tr><td>taxCode</td><td>the context setting {@value #TAX_CODE_SETTING}: Stripe lines carry tax rates, not tax codes</td></tr>
 *   <tr><td>servicePeriod</td><td>derived: the UTC days from {@code period.start} to the second before {@code period.end}</td></tr>
 * </table>
 *
 * <p>Derived values are not written back: Stripe computes those fields itself. Stateless and
 * thread-safe.
 */
public final class StripeInvoiceLineMapper {
  /** The setting that names the tax code of Stripe lines. */
  public static final String TAX_CODE_SETTING = "stripe.taxCode";

  /**
   * Maps the line at {@code at} in {@code r} (such as {@code /lines/data/0}, or {@code ""} for a
   * line object on its own).
   *
   * @throws MappingException if the line cannot be mapped
   */
  public InvoiceLine toCanonical(VendorReader r, String at, int lineNumber) {
    MappingContext context = r.context();
    String id = r.peek(at + "/id").map(JsonNode::stringValue).orElse("(no id)");
    Currency currency = r.requireCurrency(at + "/currency");
    Money net = r.requireMinorUnits(at + "/amount", currency);
    String description = r.text(at + "/description").orElse("Stripe line " + id);
    OptionalLong whole = r.longValue(at + "/quantity");
    BigDecimal quantity = whole.isPresent() ? BigDecimal.valueOf(whole.getAsLong()) : r.requireDecimal(at + "/quantity_decimal");
    Optional<BigDecimal> unitMinor = r.decimal(at + "/pricing/unit_amount_decimal");
    Money unitPrice = unitMinor.isPresent()
        ? Money.of(unitMinor.get().movePointLeft(MinorUnits.digits(currency)), currency)
        : derivedUnitPrice(net, quantity);
    CanonicalId serviceItem = r.text(at + "/pricing/price_details/price")
        .map(price -> context.canonicalId(EntityType.SERVICE_ITEM, price)).orElse(null);
    Money tax = Money.zero(currency);
    for (int i = 0; i < r.size(at + "/taxes"); i++) {
      JsonNode amount = r.peek(at + "/taxes/" + i + "/amount").orElse(null);
      if (amount != null && amount.isIntegralNumber()) {
        tax = tax.plus(MinorUnits.toMoney(amount.bigIntegerValue(), currency));
      }
    }
    BigDecimal rate = net.signum() == 0 ? BigDecimal.ZERO
        : tax.amount().multiply(BigDecimal.valueOf(100)).divide(net.amount(), 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    String taxCode = context.setting(TAX_CODE_SETTING).orElseThrow(() -> new MappingException(
        MappingException.Reason.MISSING_FIELD, context.systemId(), at + "/taxes",
        "Stripe lines carry no tax code; set the mapping context setting " + TAX_CODE_SETTING));
    Period service = Samples.peekPeriod(r, at + "/period/start", at + "/period/end").orElse(null);
    return new InvoiceLine(lineNumber, serviceItem, null, null, description, quantity, null, unitPrice, net,
        taxCode, rate, tax, service, List.of());
  }

  /**
   * Writes {@code line} at {@code at} in {@code w}.
   *
   * @throws MappingException if an amount is finer than the currency's minor unit, or the service
   *     item has no Stripe price yet
   */
  public void toVendor(VendorWriter w, String at, InvoiceLine line) {
    MappingContext context = w.context();
    Currency currency = line.netAmount().currency();
    w.putText(at + "/currency", currency.getCurrencyCode().toLowerCase(Locale.ROOT));
    w.putMinorUnits(at + "/amount", line.netAmount());
    if (!w.isUnmapped(at + "/description")) {
      w.putText(at + "/description", line.description());
    }
    if (line.quantity().stripTrailingZeros().scale() <= 0 && !w.isUnmapped(at + "/quantity")) {
      w.putLong(at + "/quantity", line.quantity().longValueExact());
    } else {
      w.putText(at + "/quantity_decimal", line.quantity().toPlainString());
    }
    if (!w.isUnmapped(at + "/pricing/unit_amount_decimal")) {
      w.putText(at + "/pricing/unit_amount_decimal",
          line.unitPrice().amount().movePointRight(MinorUnits.digits(currency)).stripTrailingZeros().toPlainString());
    }
    if (line.serviceItemId() != null) {
      w.putText(at + "/pricing/price_details/price",
          context.requireExternalId(line.serviceItemId(), at + "/pricing/price_details/price"));
    }
  }

  private static Money derivedUnitPrice(Money net, BigDecimal quantity) {
    if (quantity.signum() == 0) {
      return net;
    }
    BigDecimal unit = net.amount().divide(quantity, MathContext.DECIMAL64);
    return Money.of(unit.scale() > Money.MAX_SCALE ? unit.setScale(Money.MAX_SCALE, RoundingMode.HALF_EVEN) : unit, net.currency());
  }
}
