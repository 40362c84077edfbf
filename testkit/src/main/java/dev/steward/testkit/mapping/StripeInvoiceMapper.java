package dev.steward.testkit.mapping;

import dev.steward.model.Address;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.InvoiceTotals;
import dev.steward.model.Money;
import dev.steward.model.Period;
import dev.steward.spi.mapping.EnumMapping;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.MinorUnits;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Stripe {@code invoice}, with its embedded {@code lines.data[]}, to an {@link Invoice}
 * and back; each line through {@link StripeInvoiceLineMapper}.
 *
 * <table>
 *   <caption>Invoice fields and their Stripe sources</caption>
 *   <tr><th>canonical</th><th>Stripe</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code id}</td></tr>
 *   <tr><td>invoiceNumber</td><td>{@code number} (null while a draft)</td></tr>
 *   <tr><td>customerId</td><td>{@code customer}, through the id map</td></tr>
 *   <tr><td>billingScheduleId</td><td>{@code subscription}, through the id map (see {@link StripeSubscriptionMapper})</td></tr>
 *   <tr><td>status</td><td>{@code status}: draft, open (FINALIZED), paid, void; {@code uncollectible} is FINALIZED and written back as it was</td></tr>
 *   <tr><td>currency</td><td>{@code currency}, lower case in Stripe</td></tr>
 *   <tr><td>issueDate</td><td>derived: the UTC day of {@code effective_at}, else of {@code created}</td></tr>
 *   <tr><td>dueDate</td><td>derived: the UTC day of {@code due_date}</td></tr>
 *   <tr><td>servicePeriod</td><td>derived: the UTC days from {@code period_start} to the second before {@code period_end}</td></tr>
 *   <tr><td>billTo</td><td>{@code customer_address}, when line1, city and country are set</td></tr>
 *   <tr><td>lines</td><td>{@code lines.data[]}</td></tr>
 *   <tr><td>totals</td><td>{@code subtotal}, {@code total}; tax derived as {@code total - total_excluding_tax}</td></tr>
 *   <tr><td>amountDue</td><td>{@code amount_remaining}</td></tr>
 *   <tr><td>legalEntityId</td><td>the context's default {@link EntityType#LEGAL_ENTITY}</td></tr>
 *   <tr><td>extensions {@code stripe:*}</td><td>everything else, including what lines do not map, under {@code stripe:lines}</td></tr>
 * </table>
 *
 * <p>Amounts are integer minor units in Stripe ({@code 1000} is 10.00 USD, 1000 JPY); derived
 * values are not written back, since Stripe sets those fields. Stateless and thread-safe.
 */
public final class StripeInvoiceMapper implements RecordMapper<Invoice> {
  /** The extension namespace of Stripe fields. */
  public static final String NAMESPACE = "stripe";

  /** Stripe's invoice statuses. */
  public static final EnumMapping<InvoiceStatus> STATUS = EnumMapping.builder(InvoiceStatus.class)
      .map("draft", InvoiceStatus.DRAFT)
      .map("open", InvoiceStatus.FINALIZED)
      .map("paid", InvoiceStatus.PAID)
      .map("void", InvoiceStatus.VOID)
      .map("uncollectible", InvoiceStatus.FINALIZED)
      .build();

  private final StripeInvoiceLineMapper lines = new StripeInvoiceLineMapper();

  @Override
  public Class<Invoice> recordType() {
    return Invoice.class;
  }

  @Override
  public Invoice toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    Samples.requireObjectType(r, "invoice");
    String id = r.requireText("/id");
    Currency currency = r.requireCurrency("/currency");
    CanonicalId customer = context.canonicalId(EntityType.CUSTOMER, r.requireText("/customer"));
    CanonicalId schedule = r.text("/subscription").map(s -> context.canonicalId(EntityType.BILLING_SCHEDULE, s)).orElse(null);
    InvoiceStatus status = r.requireEnum("/status", STATUS);
    Instant issued = Samples.peekEpochSeconds(r, "/effective_at").or(() -> Samples.peekEpochSeconds(r, "/created"))
        .orElseThrow(() -> new MappingException(MappingException.Reason.MISSING_FIELD, context.systemId(), "/created", "the invoice has neither effective_at nor created"));
    LocalDate due = Samples.peekEpochSeconds(r, "/due_date").map(Samples::utcDate).orElse(null);
    Period service = Samples.peekPeriod(r, "/period_start", "/period_end").orElse(null);
    Address billTo = StripeCustomerMapper.readAddress(r, "/customer_address");
    int count = r.size("/lines/data");
    if (count == 0) {
      throw new MappingException(MappingException.Reason.MISSING_FIELD, context.systemId(), "/lines/data",
          "the invoice has no embedded lines; fetch it with its lines");
    }
    List<InvoiceLine> mapped = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      InvoiceLine line = lines.toCanonical(r, "/lines/data/" + i, i + 1);
      if (!line.netAmount().currency().equals(currency)) {
        throw new MappingException(MappingException.Reason.INVALID_VALUE, context.systemId(), "/lines/data/" + i + "/currency",
            "the line is in " + line.netAmount().currencyCode() + ", the invoice in " + currency.getCurrencyCode());
      }
      mapped.add(line);
    }
    Money subtotal = r.requireMinorUnits("/subtotal", currency);
    Money total = r.requireMinorUnits("/total", currency);
    Money tax = r.peek("/total_excluding_tax").filter(JsonNode::isIntegralNumber)
        .map(n -> total.minus(MinorUnits.toMoney(n.bigIntegerValue(), currency))).orElse(Money.zero(currency));
    Money remaining = r.minorUnits("/amount_remaining", currency).orElse(null);
    return new Invoice(context.meta(EntityType.INVOICE, id, null), r.text("/number").orElse(null), customer,
        context.requireDefaultId(EntityType.LEGAL_ENTITY, ""), null, schedule, status, currency,
        Samples.utcDate(issued), due, service, null, billTo, mapped, new InvoiceTotals(subtotal, tax, total), remaining,
        r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(Invoice record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    w.putText("/object", "invoice");
    w.putText("/id", context.externalId(record.meta()).orElse(null));
    w.putText("/number", record.invoiceNumber());
    w.putText("/customer", context.requireExternalId(record.customerId(), "/customer"));
    if (record.billingScheduleId() != null) {
      w.putText("/subscription", context.requireExternalId(record.billingScheduleId(), "/subscription"));
    }
    w.putEnum("/status", STATUS, record.status());
    w.putText("/currency", record.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
    StripeCustomerMapper.writeAddress(w, "/customer_address", record.billTo());
    for (int i = 0; i < record.lines().size(); i++) {
      lines.toVendor(w, "/lines/data/" + i, record.lines().get(i));
    }
    w.putMinorUnits("/subtotal", record.totals().subtotal());
    w.putMinorUnits("/total", record.totals().total());
    w.putMinorUnits("/amount_remaining", record.amountDue());
    return w.build();
  }
}
