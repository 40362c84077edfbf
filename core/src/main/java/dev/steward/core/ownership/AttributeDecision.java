package dev.steward.core.ownership;

import dev.steward.model.AttributePath;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The decision about one changed value: which attribute, what was decided, by which rule, and
 * why in one sentence.
 *
 * @param pointer the concrete JSON Pointer of the value, such as {@code /lines/2/quantity}
 * @param attribute the attribute it lies in, such as <code>/lines/&#42;/quantity</code>
 * @param outcome what was decided
 * @param rule the rule that decided it, or null where no rule covers the attribute in this state
 * @param source the system the change came from
 * @param before the golden value, or null where there was none
 * @param after the value the source sent, or null for a removal
 * @param conflictingVersion for {@link Outcome#CONFLICT}, the version at which another system
 *     changed the attribute; otherwise null
 * @param conflictingSystem for {@link Outcome#CONFLICT}, the system that changed it; otherwise null
 * @param judgedAfter the pointers of this change's values that were applied before this one was
 *     judged; empty when it was judged on the golden record as it was (on the record as sent, when
 *     the change creates it). A value refused there is judged again once accepted values have moved
 *     the record into another state, such as a new lifecycle status.
 * @param gapAt for {@link Outcome#REJECTED_LIST_GAP}, the pointer of the list element whose
 *     absence would leave the gap; otherwise null
 */
public record AttributeDecision(
    String pointer,
    AttributePath attribute,
    Outcome outcome,
    @Nullable OwnershipRule rule,
    String source,
    @Nullable JsonNode before,
    @Nullable JsonNode after,
    @Nullable Long conflictingVersion,
    @Nullable String conflictingSystem,
    List<String> judgedAfter,
    @Nullable String gapAt) {

  /** Checks the required parts are present. */
  public AttributeDecision {
    Objects.requireNonNull(pointer, "pointer");
    judgedAfter = List.copyOf(judgedAfter);
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(source, "source");
  }

  /** Returns why, in one sentence a finance analyst can read; built on demand. */
  public String reason() {
    if (rule == null) {
      return "No rule of the policy covers " + attribute + " in this state, so nobody owns it and " + source
          + "'s value is not applied.";
    }
    String when = rule.condition() == Condition.always() ? "" : " while " + rule.condition().describe();
    if (!judgedAfter.isEmpty() && outcome != Outcome.UNCHANGED) {
      when += " (once this change's " + String.join(", ", judgedAfter) + " applied)";
    }
    String by = " (rule " + rule.id() + ")";
    return switch (outcome) {
      case ACCEPTED ->
          source.equals(rule.owner())
              ? source + " owns " + attribute + when + by + ", so its value is applied."
              : source + " may originate " + attribute + " of a new record" + by + ", so its value is applied.";
      case REJECTED_NOT_OWNER ->
          rule.owner() + " owns " + attribute + when + by + "; " + source + " may neither change nor propose it.";
      case PROPOSED ->
          rule.owner() + " owns " + attribute + when + by + "; " + source
              + " may propose it, so the value is recorded for approval, not applied.";
      case UNCHANGED -> "The value of " + pointer + " equals the golden record's; nothing to do.";
      case REJECTED_NOT_ORIGINATOR ->
          source + " may not create a " + rule.entityType().schemaName() + by + "; its originators are "
              + new java.util.TreeSet<>(originatorsOf(rule)) + ".";
      case CONFLICT ->
          conflictingSystem + " changed " + pointer + " at version " + conflictingVersion + ", after the version "
              + source + "'s change is based on" + by + "; resolve the conflict before applying.";
      case REJECTED_LIST_GAP ->
          "Applying " + pointer + " would leave " + gapAt + " empty while later elements of its list stay; lists"
              + " keep their positions, so the value is not applied" + by + ".";
    };
  }

  private static java.util.Set<String> originatorsOf(OwnershipRule rule) {
    java.util.Set<String> all = new java.util.TreeSet<>(rule.originators());
    all.add(rule.owner());
    return all;
  }
}
