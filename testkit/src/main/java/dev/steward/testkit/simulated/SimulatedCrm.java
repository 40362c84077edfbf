package dev.steward.testkit.simulated;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.Operation;
import dev.steward.spi.TargetMessage;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A simulated CRM in the manner of Salesforce Sales Cloud: accounts ({@link EntityType#CUSTOMER}),
 * contacts and opportunities under 18-character record ids with the real key prefixes ({@code
 * 001}, {@code 003}, {@code 006}) and the case-safe suffix; 15-character ids and 18-character ids
 * in any case are accepted on read and delete, as Salesforce accepts them.
 *
 * <p>Declares every operation for the three types, batches of up to {@value #MAX_BATCH_SIZE}
 * records (sObject Collections) and no idempotent create. Its rules, each a {@link
 * dev.steward.spi.RejectedByTargetException} with Salesforce's status code:
 *
 * <ul>
 *   <li>{@code REQUIRED_FIELD_MISSING} at {@code Name}: an account without a legal name;
 *   <li>{@code DUPLICATE_VALUE} at {@code Steward_Id__c}: a create of a canonical id an account,
 *       contact or opportunity already holds (the external-id field is unique);
 *   <li>{@code DUPLICATES_DETECTED}: once {@link #activateDuplicateRule()} was called, an account
 *       whose legal name matches another account's, ignoring case and surrounding space (a
 *       duplicate rule with action Block; Salesforce's standard rule only alerts).
 * </ul>
 *
 * <p>A batch record failing on its own fails with {@code UNABLE_TO_LOCK_ROW}, classified as
 * transient. Get one with {@link #builder()}; thread-safe as every {@link SimulatedSystem}.
 */
public final class SimulatedCrm extends SimulatedSystem {
  /** The most records one {@code upsertAll} accepts, as Salesforce's sObject Collections. */
  public static final int MAX_BATCH_SIZE = 200;

  /** The Salesforce key prefix of each type's record ids. */
  static final Map<EntityType, String> KEY_PREFIXES =
      Map.of(EntityType.CUSTOMER, "001", EntityType.CONTACT, "003", EntityType.OPPORTUNITY, "006");

  private final SalesforceIds ids;
  private volatile boolean duplicateRuleActive;

  private SimulatedCrm(Builder<SimulatedCrm> builder) {
    super(builder, ConnectorCapabilities.builder()
        .entity(EntityType.CUSTOMER, Operation.READ, Operation.values())
        .entity(EntityType.CONTACT, Operation.READ, Operation.values())
        .entity(EntityType.OPPORTUNITY, Operation.READ, Operation.values())
        .maxBatchSize(MAX_BATCH_SIZE)
        .idempotentCreate(false));
    this.ids = new SalesforceIds(new SplittableRandom(seed()));
  }

  /** Returns a builder of a simulated CRM with system id {@code crm}; set at least its clock. */
  public static Builder<SimulatedCrm> builder() {
    return new Builder<>("crm", SimulatedCrm::new);
  }

  /**
   * Activates a duplicate rule that blocks an account whose legal name matches another account's,
   * ignoring case and surrounding space. It checks by scanning the accounts held, which is fine for
   * the record counts of a test.
   */
  public void activateDuplicateRule() {
    duplicateRuleActive = true;
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
    if (!(incoming instanceof Customer customer)) {
      return Optional.empty();
    }
    String name = customer.legalName();
    if (name == null || name.isBlank()) {
      return Optional.of(new TargetMessage("REQUIRED_FIELD_MISSING", "Name", "Required fields are missing: [Name]"));
    }
    if (duplicateRuleActive) {
      String key = nameKey(name);
      Optional<String> duplicate = findStored(EntityType.CUSTOMER, other -> !other.id().equals(customer.id())
          && ((Customer) other).legalName() != null && nameKey(((Customer) other).legalName()).equals(key));
      if (duplicate.isPresent()) {
        return Optional.of(new TargetMessage("DUPLICATES_DETECTED", null,
            "Use one of these records? An account named '" + name.strip() + "' already exists: " + duplicate.get()));
      }
    }
    return Optional.empty();
  }

  private static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
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
