package dev.steward.core.ownership;

import dev.steward.model.EntityType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem the ownership lint found in a policy.
 *
 * @param code what kind of problem, with its stable code and severity
 * @param entityType the entity concerned
 * @param attribute the attribute concerned, if the finding is about one
 * @param ruleIds the rules involved, possibly none
 * @param message a plain sentence a governance board can act on
 */
public record LintFinding(
    LintCode code, EntityType entityType, Optional<String> attribute, List<String> ruleIds, String message) {

  /** Copies the rule ids. */
  public LintFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(attribute, "attribute");
    ruleIds = List.copyOf(ruleIds);
    Objects.requireNonNull(message, "message");
  }

  /** Returns the finding as {@code OWN-002 ERROR customer /legalName: message}. */
  @Override
  public String toString() {
    return code.code() + " " + code.severity() + " " + entityType.schemaName() + attribute.map(a -> " " + a).orElse("") + ": " + message;
  }
}
