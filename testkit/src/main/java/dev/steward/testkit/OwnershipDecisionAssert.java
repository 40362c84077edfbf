package dev.steward.testkit;

import dev.steward.core.ownership.AttributeDecision;
import dev.steward.core.ownership.OwnershipDecision;
import dev.steward.core.ownership.Outcome;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on an {@link OwnershipDecision}: what was decided for each changed value, named by
 * its concrete JSON Pointer ({@code /lines/2/quantity}), whether anything was applied, and where
 * the accepted values are sent. Every failure message lists the decisions — pointer, outcome and
 * the rule's reason — so that a failing test shows what the policy did:
 *
 * <pre>{@code
 * expected /segment to be ACCEPTED but it was REJECTED_NOT_OWNER: erp owns /segment (rule customer:defaults); ...
 * decisions: [/segment REJECTED_NOT_OWNER, /status UNCHANGED]
 * }</pre>
 *
 * <p>Get one from {@link StewardAssertions#assertThat(OwnershipDecision)}. Not thread-safe, as
 * AssertJ's assertions are not.
 */
public final class OwnershipDecisionAssert extends AbstractAssert<OwnershipDecisionAssert, OwnershipDecision> {
  private static final Set<Outcome> REFUSALS = Arrays.stream(Outcome.values()).filter(Outcome::refuses)
      .collect(Collectors.toCollection(() -> EnumSet.noneOf(Outcome.class)));

  OwnershipDecisionAssert(@Nullable OwnershipDecision actual) {
    super(actual, OwnershipDecisionAssert.class);
  }

  /** Verifies that the value at {@code pointer} was accepted: its source owns it, and it is applied. */
  public OwnershipDecisionAssert accepted(String pointer) {
    return hasOutcome(pointer, Outcome.ACCEPTED);
  }

  /**
   * Verifies that the value at {@code pointer} was refused: {@link Outcome#REJECTED_NOT_OWNER},
   * {@link Outcome#REJECTED_NOT_ORIGINATOR}, {@link Outcome#CONFLICT} or {@link
   * Outcome#REJECTED_LIST_GAP} (each outcome that {@link Outcome#refuses() refuses}).
   */
  public OwnershipDecisionAssert rejected(String pointer) {
    AttributeDecision d = decisionAt(pointer);
    if (!d.outcome().refuses()) {
      fail("expected " + pointer + " to be rejected (" + REFUSALS + ") but it was " + describe(d));
    }
    return this;
  }

  /** Verifies that the value at {@code pointer} was proposed: recorded for the owner's approval, not applied. */
  public OwnershipDecisionAssert proposed(String pointer) {
    return hasOutcome(pointer, Outcome.PROPOSED);
  }

  /** Verifies that the decision about the value at {@code pointer} has {@code outcome}. */
  public OwnershipDecisionAssert hasOutcome(String pointer, Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    AttributeDecision d = decisionAt(pointer);
    if (d.outcome() != outcome) {
      fail("expected " + pointer + " to be " + outcome + " but it was " + describe(d));
    }
    return this;
  }

  /** Verifies that the rule with id {@code ruleId} decided the value at {@code pointer}. */
  public OwnershipDecisionAssert decidedByRule(String pointer, String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    AttributeDecision d = decisionAt(pointer);
    String actualRule = d.rule() == null ? null : d.rule().id();
    if (!ruleId.equals(actualRule)) {
      fail("expected " + pointer + " to be decided by rule " + ruleId + " but "
          + (actualRule == null ? "no rule covers it" : "rule " + actualRule + " decided it") + ": " + describe(d));
    }
    return this;
  }

  /** Verifies that nothing was decided about a value at {@code pointer}: the change did not touch it. */
  public OwnershipDecisionAssert hasNoDecisionAt(String pointer) {
    checkPointer(pointer);
    Optional<AttributeDecision> found = find(pointer);
    if (found.isPresent()) {
      fail("expected no decision at " + pointer + " but it was " + describe(found.get()));
    }
    return this;
  }

  /** Verifies that at least one value was applied to the golden record. */
  public OwnershipDecisionAssert isApplied() {
    OwnershipDecision decision = decision();
    if (!decision.applied()) {
      fail("expected the change from " + decision.source() + " to be applied but nothing was");
    }
    return this;
  }

  /** Verifies that no value was applied, as when a strict change has a refused value. */
  public OwnershipDecisionAssert isNotApplied() {
    OwnershipDecision decision = decision();
    if (decision.applied()) {
      fail("expected nothing of the change from " + decision.source() + " to be applied but it was");
    }
    return this;
  }

  /** Verifies that the sync plan sends at least the values at {@code pointers} to {@code system}. */
  public OwnershipDecisionAssert syncsTo(String system, String... pointers) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(pointers, "pointers");
    OwnershipDecision decision = decision();
    List<String> sent = decision.syncPlan().pointersFor(system);
    List<String> missing = Arrays.stream(pointers).filter(p -> !sent.contains(p)).toList();
    if (sent.isEmpty() || !missing.isEmpty()) {
      fail("expected the sync plan to send " + (pointers.length == 0 ? "something" : Arrays.toString(pointers))
          + " to " + system + " but it sends " + (sent.isEmpty() ? "nothing" : sent) + " there; the plan is "
          + decision.syncPlan().asMap());
    }
    return this;
  }

  /** Verifies that the sync plan sends nothing to {@code system}. */
  public OwnershipDecisionAssert doesNotSyncTo(String system) {
    Objects.requireNonNull(system, "system");
    OwnershipDecision decision = decision();
    List<String> sent = decision.syncPlan().pointersFor(system);
    if (!sent.isEmpty()) {
      fail("expected the sync plan to send nothing to " + system + " but it sends " + sent + " there; the plan is "
          + decision.syncPlan().asMap());
    }
    return this;
  }

  private AttributeDecision decisionAt(String pointer) {
    checkPointer(pointer);
    Optional<AttributeDecision> found = find(pointer);
    if (found.isEmpty()) {
      fail("expected a decision at " + pointer + " but there is none; the change from " + decision().source()
          + " was decided at " + decision().decisions().stream().map(AttributeDecision::pointer).toList());
    }
    return found.orElseThrow();
  }

  private Optional<AttributeDecision> find(String pointer) {
    return decision().decisions().stream().filter(d -> d.pointer().equals(pointer)).findFirst();
  }

  private String describe(AttributeDecision d) {
    return d.outcome() + ": " + d.reason() + "\ndecisions: " + decision().decisions().stream()
        .map(x -> x.pointer() + " " + x.outcome()).collect(Collectors.joining(", ", "[", "]"));
  }

  private OwnershipDecision decision() {
    isNotNull();
    return actual;
  }

  private static void checkPointer(String pointer) {
    Objects.requireNonNull(pointer, "pointer");
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("pointer must be the JSON Pointer of a value, starting with '/'; was '"
          + pointer + "'");
    }
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
