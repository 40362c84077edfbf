package dev.steward.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.steward.core.ownership.OwnershipGenerators.Case;
import dev.steward.core.ownership.internal.JsonPatching;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.EntityType;
import dev.steward.model.JsonPointers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties of ownership decisions over generated records, generated policies and generated
 * changes (issue 3):
 *
 * <ol type="a">
 *   <li>the merged record changes only values of attributes the source owns (or, creating the
 *       entity, originates) in the state each was judged in (the golden record, or the record as
 *       sent for a creation, with the values the decision says it was judged after), and exactly
 *       the values that were accepted, each at the pointer it was sent to; and it stays in
 *       canonical form (no nulls, no empty objects or lists, no gaps in lists);
 *   <li>the same change applied again to the record it produced changes nothing and accepts
 *       nothing;
 *   <li>the sync plan sends only accepted values, to their rule's targets, never back to the
 *       source;
 *   <li>every decision carries the policy's id, version and fingerprint, and the rule the policy
 *       says applies to the attribute in the state it was judged in (none only where no rule
 *       covers it there).
 * </ol>
 *
 * <p>Policies are random (0 to 2 defaults rules, exact and subtree rules over the catalogue, some
 * conditional on enum and country attributes) and built with relaxed lint. Changes are merge
 * patches taken from a second record of the same type, with explicit nulls, restated values and
 * partial nested objects; a fifth create the entity; some are strict or carry a history that
 * makes conflicts.
 *
 * <p>Each test checks every case and then reports all cases that break the property, the first
 * in full. Generation is seeded: the seed is in every failure message, and {@code
 * -Dsteward.seed=N} replays it.
 */
class OwnershipPropertiesTest {
  private static final long SEED = Long.getLong("steward.seed", System.nanoTime());
  private static final int CASES_PER_TYPE = 200;
  private static final int CASES_PER_OTHER_TYPE = 25;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private static final Map<EntityType, List<Case>> CASES = new ConcurrentHashMap<>();

  @ParameterizedTest
  @EnumSource(value = EntityType.class, names = {"CUSTOMER", "INVOICE", "CONTRACT"})
  void mergedRecord_changesOnlyWhatTheSourceOwns_andExactlyWhatWasAccepted(EntityType type) {
    check("(a) merged record changes only what the source owns, exactly as accepted", type, CASES_PER_TYPE,
        OwnershipPropertiesTest::mergesOnlyWhatTheSourceOwns);
  }

  @ParameterizedTest
  @EnumSource(value = EntityType.class, names = {"CUSTOMER", "INVOICE", "CONTRACT"})
  void sameChangeTwice_givesTheSameRecord_andAcceptsNothingMore(EntityType type) {
    check("(b) the same change twice gives the same record and accepts nothing more", type, CASES_PER_TYPE,
        OwnershipPropertiesTest::isIdempotent);
  }

  @ParameterizedTest
  @EnumSource(value = EntityType.class, names = {"CUSTOMER", "INVOICE", "CONTRACT"})
  void syncPlan_neverSendsAValueBackToItsSource_andSendsOnlyAcceptedValues(EntityType type) {
    check("(c) the sync plan sends only accepted values, never back to the source", type, CASES_PER_TYPE,
        OwnershipPropertiesTest::plansOnlyAcceptedValuesAwayFromTheSource);
  }

  @ParameterizedTest
  @EnumSource(value = EntityType.class, names = {"CUSTOMER", "INVOICE", "CONTRACT"})
  void everyDecision_carriesThePolicy_andTheRuleThatCoversItsAttribute(EntityType type) {
    check("(d) every decision carries the policy and the rule that covers its attribute", type, CASES_PER_TYPE,
        OwnershipPropertiesTest::namesThePolicyAndTheDecidingRule);
  }

  @ParameterizedTest
  @EnumSource(value = EntityType.class, mode = EnumSource.Mode.EXCLUDE, names = {"CUSTOMER", "INVOICE", "CONTRACT"})
  void everyProperty_holdsForTheOtherEntityTypes(EntityType type) {
    check("(a) to (d) for every other entity type", type, CASES_PER_OTHER_TYPE, c -> {
      List<String> problems = new ArrayList<>(mergesOnlyWhatTheSourceOwns(c));
      problems.addAll(isIdempotent(c));
      problems.addAll(plansOnlyAcceptedValuesAwayFromTheSource(c));
      problems.addAll(namesThePolicyAndTheDecidingRule(c));
      return problems;
    });
  }

  /** Guards the generator: properties over cases that never reach an outcome prove little. */
  @Test
  void generatedCases_reachEveryOutcome_creations_strictChanges_andHandOvers() {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    int creations = 0;
    int strict = 0;
    int conditional = 0;
    int handovers = 0;
    int applied = 0;
    int planned = 0;
    for (EntityType type : List.of(EntityType.CUSTOMER, EntityType.INVOICE, EntityType.CONTRACT)) {
      for (Case c : cases(type, CASES_PER_TYPE)) {
        OwnershipDecision d = decide(c);
        d.decisions().forEach(a -> outcomes.merge(a.outcome(), 1, Integer::sum));
        creations += c.golden() == null ? 1 : 0;
        strict += c.strict() ? 1 : 0;
        conditional += c.policy().rules(type).stream().anyMatch(r -> r.condition() != Condition.always()) ? 1 : 0;
        handovers += d.handovers().isEmpty() ? 0 : 1;
        applied += d.applied() ? 1 : 0;
        planned += d.syncPlan().isEmpty() ? 0 : 1;
      }
    }
    String seed = " (seed " + SEED + ")";
    assertThat(outcomes.keySet()).as("outcomes reached" + seed).containsExactlyInAnyOrder(Outcome.values());
    assertThat(outcomes.get(Outcome.ACCEPTED)).as("accepted values" + seed).isGreaterThan(500);
    assertThat(creations).as("creations" + seed).isGreaterThan(50);
    assertThat(strict).as("strict changes" + seed).isGreaterThan(20);
    assertThat(conditional).as("cases under conditional rules" + seed).isGreaterThan(200);
    assertThat(handovers).as("decisions with a hand-over" + seed).isPositive();
    assertThat(applied).as("decisions that applied something" + seed).isGreaterThan(200);
    assertThat(planned).as("decisions with a sync plan" + seed).isGreaterThan(100);
  }

  private static List<Case> cases(EntityType type, int count) {
    return CASES.computeIfAbsent(type, t -> OwnershipGenerators.cases(t, SEED ^ t.ordinal()).limit(count).toList());
  }

  private static OwnershipDecision decide(Case c) {
    return OwnershipEngine.of(c.policy(), CLOCK).decide(c.request());
  }

  /** Checks a property on every case; fails naming every case that breaks it, the first in full. */
  private static void check(String name, EntityType type, int count, Function<Case, List<String>> property) {
    List<Case> cases = cases(type, count);
    assertThat(cases).hasSize(count);
    List<Integer> failing = new ArrayList<>();
    String first = null;
    for (int i = 0; i < cases.size(); i++) {
      List<String> problems = property.apply(cases.get(i));
      if (!problems.isEmpty()) {
        failing.add(i);
        if (first == null) {
          first = type + " case #" + i + ":\n  " + String.join("\n  ", problems.subList(0, Math.min(5, problems.size())))
              + (problems.size() > 5 ? "\n  ... and " + (problems.size() - 5) + " more" : "")
              + "\n" + cases.get(i).describe();
        }
      }
    }
    if (!failing.isEmpty()) {
      fail(name + ": broken by " + failing.size() + " of " + count + " " + type + " cases " + failing
          + " of seed " + SEED + " (replay with -Dsteward.seed=" + SEED + ")\nFirst, " + first);
    }
  }

  // (a) Nothing changes that the source does not own, and everything accepted is applied as sent.
  private static List<String> mergesOnlyWhatTheSourceOwns(Case c) {
    List<String> problems = new ArrayList<>();
    JsonNode goldenBefore = c.golden() == null ? null : c.golden().deepCopy();
    JsonNode incomingBefore = c.incoming().deepCopy();
    OwnershipDecision decision = decide(c);
    if (goldenBefore != null && !goldenBefore.equals(c.golden())) {
      problems.add("deciding modified the golden record it was given");
    }
    if (!incomingBefore.equals(c.incoming())) {
      problems.add("deciding modified the incoming change it was given");
    }
    JsonNode before = c.golden() != null ? c.golden() : JsonNodeFactory.instance.objectNode();
    JsonNode merged = decision.merged();
    boolean creating = c.golden() == null;

    boolean refused = decision.decisions().stream().anyMatch(d -> d.outcome().refuses());
    boolean anyAccepted = decision.decisions().stream().anyMatch(d -> d.outcome() == Outcome.ACCEPTED);
    if (decision.applied() != (anyAccepted && !(c.strict() && refused))) {
      problems.add("applied is " + decision.applied() + " with accepted values " + anyAccepted + ", refused " + refused);
    }
    for (AttributeDecision d : decision.decisions()) {
      JsonNode now = valueAt(merged, d.pointer());
      if (d.outcome() == Outcome.ACCEPTED && decision.applied()) {
        if (!JsonPatching.same(now, d.after())) {
          problems.add("ACCEPTED " + d.pointer() + " = " + d.after() + ", but the merged record holds " + now);
        }
      } else {
        JsonNode was = valueAt(before, d.pointer());
        if (!JsonPatching.same(now, was)) {
          problems.add(d.outcome() + (decision.applied() ? "" : " (nothing applied)") + " " + d.pointer()
              + " changed from " + was + " to " + now);
        }
      }
    }

    canonicalForm(merged, "", problems);

    // Every value that differs lies under an accepted decision, of an attribute the source owns
    // (or, creating an entity it may originate, originates) in the state that decision was judged in.
    AttributeCatalog catalog = AttributeCatalog.of(c.type());
    boolean mayOriginate = mayOriginate(c.policy(), c.type(), c.incoming(), c.source());
    List<String> changed = new ArrayList<>();
    diff(before, merged, "", changed);
    for (String pointer : changed) {
      if (pointer.equals("/meta") || pointer.startsWith("/meta/")) {
        problems.add("governance metadata changed at " + pointer);
        continue;
      }
      AttributeDecision covering = decision.withOutcome(Outcome.ACCEPTED).stream()
          .filter(d -> pointer.equals(d.pointer()) || pointer.startsWith(d.pointer() + "/"))
          .findFirst().orElse(null);
      if (covering == null) {
        problems.add(pointer + " changed, but no accepted decision covers it");
        continue;
      }
      AttributePath attribute = catalog.attributeAt(pointer).orElse(null);
      JsonNode judgedIn = judgedState(c, decision, covering);
      OwnershipRule rule = attribute == null ? null : expectedRule(c.policy(), c.type(), attribute, judgedIn);
      boolean owns = rule != null && (c.source().equals(rule.owner())
          || (creating && mayOriginate && rule.originators().contains(c.source())));
      if (!owns) {
        problems.add(pointer + " changed, but " + c.source() + " does not own it" + (creating ? " nor originate it" : "")
            + " in the state it was judged in (after " + covering.judgedAfter() + "); the rule there is " + rule);
      }
      if (creating && !mayOriginate) {
        problems.add(pointer + " set by " + c.source() + ", which may not create the entity");
      }
    }
    return problems;
  }

  /**
   * The state a decision was judged in, rebuilt from the decision alone: the golden record (the
   * record as sent, for a creation's first judgement) with the values it was judged after applied.
   */
  private static JsonNode judgedState(Case c, OwnershipDecision decision, AttributeDecision d) {
    if (d.judgedAfter().isEmpty()) {
      return c.golden() != null ? c.golden() : c.incoming();
    }
    ObjectNode state = c.golden() != null ? (ObjectNode) c.golden().deepCopy() : JsonNodeFactory.instance.objectNode();
    Map<String, AttributeDecision> byPointer = new HashMap<>();
    decision.decisions().forEach(x -> byPointer.put(x.pointer(), x));
    for (String pointer : d.judgedAfter()) {
      AttributeDecision earlier = byPointer.get(pointer);
      assertThat(earlier).as("%s was judged after %s, which the change does not carry", d.pointer(), pointer).isNotNull();
      JsonPatching.apply(state, pointer, earlier.after(), c.incoming());
    }
    return state;
  }

  // (b) The same change again, on the record it produced, changes nothing and accepts nothing.
  private static List<String> isIdempotent(Case c) {
    List<String> problems = new ArrayList<>();
    OwnershipEngine engine = OwnershipEngine.of(c.policy(), CLOCK);
    OwnershipDecision first = engine.decide(c.request());
    JsonNode firstMerged = first.merged().deepCopy();
    // A refused creation leaves no entity: the same change then tries to create it again.
    JsonNode golden = c.golden() == null && !first.applied() ? null : first.merged();
    OwnershipDecision again = engine.decide(c.request(golden));

    if (!firstMerged.equals(first.merged())) {
      problems.add("deciding again on the merged record modified it");
    }
    if (!JsonPatching.same(again.merged(), first.merged())) {
      List<String> changed = new ArrayList<>();
      diff(first.merged(), again.merged(), "", changed);
      problems.add("the second application changed " + changed);
    }
    // A strict change refused the first time is refused again whole: its ACCEPTED values stay unapplied.
    boolean refusedWhole = c.strict() && !again.applied() && !first.applied();
    for (AttributeDecision d : again.withOutcome(Outcome.ACCEPTED)) {
      if (!refusedWhole) {
        Outcome before = first.decisions().stream().filter(f -> f.pointer().equals(d.pointer()))
            .map(AttributeDecision::outcome).findFirst().orElse(null);
        problems.add("the second application accepted " + d.pointer() + " = " + d.after() + " (first: " + before
            + ", by rule " + (d.rule() == null ? null : d.rule().id()) + ")");
      }
    }
    return problems;
  }

  // (c) The sync plan sends only accepted values, to their rule's targets, never to the source.
  private static List<String> plansOnlyAcceptedValuesAwayFromTheSource(Case c) {
    List<String> problems = new ArrayList<>();
    OwnershipDecision decision = decide(c);
    SyncPlan plan = decision.syncPlan();
    if (plan.targets().contains(c.source())) {
      problems.add("the sync plan sends values back to their source " + c.source() + ": " + plan);
    }
    if (!decision.applied() && !plan.isEmpty()) {
      problems.add("nothing was applied, yet the sync plan is " + plan);
    }
    Map<String, AttributeDecision> accepted = new HashMap<>();
    decision.withOutcome(Outcome.ACCEPTED).forEach(d -> accepted.put(d.pointer(), d));
    for (Map.Entry<String, List<String>> e : plan.asMap().entrySet()) {
      for (String pointer : e.getValue()) {
        AttributeDecision d = accepted.get(pointer);
        if (d == null) {
          problems.add("the sync plan sends " + pointer + " to " + e.getKey() + ", which was not accepted");
          continue;
        }
        OwnershipRule after = expectedRule(c.policy(), c.type(), d.attribute(), decision.merged());
        if (after == null || !after.syncTargets().contains(e.getKey())) {
          problems.add("the sync plan sends " + pointer + " to " + e.getKey() + "; the rule after the change is " + after);
        }
      }
    }
    return problems;
  }

  // (d) Each decision names the policy, and the rule the policy says applies to the attribute.
  private static List<String> namesThePolicyAndTheDecidingRule(Case c) {
    List<String> problems = new ArrayList<>();
    OwnershipDecision decision = decide(c);
    OwnershipPolicy policy = c.policy();
    if (!decision.policyId().equals(policy.id()) || !decision.policyVersion().equals(policy.version())
        || !decision.policyFingerprint().equals(policy.fingerprint())) {
      problems.add("the decision names policy " + decision.policyId() + " " + decision.policyVersion() + " "
          + decision.policyFingerprint() + ", not " + policy);
    }
    if (decision.entityType() != c.type() || !decision.source().equals(c.source())) {
      problems.add("the decision is about " + decision.entityType() + " from " + decision.source());
    }

    List<OwnershipRule> defaults =
        policy.rules(c.type()).stream().filter(r -> r.selector() == AttributeSelector.Defaults.INSTANCE).toList();
    for (AttributeDecision d : decision.decisions()) {
      if (!d.attribute().covers(d.pointer())) {
        problems.add(d.pointer() + " is not within attribute " + d.attribute());
      }
      if (!d.source().equals(c.source())) {
        problems.add(d.pointer() + " names source " + d.source());
      }
      OwnershipRule rule = d.rule();
      if (d.outcome() == Outcome.REJECTED_NOT_ORIGINATOR) {
        // A refused creation is decided by a defaults rule, which covers every attribute.
        if (defaults.isEmpty() ? rule != null : !defaults.contains(rule)) {
          problems.add("REJECTED_NOT_ORIGINATOR " + d.pointer() + " names rule " + rule + ", not a defaults rule");
        }
        continue;
      }
      OwnershipRule expected = expectedRule(policy, c.type(), d.attribute(), judgedState(c, decision, d));
      if (rule != expected) { // a null rule only where no rule covers the attribute in that state
        problems.add(d.outcome() + " " + d.pointer() + " names rule " + rule + ", but in the state it was judged in"
            + " (after " + d.judgedAfter() + ") the policy says " + expected);
      }
      if (d.outcome() == Outcome.REJECTED_LIST_GAP
          && (d.gapAt() == null || !(d.pointer() + "/").startsWith(d.gapAt().substring(0, d.gapAt().lastIndexOf('/') + 1)))) {
        problems.add(d.pointer() + " is refused for a gap at " + d.gapAt() + ", which is not in its list");
      }
      if (rule != null && !(rule.selector().covers(d.attribute()) && rule.entityType() == c.type())) {
        problems.add(d.pointer() + ": rule " + rule + " does not cover " + d.attribute());
      }
      if (rule != null && d.outcome() != Outcome.UNCHANGED && !d.reason().contains(rule.id())) {
        problems.add(d.pointer() + ": the reason does not name rule " + rule.id() + ": " + d.reason());
      }
    }
    return problems;
  }

  /**
   * The rule the policy says applies: among the rules whose selector covers the attribute, the
   * most specific whose condition holds on {@code state}; among equally specific ones, the first
   * declared. Written from the policy's documented meaning, not from the engine's trie.
   */
  private static @Nullable OwnershipRule expectedRule(
      OwnershipPolicy policy, EntityType type, AttributePath attribute, JsonNode state) {
    List<OwnershipRule> rules = policy.rules(type);
    return rules.stream()
        .filter(r -> r.selector().covers(attribute) && r.condition().test(state))
        .max(Comparator.comparingInt((OwnershipRule r) -> r.selector().specificity())
            .thenComparing(Comparator.comparingInt(rules::indexOf).reversed()))
        .orElse(null);
  }

  private static boolean mayOriginate(OwnershipPolicy policy, EntityType type, JsonNode state, String source) {
    return policy.rules(type).stream()
        .filter(r -> r.selector() == AttributeSelector.Defaults.INSTANCE && r.condition().test(state))
        .anyMatch(r -> r.owner().equals(source) || r.originators().contains(source));
  }

  private static @Nullable JsonNode valueAt(JsonNode root, String pointer) {
    JsonNode node = root.at(pointer);
    return node.isMissingNode() || node.isNull() ? null : node;
  }

  /**
   * Reports what canonical JSON never holds, as the golden records do not: nulls, and objects or
   * lists left empty. Extension values are the firm's own JSON and are not looked into.
   */
  private static void canonicalForm(JsonNode node, String at, List<String> problems) {
    if (node.isNull()) {
      problems.add("the merged record holds null at " + at);
    } else if (node.isContainer() && node.isEmpty() && !at.isEmpty()) {
      problems.add("the merged record holds an empty " + (node.isArray() ? "list" : "object") + " at " + at);
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = at + "/" + JsonPointers.escape(e.getKey());
        if (!at.equals("/extensions")) {
          canonicalForm(e.getValue(), child, problems);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        canonicalForm(node.get(i), at + "/" + i, problems);
      }
    }
  }

  /** Collects the pointers of scalar values present on one side only, or different on the two. */
  private static void diff(@Nullable JsonNode a, @Nullable JsonNode b, String at, List<String> out) {
    a = a == null || a.isMissingNode() || a.isNull() ? null : a;
    b = b == null || b.isMissingNode() || b.isNull() ? null : b;
    if (a != null && b != null && a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>(a.propertyNames());
      names.addAll(b.propertyNames());
      for (String name : names) {
        diff(a.get(name), b.get(name), at + "/" + JsonPointers.escape(name), out);
      }
    } else if (a != null && b != null && a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        diff(a.get(i), b.get(i), at + "/" + i, out);
      }
    } else if (a != null && b != null && !a.isContainer() && !b.isContainer()) {
      if (!JsonPatching.same(a, b)) {
        out.add(at);
      }
    } else if (a != null || b != null) {
      TreeSet<String> leaves = new TreeSet<>();
      List<String> found = new ArrayList<>();
      if (a != null) {
        OwnershipGenerators.leafPointers(a, at, found);
      }
      if (b != null) {
        OwnershipGenerators.leafPointers(b, at, found);
      }
      leaves.addAll(found);
      out.addAll(leaves.isEmpty() ? List.of(at) : leaves);
    }
  }
}
