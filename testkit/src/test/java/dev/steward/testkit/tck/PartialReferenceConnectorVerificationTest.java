package dev.steward.testkit.tck;

import dev.steward.model.EntityType;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.Operation;

/**
 * Runs the whole TCK against a correct connector that declares only READ and UPSERT, under a
 * verification that neither simulates responses, observes keys nor expects extensions kept: the
 * required rules it can check pass, and the rest are skipped with their reasons.
 */
class PartialReferenceConnectorVerificationTest extends CustomerKit {
  static final ConnectorCapabilities READ_AND_UPSERT = ConnectorCapabilities.builder()
      .entity(EntityType.CUSTOMER, Operation.READ, Operation.UPSERT)
      .build();

  PartialReferenceConnectorVerificationTest() {
    super(READ_AND_UPSERT, Breakage.NONE, false);
  }
}
