package dev.steward.testkit.simulated;

import dev.steward.model.Resource;

/** The connector TCK against the simulated PSA, for resource records. */
class SimulatedPsaResourceVerificationTest extends SimulatedSystemVerification<Resource> {
  SimulatedPsaResourceVerificationTest() {
    super(SimulatedPlatform.PSA, Resource.class);
  }
}
