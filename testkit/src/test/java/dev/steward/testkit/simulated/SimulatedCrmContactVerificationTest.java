package dev.steward.testkit.simulated;

import dev.steward.model.Contact;

/** The connector TCK against the simulated CRM, for contact records. */
class SimulatedCrmContactVerificationTest extends SimulatedSystemVerification<Contact> {
  SimulatedCrmContactVerificationTest() {
    super(SimulatedPlatform.CRM, Contact.class);
  }
}
