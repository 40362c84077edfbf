package dev.steward.testkit.simulated;

import dev.steward.model.Project;

/** The connector TCK against the simulated PSA, for project records. */
class SimulatedPsaProjectVerificationTest extends SimulatedSystemVerification<Project> {
  SimulatedPsaProjectVerificationTest() {
    super(SimulatedPlatform.PSA, Project.class);
  }
}
