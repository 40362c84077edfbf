package dev.steward.testkit.simulated;

import dev.steward.model.TimeEntry;

/** The connector TCK against the simulated PSA, for time entry records. */
class SimulatedPsaTimeEntryVerificationTest extends SimulatedSystemVerification<TimeEntry> {
  SimulatedPsaTimeEntryVerificationTest() {
    super(SimulatedPlatform.PSA, TimeEntry.class);
  }
}
