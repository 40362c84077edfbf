package dev.steward.core.ownership;

import dev.steward.model.StewardException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a policy has lint errors and lint was not relaxed: the policy cannot be enforced as
 * written. Code {@code STEWARD-OWNERSHIP-LINT}. {@link #findings()} lists every finding.
 */
public class PolicyLintException extends StewardException {
  private static final long serialVersionUID = 1L;

  private final transient List<LintFinding> findings;

  /**
   * Creates the exception.
   *
   * @param policy the policy's id and version
   * @param findings every finding, errors and warnings
   */
  public PolicyLintException(String policy, List<LintFinding> findings) {
    super(
        "STEWARD-OWNERSHIP-LINT",
        "ownership policy " + policy + " has lint errors:\n"
            + findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n")),
        null);
    this.findings = List.copyOf(findings);
  }

  /** Returns every finding, errors and warnings. */
  public List<LintFinding> findings() {
    return findings;
  }
}
