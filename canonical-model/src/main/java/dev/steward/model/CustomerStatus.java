package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a customer stands in its lifecycle: {@code PROSPECT -> ACTIVE -> ON_HOLD -> CLOSED}.
 * Ownership rules may depend on it: CRM typically masters a prospect's legal name, ERP an active
 * customer's.
 */
public enum CustomerStatus {
  /** Known to sales, not yet under contract. */
  PROSPECT,
  /** Under contract; may be invoiced. */
  ACTIVE,
  /** Temporarily blocked, for example for credit reasons; no new work or invoices. */
  ON_HOLD,
  /** No longer a customer; kept for history. */
  CLOSED;

  /** Returns the states this one may move to directly. */
  public Set<CustomerStatus> successors() {
    return switch (this) {
      case PROSPECT -> EnumSet.of(ACTIVE, CLOSED);
      case ACTIVE -> EnumSet.of(ON_HOLD, CLOSED);
      case ON_HOLD -> EnumSet.of(ACTIVE, CLOSED);
      case CLOSED -> EnumSet.noneOf(CustomerStatus.class);
    };
  }

  /** Returns whether a customer in this state may move to {@code next} directly. */
  public boolean canMoveTo(CustomerStatus next) {
    return successors().contains(next);
  }
}
