package dev.steward.core.store;

class InMemoryAuditStoreTest extends AuditStoreContract {
  @Override
  protected AuditStore newStore() {
    return InMemoryAuditStore.create();
  }
}
