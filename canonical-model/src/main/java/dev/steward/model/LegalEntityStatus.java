package dev.steward.model;

/**
 * Whether one of the firm's legal entities may take on business: {@code ACTIVE -> INACTIVE ->
 * DISSOLVED}. Routing and reference-data checks refuse new contracts for an entity that is not
 * active.
 */
public enum LegalEntityStatus {
  /** Trading: may sign contracts, deliver work and issue invoices. */
  ACTIVE,
  /** No new contracts; existing contracts still run out, are invoiced and collected. */
  INACTIVE,
  /** Wound up or merged away; kept so that history still resolves. */
  DISSOLVED
}
