package dev.steward.core.store;

class InMemorySequenceStoreTest extends SequenceStoreContract {
  @Override
  protected SequenceStore newStore() {
    return InMemorySequenceStore.create();
  }
}
