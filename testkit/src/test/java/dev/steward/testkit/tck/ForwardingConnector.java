package dev.steward.testkit.tck;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.Page;
import dev.steward.spi.PageRequest;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.SystemConnector;
import dev.steward.spi.WriteResult;
import java.util.List;
import java.util.Optional;

/**
 * A connector that forwards every call to another, for broken variants that change one behaviour
 * of the reference connector: override the method to break, and {@link #wrap(EntityOperations)}
 * to break an operation.
 */
class ForwardingConnector implements SystemConnector {
  protected final SystemConnector delegate;

  ForwardingConnector(SystemConnector delegate) {
    this.delegate = delegate;
  }

  /** Returns the operations to hand out in place of {@code operations}; themselves by default. */
  protected <T extends CanonicalEntity> EntityOperations<T> wrap(EntityOperations<T> operations) {
    return operations;
  }

  @Override
  public String systemId() {
    return delegate.systemId();
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public <T extends CanonicalEntity> EntityOperations<T> operations(Class<T> recordType) {
    return wrap(delegate.operations(recordType));
  }

  @Override
  public ChangePage changes(CallContext context, ChangeCursor after, int limit) {
    return delegate.changes(context, after, limit);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  /** Operations that forward every call to others. */
  static class ForwardingOperations<T extends CanonicalEntity> implements EntityOperations<T> {
    protected final EntityOperations<T> delegate;

    ForwardingOperations(EntityOperations<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public String systemId() {
      return delegate.systemId();
    }

    @Override
    public EntityType entityType() {
      return delegate.entityType();
    }

    @Override
    public Optional<RemoteRecord<T>> read(CallContext context, String externalId) {
      return delegate.read(context, externalId);
    }

    @Override
    public Optional<RemoteRecord<T>> find(CallContext context, CanonicalId id) {
      return delegate.find(context, id);
    }

    @Override
    public WriteResult upsert(CallContext context, T record) {
      return delegate.upsert(context, record);
    }

    @Override
    public BatchResult upsertAll(CallContext context, List<T> records) {
      return delegate.upsertAll(context, records);
    }

    @Override
    public WriteResult create(CallContext context, T record) {
      return delegate.create(context, record);
    }

    @Override
    public boolean delete(CallContext context, String externalId) {
      return delegate.delete(context, externalId);
    }

    @Override
    public Page<RemoteRecord<T>> readAll(CallContext context, PageRequest page) {
      return delegate.readAll(context, page);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
