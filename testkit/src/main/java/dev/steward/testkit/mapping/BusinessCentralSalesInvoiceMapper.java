package dev.steward.testkit.mapping;

import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.InvoiceTotals;
import dev.steward.spi.mapping.EnumMapping;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Business Central API v2.0 {@code salesInvoice}, read with {@code
 * $expand=salesInvoiceLines}, to an {@link Invoice} and back; each line through {@link
 * BusinessCentralSalesInvoiceLineMapper}. A canonical invoice has at least one line, so an
 * invoice read without its lines is a {@link MappingException}.
 *
 * <table>
 *   <caption>Invoice fields and their Business Central sources</caption>
 *   <tr><th>canonical</th><th>Business Central</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code id}</td></tr>
 *   <tr><td>meta.updatedAt</td><td>{@code lastModifiedDateTime}, read-only: kept and never written</td></tr>
 *   <tr><td>invoiceNumber</td><td>{@code number}</td></tr>
 *   <tr><td>customerId</td><td>{@code customerId}, through the id map</td></tr>
 *   <tr><td>status</td><td>{@code status}: Draft and In Review (DRAFT), Open (POSTED: a posted, unpaid invoice), Paid, Canceled (VOID), Corrective (CREDITED)</td></tr>
 *   <tr><td>currency</td><td>{@code currencyCode}; the context's default currency (the company's local currency) when empty</td></tr>
 *   <tr><td>issueDate, dueDate</td><td>{@code invoiceDate}, {@code dueDate}</td></tr>
 *   <tr><td>purchaseOrderNumber</td><td>{@code customerPurchaseOrderReference}</td></tr>
 *   <tr><td>billTo</td><td>{@code billToAddressLine1}, {@code billToAddressLine2}, {@code billToCity}, {@code billToState}, {@code billToPostCode}, {@code billToCountry}</td></tr>
 *   <tr><td>lines</td><td>{@code salesInvoiceLines[]}</td></tr>
 *   <tr><td>totals</td><td>{@code totalAmountExcludingTax}, {@code totalTaxAmount}, {@code totalAmountIncludingTax}</td></tr>
 *   <tr><td>amountDue</td><td>{@code remainingAmount}</td></tr>
 *   <tr><td>legalEntityId</td><td>the context's default {@link EntityType#LEGAL_ENTITY}: the company the API path names</td></tr>
 *   <tr><td>extensions {@code bc:*}</td><td>everything else: {@code sellTo...}, {@code shipTo...}, {@code postingDate}, {@code discountAmount}, {@code salesperson}, ...</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class BusinessCentralSalesInvoiceMapper implements RecordMapper<Invoice> {
  /** The extension namespace of Business Central fields. */
  public static final String NAMESPACE = "bc";

  /** Business Central's sales invoice statuses. */
  public static final EnumMapping<InvoiceStatus> STATUS = EnumMapping.builder(InvoiceStatus.class)
      .map("Draft", InvoiceStatus.DRAFT)
      .map("Open", InvoiceStatus.POSTED)
      .map("Paid", InvoiceStatus.PAID)
      .map("Canceled", InvoiceStatus.VOID)
      .map("Corrective", InvoiceStatus.CREDITED)
      .map("In Review", InvoiceStatus.DRAFT)
      .build();

  private static final String[] BILL_TO = {"/billToAddressLine1", "/billToAddressLine2", "/billToCity", "/billToState",
      "/billToPostCode", "/billToCountry"};

  private final BusinessCentralSalesInvoiceLineMapper lines = new BusinessCentralSalesInvoiceLineMapper();

  @Override
  public Class<Invoice> recordType() {
    return Invoice.class;
  }

  @Override
  public Invoice toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    String id = r.requireText("/id");
    boolean local = r.peek("/currencyCode").filter(c -> c.isString() && c.stringValue().isEmpty()).isPresent();
    Currency currency = local ? context.requireDefaultCurrency("/currencyCode") : r.requireCurrency("/currencyCode");
    int count = r.size("/salesInvoiceLines");
    if (count == 0) {
      throw new MappingException(MappingException.Reason.MISSING_FIELD, context.systemId(), "/salesInvoiceLines",
          "the invoice has no lines; read it with $expand=salesInvoiceLines");
    }
    List<InvoiceLine> mapped = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      mapped.add(lines.toCanonical(r, "/salesInvoiceLines/" + i, i + 1, currency));
    }
    return new Invoice(context.meta(EntityType.INVOICE, id, Samples.peekInstant(r, "/lastModifiedDateTime").orElse(null)),
        Samples.emptyToNull(r.text("/number").orElse(null)),
        context.canonicalId(EntityType.CUSTOMER, r.requireText("/customerId")),
        context.requireDefaultId(EntityType.LEGAL_ENTITY, ""), null, null, r.requireEnum("/status", STATUS), currency,
        r.requireDate("/invoiceDate"), r.date("/dueDate").orElse(null), null,
        Samples.emptyToNull(r.text("/customerPurchaseOrderReference").orElse(null)),
        BusinessCentralCustomerMapper.readAddress(r, BILL_TO[0], BILL_TO[1], BILL_TO[2], BILL_TO[3], BILL_TO[4], BILL_TO[5]),
        mapped, new InvoiceTotals(r.requireMoney("/totalAmountExcludingTax", currency),
            r.requireMoney("/totalTaxAmount", currency), r.requireMoney("/totalAmountIncludingTax", currency)),
        r.money("/remainingAmount", currency).orElse(null), r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(Invoice record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    w.putText("/id", context.externalId(record.meta()).orElse(null));
    w.putText("/number", Samples.nullToEmpty(record.invoiceNumber()));
    w.putText("/customerId", context.requireExternalId(record.customerId(), "/customerId"));
    w.putEnum("/status", STATUS, record.status());
    if (!w.isUnmapped("/currencyCode")) {
      w.putCurrency("/currencyCode", record.currency());
    }
    w.putDate("/invoiceDate", record.issueDate());
    w.putDate("/dueDate", record.dueDate());
    w.putText("/customerPurchaseOrderReference", Samples.nullToEmpty(record.purchaseOrderNumber()));
    BusinessCentralCustomerMapper.writeAddress(w, record.billTo(), BILL_TO[0], BILL_TO[1], BILL_TO[2], BILL_TO[3],
        BILL_TO[4], BILL_TO[5]);
    for (int i = 0; i < record.lines().size(); i++) {
      lines.toVendor(w, "/salesInvoiceLines/" + i, record.lines().get(i));
    }
    w.putAmount("/totalAmountExcludingTax", record.totals().subtotal());
    w.putAmount("/totalTaxAmount", record.totals().taxTotal());
    w.putAmount("/totalAmountIncludingTax", record.totals().total());
    w.putAmount("/remainingAmount", record.amountDue());
    return w.build();
  }
}
