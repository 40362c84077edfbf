package dev.steward.model;

/** What a service-catalogue item sells, which decides how it is billed and its revenue recognized. */
public enum ServiceItemKind {
  /** Consulting or delivery work billed by time. */
  PROFESSIONAL_SERVICES,
  /** A recurring charge for access or support over a term. */
  SUBSCRIPTION,
  /** A charge per measured unit consumed, such as GB stored or API calls. */
  USAGE,
  /** A cost passed through to the customer, such as travel, possibly with a markup. */
  EXPENSE_PASS_THROUGH,
  /** A fixed amount billed when a deliverable is accepted. */
  MILESTONE
}
