package dev.steward.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a billing milestone stands: {@code PLANNED -> REACHED -> BILLED}, or {@code CANCELLED}
 * before it is billed.
 */
public enum BillingMilestoneStatus {
  /** Expected; nothing to bill yet. */
  PLANNED,
  /** Reached or accepted by the customer; ready to invoice. */
  REACHED,
  /** Invoiced. */
  BILLED,
  /** Dropped, for example by a change order; never to be billed. */
  CANCELLED;

  /** Returns the states this one may move to directly. */
  public Set<BillingMilestoneStatus> successors() {
    return switch (this) {
      case PLANNED -> EnumSet.of(REACHED, CANCELLED);
      case REACHED -> EnumSet.of(BILLED, CANCELLED);
      case BILLED, CANCELLED -> EnumSet.noneOf(BillingMilestoneStatus.class);
    };
  }

  /** Returns whether a milestone in this state may move to {@code next} directly. */
  public boolean canMoveTo(BillingMilestoneStatus next) {
    return successors().contains(next);
  }
}
