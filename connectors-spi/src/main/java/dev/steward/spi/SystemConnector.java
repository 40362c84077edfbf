package dev.steward.spi;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityType;

/**
 * Steward's connection to one platform (a Salesforce org, a NetSuite account, a Stripe account):
 * its system id, what it {@linkplain #capabilities() declares it can do}, typed {@linkplain
 * #operations(Class) operations} per entity type, and its {@linkplain #changes change feed}.
 *
 * <p>A host implements one per platform and proves it with the testkit's connector TCK before it
 * touches production. Implementations are thread-safe; {@link #close()} releases what the
 * connector holds (HTTP clients, sessions). {@code toString} must not reveal a credential.
 */
public interface SystemConnector extends AutoCloseable {
  /** Returns the id this deployment gives the system, such as {@code crm} or {@code erp-eu}. */
  String systemId();

  /** Returns what the connector declares it can do; the same value on every call. */
  ConnectorCapabilities capabilities();

  /**
   * Returns the operations on records of {@code recordType}, such as {@code
   * operations(Customer.class)}.
   *
   * @throws CapabilityMissingException if the connector does not declare the entity type (the
   *     operation named is {@link Operation#READ})
   */
  <T extends CanonicalEntity> EntityOperations<T> operations(Class<T> recordType);

  /**
   * Returns the operations on records of {@code type}; as {@link #operations(Class)} with the
   * type's record class.
   */
  default EntityOperations<? extends CanonicalEntity> operations(EntityType type) {
    return operations(type.recordType());
  }

  /**
   * Polls the system's changes after {@code after}, at most {@code limit} of them, oldest first
   * ({@link Operation#CHANGE_FEED}); the page's {@link ChangePage#next() next} cursor resumes
   * exactly after the last change returned. Changes of every entity type the connector declares
   * the feed for come through the one feed.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive, or the cursor is not one
   *     this connector made
   */
  default ChangePage changes(CallContext context, ChangeCursor after, int limit) {
    throw new CapabilityMissingException(systemId(), capabilities().entityTypes().iterator().next(), Operation.CHANGE_FEED);
  }

  /** Releases what the connector holds. The default holds nothing. */
  @Override
  default void close() {}
}
