package dev.steward.testkit.mapping;

import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.InvoiceLine;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.util.Currency;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Maps a Business Central API v2.0 {@code salesInvoiceLine} to an {@link InvoiceLine} and back.
 * A line is part of an invoice: {@link BusinessCentralSalesInvoiceMapper} calls this for each of
 * {@code salesInvoiceLines[]}, and what a line's fields do not map stays in the invoice's {@code
 * bc:salesInvoiceLines} extension, in place.
 *
 * <table>
 *   <caption>InvoiceLine fields and their Business Central sources</caption>
 *   <tr><th>canonical</th><th>Business Central</th></tr>
 *   <tr><td>lineNumber</td><td>the line's position, from 1 ({@code sequence}, 10000 and up, is kept)</td></tr>
 *   <tr><td>serviceItemId</td><td>{@code itemId}, through the id map; none for the empty GUID</td></tr>
 *   <tr><td>description</td><td>{@code description}; {@code "Business Central line <sequence>"} when empty (not written back then)</td></tr>
 *   <tr><td>quantity, unit</td><td>{@code quantity}, {@code unitOfMeasureCode}</td></tr>
 *   <tr><td>unitPrice</td><td>{@code unitPrice}</td></tr>
 *   <tr><td>netAmount</td><td>{@code netAmount}: after the invoice discount, before tax</td></tr>
 *   <tr><td>taxCode, taxRatePercent</td><td>{@code taxCode}, {@code taxPercent}</td></tr>
 *   <tr><td>taxAmount</td><td>{@code netTaxAmount}</td></tr>
 *   <tr><td>extensions</td><td>everything else: {@code lineType}, {@code lineObjectNumber}, {@code discountAmount}, {@code amountIncludingTax}, ...</td></tr>
 * </table>
 *
 * <p>Amounts are JSON numbers in Business Central, in the invoice's currency. Stateless and
 * thread-safe.
 */
public final class BusinessCentralSalesInvoiceLineMapper {
  /**
   * Maps the line at {@code at} in {@code r} (such as {@code /salesInvoiceLines/0}, or {@code ""}
   * for a line object on its own), with amounts in {@code currency}.
   *
   * @throws MappingException if the line cannot be mapped
   */
  public InvoiceLine toCanonical(VendorReader r, String at, int lineNumber, Currency currency) {
    String item = r.requireText(at + "/itemId");
    CanonicalId serviceItem = item.equals(Samples.EMPTY_GUID) ? null : r.context().canonicalId(EntityType.SERVICE_ITEM, item);
    String description = Samples.emptyToNull(r.peek(at + "/description").filter(JsonNode::isString).map(JsonNode::stringValue).orElse(null));
    if (description != null) {
      r.consume(at + "/description");
    } else {
      description = "Business Central line " + r.peek(at + "/sequence").map(JsonNode::toString).orElse(String.valueOf(lineNumber));
    }
    String taxCode = r.requireText(at + "/taxCode");
    if (taxCode.isEmpty()) {
      throw new MappingException(MappingException.Reason.MISSING_FIELD, r.context().systemId(), at + "/taxCode",
          "the line has no tax code");
    }
    return new InvoiceLine(lineNumber, serviceItem, null, null, description, r.requireDecimal(at + "/quantity"),
        Samples.emptyToNull(r.text(at + "/unitOfMeasureCode").orElse(null)), r.requireMoney(at + "/unitPrice", currency),
        r.requireMoney(at + "/netAmount", currency), taxCode, r.requireDecimal(at + "/taxPercent"),
        r.requireMoney(at + "/netTaxAmount", currency), null, List.of());
  }

  /**
   * Writes {@code line} at {@code at} in {@code w}.
   *
   * @throws MappingException if the line's service item has no Business Central item yet
   */
  public void toVendor(VendorWriter w, String at, InvoiceLine line) {
    w.putText(at + "/itemId", line.serviceItemId() == null ? Samples.EMPTY_GUID
        : w.context().requireExternalId(line.serviceItemId(), at + "/itemId"));
    if (!w.isUnmapped(at + "/description")) {
      w.putText(at + "/description", line.description());
    }
    w.putDecimal(at + "/quantity", line.quantity());
    w.putText(at + "/unitOfMeasureCode", Samples.nullToEmpty(line.unit()));
    w.putAmount(at + "/unitPrice", line.unitPrice());
    w.putAmount(at + "/netAmount", line.netAmount());
    w.putText(at + "/taxCode", line.taxCode());
    w.putDecimal(at + "/taxPercent", line.taxRatePercent());
    w.putAmount(at + "/netTaxAmount", line.taxAmount());
  }
}
