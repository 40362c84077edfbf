package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a billing schedule stands in its lifecycle: {@code DRAFT -> ACTIVE <-> PAUSED -> ENDED}.
 * Only an active schedule produces invoices.
 */
public enum BillingScheduleStatus {
  /** Being set up from the contract; produces no invoices yet. */
  DRAFT,
  /** In force; the billing platform invoices its charges as they fall due. */
  ACTIVE,
  /** Temporarily suspended, for example during a contract dispute; nothing is invoiced. */
  PAUSED,
  /** Finished or cancelled; kept for history. */
  ENDED;

  /** Returns the states this one may move to directly. */
  public Set<BillingScheduleStatus> successors() {
    return switch (this) {
      case DRAFT -> EnumSet.of(ACTIVE, ENDED);
      case ACTIVE -> EnumSet.of(PAUSED, ENDED);
      case PAUSED -> EnumSet.of(ACTIVE, ENDED);
      case ENDED -> EnumSet.noneOf(BillingScheduleStatus.class);
    };
  }

  /** Returns whether a schedule in this state may move to {@code next} directly. */
  public boolean canMoveTo(BillingScheduleStatus next) {
    return successors().contains(next);
  }
}
