package dev.steward.testkit.simulated;

import static org.instancio.Select.field;

import dev.steward.model.ApprovalState;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import dev.steward.model.Expense;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.Payment;
import dev.steward.model.TimeEntry;
import dev.steward.model.UsageRecord;
import dev.steward.testkit.fixtures.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.instancio.InstancioApi;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sample records for running the connector TCK against a simulated system: valid records from
 * seeded {@link Fixtures}, set up the way the platform's rules let them be written and then
 * changed, and the change {@code modify} makes. Not thread-safe; one per verification instance.
 *
 * <ul>
 *   <li>Time entries and expenses are submitted, not approved: the PSA locks approved ones.
 *   <li>Billing invoices are drafts without a number: the billing platform refuses edits of a
 *       finalized invoice and deletes only drafts.
 *   <li>ERP invoices and payments are dated in {@link #OPEN_MONTH}; the ERP under the TCK has the
 *       month before it closed.
 * </ul>
 */
final class TckSamples {
  /** The accounting period the ERP samples are dated in, left open. */
  static final YearMonth OPEN_MONTH = YearMonth.of(2030, 1);

  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final BigDecimal LARGEST_REVISABLE_QUANTITY = new BigDecimal("999999999998");

  /** The free-text field {@link #modify} revises, per entity type. */
  private static final Map<EntityType, String> REVISED = new EnumMap<>(Map.ofEntries(
      Map.entry(EntityType.CUSTOMER, "displayName"),
      Map.entry(EntityType.CONTACT, "lastName"),
      Map.entry(EntityType.OPPORTUNITY, "name"),
      Map.entry(EntityType.PROJECT, "name"),
      Map.entry(EntityType.RESOURCE, "role"),
      Map.entry(EntityType.ASSIGNMENT, "role"),
      Map.entry(EntityType.TIME_ENTRY, "description"),
      Map.entry(EntityType.EXPENSE, "description"),
      Map.entry(EntityType.INVOICE, "purchaseOrderNumber"),
      Map.entry(EntityType.PAYMENT, "reference"),
      Map.entry(EntityType.REVENUE_SCHEDULE, "contractLineId"),
      Map.entry(EntityType.BILLING_SCHEDULE, "name")));

  private final SimulatedPlatform platform;
  private final Fixtures fixtures;
  private int revisions;

  TckSamples(SimulatedPlatform platform, long seed) {
    this.platform = platform;
    this.fixtures = Fixtures.withSeed(seed);
  }

  /** Returns a new valid record of {@code type}, with a fresh canonical id, that the platform accepts and lets change. */
  <T extends CanonicalEntity> T next(Class<T> type, int n) {
    InstancioApi<T> api = fixtures.instancio(type);
    if (type == TimeEntry.class || type == Expense.class) {
      api = api.set(field(type, "approvalState"), ApprovalState.SUBMITTED);
    }
    if (type == Invoice.class && platform == SimulatedPlatform.BILLING) {
      api = api.set(field(Invoice.class, "status"), InvoiceStatus.DRAFT).set(field(Invoice.class, "invoiceNumber"), null);
    }
    if (platform == SimulatedPlatform.ERP) {
      LocalDate day = OPEN_MONTH.atDay(1 + n % OPEN_MONTH.lengthOfMonth());
      if (type == Invoice.class) {
        api = api.set(field(Invoice.class, "issueDate"), day).set(field(Invoice.class, "dueDate"), day.plusDays(30));
      } else if (type == Payment.class) {
        api = api.set(field(Payment.class, "receivedDate"), day);
      }
    }
    return api.create();
  }

  /**
   * Returns {@code record} with one field its system stores revised: a free-text field for most
   * types, the quantity of a usage record (a corrected meter reading).
   */
  <T extends CanonicalEntity> T modify(T record) {
    ObjectNode tree = (ObjectNode) JSON.toTree(record);
    if (record instanceof UsageRecord usage) {
      BigDecimal q = usage.quantity();
      tree.put("quantity", q.compareTo(LARGEST_REVISABLE_QUANTITY) < 0 ? q.add(BigDecimal.ONE) : q.subtract(BigDecimal.ONE));
    } else {
      String revised = "Revised " + ++revisions;
      String name = REVISED.get(record.entityType());
      if (name == null) {
        throw new IllegalArgumentException("no field to revise for " + record.entityType());
      }
      if (revised.equals(tree.path(name).asString(null))) {
        revised = revised + "+";
      }
      tree.put(name, revised);
    }
    @SuppressWarnings("unchecked") // a record binds back to its own class
    T modified = (T) JSON.fromTree(tree, record.getClass());
    return modified;
  }
}
