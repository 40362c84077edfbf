package dev.steward.spi;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A connector's operations on one entity type, in canonical records: the connector maps to and
 * from its system's own objects. Obtain one from {@link SystemConnector#operations(Class)}.
 *
 * <p>Every method takes the {@link CallContext} of the call (idempotency key, correlation headers,
 * deadline) and reports failure as a {@link ConnectorException} of the matching {@link
 * FailureKind}. An operation the connector does not {@linkplain ConnectorCapabilities declare}
 * throws {@link CapabilityMissingException}, which is what the defaults here do; override the
 * ones declared. Implementations are thread-safe.
 *
 * @param <T> the canonical record type
 */
public interface EntityOperations<T extends CanonicalEntity> {
  /** Returns the system id of the connector these operations belong to. */
  String systemId();

  /** Returns the entity type these operations handle. */
  EntityType entityType();

  /**
   * Reads the record with the system's own id {@code externalId} ({@link Operation#READ}).
   *
   * @return the record, or empty if the system holds none with that id
   */
  default Optional<RemoteRecord<T>> read(CallContext context, String externalId) {
    throw new CapabilityMissingException(systemId(), entityType(), Operation.READ);
  }

  /**
   * Reads the record the system keeps for Steward's canonical {@code id} ({@link Operation#READ}):
   * how Steward reads back after a write whose outcome is unknown.
   *
   * @return the record, or empty if the system holds none for that id
   */
  default Optional<RemoteRecord<T>> find(CallContext context, CanonicalId id) {
    throw new CapabilityMissingException(systemId(), entityType(), Operation.READ);
  }

  /**
   * Creates or updates the record keyed by its canonical id ({@link Operation#UPSERT}): a second
   * upsert of the same canonical id updates the record the first one made, whatever idempotency
   * key it carries. External references to other systems and extensions the system can store are
   * kept.
   */
  default WriteResult upsert(CallContext context, T record) {
    throw new CapabilityMissingException(systemId(), entityType(), Operation.UPSERT);
  }

  /**
   * Upserts several records in one call where the system allows ({@link Operation#UPSERT}, at
   * most {@link ConnectorCapabilities#maxBatchSize()} records): each record succeeds or fails on
   * its own.
   *
   * <p>The default upserts them one by one, in order, and takes any number. Once a call fails
   * with kind {@link FailureKind#AUTHENTICATION} or {@link FailureKind#RATE_LIMITED} it stops
   * calling, since the system would refuse every further call as well (and may lock the account
   * or lengthen the penalty), and fails each remaining record with that same exception.
   *
   * @throws IllegalArgumentException if more records are given than the declared batch size,
   *     from an implementation that sends them as one batch (the caller splits larger sets)
   * @throws ConnectorException if the whole call failed (no item outcome is known)
   */
  default BatchResult upsertAll(CallContext context, List<T> records) {
    List<BatchResult.Item> items = new ArrayList<>(records.size());
    @Nullable ConnectorException refusal = null;
    for (int i = 0; i < records.size(); i++) {
      if (refusal != null) {
        items.add(new BatchResult.Failed(i, refusal));
        continue;
      }
      try {
        items.add(new BatchResult.Written(i, upsert(context, records.get(i))));
      } catch (ConnectorException e) {
        items.add(new BatchResult.Failed(i, e));
        if (e.kind() == FailureKind.AUTHENTICATION || e.kind() == FailureKind.RATE_LIMITED) {
          refusal = e;
        }
      }
    }
    return new BatchResult(items);
  }

  /**
   * Creates a new record ({@link Operation#CREATE}). When the context carries an idempotency key
   * and the connector declares {@link ConnectorCapabilities#idempotentCreate()}, a repeat with the
   * same key returns the first result and makes no second record.
   */
  default WriteResult create(CallContext context, T record) {
    throw new CapabilityMissingException(systemId(), entityType(), Operation.CREATE);
  }

  /**
   * Deletes (or deactivates) the record with the system's own id ({@link Operation#DELETE}).
   *
   * @return whether a record was deleted; false if none had that id
   */
  default boolean delete(CallContext context, String externalId) {
    throw new CapabilityMissingException(systemId(), entityType(), Operation.DELETE);
  }

  /** Reads one page of all records of the type ({@link Operation#BULK_READ}), in a stable order. */
  default Page<RemoteRecord<T>> readAll(CallContext context, PageRequest page) {
    throw new CapabilityMissingException(systemId(), entityType(), Operation.BULK_READ);
  }
}
