package dev.steward.testkit.simulated;

import dev.steward.model.Customer;

/** The connector TCK against the simulated ERP, for customer records. */
class SimulatedErpCustomerVerificationTest extends SimulatedSystemVerification<Customer> {
  SimulatedErpCustomerVerificationTest() {
    super(SimulatedPlatform.ERP, Customer.class);
  }
}
