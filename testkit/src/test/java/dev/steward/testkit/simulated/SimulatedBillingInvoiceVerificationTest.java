package dev.steward.testkit.simulated;

import dev.steward.model.Invoice;

/** The connector TCK against the simulated billing platform, for invoice records. */
class SimulatedBillingInvoiceVerificationTest extends SimulatedSystemVerification<Invoice> {
  SimulatedBillingInvoiceVerificationTest() {
    super(SimulatedPlatform.BILLING, Invoice.class);
  }
}
