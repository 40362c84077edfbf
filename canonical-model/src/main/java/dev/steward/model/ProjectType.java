package dev.steward.model;

/**
 * How a project is commercially run, which decides how its time and expenses turn into invoices
 * and revenue.
 */
public enum ProjectType {
  /** A fixed price for agreed deliverables; billed by milestone or schedule, not by hours. */
  FIXED_FEE,
  /** Billed for hours worked at rate-card rates, plus billable expenses. */
  TIME_AND_MATERIALS,
  /** A recurring fee for reserved capacity, drawn down by the hours worked. */
  RETAINER,
  /** The firm's own work, such as a practice initiative; never billed to a customer. */
  INTERNAL,
  /** Customer work the firm does not bill, such as pre-sales or warranty work. */
  NON_BILLABLE
}
