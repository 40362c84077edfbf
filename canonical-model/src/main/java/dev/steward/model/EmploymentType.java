package dev.steward.model;

/**
 * How a resource is engaged by the firm, which decides whether its cost comes from payroll or
 * from a supplier invoice.
 */
public enum EmploymentType {
  /** On the firm's payroll. */
  EMPLOYEE,
  /** An individual engaged directly by the firm, paid against their own invoices. */
  CONTRACTOR,
  /** Supplied by another firm under a subcontract, paid against that firm's invoices. */
  SUBCONTRACTOR
}
