package dev.steward.testkit.simulated;

import dev.steward.model.ApprovalState;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityType;
import dev.steward.model.Expense;
import dev.steward.model.TimeEntry;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.Operation;
import dev.steward.spi.TargetMessage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A simulated PSA in the manner of Certinia (formerly FinancialForce) PSA, which runs on
 * Salesforce: projects, resources, assignments, time entries (timecards) and expenses under
 * 18-character Salesforce ids. Resources are contacts ({@code 003}), as in Certinia; the others
 * carry custom-object key prefixes of the form {@code aXX}.
 *
 * <p>Declares every operation for the five types, batches of up to {@value #MAX_BATCH_SIZE}
 * records and no idempotent create. Its rules, each a {@link
 * dev.steward.spi.RejectedByTargetException} with Salesforce's status code:
 *
 * <ul>
 *   <li>{@code ENTITY_IS_LOCKED}: an approved time entry or expense is locked by its approval
 *       process; an update may change only its approval state, the invoice it was billed on, its
 *       extensions and metadata, and it cannot be deleted;
 *   <li>{@code DUPLICATE_VALUE} at {@code Steward_Id__c}: a create of a canonical id already held.
 * </ul>
 *
 * <p>A batch record failing on its own fails with {@code UNABLE_TO_LOCK_ROW}, classified as
 * transient. Get one with {@link #builder()}; thread-safe as every {@link SimulatedSystem}.
 */
public final class SimulatedPsa extends SimulatedSystem {
  /** The most records one {@code upsertAll} accepts, as Salesforce's sObject Collections. */
  public static final int MAX_BATCH_SIZE = 200;

  /** The Salesforce key prefix of each type's record ids. */
  static final Map<EntityType, String> KEY_PREFIXES = Map.of(
      EntityType.PROJECT, "a1v",
      EntityType.RESOURCE, "003",
      EntityType.ASSIGNMENT, "a0q",
      EntityType.TIME_ENTRY, "a5H",
      EntityType.EXPENSE, "a3X");

  /** What an update of an approved time entry or expense may still change. */
  private static final Set<String> UNLOCKED = Set.of("meta", "extensions", "approvalState", "invoiceId");

  private final SalesforceIds ids;

  private SimulatedPsa(Builder<SimulatedPsa> builder) {
    super(builder, ConnectorCapabilities.builder()
        .entity(EntityType.PROJECT, Operation.READ, Operation.values())
        .entity(EntityType.RESOURCE, Operation.READ, Operation.values())
        .entity(EntityType.ASSIGNMENT, Operation.READ, Operation.values())
        .entity(EntityType.TIME_ENTRY, Operation.READ, Operation.values())
        .entity(EntityType.EXPENSE, Operation.READ, Operation.values())
        .maxBatchSize(MAX_BATCH_SIZE)
        .idempotentCreate(false));
    this.ids = new SalesforceIds(new SplittableRandom(seed() + 1));
  }

  /** Returns a builder of a simulated PSA with system id {@code psa}; set at least its clock. */
  public static Builder<SimulatedPsa> builder() {
    return new Builder<>("psa", SimulatedPsa::new);
  }

  @Override
  String newExternalId(EntityType type, SplittableRandom random) {
    return ids.next(KEY_PREFIXES.get(type));
  }

  @Override
  String normalizeExternalId(EntityType type, String externalId) {
    String normal = SalesforceIds.normalize(externalId);
    return normal == null ? externalId : normal;
  }

  @Override
  Optional<TargetMessage> refuseWrite(EntityType type, @Nullable CanonicalEntity stored, CanonicalEntity incoming) {
    if (stored == null || !approved(stored)) {
      return Optional.empty();
    }
    Set<String> changed = RecordShapes.differences(stored, incoming, UNLOCKED);
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TargetMessage("ENTITY_IS_LOCKED", changed.iterator().next(),
        "the entity is locked for editing: the approved " + type.schemaName() + " cannot change " + changed));
  }

  @Override
  Optional<TargetMessage> refuseDelete(EntityType type, CanonicalEntity stored) {
    return approved(stored)
        ? Optional.of(new TargetMessage("ENTITY_IS_LOCKED", null,
            "the entity is locked for editing: an approved " + type.schemaName() + " cannot be deleted"))
        : Optional.empty();
  }

  private static boolean approved(CanonicalEntity record) {
    if (record instanceof TimeEntry t) {
      return t.approvalState() == ApprovalState.APPROVED;
    }
    return record instanceof Expense e && e.approvalState() == ApprovalState.APPROVED;
  }

  @Override
  TargetMessage duplicateMessage(EntityType type, String externalId) {
    return new TargetMessage("DUPLICATE_VALUE", "Steward_Id__c",
        "duplicate value found: Steward_Id__c duplicates value on record with id: " + externalId);
  }

  @Override
  TargetMessage batchItemFailure() {
    return new TargetMessage("UNABLE_TO_LOCK_ROW", null, "unable to obtain exclusive access to this record");
  }
}
