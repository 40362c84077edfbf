package dev.steward.model;

/**
 * The part a person at a customer plays in the firm's relationship with that customer. Billing
 * sends invoices to {@code BILLING} contacts; quote-to-project routes approvals to {@code
 * DECISION_MAKER} and {@code PROJECT_SPONSOR} contacts.
 */
public enum ContactRole {
  /** Receives invoices and statements and answers payment queries. */
  BILLING,
  /** Signs off commercial decisions: proposals, contracts, change orders. */
  DECISION_MAKER,
  /** Owns the engagement on the customer's side and accepts deliverables and milestones. */
  PROJECT_SPONSOR,
  /** Runs purchasing: purchase orders, supplier onboarding, framework agreements. */
  PROCUREMENT,
  /** Works with the delivery team day to day on technical matters. */
  TECHNICAL,
  /** Any other part in the relationship. */
  OTHER
}
