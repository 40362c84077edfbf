package dev.steward.testkit.simulated;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityType;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceStatus;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.Operation;
import dev.steward.spi.TargetMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A simulated billing platform in the manner of Stripe Billing: customers ({@code cus_}),
 * invoices ({@code in_}), billing schedules as subscriptions ({@code sub_}) and usage records
 * ({@code mbur_}), each id a prefix and random letters and digits drawn from the seed (14 for
 * customers, 24 for the others); change ids are event ids ({@code evt_}).
 *
 * <p>Declares every operation except deleting usage records (Stripe keeps reported usage), one
 * record per call (Stripe has no batch writes), and {@linkplain
 * ConnectorCapabilities#idempotentCreate() idempotent create}: a create repeated with the same
 * idempotency key within {@link #IDEMPOTENCY_KEY_RETENTION} returns the first result and makes
 * nothing, and the same key with another record is refused ({@code idempotency_error}), as
 * Stripe's {@code Idempotency-Key} does. Keys are kept for creates only; updates are keyed by
 * canonical id and applied each time. Every write request carries its call's key, and {@link
 * #idempotencyKeysReceived()} lists the keys received. Its rules, each a {@link
 * dev.steward.spi.RejectedByTargetException} with Stripe's error code:
 *
 * <ul>
 *   <li>{@code invoice_not_editable}: an invoice past {@link InvoiceStatus#DRAFT} is finalized; an
 *       update may change only its status (to a state {@link InvoiceStatus#canMoveTo} allows), the
 *       amount due, its extensions (Stripe's metadata) and metadata, and only a draft may be deleted;
 *   <li>{@code resource_already_exists}: a create of a canonical id already held.
 * </ul>
 *
 * <p>A record failing on its own in {@code upsertAll} fails with {@code lock_timeout}, classified
 * as transient. Get one with {@link #builder()}; thread-safe as every {@link SimulatedSystem}.
 */
public final class SimulatedBilling extends SimulatedSystem {
  /** How long an idempotency key is remembered, on the system's clock: 24 hours, as Stripe keeps them. */
  public static final Duration IDEMPOTENCY_KEY_RETENTION = Duration.ofHours(24);

  /** The Stripe prefix of each type's ids. */
  static final Map<EntityType, String> PREFIXES = Map.of(
      EntityType.CUSTOMER, "cus_",
      EntityType.INVOICE, "in_1",
      EntityType.BILLING_SCHEDULE, "sub_1",
      EntityType.USAGE_RECORD, "mbur_1");

  /** What an update of a finalized invoice may still change. */
  private static final Set<String> EDITABLE_WHEN_FINALIZED = Set.of("meta", "extensions", "status", "amountDue");

  private final long eventSalt;

  private SimulatedBilling(Builder<SimulatedBilling> builder) {
    super(builder, ConnectorCapabilities.builder()
        .entity(EntityType.CUSTOMER, Operation.READ, Operation.values())
        .entity(EntityType.INVOICE, Operation.READ, Operation.values())
        .entity(EntityType.BILLING_SCHEDULE, Operation.READ, Operation.values())
        .entity(EntityType.USAGE_RECORD, Operation.READ, Operation.UPSERT, Operation.CREATE, Operation.CHANGE_FEED,
            Operation.BULK_READ)
        .maxBatchSize(ConnectorCapabilities.NO_BATCHING)
        .idempotentCreate(true));
    this.eventSalt = FaultPlan.mix(seed() + 3);
  }

  /** Returns a builder of a simulated billing platform with system id {@code billing}; set at least its clock. */
  public static Builder<SimulatedBilling> builder() {
    return new Builder<>("billing", SimulatedBilling::new);
  }

  /**
   * Returns the idempotency keys of the write requests (creates and upserts) the system received,
   * oldest first: at most {@value SimulatedSystem#KEYS_RECEIVED_KEPT}, the newest kept. A request is
   * received once it is counted as a call, whether it was then served or refused (a scripted
   * answer, a 503, a 429); a request whose deadline had passed was not sent. Requests without a key
   * add nothing. A snapshot.
   */
  public List<String> idempotencyKeysReceived() {
    return keysReceived();
  }

  @Override
  String newExternalId(EntityType type, SplittableRandom random) {
    String prefix = PREFIXES.get(type);
    int total = idLength(type);
    StringBuilder id = new StringBuilder(total).append(prefix);
    while (id.length() < total) {
      id.append(SalesforceIds.BASE62.charAt(random.nextInt(62)));
    }
    return id.toString();
  }

  /**
   * Returns the length of an id of {@code type}: its prefix up to the underscore, then 14 characters
   * for customers and 24 for the others.
   */
  static int idLength(EntityType type) {
    return PREFIXES.get(type).indexOf('_') + 1 + (type == EntityType.CUSTOMER ? 14 : 24);
  }

  @Override
  String changeId(long seq) {
    // evt_1, the change number in 8 base-62 digits (unique), then 15 letters and digits from the seed.
    char[] id = new char[28];
    "evt_1".getChars(0, 5, id, 0);
    long n = seq;
    for (int i = 12; i >= 5; i--) {
      id[i] = SalesforceIds.BASE62.charAt((int) (n % 62));
      n /= 62;
    }
    long bits = FaultPlan.mix(eventSalt ^ seq);
    for (int i = 13; i < 28; i++) {
      if (i == 23) {
        bits = FaultPlan.mix(bits);
      }
      id[i] = SalesforceIds.BASE62.charAt((int) Long.remainderUnsigned(bits, 62));
      bits = Long.divideUnsigned(bits, 62);
    }
    return new String(id);
  }

  @Override
  Optional<TargetMessage> refuseWrite(EntityType type, @Nullable CanonicalEntity stored, CanonicalEntity incoming) {
    if (!(stored instanceof Invoice before) || before.status() == InvoiceStatus.DRAFT || before.status() == null) {
      return Optional.empty();
    }
    Invoice after = (Invoice) incoming;
    Set<String> changed = RecordShapes.differences(before, after, EDITABLE_WHEN_FINALIZED);
    if (!changed.isEmpty()) {
      return Optional.of(new TargetMessage("invoice_not_editable", changed.iterator().next(),
          "This invoice is no longer editable: it is " + before.status() + " and its " + changed
              + " cannot change. Void it or issue a credit note instead."));
    }
    if (after.status() != before.status() && (after.status() == null || !before.status().canMoveTo(after.status()))) {
      return Optional.of(new TargetMessage("invoice_not_editable", "status",
          "This invoice is " + before.status() + " and cannot become " + after.status() + "."));
    }
    return Optional.empty();
  }

  @Override
  Optional<TargetMessage> refuseDelete(EntityType type, CanonicalEntity stored) {
    if (stored instanceof Invoice invoice && invoice.status() != InvoiceStatus.DRAFT) {
      return Optional.of(new TargetMessage("invoice_not_editable", null,
          "You can only delete draft invoices; this one is " + invoice.status() + ". Void it instead."));
    }
    return Optional.empty();
  }

  @Override
  TargetMessage idempotencyMismatch(String key) {
    return new TargetMessage("idempotency_error", null, "Keys for idempotent requests can only be used with the same"
        + " parameters they were first used with. Try using a key other than '" + key
        + "' if you meant to execute a different request.");
  }

  @Override
  TargetMessage duplicateMessage(EntityType type, String externalId) {
    return new TargetMessage("resource_already_exists", "metadata[steward_id]",
        "A " + type.schemaName() + " with this steward_id already exists: " + externalId + ".");
  }

  @Override
  TargetMessage batchItemFailure() {
    return new TargetMessage("lock_timeout", null, "This object cannot be accessed right now because another API request"
        + " or Stripe process is currently accessing it. Please retry your request.");
  }
}
