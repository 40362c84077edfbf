package dev.steward.testkit.simulated;

import dev.steward.model.Payment;

/** The connector TCK against the simulated ERP, for payment records. */
class SimulatedErpPaymentVerificationTest extends SimulatedSystemVerification<Payment> {
  SimulatedErpPaymentVerificationTest() {
    super(SimulatedPlatform.ERP, Payment.class);
  }
}
