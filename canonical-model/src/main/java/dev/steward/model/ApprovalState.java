package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a time entry or expense stands in approval: {@code DRAFT -> SUBMITTED -> APPROVED}, or
 * {@code REJECTED} back to the submitter. Only approved items are billed, costed and posted.
 */
public enum ApprovalState {
  /** Being entered; not yet submitted. */
  DRAFT,
  /** Submitted and awaiting the approver. */
  SUBMITTED,
  /** Approved; may be billed and posted. Corrections are made by reversal, not by edit. */
  APPROVED,
  /** Sent back to the submitter to correct and resubmit. */
  REJECTED;

  /** Returns the states this one may move to directly. */
  public Set<ApprovalState> successors() {
    return switch (this) {
      case DRAFT -> EnumSet.of(SUBMITTED);
      case SUBMITTED -> EnumSet.of(DRAFT, APPROVED, REJECTED);
      case REJECTED -> EnumSet.of(DRAFT, SUBMITTED);
      case APPROVED -> EnumSet.noneOf(ApprovalState.class);
    };
  }

  /** Returns whether an item in this state may move to {@code next} directly. */
  public boolean canMoveTo(ApprovalState next) {
    return successors().contains(next);
  }
}
