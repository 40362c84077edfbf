package dev.steward.testkit.simulated;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.Payment;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.Operation;
import dev.steward.spi.TargetMessage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * A simulated ERP in the manner of Oracle NetSuite: customers, invoices, payments and revenue
 * schedules under NetSuite-style internal ids, increasing integers with one sequence for entities,
 * one for transactions (invoices and payments share it) and one for revenue plans, each starting
 * where the seed puts it.
 *
 * <p>Declares every operation for the four types, batches of up to {@value #MAX_BATCH_SIZE}
 * records ({@code upsertList}) and no idempotent create. Accounting periods are calendar months,
 * all open until {@linkplain #closePeriod(YearMonth) closed}. Its rules, each a {@link
 * dev.steward.spi.RejectedByTargetException} with NetSuite's status code:
 *
 * <ul>
 *   <li>{@code CLOSED_TRAN_PRD} at {@code trandate}: posting, changing or deleting an invoice dated
 *       (issue date) or a payment received in a closed period, and moving one out of a closed
 *       period;
 *   <li>{@code DUP_RCRD}: a create of a canonical id already held (external ids are unique).
 * </ul>
 *
 * <p>A batch record failing on its own fails with {@code UNEXPECTED_ERROR}, classified as
 * transient. Get one with {@link #builder()}; thread-safe as every {@link SimulatedSystem},
 * including closing and reopening periods while calls run.
 */
public final class SimulatedErp extends SimulatedSystem {
  /** The most records one {@code upsertAll} accepts, as NetSuite's synchronous {@code upsertList}. */
  public static final int MAX_BATCH_SIZE = 200;

  private static final DateTimeFormatter PERIOD_NAME = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ROOT);

  private final ConcurrentSkipListSet<YearMonth> closed = new ConcurrentSkipListSet<>();
  private long nextEntityId;
  private long nextTransactionId;
  private long nextRevenuePlanId;

  private SimulatedErp(Builder<SimulatedErp> builder) {
    super(builder, ConnectorCapabilities.builder()
        .entity(EntityType.CUSTOMER, Operation.READ, Operation.values())
        .entity(EntityType.INVOICE, Operation.READ, Operation.values())
        .entity(EntityType.PAYMENT, Operation.READ, Operation.values())
        .entity(EntityType.REVENUE_SCHEDULE, Operation.READ, Operation.values())
        .maxBatchSize(MAX_BATCH_SIZE)
        .idempotentCreate(false));
    SplittableRandom random = new SplittableRandom(seed() + 2);
    this.nextEntityId = 1_000 + random.nextInt(9_000);
    this.nextTransactionId = 10_000 + random.nextInt(90_000);
    this.nextRevenuePlanId = 100 + random.nextInt(900);
  }

  /** Returns a builder of a simulated ERP with system id {@code erp}; set at least its clock. */
  public static Builder<SimulatedErp> builder() {
    return new Builder<>("erp", SimulatedErp::new);
  }

  /** Closes the accounting period {@code period}: its transactions can no longer be posted, changed or deleted. */
  public void closePeriod(YearMonth period) {
    closed.add(Objects.requireNonNull(period, "period"));
  }

  /** Reopens the accounting period {@code period}, as an accountant does to post a late adjustment. */
  public void reopenPeriod(YearMonth period) {
    closed.remove(Objects.requireNonNull(period, "period"));
  }

  /** Returns whether the accounting period {@code period} is closed. */
  public boolean isClosed(YearMonth period) {
    return closed.contains(Objects.requireNonNull(period, "period"));
  }

  /** Returns the closed accounting periods, earliest first; a snapshot. */
  public NavigableSet<YearMonth> closedPeriods() {
    return Collections.unmodifiableNavigableSet(new TreeSet<>(closed));
  }

  @Override
  String newExternalId(EntityType type, SplittableRandom random) {
    switch (type) {
      case CUSTOMER:
        return Long.toString(nextEntityId++);
      case REVENUE_SCHEDULE:
        return Long.toString(nextRevenuePlanId++);
      default:
        return Long.toString(nextTransactionId++);
    }
  }

  @Override
  Optional<TargetMessage> refuseWrite(EntityType type, @Nullable CanonicalEntity stored, CanonicalEntity incoming) {
    Optional<TargetMessage> refusal = refuseInClosedPeriod(incoming, "posted to");
    if (refusal.isPresent() || stored == null) {
      return refusal;
    }
    return refuseInClosedPeriod(stored, "changed in");
  }

  @Override
  Optional<TargetMessage> refuseDelete(EntityType type, CanonicalEntity stored) {
    return refuseInClosedPeriod(stored, "deleted from");
  }

  private Optional<TargetMessage> refuseInClosedPeriod(CanonicalEntity record, String verb) {
    LocalDate date = null;
    String kind = null;
    if (record instanceof Invoice invoice) {
      date = invoice.issueDate();
      kind = "an invoice";
    } else if (record instanceof Payment payment) {
      date = payment.receivedDate();
      kind = "a payment";
    }
    if (date == null || closed.isEmpty()) {
      return Optional.empty();
    }
    YearMonth period = YearMonth.from(date);
    if (!closed.contains(period)) {
      return Optional.empty();
    }
    return Optional.of(new TargetMessage("CLOSED_TRAN_PRD", "trandate", "The accounting period " + PERIOD_NAME.format(period)
        + " is closed: " + kind + " dated " + date + " cannot be " + verb + " it."));
  }

  @Override
  TargetMessage duplicateMessage(EntityType type, String externalId) {
    return new TargetMessage("DUP_RCRD", "externalId",
        "This record already exists: the external id belongs to internal id " + externalId + ".");
  }

  @Override
  TargetMessage batchItemFailure() {
    return new TargetMessage("UNEXPECTED_ERROR", null, "An unexpected error occurred. Please try again.");
  }
}
