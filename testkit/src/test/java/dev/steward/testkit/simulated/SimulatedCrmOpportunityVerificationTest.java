package dev.steward.testkit.simulated;

import dev.steward.model.Opportunity;

/** The connector TCK against the simulated CRM, for opportunity records. */
class SimulatedCrmOpportunityVerificationTest extends SimulatedSystemVerification<Opportunity> {
  SimulatedCrmOpportunityVerificationTest() {
    super(SimulatedPlatform.CRM, Opportunity.class);
  }
}
