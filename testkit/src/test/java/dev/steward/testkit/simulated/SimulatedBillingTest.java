package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.model.BillingSchedule;
import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.UsageRecord;
import dev.steward.spi.CallContext;
import dev.steward.spi.CapabilityMissingException;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.Operation;
import dev.steward.spi.RejectedByTargetException;
import dev.steward.spi.TransientFailureException;
import dev.steward.spi.WriteResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedBillingTest {
  private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 3);

  private final TestClock clock = new TestClock(TestRecords.T0);
  private final SimulatedBilling billing = SimulatedBilling.builder().clock(clock).seed(9).build();
  private final TestRecords records = new TestRecords();
  private final EntityOperations<Customer> customers = billing.operations(Customer.class);
  private final EntityOperations<Invoice> invoices = billing.operations(Invoice.class);
  private final CanonicalId customer = records.next(EntityType.CUSTOMER);

  private CallContext ctx() {
    return CallContext.within(Duration.ofSeconds(30), clock);
  }

  private CallContext ctx(String key) {
    return ctx().withIdempotencyKey(key);
  }

  @Test
  void capabilities_declareIdempotentCreateNoBatchingAndNoUsageDeletion() {
    assertThat(billing.systemId()).isEqualTo("billing");
    assertThat(billing.capabilities().idempotentCreate()).isTrue();
    assertThat(billing.capabilities().maxBatchSize()).isEqualTo(ConnectorCapabilities.NO_BATCHING);
    assertThat(billing.capabilities().supports(EntityType.USAGE_RECORD, Operation.DELETE)).isFalse();
    assertThat(billing.capabilities().supports(EntityType.INVOICE, Operation.DELETE)).isTrue();
    assertThatThrownBy(() -> billing.operations(UsageRecord.class).delete(ctx(), "mbur_1"))
        .isInstanceOf(CapabilityMissingException.class);
  }

  @Test
  void ids_haveStripePrefixesAndLengths() {
    String cus = customers.upsert(ctx(), records.customer("Acme")).externalId();
    String in = invoices.upsert(ctx(), records.invoice(customer, NOVEMBER, InvoiceStatus.DRAFT)).externalId();
    String sub = billing.operations(BillingSchedule.class).upsert(ctx(), records.billingSchedule(customer)).externalId();
    String usage = billing.operations(UsageRecord.class).upsert(ctx(), records.usageRecord(customer, "12")).externalId();

    assertThat(cus).matches("cus_[0-9A-Za-z]{14}");
    assertThat(in).matches("in_1[0-9A-Za-z]{23}");
    assertThat(sub).matches("sub_1[0-9A-Za-z]{23}");
    assertThat(usage).matches("mbur_1[0-9A-Za-z]{23}");
  }

  @Test
  void idempotencyKeysReceived_listTheKeysOfWriteRequestsOnly_refusedOnesToo() {
    Customer acme = records.customer("Acme");
    String id = customers.create(ctx("create-1"), acme).externalId();
    customers.upsert(ctx("upsert-1"), acme);
    customers.upsert(ctx(), acme);
    customers.read(ctx("read-1"), id);
    billing.answerNext(1, HttpAnswer.of(503));
    assertThatThrownBy(() -> customers.upsert(ctx("refused-1"), acme)).isInstanceOf(TransientFailureException.class);
    customers.delete(ctx("delete-1"), id);
    clock.advance(Duration.ofSeconds(31));
    CallContext expired = CallContext.builder(TestRecords.T0.plusSeconds(30)).idempotencyKey("late-1").build();
    assertThatThrownBy(() -> customers.upsert(expired, acme)).isInstanceOf(TransientFailureException.class);

    assertThat(billing.idempotencyKeysReceived()).containsExactly("create-1", "upsert-1", "refused-1");
    SimulatedCrm crm = SimulatedCrm.builder().clock(clock).build();
    crm.operations(Customer.class).upsert(ctx("crm-1"), acme);
    assertThat(crm.keysReceived()).as("keys kept by a platform that takes none").isEmpty();
  }

  @Test
  void create_repeatedWithTheSameKey_returnsTheFirstResultAndMakesNothing() {
    Customer acme = records.customer("Acme");
    WriteResult first = customers.create(ctx("key-1"), acme);
    WriteResult again = customers.create(ctx("key-1"), acme);

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.externalId()).isEqualTo(first.externalId());
    assertThat(again.version()).isEqualTo(first.version());
    assertThat(billing.recordCount(EntityType.CUSTOMER)).isEqualTo(1);
  }

  @Test
  void create_sameKeyWithAnotherRecord_isRefusedAsStripeDoes() {
    customers.create(ctx("key-1"), records.customer("Acme"));
    RejectedByTargetException e = catchThrowableOfType(() -> customers.create(ctx("key-1"), records.customer("Globex")),
        RejectedByTargetException.class);
    assertThat(e.messages().get(0).code()).isEqualTo("idempotency_error");
    assertThat(e.messages().get(0).message()).contains("key-1");
    assertThat(billing.recordCount(EntityType.CUSTOMER)).isEqualTo(1);
  }

  @Test
  void create_withoutKeyOrWithAnotherKey_ofTheSameRecord_isADuplicate() {
    Customer acme = records.customer("Acme");
    customers.create(ctx("key-1"), acme);
    RejectedByTargetException e = catchThrowableOfType(() -> customers.create(ctx("key-2"), acme),
        RejectedByTargetException.class);
    assertThat(e.messages().get(0).code()).isEqualTo("resource_already_exists");
    catchThrowableOfType(() -> customers.create(ctx(), acme), RejectedByTargetException.class);
  }

  @Test
  void idempotencyKey_isForgottenAfter24Hours() {
    Customer acme = records.customer("Acme");
    WriteResult first = customers.create(ctx("key-1"), acme);
    customers.delete(ctx(), first.externalId());

    clock.advance(Duration.ofHours(23));
    assertThat(customers.create(ctx("key-1"), acme).externalId()).isEqualTo(first.externalId());
    clock.advance(Duration.ofHours(1));
    WriteResult fresh = customers.create(ctx("key-1"), acme);
    assertThat(fresh.created()).isTrue();
    assertThat(fresh.externalId()).isNotEqualTo(first.externalId());
  }

  @Test
  void upsert_isAppliedEachTimeWhateverItsKey() {
    Customer acme = records.customer("Acme");
    WriteResult first = customers.upsert(ctx("key-1"), acme);
    WriteResult second = customers.upsert(ctx("key-1"), acme);
    assertThat(second.created()).isFalse();
    assertThat(second.version()).isGreaterThan(first.version());
  }

  @Test
  void draftInvoice_isEditable_finalizedOnlyInStatusAmountDueAndMetadata() {
    Invoice draft = records.invoice(customer, NOVEMBER, InvoiceStatus.DRAFT);
    invoices.upsert(ctx(), draft);
    invoices.upsert(ctx(), TestRecords.withPurchaseOrder(draft, "PO-1"));
    Invoice finalized = TestRecords.withStatus(TestRecords.withPurchaseOrder(draft, "PO-1"), InvoiceStatus.FINALIZED);
    invoices.upsert(ctx(), finalized);

    RejectedByTargetException edit = catchThrowableOfType(
        () -> invoices.upsert(ctx(), TestRecords.withPurchaseOrder(finalized, "PO-2")), RejectedByTargetException.class);
    assertThat(edit.messages().get(0).code()).isEqualTo("invoice_not_editable");
    assertThat(edit.messages().get(0).field()).isEqualTo("purchaseOrderNumber");

    RejectedByTargetException back = catchThrowableOfType(
        () -> invoices.upsert(ctx(), TestRecords.withStatus(finalized, InvoiceStatus.DRAFT)), RejectedByTargetException.class);
    assertThat(back.messages().get(0).field()).isEqualTo("status");

    assertThat(invoices.upsert(ctx(), TestRecords.withStatus(finalized, InvoiceStatus.POSTED)).created()).isFalse();
    assertThat(invoices.find(ctx(), draft.id()).orElseThrow().record().status()).isEqualTo(InvoiceStatus.POSTED);
  }

  @Test
  void onlyADraftInvoiceMayBeDeleted() {
    String draft = invoices.upsert(ctx(), records.invoice(customer, NOVEMBER, InvoiceStatus.DRAFT)).externalId();
    String open = invoices.upsert(ctx(), records.invoice(customer, NOVEMBER, InvoiceStatus.FINALIZED)).externalId();

    assertThat(invoices.delete(ctx(), draft)).isTrue();
    RejectedByTargetException e = catchThrowableOfType(() -> invoices.delete(ctx(), open), RejectedByTargetException.class);
    assertThat(e.messages().get(0).code()).isEqualTo("invoice_not_editable");
    assertThat(billing.recordCount(EntityType.INVOICE)).isEqualTo(1);
  }

  @Test
  void upsertAll_takesOneRecordAtATime() {
    assertThat(customers.upsertAll(ctx(), List.of(records.customer("A"))).allWritten()).isTrue();
    assertThatThrownBy(() -> customers.upsertAll(ctx(), List.of(records.customer("B"), records.customer("C"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1");
  }
}
