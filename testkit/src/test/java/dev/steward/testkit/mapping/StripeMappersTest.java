package dev.steward.testkit.mapping;

import static dev.steward.testkit.mapping.MappingChecks.assertNothingDropped;
import static dev.steward.testkit.mapping.MappingChecks.assertRoundTrip;
import static dev.steward.testkit.mapping.MappingChecks.assertValid;
import static dev.steward.testkit.mapping.MappingChecks.vendorFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CustomerStatus;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.ExternalRef;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.Money;
import dev.steward.model.Period;
import dev.steward.model.TaxId;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.VendorReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StripeMappersTest {
  private static final String NS = "stripe";
  private final MappingContext context = Contexts.builder("billing").setting(StripeInvoiceLineMapper.TAX_CODE_SETTING, "US-NONE").build();

  @Test
  void customer_fixture_mapsAndRoundTrips() {
    JsonNode vendor = vendorFile("stripe/customer.json");
    StripeCustomerMapper mapper = new StripeCustomerMapper();

    Customer c = assertValid(mapper.toCanonical(vendor, context));

    assertThat(c.meta().externalRefs()).containsExactly(new ExternalRef("billing", "cus_QXg1o8vcGmoR32", null));
    assertThat(c.legalName()).as("name is null: the Stripe id stands in").isEqualTo("cus_QXg1o8vcGmoR32");
    assertThat(c.displayName()).isEqualTo(c.legalName());
    assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(c.contractingEntityId()).isEqualTo(Contexts.LEGAL_ENTITY);
    assertThat(c.billingAddress()).as("every address field is null").isNull();
    assertThat(c.extensions()).containsKeys("stripe:name", "stripe:email", "stripe:balance", "stripe:address", "stripe:metadata");
    assertNothingDropped(vendor, c.extensions(), NS, List.of("/object", "/id"));
    ObjectNode back = assertRoundTrip(mapper, vendor, c, context, false);
    assertThat(back.get("name").isNull()).as("a fallback name is not written back").isTrue();
  }

  @Test
  void customer_withAddressAndExpandedTaxIds_mapsThem() {
    ObjectNode vendor = (ObjectNode) vendorFile("stripe/customer.json");
    vendor.set("address", MappingChecks.VENDOR_JSON.readTree(
        "{\"city\":\"Berlin\",\"country\":\"DE\",\"line1\":\"Unter den Linden 1\",\"line2\":null,\"postal_code\":\"10117\",\"state\":null}"));
    vendor.put("name", "Adatum GmbH");
    vendor.set("tax_ids", MappingChecks.VENDOR_JSON.createObjectNode().put("object", "list").put("has_more", false)
        .set("data", MappingChecks.VENDOR_JSON.createArrayNode().add(vendorFile("stripe/tax_id.json"))));
    StripeCustomerMapper mapper = new StripeCustomerMapper();

    Customer c = assertValid(mapper.toCanonical(vendor, context));

    assertThat(c.legalName()).isEqualTo("Adatum GmbH");
    assertThat(c.billingAddress().lines()).containsExactly("Unter den Linden 1");
    assertThat(c.billingAddress().city()).isEqualTo("Berlin");
    assertThat(c.billingAddress().postalCode()).isEqualTo("10117");
    assertThat(c.billingAddress().country()).isEqualTo("DE");
    assertThat(c.taxIds()).containsExactly(new TaxId("DE", "DE123456789"));
    assertThat(c.extensions().get("stripe:tax_ids").at("/data/0/type").stringValue()).isEqualTo("eu_vat");
    assertNothingDropped(vendor, c.extensions(), NS, List.of("/object", "/id", "/name", "/address/line1",
        "/address/city", "/address/postal_code", "/address/country", "/tax_ids/data/*/country", "/tax_ids/data/*/value"));
    assertRoundTrip(mapper, vendor, c, context, false);
  }

  @Test
  void invoice_fixture_mapsAndRoundTrips() {
    JsonNode vendor = vendorFile("stripe/invoice.json");
    StripeInvoiceMapper mapper = new StripeInvoiceMapper();

    Invoice inv = assertValid(mapper.toCanonical(vendor, context));

    assertThat(inv.meta().externalRefs()).extracting(ExternalRef::id).containsExactly("in_1Pgc6tB7WZ01zgkWu9fdqL6I");
    assertThat(inv.invoiceNumber()).isNull();
    assertThat(inv.customerId()).isEqualTo(context.findCanonicalId(EntityType.CUSTOMER, "cus_QXg1o8vcGmoR32").orElseThrow());
    assertThat(inv.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(inv.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(inv.issueDate()).as("effective_at 1234567890 is 2009-02-13T23:31:30Z").isEqualTo(LocalDate.of(2009, 2, 13));
    assertThat(inv.dueDate()).isEqualTo(LocalDate.of(2009, 2, 13));
    assertThat(inv.servicePeriod()).isEqualTo(new Period(LocalDate.of(2009, 2, 13), LocalDate.of(2009, 2, 13)));
    assertThat(inv.totals().subtotal()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(inv.totals().total()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(inv.totals().taxTotal()).isEqualTo(Money.of("0.00", "USD"));
    assertThat(inv.amountDue()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(inv.legalEntityId()).isEqualTo(Contexts.LEGAL_ENTITY);
    InvoiceLine line = inv.lines().get(0);
    assertThat(line.lineNumber()).isEqualTo(1);
    assertThat(line.description()).isEqualTo("My First Invoice Item (created for API docs)");
    assertThat(line.netAmount()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(line.quantity()).isEqualByComparingTo("1");
    assertThat(line.unitPrice()).as("derived: amount / quantity").isEqualTo(Money.of("10.00", "USD"));
    assertThat(line.taxCode()).isEqualTo("US-NONE");
    assertThat(inv.extensions().get("stripe:lines").at("/data/0/id").stringValue()).isEqualTo("il_1Pgc6sB7WZ01zgkWFnxLrLCq");
    assertNothingDropped(vendor, inv.extensions(), NS, List.of("/object", "/id", "/customer", "/status", "/currency",
        "/subtotal", "/total", "/amount_remaining", "/lines/data/*/currency", "/lines/data/*/amount",
        "/lines/data/*/description", "/lines/data/*/quantity"));
    assertRoundTrip(mapper, vendor, inv, context, false);
  }

  @Test
  void invoice_uncollectible_isFinalized_andWrittenBackAsItWas() {
    ObjectNode vendor = (ObjectNode) vendorFile("stripe/invoice.json");
    vendor.put("status", "uncollectible");
    StripeInvoiceMapper mapper = new StripeInvoiceMapper();

    Invoice inv = assertValid(mapper.toCanonical(vendor, context));

    assertThat(inv.status()).isEqualTo(InvoiceStatus.FINALIZED);
    assertThat(mapper.toVendor(inv, context).get("status").stringValue()).isEqualTo("uncollectible");
  }

  @Test
  void invoice_inJpy_countsWholeYen() {
    ObjectNode vendor = (ObjectNode) vendorFile("stripe/invoice.json");
    vendor.put("currency", "jpy");
    ((ObjectNode) vendor.at("/lines/data/0")).put("currency", "jpy");
    StripeInvoiceMapper mapper = new StripeInvoiceMapper();

    Invoice inv = assertValid(mapper.toCanonical(vendor, context));

    assertThat(inv.totals().total()).isEqualTo(Money.of("1000", "JPY"));
    assertRoundTrip(mapper, vendor, inv, context, false);
  }

  @Test
  void invoice_unknownStatus_andFractionalAmount_areTypedErrors() {
    ObjectNode unknown = (ObjectNode) vendorFile("stripe/invoice.json");
    unknown.put("status", "settled");
    ObjectNode fraction = (ObjectNode) vendorFile("stripe/invoice.json");
    fraction.put("total", 1000.5);
    StripeInvoiceMapper mapper = new StripeInvoiceMapper();

    assertThatThrownBy(() -> mapper.toCanonical(unknown, context)).isInstanceOfSatisfying(MappingException.class, e -> {
      assertThat(e.reason()).isEqualTo(MappingException.Reason.UNKNOWN_VALUE);
      assertThat(e.pointer()).isEqualTo("/status");
    });
    assertThatThrownBy(() -> mapper.toCanonical(fraction, context)).isInstanceOfSatisfying(MappingException.class, e -> {
      assertThat(e.reason()).isEqualTo(MappingException.Reason.INEXACT_AMOUNT);
      assertThat(e.pointer()).isEqualTo("/total");
    });
  }

  @Test
  void invoiceLineItem_fixture_mapsAndRoundTripsWithinAnInvoice() {
    JsonNode vendor = vendorFile("stripe/invoice_line_item.json");
    StripeInvoiceLineMapper mapper = new StripeInvoiceLineMapper();
    VendorReader r = VendorReader.of(vendor, context);

    InvoiceLine line = mapper.toCanonical(r, "", 1);

    MappingChecks.assertBeanValid(line);
    assertThat(line.description()).isEqualTo("My First Invoice Item (created for API docs)");
    assertThat(line.netAmount()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(line.quantity()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(line.taxAmount()).isEqualTo(Money.of("0.00", "USD"));
    assertThat(line.taxRatePercent()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(line.servicePeriod()).isEqualTo(new Period(LocalDate.of(2024, 7, 26), LocalDate.of(2024, 7, 26)));
    assertNothingDropped(vendor, r.extensions(NS), NS, List.of("/currency", "/amount", "/description", "/quantity"));
  }

  @Test
  void invoiceLine_withoutTaxCodeSetting_isMissingField() {
    MappingContext bare = Contexts.builder("billing").build();
    VendorReader r = VendorReader.of(vendorFile("stripe/invoice_line_item.json"), bare);

    assertThatThrownBy(() -> new StripeInvoiceLineMapper().toCanonical(r, "", 1))
        .isInstanceOfSatisfying(MappingException.class, e -> {
          assertThat(e.reason()).isEqualTo(MappingException.Reason.MISSING_FIELD);
          assertThat(e.getMessage()).contains(StripeInvoiceLineMapper.TAX_CODE_SETTING);
        });
  }
}
