package dev.steward.testkit.simulated;

import dev.steward.model.Invoice;

/** The connector TCK against the simulated ERP, for invoice records. */
class SimulatedErpInvoiceVerificationTest extends SimulatedSystemVerification<Invoice> {
  SimulatedErpInvoiceVerificationTest() {
    super(SimulatedPlatform.ERP, Invoice.class);
  }
}
