package dev.steward.testkit.simulated;

import dev.steward.model.Assignment;

/** The connector TCK against the simulated PSA, for assignment records. */
class SimulatedPsaAssignmentVerificationTest extends SimulatedSystemVerification<Assignment> {
  SimulatedPsaAssignmentVerificationTest() {
    super(SimulatedPlatform.PSA, Assignment.class);
  }
}
