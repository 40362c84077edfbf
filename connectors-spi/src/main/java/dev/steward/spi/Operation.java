package dev.steward.spi;

/**
 * What a connector can do with one entity type. A connector declares the operations it supports
 * per entity type in its {@link ConnectorCapabilities}; calling one it did not declare fails with
 * {@link CapabilityMissingException}.
 */
public enum Operation {
  /** Read one record by the system's own id, or by Steward's canonical id. */
  READ,
  /**
   * Create or update the record keyed by Steward's canonical id, which the system stores as an
   * external id (Salesforce external id fields, NetSuite {@code externalId}, Stripe metadata).
   */
  UPSERT,
  /** Create a new record, with the system's own id assigned. */
  CREATE,
  /** Delete (or deactivate, where the system never deletes) a record by the system's own id. */
  DELETE,
  /** Report changes made in the system, in order, from a durable cursor. */
  CHANGE_FEED,
  /** Read every record of the type, page by page. */
  BULK_READ
}
