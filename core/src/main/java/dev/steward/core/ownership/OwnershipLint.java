package dev.steward.core.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an ownership policy against the canonical model and against itself. Each finding has a
 * stable {@link LintCode}; {@link OwnershipPolicy.Builder#build()} refuses a policy with errors
 * unless lint is relaxed. Stateless and thread-safe.
 */
public final class OwnershipLint {
  private OwnershipLint() {}

  /** Returns every finding for {@code policy}, errors first. */
  public static List<LintFinding> check(OwnershipPolicy policy) {
    List<LintFinding> findings = new ArrayList<>();
    undeclaredSystems(policy, findings);
    findings.sort((a, b) -> a.code().severity().compareTo(b.code().severity()));
    return List.copyOf(findings);
  }

  private static void undeclaredSystems(OwnershipPolicy policy, List<LintFinding> findings) {
    for (var type : policy.entityTypes()) {
      for (OwnershipRule rule : policy.rules(type)) {
        Set<String> undeclared = new TreeSet<>(rule.systems());
        undeclared.removeAll(policy.systems());
        if (!undeclared.isEmpty()) {
          findings.add(new LintFinding(LintCode.UNDECLARED_SYSTEM, type, attributeOf(rule), List.of(rule.id()),
              "rule " + rule.id() + " names " + undeclared + ", which the policy does not declare among its systems " + policy.systems()));
        }
      }
    }
  }

  private static Optional<String> attributeOf(OwnershipRule rule) {
    return rule.selector() == AttributeSelector.Defaults.INSTANCE ? Optional.empty() : Optional.of(rule.selector().toString());
  }
}
