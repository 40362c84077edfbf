package dev.steward.testkit.simulated;

import dev.steward.model.Customer;

/** The connector TCK against the simulated CRM, for customer records. */
class SimulatedCrmCustomerVerificationTest extends SimulatedSystemVerification<Customer> {
  SimulatedCrmCustomerVerificationTest() {
    super(SimulatedPlatform.CRM, Customer.class);
  }
}
