package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment stands in cash application: {@code RECEIVED -> PARTIALLY_APPLIED -> APPLIED},
 * or {@code REFUNDED} or {@code FAILED}.
 */
public enum PaymentStatus {
  /** Arrived; not yet applied to any invoice. */
  RECEIVED,
  /** Applied in full to invoices. */
  APPLIED,
  /** Applied to invoices in part; the rest is unapplied cash on the customer's account. */
  PARTIALLY_APPLIED,
  /** Paid back to the customer. */
  REFUNDED,
  /** Did not complete, for example a returned direct debit or a declined card. */
  FAILED;

  /** Returns the states this one may move to directly. */
  public Set<PaymentStatus> successors() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(APPLIED, PARTIALLY_APPLIED, REFUNDED, FAILED);
      case PARTIALLY_APPLIED -> EnumSet.of(APPLIED, REFUNDED, FAILED);
      case APPLIED -> EnumSet.of(REFUNDED, FAILED);
      case REFUNDED, FAILED -> EnumSet.noneOf(PaymentStatus.class);
    };
  }

  /** Returns whether a payment in this state may move to {@code next} directly. */
  public boolean canMoveTo(PaymentStatus next) {
    return successors().contains(next);
  }
}
