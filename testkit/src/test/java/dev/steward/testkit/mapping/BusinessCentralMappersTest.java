package dev.steward.testkit.mapping;

import static dev.steward.testkit.mapping.MappingChecks.VENDOR_JSON;
import static dev.steward.testkit.mapping.MappingChecks.assertNothingDropped;
import static dev.steward.testkit.mapping.MappingChecks.assertRoundTrip;
import static dev.steward.testkit.mapping.MappingChecks.assertValid;
import static dev.steward.testkit.mapping.MappingChecks.vendorFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.Address;
import dev.steward.model.ApprovalState;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.Money;
import dev.steward.model.Project;
import dev.steward.model.ProjectStatus;
import dev.steward.model.ProjectType;
import dev.steward.model.TimeEntry;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.VendorReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class BusinessCentralMappersTest {
  private static final String NS = "bc";
  private static final Currency USD = Currency.getInstance("USD");
  private final MappingContext context = Contexts.builder("erp").defaultCurrency(USD)
      .defaultId(Contexts.CUSTOMER).defaultId(Contexts.PROJECT).build();

  /** The sales invoice as {@code GET salesInvoices(id)?$expand=salesInvoiceLines} returns it: the two example files joined. */
  private static ObjectNode invoiceWithLines() {
    ObjectNode invoice = (ObjectNode) vendorFile("business-central/salesinvoice_get_response.json");
    invoice.set("salesInvoiceLines", VENDOR_JSON.createArrayNode().add(vendorFile("business-central/salesinvoiceline_get_response.json")));
    return invoice;
  }

  @Test
  void customer_example_mapsAndRoundTrips() {
    JsonNode vendor = vendorFile("business-central/customer_get_response.json");
    BusinessCentralCustomerMapper mapper = new BusinessCentralCustomerMapper();

    Customer c = assertValid(mapper.toCanonical(vendor, context));

    assertThat(c.meta().externalRefs().get(0).id()).isEqualTo("f2a5738a-44e3-ea11-bb43-000d3a2feca1");
    assertThat(c.meta().updatedAt()).isEqualTo(Instant.parse("2020-08-21T07:38:44.293Z"));
    assertThat(c.legalName()).isEqualTo("Adatum Corporation");
    assertThat(c.billingAddress()).isEqualTo(new Address(List.of("192 Market Square"), "Atlanta", "GA", "31772", "US"));
    assertThat(c.taxIds()).as("taxRegistrationNumber is empty").isEmpty();
    assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(c.contractingEntityId()).isEqualTo(Contexts.LEGAL_ENTITY);
    assertThat(c.extensions().get("bc:number").stringValue()).isEqualTo("10000");
    assertThat(c.extensions().get("bc:currencyCode").stringValue()).isEqualTo("USD");
    assertNothingDropped(vendor, c.extensions(), NS, List.of("/id", "/displayName", "/addressLine1", "/addressLine2",
        "/city", "/state", "/country", "/postalCode", "/taxRegistrationNumber", "/blocked"));
    assertRoundTrip(mapper, vendor, c, context, false);
  }

  @Test
  void customer_blockedForInvoicing_isOnHold_andWrittenBackAsItWas() {
    ObjectNode vendor = (ObjectNode) vendorFile("business-central/customer_get_response.json");
    vendor.put("blocked", "Invoice").put("taxRegistrationNumber", "58-1234567");
    BusinessCentralCustomerMapper mapper = new BusinessCentralCustomerMapper();

    Customer c = assertValid(mapper.toCanonical(vendor, context));

    assertThat(c.status()).isEqualTo(CustomerStatus.ON_HOLD);
    assertThat(c.taxIds()).extracting(t -> t.country() + " " + t.number()).containsExactly("US 58-1234567");
    assertRoundTrip(mapper, vendor, c, context, false);
  }

  @Test
  void project_example_takesWhatTheApiLacksFromTheContext() {
    JsonNode vendor = vendorFile("business-central/project_get_response.json");
    BusinessCentralProjectMapper mapper = new BusinessCentralProjectMapper();

    Project p = assertValid(mapper.toCanonical(vendor, context));

    assertThat(p.code()).isEqualTo("DEERFIELD, 8 WP");
    assertThat(p.name()).isEqualTo("Setting up Eight Work Areas");
    assertThat(p.type()).isEqualTo(ProjectType.TIME_AND_MATERIALS);
    assertThat(p.customerId()).isEqualTo(Contexts.CUSTOMER);
    assertThat(p.legalEntityId()).isEqualTo(Contexts.LEGAL_ENTITY);
    assertThat(p.currency()).isEqualTo(USD);
    assertThat(p.status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(p.extensions()).isEmpty();
    assertNothingDropped(vendor, p.extensions(), NS, List.of("/id", "/number", "/displayName"));
    assertRoundTrip(mapper, vendor, p, context, false);
  }

  @Test
  void project_typeComesFromTheSetting_andABadOneIsInvalid() {
    JsonNode vendor = vendorFile("business-central/project_get_response.json");
    MappingContext fixedFee = Contexts.builder("erp").defaultCurrency(USD).defaultId(Contexts.CUSTOMER)
        .setting(BusinessCentralProjectMapper.PROJECT_TYPE_SETTING, "FIXED_FEE").build();
    MappingContext bad = Contexts.builder("erp").defaultCurrency(USD).defaultId(Contexts.CUSTOMER)
        .setting(BusinessCentralProjectMapper.PROJECT_TYPE_SETTING, "HOURLY").build();

    assertThat(new BusinessCentralProjectMapper().toCanonical(vendor, fixedFee).type()).isEqualTo(ProjectType.FIXED_FEE);
    assertThatThrownBy(() -> new BusinessCentralProjectMapper().toCanonical(vendor, bad))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.reason()).isEqualTo(MappingException.Reason.INVALID_VALUE));
  }

  @Test
  void timeEntry_example_onNoJob_isBookedToTheDefaultProject_andNotBillable() {
    JsonNode vendor = vendorFile("business-central/timeregistrationentry_get_response.json");
    BusinessCentralTimeEntryMapper mapper = new BusinessCentralTimeEntryMapper();

    TimeEntry t = assertValid(mapper.toCanonical(vendor, context));

    assertThat(t.resourceId()).isEqualTo(context.findCanonicalId(EntityType.RESOURCE, "258bb9c0-44e3-ea11-bb43-000d3a2feca1").orElseThrow());
    assertThat(t.projectId()).as("jobId is the empty GUID").isEqualTo(Contexts.PROJECT);
    assertThat(t.workDate()).isEqualTo(LocalDate.of(2019, 2, 2));
    assertThat(t.hours()).isEqualByComparingTo("5");
    assertThat(t.approvalState()).isEqualTo(ApprovalState.DRAFT);
    assertThat(t.taskCode()).isNull();
    assertThat(t.billable()).isFalse();
    assertThat(t.meta().updatedAt()).isEqualTo(Instant.parse("2020-08-21T15:13:58.87Z"));
    assertThat(t.extensions()).containsKeys("bc:jobId", "bc:lastModfiedDateTime", "bc:employeeNumber");
    assertNothingDropped(vendor, t.extensions(), NS, List.of("/id", "/employeeId", "/jobTaskNumber", "/date", "/quantity",
        "/unitOfMeasureCode", "/status"));
    assertRoundTrip(mapper, vendor, t, context, false);
  }

  @Test
  void timeEntry_onAJob_isBillableAndPointsAtTheProject() {
    ObjectNode vendor = (ObjectNode) vendorFile("business-central/timeregistrationentry_get_response.json");
    vendor.put("jobId", "22d7a1c5-bde4-ea11-bbf2-00155df3a615").put("jobNumber", "DEERFIELD, 8 WP").put("jobTaskNumber", "1010");
    Project project = new BusinessCentralProjectMapper().toCanonical(vendorFile("business-central/project_get_response.json"), context);
    BusinessCentralTimeEntryMapper mapper = new BusinessCentralTimeEntryMapper();

    TimeEntry t = assertValid(mapper.toCanonical(vendor, context));

    assertThat(t.projectId()).isEqualTo(project.id());
    assertThat(t.taskCode()).isEqualTo("1010");
    assertThat(t.billable()).isTrue();
    assertRoundTrip(mapper, vendor, t, context, false);
  }

  @Test
  void timeEntry_inDays_isRefused() {
    ObjectNode vendor = (ObjectNode) vendorFile("business-central/timeregistrationentry_get_response.json");
    vendor.put("unitOfMeasureCode", "DAY");

    assertThatThrownBy(() -> new BusinessCentralTimeEntryMapper().toCanonical(vendor, context))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.pointer()).isEqualTo("/unitOfMeasureCode"));
  }

  @Test
  void salesInvoice_withExpandedLines_mapsAndRoundTrips() {
    ObjectNode vendor = invoiceWithLines();
    BusinessCentralSalesInvoiceMapper mapper = new BusinessCentralSalesInvoiceMapper();

    Invoice inv = assertValid(mapper.toCanonical(vendor, context));

    assertThat(inv.invoiceNumber()).isEqualTo("PS-INV103001");
    assertThat(inv.customerId()).isEqualTo(context.findCanonicalId(EntityType.CUSTOMER, "f3a5738a-44e3-ea11-bb43-000d3a2feca1").orElseThrow());
    assertThat(inv.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(inv.currency()).isEqualTo(USD);
    assertThat(inv.issueDate()).isEqualTo(LocalDate.of(2019, 1, 15));
    assertThat(inv.dueDate()).isEqualTo(LocalDate.of(2019, 1, 15));
    assertThat(inv.purchaseOrderNumber()).isNull();
    assertThat(inv.billTo()).isEqualTo(new Address(List.of("153 Thomas Drive"), "Chicago", "IL", "61236", "US"));
    assertThat(inv.totals().subtotal()).isEqualTo(Money.of("164.70", "USD"));
    assertThat(inv.totals().taxTotal()).isEqualTo(Money.of("8.24", "USD"));
    assertThat(inv.totals().total()).isEqualTo(Money.of("172.94", "USD"));
    assertThat(inv.amountDue()).isEqualTo(Money.of("0.00", "USD"));
    InvoiceLine line = inv.lines().get(0);
    assertThat(line.lineNumber()).isEqualTo(1);
    assertThat(line.description()).isEqualTo("AMSTERDAM Lamp");
    assertThat(line.quantity()).isEqualByComparingTo("3");
    assertThat(line.unit()).isEqualTo("PCS");
    assertThat(line.unitPrice()).isEqualTo(Money.of("54.90", "USD"));
    assertThat(line.netAmount()).isEqualTo(Money.of("164.70", "USD"));
    assertThat(line.taxCode()).isEqualTo("FURNITURE");
    assertThat(line.taxRatePercent()).isEqualByComparingTo("5");
    assertThat(line.taxAmount()).isEqualTo(Money.of("8.24", "USD"));
    assertThat(line.serviceItemId()).isEqualTo(context.findCanonicalId(EntityType.SERVICE_ITEM, "02a6738a-44e3-ea11-bb43-000d3a2feca1").orElseThrow());
    assertThat(inv.extensions().get("bc:salesInvoiceLines").at("/0/sequence").intValue()).isEqualTo(10000);
    assertNothingDropped(vendor, inv.extensions(), NS, List.of("/id", "/number", "/customerId", "/status", "/currencyCode",
        "/invoiceDate", "/dueDate", "/customerPurchaseOrderReference", "/billToAddressLine1", "/billToAddressLine2",
        "/billToCity", "/billToState", "/billToPostCode", "/billToCountry", "/totalAmountExcludingTax", "/totalTaxAmount",
        "/totalAmountIncludingTax", "/remainingAmount", "/salesInvoiceLines/*/itemId", "/salesInvoiceLines/*/description",
        "/salesInvoiceLines/*/quantity", "/salesInvoiceLines/*/unitOfMeasureCode", "/salesInvoiceLines/*/unitPrice",
        "/salesInvoiceLines/*/netAmount", "/salesInvoiceLines/*/taxCode", "/salesInvoiceLines/*/taxPercent",
        "/salesInvoiceLines/*/netTaxAmount"));
    assertRoundTrip(mapper, vendor, inv, context, false);
  }

  @Test
  void salesInvoice_withoutLines_isMissingField() {
    JsonNode vendor = vendorFile("business-central/salesinvoice_get_response.json");

    assertThatThrownBy(() -> new BusinessCentralSalesInvoiceMapper().toCanonical(vendor, context))
        .isInstanceOfSatisfying(MappingException.class, e -> {
          assertThat(e.reason()).isEqualTo(MappingException.Reason.MISSING_FIELD);
          assertThat(e.pointer()).isEqualTo("/salesInvoiceLines");
        });
  }

  @Test
  void salesInvoice_inLocalCurrency_takesTheDefault_andKeepsTheEmptyCode() {
    ObjectNode vendor = invoiceWithLines();
    vendor.put("currencyCode", "");
    BusinessCentralSalesInvoiceMapper mapper = new BusinessCentralSalesInvoiceMapper();

    Invoice inv = assertValid(mapper.toCanonical(vendor, context));

    assertThat(inv.currency()).isEqualTo(USD);
    assertThat(mapper.toVendor(inv, context).get("currencyCode").stringValue()).isEmpty();
  }

  @Test
  void salesInvoiceLine_example_mapsOnItsOwn() {
    JsonNode vendor = vendorFile("business-central/salesinvoiceline_get_response.json");
    VendorReader r = VendorReader.of(vendor, context);

    InvoiceLine line = new BusinessCentralSalesInvoiceLineMapper().toCanonical(r, "", 1, USD);

    MappingChecks.assertBeanValid(line);
    assertThat(line.netAmount()).isEqualTo(Money.of("164.70", "USD"));
    assertThat(r.extensions(NS)).containsKeys("bc:sequence", "bc:lineObjectNumber", "bc:amountIncludingTax", "bc:documentId");
    assertNothingDropped(vendor, r.extensions(NS), NS, List.of("/itemId", "/description", "/quantity", "/unitOfMeasureCode",
        "/unitPrice", "/netAmount", "/taxCode", "/taxPercent", "/netTaxAmount"));
  }
}
