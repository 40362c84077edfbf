package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an invoice stands in its lifecycle: {@code DRAFT -> FINALIZED -> POSTED -> PAID}, with
 * {@code VOID} before posting and {@code CREDITED} after. Ownership rules often depend on it: the
 * billing platform masters a draft, the ERP a posted invoice.
 */
public enum InvoiceStatus {
  /** Being prepared and reviewed; has no number and may still change. */
  DRAFT,
  /** Numbered and issued to the customer; no longer editable. */
  FINALIZED,
  /** Posted to the ledger as a receivable. */
  POSTED,
  /** Settled in full. */
  PAID,
  /** Cancelled before it was posted; never a receivable. */
  VOID,
  /** Reversed in whole by a credit note after posting. */
  CREDITED;

  /** Returns the states this one may move to directly. */
  public Set<InvoiceStatus> successors() {
    return switch (this) {
      case DRAFT -> EnumSet.of(FINALIZED, VOID);
      case FINALIZED -> EnumSet.of(POSTED, VOID);
      case POSTED -> EnumSet.of(PAID, CREDITED);
      case PAID -> EnumSet.of(CREDITED);
      case VOID, CREDITED -> EnumSet.noneOf(InvoiceStatus.class);
    };
  }

  /** Returns whether an invoice in this state may move to {@code next} directly. */
  public boolean canMoveTo(InvoiceStatus next) {
    return successors().contains(next);
  }
}
