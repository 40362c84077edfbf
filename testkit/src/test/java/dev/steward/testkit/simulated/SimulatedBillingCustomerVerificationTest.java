package dev.steward.testkit.simulated;

import dev.steward.model.Customer;

/** The connector TCK against the simulated billing platform, for customer records. */
class SimulatedBillingCustomerVerificationTest extends SimulatedSystemVerification<Customer> {
  SimulatedBillingCustomerVerificationTest() {
    super(SimulatedPlatform.BILLING, Customer.class);
  }
}
