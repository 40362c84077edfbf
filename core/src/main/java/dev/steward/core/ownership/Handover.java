package dev.steward.core.ownership;

import dev.steward.model.AttributePath;

/**
 * Ownership of an attribute passing from one system to another because the change moved the
 * record into another state: CRM hands the customer's legal name to ERP when the customer becomes
 * ACTIVE. Recorded with the decision that caused it.
 *
 * @param attribute the attribute
 * @param from the rule that applied before the change
 * @param to the rule that applies after it
 */
public record Handover(AttributePath attribute, OwnershipRule from, OwnershipRule to) {
  /** Returns the hand-over in one sentence. */
  public String describe() {
    return "ownership of " + attribute + " passes from " + from.owner() + " (rule " + from.id() + ") to "
        + to.owner() + " (rule " + to.id() + ")"
        + (to.condition() == Condition.always() ? "" : " because " + to.condition().describe()) + ".";
  }
}
