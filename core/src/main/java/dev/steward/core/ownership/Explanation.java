package dev.steward.core.ownership;

import dev.steward.model.AttributePath;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "who owns this attribute of this record, and why": the rule that applies, its
 * condition, and every rule that was considered.
 *
 * @param attribute the attribute asked about
 * @param rule the rule that applies, or empty if no rule covers the attribute in this state
 * @param considered the rules covering the attribute, most specific first, each with whether its
 *     condition holds for the record
 */
public record Explanation(AttributePath attribute, Optional<OwnershipRule> rule, List<Considered> considered) {
  /** Copies the list. */
  public Explanation {
    considered = List.copyOf(considered);
  }

  /** Returns the owning system, if any rule applies. */
  public Optional<String> owner() {
    return rule.map(OwnershipRule::owner);
  }

  /** Returns the answer in one sentence. */
  public String describe() {
    return rule.map(r -> r.owner() + " owns " + attribute + " by rule " + r.id()
            + (r.condition() == Condition.always() ? "" : ", because " + r.condition().describe()) + ".")
        .orElse("No rule covers " + attribute + " in this state; nobody owns it.");
  }

  /**
   * One rule considered for the attribute.
   *
   * @param rule the rule
   * @param holds whether its condition holds for the record
   */
  public record Considered(OwnershipRule rule, boolean holds) {}
}
