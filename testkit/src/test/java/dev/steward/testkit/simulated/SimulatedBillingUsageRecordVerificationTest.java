package dev.steward.testkit.simulated;

import dev.steward.model.UsageRecord;

/** The connector TCK against the simulated billing platform, for usage record records. */
class SimulatedBillingUsageRecordVerificationTest extends SimulatedSystemVerification<UsageRecord> {
  SimulatedBillingUsageRecordVerificationTest() {
    super(SimulatedPlatform.BILLING, UsageRecord.class);
  }
}
