package dev.steward.testkit.simulated;

import dev.steward.model.ApprovalState;
import dev.steward.model.Assignment;
import dev.steward.model.AssignmentStatus;
import dev.steward.model.BillingSchedule;
import dev.steward.model.BillingScheduleStatus;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.Contact;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EmploymentType;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.Expense;
import dev.steward.model.ExpenseCategory;
import dev.steward.model.ExternalRef;
import dev.steward.model.IdGenerator;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.InvoiceTotals;
import dev.steward.model.Money;
import dev.steward.model.Opportunity;
import dev.steward.model.OpportunityStage;
import dev.steward.model.Payment;
import dev.steward.model.PaymentMethod;
import dev.steward.model.PaymentStatus;
import dev.steward.model.Period;
import dev.steward.model.Project;
import dev.steward.model.ProjectStatus;
import dev.steward.model.ProjectType;
import dev.steward.model.Resource;
import dev.steward.model.RevenueRecognitionMethod;
import dev.steward.model.RevenueSchedule;
import dev.steward.model.RevenueScheduleStatus;
import dev.steward.model.TimeEntry;
import dev.steward.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Hand-built canonical records for the simulated systems' tests, with reproducible ids. */
final class TestRecords {
  static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
  static final Currency EUR = Currency.getInstance("EUR");

  private final IdGenerator ids;
  private final CanonicalId legalEntity;

  TestRecords(long seed) {
    this.ids = IdGenerator.create(Clock.fixed(T0, ZoneOffset.UTC), new Random(seed));
    this.legalEntity = ids.next(EntityType.LEGAL_ENTITY);
  }

  TestRecords() {
    this(7);
  }

  CanonicalId next(EntityType type) {
    return ids.next(type);
  }

  static EntityMeta meta(CanonicalId id, ExternalRef... refs) {
    return new EntityMeta(id, List.of(refs), 3L, "crm", T0, EntityMeta.CURRENT_SCHEMA_VERSION);
  }

  static Map<String, JsonNode> extension(String key, String value) {
    return Map.of(key, JsonNodeFactory.instance.textNode(value));
  }

  Customer customer(String name) {
    return customer(ids.next(EntityType.CUSTOMER), name);
  }

  Customer customer(CanonicalId id, String name) {
    return new Customer(meta(id), name, name, null, "enterprise", CustomerStatus.ACTIVE, legalEntity, List.of(), null,
        null, Map.of());
  }

  Contact contact(CanonicalId customerId, String lastName) {
    return new Contact(meta(ids.next(EntityType.CONTACT)), customerId, "Ada", lastName, "ada@example.com", null, null,
        List.of(), true, true, Map.of());
  }

  Opportunity opportunity(CanonicalId customerId, String name) {
    return new Opportunity(meta(ids.next(EntityType.OPPORTUNITY)), customerId, name, OpportunityStage.PROPOSAL,
        Money.of("120000.00", EUR), new BigDecimal("40.00"), LocalDate.of(2027, 1, 31), null, List.of(), Map.of());
  }

  Project project(CanonicalId customerId, String code) {
    return new Project(meta(ids.next(EntityType.PROJECT)), code, "Project " + code, ProjectType.TIME_AND_MATERIALS,
        customerId, null, null, legalEntity, EUR, null, List.of(), ProjectStatus.ACTIVE, null, null, List.of(), Map.of());
  }

  Resource resource(String name) {
    return new Resource(meta(ids.next(EntityType.RESOURCE)), name, null, null, "Consultant", EmploymentType.EMPLOYEE,
        legalEntity, "DE", null, null, true, Map.of());
  }

  Assignment assignment(CanonicalId resourceId, CanonicalId projectId) {
    return new Assignment(meta(ids.next(EntityType.ASSIGNMENT)), resourceId, projectId, null, "Consultant",
        new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)), new BigDecimal("80.00"), true, null,
        AssignmentStatus.CONFIRMED, Map.of());
  }

  TimeEntry timeEntry(CanonicalId resourceId, CanonicalId projectId, String hours, ApprovalState state) {
    return timeEntry(ids.next(EntityType.TIME_ENTRY), resourceId, projectId, hours, state, null);
  }

  static TimeEntry timeEntry(CanonicalId id, CanonicalId resourceId, CanonicalId projectId, String hours,
      ApprovalState state, CanonicalId invoiceId) {
    return new TimeEntry(meta(id), resourceId, projectId, null, null, LocalDate.of(2026, 11, 26), new BigDecimal(hours),
        true, state, "Workshop", null, null, invoiceId, Map.of());
  }

  Expense expense(CanonicalId resourceId, CanonicalId projectId, ApprovalState state) {
    return new Expense(meta(ids.next(EntityType.EXPENSE)), resourceId, projectId, null, LocalDate.of(2026, 11, 20),
        ExpenseCategory.TRAVEL, Money.of("240.00", EUR), true, null, null, "Train", state, null, Map.of());
  }

  Invoice invoice(CanonicalId customerId, LocalDate issueDate, InvoiceStatus status) {
    return invoice(ids.next(EntityType.INVOICE), customerId, issueDate, status, "1000.00");
  }

  Invoice invoice(CanonicalId id, CanonicalId customerId, LocalDate issueDate, InvoiceStatus status, String net) {
    Money amount = Money.of(net, EUR);
    Money tax = Money.of(new BigDecimal(net).multiply(new BigDecimal("0.19")).setScale(2), EUR);
    Money gross = Money.of(new BigDecimal(net).add(tax.amount()), EUR);
    InvoiceLine line = new InvoiceLine(1, null, null, null, "Consulting", BigDecimal.ONE, null, amount, amount, "VAT19",
        new BigDecimal("19"), tax, null, List.of());
    return new Invoice(meta(id), status == InvoiceStatus.DRAFT ? null : "INV-2026-0001", customerId, legalEntity, null,
        null, status, EUR, issueDate, issueDate.plusDays(30), null, null, null, List.of(line),
        new InvoiceTotals(amount, tax, gross), gross, Map.of());
  }

  static Invoice withStatus(Invoice i, InvoiceStatus status) {
    return new Invoice(i.meta(), i.invoiceNumber(), i.customerId(), i.legalEntityId(), i.contractId(),
        i.billingScheduleId(), status, i.currency(), i.issueDate(), i.dueDate(), i.servicePeriod(),
        i.purchaseOrderNumber(), i.billTo(), i.lines(), i.totals(), i.amountDue(), i.extensions());
  }

  static Invoice withIssueDate(Invoice i, LocalDate issueDate) {
    return new Invoice(i.meta(), i.invoiceNumber(), i.customerId(), i.legalEntityId(), i.contractId(),
        i.billingScheduleId(), i.status(), i.currency(), issueDate, i.dueDate(), i.servicePeriod(),
        i.purchaseOrderNumber(), i.billTo(), i.lines(), i.totals(), i.amountDue(), i.extensions());
  }

  static Invoice withPurchaseOrder(Invoice i, String po) {
    return new Invoice(i.meta(), i.invoiceNumber(), i.customerId(), i.legalEntityId(), i.contractId(),
        i.billingScheduleId(), i.status(), i.currency(), i.issueDate(), i.dueDate(), i.servicePeriod(), po,
        i.billTo(), i.lines(), i.totals(), i.amountDue(), i.extensions());
  }

  Payment payment(CanonicalId customerId, LocalDate receivedDate) {
    return new Payment(meta(ids.next(EntityType.PAYMENT)), customerId, legalEntity, Money.of("1190.00", EUR),
        receivedDate, PaymentMethod.BANK_TRANSFER, "RF18 5390 0754 7034", null, PaymentStatus.RECEIVED, List.of(),
        Map.of());
  }

  RevenueSchedule revenueSchedule() {
    return new RevenueSchedule(meta(ids.next(EntityType.REVENUE_SCHEDULE)), ids.next(EntityType.CONTRACT), null, null,
        legalEntity, RevenueRecognitionMethod.STRAIGHT_LINE, RevenueScheduleStatus.ACTIVE, Money.of("12000.00", EUR),
        List.of(), Map.of());
  }

  BillingSchedule billingSchedule(CanonicalId customerId) {
    return new BillingSchedule(meta(ids.next(EntityType.BILLING_SCHEDULE)), ids.next(EntityType.CONTRACT), customerId,
        legalEntity, null, "Monthly retainer", BillingScheduleStatus.ACTIVE, EUR, null, 30, List.of(), List.of(),
        List.of(), Map.of());
  }

  UsageRecord usageRecord(CanonicalId customerId, String quantity) {
    return new UsageRecord(meta(ids.next(EntityType.USAGE_RECORD)), customerId, null, null, "api-calls",
        new BigDecimal(quantity), "call", T0, null, "evt-" + quantity, null, Map.of());
  }

  /** Returns {@code record} as a system reads it back: written, with {@code ref} added to its references. */
  static <T extends CanonicalEntity> T withRef(T record, ExternalRef ref) {
    EntityMeta m = record.meta();
    List<ExternalRef> refs = new java.util.ArrayList<>(m.externalRefs());
    refs.add(ref);
    return RecordShapes.withMeta(record, new EntityMeta(m.id(), refs, m.version(), m.lastWriter(), m.updatedAt(),
        m.schemaVersion()));
  }
}
