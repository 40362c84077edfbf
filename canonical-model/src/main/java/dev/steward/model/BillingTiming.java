package dev.steward.model;

/** Whether a recurring charge is invoiced before or after the period it pays for. */
public enum BillingTiming {
  /** Invoiced at the start of the period, as retainers and subscriptions usually are. */
  IN_ADVANCE,
  /** Invoiced after the period ends, once the service has been delivered. */
  IN_ARREARS
}
