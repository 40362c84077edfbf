package dev.steward.core.validation;

import static dev.steward.core.validation.Category.DATA;
import static dev.steward.core.validation.Category.DEPENDENCY_UNAVAILABLE;
import static dev.steward.core.validation.Category.INTERNAL;
import static dev.steward.core.validation.Category.MAPPING;
import static dev.steward.core.validation.Category.POLICY;
import static dev.steward.core.validation.Category.REFERENCE_DATA;
import static dev.steward.core.validation.Severity.ERROR;
import static dev.steward.core.validation.Severity.WARNING;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of Steward's built-in reason codes, each defined once, here. The table in
 * {@code docs/reason-codes.md} is rendered from this class by {@link ReasonCodeCatalog}.
 */
public final class ReasonCodes {
  private static final String INTEGRATION = "Integration engineering";
  private static final String BILLING = "Billing operations";
  private static final String FINANCE = "Finance (accounting)";
  private static final String SALES_OPS = "Sales operations";
  private static final String DELIVERY = "Delivery (PMO)";
  private static final String MASTER_DATA = "Master data management";

  private ReasonCodes() {}

  // The document as received.

  /** The payload is not well-formed JSON. */
  public static final ReasonCode MALFORMED_JSON = ReasonCode.builtIn("MALFORMED_JSON", DATA, ERROR,
      "The payload is not well-formed JSON.",
      "Fix the sending system's serialisation; the message names the line and column.", INTEGRATION);
  /** The payload exceeds a size, depth or length limit. */
  public static final ReasonCode PAYLOAD_TOO_LARGE = ReasonCode.builtIn("PAYLOAD_TOO_LARGE", DATA, ERROR,
      "The payload exceeds a size, nesting depth or length limit.",
      "Split the payload or, if the limit is too low for a legitimate record, raise it in JsonLimits.", INTEGRATION);
  /** The payload names a schema version Steward does not know. */
  public static final ReasonCode UNKNOWN_SCHEMA_VERSION = ReasonCode.builtIn("UNKNOWN_SCHEMA_VERSION", DATA, ERROR,
      "The payload is declared against a schema version Steward does not know.",
      "Send a supported schema version, or deploy the Steward release that knows it.", INTEGRATION);
  /** The payload does not match the entity's JSON Schema. */
  public static final ReasonCode SCHEMA_VIOLATION = ReasonCode.builtIn("SCHEMA_VIOLATION", DATA, ERROR,
      "The payload does not match the canonical JSON Schema of the entity: a missing, unknown or wrongly typed value.",
      "Correct the value at the path named, usually in the mapping of the sending connector.", INTEGRATION);
  /** A value breaks a constraint of the canonical record. */
  public static final ReasonCode CONSTRAINT_VIOLATION = ReasonCode.builtIn("CONSTRAINT_VIOLATION", DATA, ERROR,
      "A value breaks a constraint of the canonical record (a range, a length, a format).",
      "Correct the value at the path named in the source system.", INTEGRATION);

  // Contracts.

  /** A commercial line of a contract has no billing terms. */
  public static final ReasonCode MISSING_CONTRACT_TERMS = ReasonCode.builtIn("MISSING_CONTRACT_TERMS", DATA, ERROR,
      "A commercial line of the contract lacks the billing terms needed to invoice it.",
      "Complete the line's billing terms (amount, rate card, schedule) in the CRM quote or contract.", SALES_OPS);
  /** A period ends before it starts. */
  public static final ReasonCode INVALID_PERIOD = ReasonCode.builtIn("INVALID_PERIOD", DATA, ERROR,
      "A period ends before it starts.",
      "Correct the start or end date.", SALES_OPS);
  /** The currency is not the legal entity's nor allowed for it. */
  public static final ReasonCode CURRENCY_NOT_ALLOWED = ReasonCode.builtIn("CURRENCY_NOT_ALLOWED", POLICY, ERROR,
      "The currency is neither the contracting legal entity's functional currency nor one it may contract in.",
      "Use an allowed currency, or have finance allow this one for the legal entity.", FINANCE);
  /** A usage line lacks its included quantity or overage price. */
  public static final ReasonCode MISSING_USAGE_TERMS = ReasonCode.builtIn("MISSING_USAGE_TERMS", DATA, ERROR,
      "A usage line lacks its included quantity or a positive overage price in the contract currency.",
      "Set the included quantity and the overage price on the usage line.", SALES_OPS);

  // Projects and time.

  /** A project code has no ERP dimension set. */
  public static final ReasonCode UNMAPPED_PROJECT_DIMENSION = ReasonCode.builtIn("UNMAPPED_PROJECT_DIMENSION", MAPPING, ERROR,
      "The project code maps to no ERP GL dimension set.",
      "Create the dimension mapping for the project code in the ERP mapping table.", FINANCE);
  /** The referenced customer does not exist. */
  public static final ReasonCode CUSTOMER_NOT_FOUND = ReasonCode.builtIn("CUSTOMER_NOT_FOUND", REFERENCE_DATA, ERROR,
      "The customer the record refers to does not exist among the golden records.",
      "Create or sync the customer first, or correct the reference.", MASTER_DATA);
  /** The referenced contract does not exist. */
  public static final ReasonCode CONTRACT_NOT_FOUND = ReasonCode.builtIn("CONTRACT_NOT_FOUND", REFERENCE_DATA, ERROR,
      "The contract the record refers to does not exist.",
      "Link the record to an existing contract, or create the contract first.", SALES_OPS);
  /** The referenced contract is not active. */
  public static final ReasonCode CONTRACT_NOT_ACTIVE = ReasonCode.builtIn("CONTRACT_NOT_ACTIVE", POLICY, ERROR,
      "The contract the record refers to is not active.",
      "Activate or renew the contract, or link the record to an active one.", SALES_OPS);
  /** A billable time entry is not approved. */
  public static final ReasonCode TIME_NOT_APPROVED = ReasonCode.builtIn("TIME_NOT_APPROVED", POLICY, ERROR,
      "A billable time entry has not been approved.",
      "Have the project manager approve the time entry before billing it.", DELIVERY);
  /** A time entry falls outside its assignment's dates. */
  public static final ReasonCode OUTSIDE_ASSIGNMENT = ReasonCode.builtIn("OUTSIDE_ASSIGNMENT", DATA, ERROR,
      "The time entry's work date falls outside the dates of its assignment.",
      "Correct the work date, or extend the assignment in the PSA.", DELIVERY);
  /** Hours are not above zero and at most 24 a day. */
  public static final ReasonCode INVALID_HOURS = ReasonCode.builtIn("INVALID_HOURS", DATA, ERROR,
      "Hours must be more than 0 and at most 24 for one day.",
      "Correct the hours in the timesheet.", DELIVERY);
  /** The assignment a time entry is booked under does not exist. */
  public static final ReasonCode ASSIGNMENT_NOT_FOUND = ReasonCode.builtIn("ASSIGNMENT_NOT_FOUND", REFERENCE_DATA, ERROR,
      "The assignment the time entry is booked under does not exist.",
      "Book the time under an existing assignment, or create the assignment in the PSA first.", DELIVERY);
  /** A time entry is dated after the day it could have been worked. */
  public static final ReasonCode WORK_DATE_IN_FUTURE = ReasonCode.builtIn("WORK_DATE_IN_FUTURE", DATA, ERROR,
      "The time entry's work date lies in the future, so the work cannot have been done yet.",
      "Correct the work date in the timesheet, or enter the time once the work is done.", DELIVERY);

  // Invoices.

  /** A line amount is not quantity times unit price. */
  public static final ReasonCode LINE_AMOUNT_MISMATCH = ReasonCode.builtIn("LINE_AMOUNT_MISMATCH", DATA, ERROR,
      "A line's net amount is not its quantity times its unit price, rounded to the currency's minor unit.",
      "Recalculate the line in the billing system; check its rounding rule.", BILLING);
  /** Invoice totals are not the sum of the lines plus tax. */
  public static final ReasonCode TOTALS_MISMATCH = ReasonCode.builtIn("TOTALS_MISMATCH", DATA, ERROR,
      "The invoice totals are not the sum of its lines and their tax.",
      "Recalculate the invoice totals in the billing system.", BILLING);
  /** A tax code is not valid for the jurisdiction on the date. */
  public static final ReasonCode INVALID_TAX_CODE = ReasonCode.builtIn("INVALID_TAX_CODE", REFERENCE_DATA, ERROR,
      "The tax code is unknown for the jurisdiction, not valid on the invoice date, or its rate differs.",
      "Use a tax code valid for the jurisdiction and date, or update the tax-code mapping.", FINANCE);
  /** Currencies that must agree do not. */
  public static final ReasonCode CURRENCY_MISMATCH = ReasonCode.builtIn("CURRENCY_MISMATCH", DATA, ERROR,
      "Amounts that must be in one currency are not: an invoice and its contract, or a line and its invoice.",
      "Issue the invoice in the contract currency, or amend the contract.", BILLING);
  /** Milestone billing exceeds the contract value. */
  public static final ReasonCode MILESTONE_EXCEEDS_CONTRACT = ReasonCode.builtIn("MILESTONE_EXCEEDS_CONTRACT", POLICY, ERROR,
      "Milestone billing on this invoice would exceed the contract value.",
      "Check the milestone amounts against the contract, or amend the contract value.", BILLING);
  /** Overage billed on a contract that does not allow usage. */
  public static final ReasonCode OVERAGE_NOT_ALLOWED = ReasonCode.builtIn("OVERAGE_NOT_ALLOWED", POLICY, ERROR,
      "Usage or overage is billed under a contract that has no usage terms.",
      "Remove the usage line, or add usage terms to the contract.", BILLING);

  // Customers and tax ids.

  /** A VAT number fails its country's format or check digits. */
  public static final ReasonCode INVALID_VAT_NUMBER = ReasonCode.builtIn("INVALID_VAT_NUMBER", DATA, ERROR,
      "The VAT number does not have its country's format or check digits.",
      "Correct the VAT number with the customer; the message names what is wrong.", MASTER_DATA);
  /** The registry says the VAT number is not registered. */
  public static final ReasonCode VAT_NUMBER_NOT_REGISTERED = ReasonCode.builtIn("VAT_NUMBER_NOT_REGISTERED", REFERENCE_DATA, ERROR,
      "The VAT registry (VIES or the host's provider) does not know the VAT number.",
      "Confirm the VAT number with the customer; it may be deregistered.", MASTER_DATA);
  /** The VAT registry did not answer. */
  public static final ReasonCode VAT_CHECK_UNAVAILABLE = ReasonCode.builtIn("VAT_CHECK_UNAVAILABLE", DEPENDENCY_UNAVAILABLE, ERROR,
      "The online VAT check did not answer, so the number could not be confirmed (it is not known to be wrong).",
      "Retry later; the record is held or passed with a warning as the legal entity's policy says.", INTEGRATION);

  // Reference data.

  /** A referenced legal entity is unknown. */
  public static final ReasonCode UNKNOWN_LEGAL_ENTITY = ReasonCode.builtIn("UNKNOWN_LEGAL_ENTITY", REFERENCE_DATA, ERROR,
      "The legal entity the record refers to is not in the reference data.",
      "Add the legal entity to the reference data, or correct the reference.", MASTER_DATA);
  /** A currency is unknown or not active for the firm. */
  public static final ReasonCode UNKNOWN_CURRENCY = ReasonCode.builtIn("UNKNOWN_CURRENCY", REFERENCE_DATA, ERROR,
      "The currency is not an active ISO 4217 currency of the firm.",
      "Use an active currency, or have finance activate this one.", FINANCE);
  /** Reference data could not be read. */
  public static final ReasonCode REFERENCE_DATA_UNAVAILABLE = ReasonCode.builtIn("REFERENCE_DATA_UNAVAILABLE",
      DEPENDENCY_UNAVAILABLE, ERROR,
      "Reference data the check needs could not be read, so the record could not be checked.",
      "Retry later; if it persists, check the reference-data source the host configured.", INTEGRATION);
  /** A stage failed unexpectedly. */
  public static final ReasonCode CHECK_FAILED = ReasonCode.builtIn("CHECK_FAILED", INTERNAL, ERROR,
      "A validation stage failed unexpectedly (a bug in a rule or the pipeline), so the record could not be checked.",
      "Report it to the integration team with the correlation id; the record itself may be fine.", INTEGRATION);
  /** The report holds only the first violations found. */
  public static final ReasonCode VIOLATIONS_TRUNCATED = ReasonCode.builtIn("VIOLATIONS_TRUNCATED", DATA, WARNING,
      "The record has more violations than a report holds; only the first are listed.",
      "Fix the listed violations and validate again; they usually share one cause, such as a broken mapping.",
      INTEGRATION);

  private static final List<ReasonCode> ALL = List.of(
      MALFORMED_JSON, PAYLOAD_TOO_LARGE, UNKNOWN_SCHEMA_VERSION, SCHEMA_VIOLATION, CONSTRAINT_VIOLATION,
      MISSING_CONTRACT_TERMS, INVALID_PERIOD, CURRENCY_NOT_ALLOWED, MISSING_USAGE_TERMS,
      UNMAPPED_PROJECT_DIMENSION, CUSTOMER_NOT_FOUND, CONTRACT_NOT_FOUND, CONTRACT_NOT_ACTIVE, TIME_NOT_APPROVED, OUTSIDE_ASSIGNMENT,
      INVALID_HOURS, ASSIGNMENT_NOT_FOUND, WORK_DATE_IN_FUTURE,
      LINE_AMOUNT_MISMATCH, TOTALS_MISMATCH, INVALID_TAX_CODE, CURRENCY_MISMATCH, MILESTONE_EXCEEDS_CONTRACT,
      OVERAGE_NOT_ALLOWED,
      INVALID_VAT_NUMBER, VAT_NUMBER_NOT_REGISTERED, VAT_CHECK_UNAVAILABLE,
      UNKNOWN_LEGAL_ENTITY, UNKNOWN_CURRENCY, REFERENCE_DATA_UNAVAILABLE, CHECK_FAILED, VIOLATIONS_TRUNCATED);

  /** Returns every built-in code, in the order of this catalogue. */
  public static List<ReasonCode> all() {
    return ALL;
  }

  /** Returns the built-in code named {@code code}, if any. */
  public static Optional<ReasonCode> named(String code) {
    return ALL.stream().filter(c -> c.code().equals(code)).findFirst();
  }
}
