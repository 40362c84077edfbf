package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.Payment;
import dev.steward.model.RevenueSchedule;
import dev.steward.spi.CallContext;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.FailureKind;
import dev.steward.spi.RejectedByTargetException;
import dev.steward.spi.TargetMessage;
import dev.steward.spi.WriteResult;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SimulatedErpTest {
  private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 15);
  private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 3);

  private final TestClock clock = new TestClock(TestRecords.T0);
  private final SimulatedErp erp = SimulatedErp.builder().clock(clock).seed(5).build();
  private final TestRecords records = new TestRecords();
  private final EntityOperations<Invoice> invoices = erp.operations(Invoice.class);
  private final CanonicalId customer = records.next(EntityType.CUSTOMER);

  private CallContext ctx() {
    return CallContext.within(Duration.ofSeconds(30), clock);
  }

  @Test
  void internalIds_increasePerSequenceAndTransactionsShareOne() {
    long c1 = Long.parseLong(erp.operations(Customer.class).upsert(ctx(), records.customer("A")).externalId());
    long c2 = Long.parseLong(erp.operations(Customer.class).upsert(ctx(), records.customer("B")).externalId());
    long i1 = Long.parseLong(invoices.upsert(ctx(), records.invoice(customer, NOVEMBER, InvoiceStatus.POSTED)).externalId());
    long p1 = Long.parseLong(erp.operations(Payment.class).upsert(ctx(), records.payment(customer, NOVEMBER)).externalId());
    long r1 = Long.parseLong(erp.operations(RevenueSchedule.class).upsert(ctx(), records.revenueSchedule()).externalId());

    assertThat(c2).isEqualTo(c1 + 1);
    assertThat(p1).isEqualTo(i1 + 1);
    assertThat(c1).isBetween(1_000L, 9_999L);
    assertThat(i1).isBetween(10_000L, 99_999L);
    assertThat(r1).isBetween(100L, 999L);
  }

  @Test
  void invoiceDatedInAClosedPeriod_isRejectedWithClosedTransactionPeriod() {
    erp.closePeriod(YearMonth.of(2026, 10));
    RejectedByTargetException e = catchThrowableOfType(
        () -> invoices.upsert(ctx(), records.invoice(customer, OCTOBER, InvoiceStatus.POSTED)), RejectedByTargetException.class);

    assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
    TargetMessage m = e.messages().get(0);
    assertThat(m.code()).isEqualTo("CLOSED_TRAN_PRD");
    assertThat(m.field()).isEqualTo("trandate");
    assertThat(m.message()).contains("Oct 2026", "2026-10-15");
    assertThat(erp.recordCount(EntityType.INVOICE)).isZero();

    assertThat(invoices.create(ctx(), records.invoice(customer, NOVEMBER, InvoiceStatus.POSTED)).created()).isTrue();
  }

  @Test
  void invoiceInAClosedPeriod_cannotBeChangedMovedOutOrDeleted_untilReopened() {
    Invoice october = records.invoice(customer, OCTOBER, InvoiceStatus.POSTED);
    WriteResult posted = invoices.upsert(ctx(), october);
    erp.closePeriod(YearMonth.of(2026, 10));
    assertThat(erp.closedPeriods()).containsExactly(YearMonth.of(2026, 10));

    catchThrowableOfType(() -> invoices.upsert(ctx(), TestRecords.withStatus(october, InvoiceStatus.PAID)),
        RejectedByTargetException.class);
    RejectedByTargetException moved = catchThrowableOfType(
        () -> invoices.upsert(ctx(), TestRecords.withIssueDate(october, NOVEMBER)), RejectedByTargetException.class);
    assertThat(moved.messages().get(0).message()).contains("changed in");
    RejectedByTargetException deleted = catchThrowableOfType(() -> invoices.delete(ctx(), posted.externalId()),
        RejectedByTargetException.class);
    assertThat(deleted.messages().get(0).code()).isEqualTo("CLOSED_TRAN_PRD");

    erp.reopenPeriod(YearMonth.of(2026, 10));
    assertThat(erp.isClosed(YearMonth.of(2026, 10))).isFalse();
    assertThat(invoices.upsert(ctx(), TestRecords.withStatus(october, InvoiceStatus.PAID)).created()).isFalse();
    assertThat(invoices.delete(ctx(), posted.externalId())).isTrue();
  }

  @Test
  void paymentReceivedInAClosedPeriod_isRejected_andCustomersAreNotPeriodBound() {
    erp.closePeriod(YearMonth.of(2026, 10));
    catchThrowableOfType(() -> erp.operations(Payment.class).upsert(ctx(), records.payment(customer, OCTOBER)),
        RejectedByTargetException.class);
    assertThat(erp.operations(Payment.class).upsert(ctx(), records.payment(customer, NOVEMBER)).created()).isTrue();
    assertThat(erp.operations(Customer.class).upsert(ctx(), records.customer("A")).created()).isTrue();
  }

  @Test
  void create_ofACanonicalIdHeld_isRejectedAsDuplicateRecord() {
    Invoice invoice = records.invoice(customer, NOVEMBER, InvoiceStatus.POSTED);
    invoices.create(ctx(), invoice);
    RejectedByTargetException e = catchThrowableOfType(() -> invoices.create(ctx(), invoice), RejectedByTargetException.class);
    assertThat(e.messages().get(0).code()).isEqualTo("DUP_RCRD");
  }
}
