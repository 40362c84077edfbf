package dev.steward.testkit.simulated;

import dev.steward.model.Expense;

/** The connector TCK against the simulated PSA, for expense records. */
class SimulatedPsaExpenseVerificationTest extends SimulatedSystemVerification<Expense> {
  SimulatedPsaExpenseVerificationTest() {
    super(SimulatedPlatform.PSA, Expense.class);
  }
}
