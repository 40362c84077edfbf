package dev.steward.testkit.simulated;

import dev.steward.model.BillingSchedule;

/** The connector TCK against the simulated billing platform, for billing schedule records. */
class SimulatedBillingBillingScheduleVerificationTest extends SimulatedSystemVerification<BillingSchedule> {
  SimulatedBillingBillingScheduleVerificationTest() {
    super(SimulatedPlatform.BILLING, BillingSchedule.class);
  }
}
