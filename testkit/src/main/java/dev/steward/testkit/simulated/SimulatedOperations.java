package dev.steward.testkit.simulated;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.CapabilityMissingException;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.Operation;
import dev.steward.spi.Page;
import dev.steward.spi.PageRequest;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.WriteResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A simulated system's operations on one entity type: checks the declaration, then asks the system. */
final class SimulatedOperations<T extends CanonicalEntity> implements EntityOperations<T> {
  final SimulatedSystem system;
  final EntityType type;
  final Class<T> recordType;
  private final Set<Operation> declared;

  SimulatedOperations(SimulatedSystem system, EntityType type, Class<T> recordType, Set<Operation> declared) {
    this.system = system;
    this.type = type;
    this.recordType = recordType;
    this.declared = declared;
  }

  @Override
  public String systemId() {
    return system.systemId();
  }

  @Override
  public EntityType entityType() {
    return type;
  }

  @Override
  public Optional<RemoteRecord<T>> read(CallContext context, String externalId) {
    declared(Operation.READ);
    return system.read(this, Objects.requireNonNull(context, "context"), Objects.requireNonNull(externalId, "externalId"));
  }

  @Override
  public Optional<RemoteRecord<T>> find(CallContext context, CanonicalId id) {
    declared(Operation.READ);
    return system.find(this, Objects.requireNonNull(context, "context"), Objects.requireNonNull(id, "id"));
  }

  @Override
  public WriteResult upsert(CallContext context, T record) {
    declared(Operation.UPSERT);
    return system.upsert(this, Objects.requireNonNull(context, "context"), record);
  }

  @Override
  public BatchResult upsertAll(CallContext context, List<T> records) {
    declared(Operation.UPSERT);
    return system.upsertAll(this, Objects.requireNonNull(context, "context"), Objects.requireNonNull(records, "records"));
  }

  @Override
  public WriteResult create(CallContext context, T record) {
    declared(Operation.CREATE);
    return system.create(this, Objects.requireNonNull(context, "context"), record);
  }

  @Override
  public boolean delete(CallContext context, String externalId) {
    declared(Operation.DELETE);
    return system.delete(this, Objects.requireNonNull(context, "context"), Objects.requireNonNull(externalId, "externalId"));
  }

  @Override
  public Page<RemoteRecord<T>> readAll(CallContext context, PageRequest page) {
    declared(Operation.BULK_READ);
    return system.readAll(this, Objects.requireNonNull(context, "context"), Objects.requireNonNull(page, "page"));
  }

  private void declared(Operation operation) {
    if (!declared.contains(operation)) {
      throw new CapabilityMissingException(system.systemId(), type, operation);
    }
  }

  @Override
  public String toString() {
    return "SimulatedOperations[" + system.systemId() + ", " + type + ", " + declared + "]";
  }
}
