package dev.steward.testkit.simulated;

import dev.steward.model.RevenueSchedule;

/** The connector TCK against the simulated ERP, for revenue schedule records. */
class SimulatedErpRevenueScheduleVerificationTest extends SimulatedSystemVerification<RevenueSchedule> {
  SimulatedErpRevenueScheduleVerificationTest() {
    super(SimulatedPlatform.ERP, RevenueSchedule.class);
  }
}
