package dev.steward.core.ownership;

import dev.steward.core.ownership.internal.LintConditions;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.EntityType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Checks an ownership policy against the canonical model and against itself. Each finding has a
 * stable {@link LintCode}; {@link OwnershipPolicy.Builder#build()} refuses a policy with errors
 * unless lint is relaxed.
 *
 * <p>Every entity type the policy declares is checked against all of its attributes in the
 * {@link AttributeCatalog}; an entity type the policy does not declare is not linted (the policy
 * simply does not govern it, and the engine refuses to decide for it). An entity type declared
 * with no rules at all is reported as leaving every attribute unowned.
 *
 * <ul>
 *   <li>{@link LintCode#UNOWNED_ATTRIBUTE}: a state of the record in which no rule covering an
 *       attribute applies. Attributes that are unowned for the same reason are reported together.
 *   <li>{@link LintCode#OVERLAPPING_OWNERS}: two rules for the same selector (hence the same
 *       precedence) with different owners whose conditions hold together in some state in which no
 *       more specific rule applies.
 *   <li>{@link LintCode#UNREACHABLE_RULE}: a rule whose condition holds in no state, or an
 *       attribute or subtree rule that more specific rules beat in every state in which it
 *       applies. A defaults rule is never reported as beaten: it also says who may create the
 *       record.
 *   <li>{@link LintCode#SYNC_CYCLE}: for one attribute, rules that can decide it and can apply at
 *       the same time send it around a circle of systems, owner to sync target, such as {@code
 *       crm -> erp -> crm}; a rule that syncs to its own owner is the shortest circle. Edges from
 *       states that exclude each other (CRM owns a prospect's name and syncs it to ERP, ERP owns
 *       an active customer's and syncs it to CRM) are a hand-over, not a circle.
 *   <li>{@link LintCode#UNDECLARED_SYSTEM}: a rule names a system the policy does not declare.
 * </ul>
 *
 * <p>Questions about conditions are answered exactly: enum and boolean attributes range over
 * their constants (and absence, unless the model requires them), other attributes over the values
 * the conditions name and "any other value". Each question has a bounded budget, so no policy
 * makes the lint slow; when a question is left undecided, errors are reported as possible ("may")
 * and warnings are not reported. Stateless and thread-safe.
 */
public final class OwnershipLint {
  /** How many attributes or rules a message names before it says "and n more". */
  private static final int NAMED = 10;

  private static final Comparator<LintFinding> ORDER =
      Comparator.comparing((LintFinding f) -> f.code().severity())
          .thenComparing(LintFinding::entityType)
          .thenComparing(LintFinding::code)
          .thenComparing(f -> f.attribute().orElse(""))
          .thenComparing(f -> String.join("\n", f.ruleIds()))
          .thenComparing(LintFinding::message);

  private OwnershipLint() {}

  /**
   * Returns every finding for {@code policy}: errors first, then by entity type, code, attribute,
   * rules and message, so the same policy always gives the same list.
   */
  public static List<LintFinding> check(OwnershipPolicy policy) {
    List<LintFinding> findings = new ArrayList<>();
    undeclaredSystems(policy, findings);
    for (EntityType type : policy.entityTypes()) {
      new EntityLint(type, policy.rules(type), findings).run();
    }
    findings.sort(ORDER);
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

  private static boolean isDefaults(OwnershipRule rule) {
    return rule.selector() == AttributeSelector.Defaults.INSTANCE;
  }

  private static String names(List<AttributePath> attributes) {
    String named = attributes.stream().limit(NAMED).map(AttributePath::toString).collect(Collectors.joining(", "));
    return attributes.size() > NAMED ? named + " and " + (attributes.size() - NAMED) + " more" : named;
  }

  private static String ruleList(List<String> ids) {
    String named = ids.stream().limit(NAMED).collect(Collectors.joining(", "));
    return (ids.size() == 1 ? "rule " : "rules ") + named
        + (ids.size() > NAMED ? " and " + (ids.size() - NAMED) + " more" : "");
  }

  private static String when(LintConditions.Outcome outcome) {
    return outcome.state().isEmpty() ? "in every state of the record" : "when " + outcome.state();
  }

  /** The checks of one entity type; all questions about its conditions share caches. */
  private static final class EntityLint {
    private final EntityType type;
    private final List<OwnershipRule> rules;
    private final List<LintFinding> findings;
    private final List<AttributePath> attributes;
    private final Map<AttributePath, int[]> covering = new LinkedHashMap<>();
    private final LintConditions conditions;
    private final LintConditions.Outcome[] satisfiable;
    private final Map<String, LintConditions.Outcome> asked = new HashMap<>();

    EntityLint(EntityType type, List<OwnershipRule> rules, List<LintFinding> findings) {
      this.type = type;
      this.rules = rules;
      this.findings = findings;
      this.attributes = AttributeCatalog.of(type).attributes();
      this.conditions = LintConditions.of(type);
      for (AttributePath a : attributes) {
        covering.put(a, indices(r -> rules.get(r).selector().covers(a)));
      }
      satisfiable = new LintConditions.Outcome[rules.size()];
      for (int r = 0; r < rules.size(); r++) {
        satisfiable[r] = conditions.find(rules.get(r).condition());
      }
    }

    void run() {
      if (rules.isEmpty()) {
        findings.add(new LintFinding(LintCode.UNOWNED_ATTRIBUTE, type, Optional.empty(), List.of(),
            type.schemaName() + " is in the policy but has no rules, so none of its " + attributes.size()
                + " attributes has an owner; add a defaults rule naming the system of record for " + type.schemaName() + "."));
        return;
      }
      unowned();
      overlapping();
      unreachable();
      syncCycles();
    }

    private LintConditions.Outcome ask(String key, Supplier<Condition> question) {
      LintConditions.Outcome known = asked.get(key);
      if (known == null) {
        known = conditions.find(question.get());
        asked.put(key, known);
      }
      return known;
    }

    /** The rules covering {@code attribute} that are more specific than {@code specificity}. */
    private int[] moreSpecific(int specificity, AttributePath attribute) {
      return Arrays.stream(covering.get(attribute)).filter(r -> rules.get(r).selector().specificity() > specificity).toArray();
    }

    private Condition anyOf(int[] ruleIndices) {
      return new Condition.AnyOf(Arrays.stream(ruleIndices).mapToObj(r -> rules.get(r).condition()).collect(Collectors.toList()));
    }

    /** Whether rule {@code r} can decide {@code attribute}: its condition holds and no more specific rule's does. */
    private LintConditions.Outcome decides(int r, AttributePath attribute) {
      int[] more = moreSpecific(rules.get(r).selector().specificity(), attribute);
      if (more.length == 0 || satisfiable[r].impossible()) {
        return satisfiable[r];
      }
      return ask("decides " + r + " " + Arrays.toString(more),
          () -> Condition.allOf(rules.get(r).condition(), Condition.not(anyOf(more))));
    }

    private void unowned() {
      Map<String, List<AttributePath>> groups = new LinkedHashMap<>();
      Map<String, LintConditions.Outcome> outcomes = new HashMap<>();
      for (AttributePath a : attributes) {
        int[] cover = covering.get(a);
        String key = Arrays.toString(cover);
        if (cover.length > 0) {
          LintConditions.Outcome nobody = ask("unowned " + key,
              () -> Condition.allOf(Arrays.stream(cover).mapToObj(r -> Condition.not(rules.get(r).condition())).toArray(Condition[]::new)));
          if (nobody.impossible()) {
            continue;
          }
          outcomes.put(key, nobody);
        }
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
      }
      for (Map.Entry<String, List<AttributePath>> group : groups.entrySet()) {
        List<AttributePath> attrs = group.getValue();
        int[] cover = covering.get(attrs.get(0));
        List<String> ids = ids(cover);
        String subject = attrs.size() == 1 ? attrs.get(0).toString() : "the attributes " + names(attrs);
        String message;
        if (cover.length == 0) {
          message = "no rule covers " + subject + ", so nobody owns " + (attrs.size() == 1 ? "it" : "them")
              + "; add a rule for " + (attrs.size() == 1 ? "it" : "them") + ", or a defaults rule for " + type.schemaName() + ".";
        } else {
          LintConditions.Outcome nobody = outcomes.get(group.getKey());
          String rulesText = ruleList(ids);
          message = nobody.undecided()
              ? subject + " may have no owner in some state: the lint could not confirm that the conditions of " + rulesText
                  + " cover every state; add a rule without a condition as the fallback."
              : subject + (attrs.size() == 1 ? " has" : " have") + " no owner "
                  + (nobody.state().isEmpty() ? "in any state of the record" : "when " + nobody.state()) + ": none of the conditions of " + rulesText
                  + " holds then; add a rule for that case, or a rule without a condition as the fallback.";
        }
        findings.add(new LintFinding(LintCode.UNOWNED_ATTRIBUTE, type, address(attrs, cover), ids, message));
      }
    }

    /**
     * Reports, per rule, the earlier rules of its selector it competes with: one finding per rule
     * keeps a policy of many mutually overlapping rules at one finding per rule, not per pair.
     */
    private void overlapping() {
      Map<AttributeSelector, List<Integer>> bySelector = new LinkedHashMap<>();
      for (int r = 0; r < rules.size(); r++) {
        bySelector.computeIfAbsent(rules.get(r).selector(), s -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<AttributeSelector, List<Integer>> group : bySelector.entrySet()) {
        List<Integer> members = group.getValue();
        List<AttributePath> covered = attributes.stream().filter(group.getKey()::covers).collect(Collectors.toList());
        for (int j = 1; j < members.size(); j++) {
          List<Integer> rivals = new ArrayList<>();
          List<String> clashes = new ArrayList<>();
          boolean certain = false;
          for (int i = 0; i < j; i++) {
            String clash = overlap(members.get(i), members.get(j), covered);
            if (clash != null) {
              rivals.add(members.get(i));
              clashes.add(clash);
              certain |= !clash.startsWith("possibly");
            }
          }
          if (!rivals.isEmpty()) {
            report(members.get(j), rivals, clashes, certain);
          }
        }
      }
    }

    /** Returns when the two rules compete ("when /status is ACTIVE", "possibly"), or null if never. */
    private @Nullable String overlap(int first, int second, List<AttributePath> covered) {
      OwnershipRule a = rules.get(first);
      OwnershipRule b = rules.get(second);
      if (a.owner().equals(b.owner())) {
        return null;
      }
      LintConditions.Outcome together = ask("both " + first + " " + second, () -> Condition.allOf(a.condition(), b.condition()));
      if (together.impossible()) {
        return null;
      }
      // Where a more specific rule always wins, the two never compete: look for an attribute where they do.
      LintConditions.@Nullable Outcome where = null;
      @Nullable AttributePath example = null;
      Set<String> tried = new LinkedHashSet<>();
      for (AttributePath attribute : covered) {
        int[] more = moreSpecific(a.selector().specificity(), attribute);
        String key = "both " + first + " " + second + " " + Arrays.toString(more);
        if (!tried.add(key)) {
          continue;
        }
        LintConditions.Outcome o = more.length == 0 ? together
            : ask(key, () -> Condition.allOf(a.condition(), b.condition(), Condition.not(anyOf(more))));
        if (o.found()) {
          where = o;
          example = attribute;
          break;
        }
        if (o.undecided() && where == null) {
          where = o;
          example = attribute;
        }
      }
      if (where == null) {
        return null;
      }
      String at = isDefaults(a) || a.selector() instanceof AttributeSelector.Subtree ? ", for example at " + example : "";
      return where.undecided() ? "possibly" + at : when(where) + at;
    }

    private void report(int rule, List<Integer> rivals, List<String> clashes, boolean certain) {
      OwnershipRule r = rules.get(rule);
      String subject = isDefaults(r) ? type.schemaName() + " attributes no more specific rule decides" : r.selector().toString();
      List<String> ids = new ArrayList<>();
      rivals.forEach(i -> ids.add(rules.get(i).id()));
      ids.add(r.id());
      String message;
      if (rivals.size() == 1) {
        OwnershipRule a = rules.get(rivals.get(0));
        String owners = "rules " + a.id() + " (owner " + a.owner() + ") and " + r.id() + " (owner " + r.owner() + ")";
        message = certain
            ? owners + " both apply to " + subject + " " + clashes.get(0) + ", so two systems would own it; make the conditions exclusive, or give them one owner."
            : owners + " may both apply to " + subject + ": the lint could not rule out a state in which both conditions hold; make the conditions exclusive, or give them one owner.";
      } else {
        List<String> with = new ArrayList<>();
        for (int k = 0; k < rivals.size() && k < NAMED; k++) {
          OwnershipRule a = rules.get(rivals.get(k));
          with.add(a.id() + " (owner " + a.owner() + ") " + clashes.get(k));
        }
        String more = rivals.size() > NAMED ? " and " + (rivals.size() - NAMED) + " more rules" : "";
        message = "rule " + r.id() + " (owner " + r.owner() + ") " + (certain ? "" : "may ") + "appl" + (certain ? "ies" : "y")
            + " to " + subject + " together with " + rivals.size() + " rules of other owners: " + String.join("; ", with) + more
            + ". Two systems would own it then; make the conditions exclusive, or give the rules one owner.";
      }
      findings.add(new LintFinding(LintCode.OVERLAPPING_OWNERS, type, attributeOf(r), ids, message));
    }

    private void unreachable() {
      for (int r = 0; r < rules.size(); r++) {
        OwnershipRule rule = rules.get(r);
        if (satisfiable[r].impossible()) {
          List<String> why = conditions.impossibleValues(rule.condition());
          findings.add(new LintFinding(LintCode.UNREACHABLE_RULE, type, attributeOf(rule), List.of(rule.id()),
              "rule " + rule.id() + " can never apply: no record satisfies its condition " + rule.condition().describe()
                  + (why.isEmpty() ? "" : ": " + String.join("; ", why)) + "; correct the condition or remove the rule."));
        } else if (!isDefaults(rule)) {
          beaten(r);
        }
      }
    }

    private void beaten(int r) {
      OwnershipRule rule = rules.get(r);
      Set<Integer> winners = new TreeSet<>();
      boolean coversAny = false;
      for (AttributePath attribute : attributes) {
        if (!rule.selector().covers(attribute)) {
          continue;
        }
        coversAny = true;
        if (!decides(r, attribute).impossible()) {
          return;
        }
        Arrays.stream(moreSpecific(rule.selector().specificity(), attribute)).forEach(winners::add);
      }
      if (!coversAny) {
        return;
      }
      List<String> winnerIds = winners.stream().map(w -> rules.get(w).id()).collect(Collectors.toList());
      List<String> ids = new ArrayList<>();
      ids.add(rule.id());
      ids.addAll(winnerIds);
      findings.add(new LintFinding(LintCode.UNREACHABLE_RULE, type, attributeOf(rule), ids,
          "rule " + rule.id() + " never decides anything: wherever its condition holds, the more specific "
              + ruleList(winnerIds)
              + " win for every attribute it covers; remove it, or narrow the more specific rules."));
    }

    private void syncCycles() {
      Map<List<Object>, List<AttributePath>> groups = new LinkedHashMap<>();
      Map<List<Object>, Cycle> cycles = new HashMap<>();
      for (AttributePath attribute : attributes) {
        Map<String, Map<String, Set<Integer>>> edges = new TreeMap<>();
        for (int r : covering.get(attribute)) {
          if (decides(r, attribute).impossible()) {
            continue;
          }
          OwnershipRule rule = rules.get(r);
          for (String target : rule.syncTargets()) {
            edges.computeIfAbsent(rule.owner(), o -> new TreeMap<>()).computeIfAbsent(target, t -> new TreeSet<>()).add(r);
          }
        }
        for (Cycle cycle : cycles(edges)) {
          if (!canHoldTogether(cycle, edges)) {
            continue; // e.g. crm -> erp while PROSPECT, erp -> crm once ACTIVE: one direction at a time
          }
          List<Object> key = List.of(cycle.systems, cycle.rules);
          cycles.putIfAbsent(key, cycle);
          groups.computeIfAbsent(key, k -> new ArrayList<>()).add(attribute);
        }
      }
      for (Map.Entry<List<Object>, List<AttributePath>> group : groups.entrySet()) {
        Cycle cycle = cycles.get(group.getKey());
        List<AttributePath> attrs = group.getValue();
        int[] involved = cycle.rules.stream().mapToInt(Integer::intValue).toArray();
        String subject = attrs.size() == 1 ? attrs.get(0).toString() : "the attributes " + names(attrs);
        String circle = String.join(" -> ", cycle.systems);
        String message;
        if (cycle.systems.size() == 2) {
          message = subject + (attrs.size() == 1 ? " is" : " are") + " synced back to " + (attrs.size() == 1 ? "its" : "their") + " own owner (" + circle + "): " + String.join(", ", cycle.steps)
              + "; remove " + cycle.systems.get(0) + " from the sync targets.";
        } else {
          message = subject + " can be synced in a circle, " + circle + ": " + String.join(", ", cycle.steps)
              + "; a change can travel back to the system it came from, so drop one of these sync targets.";
        }
        findings.add(new LintFinding(LintCode.SYNC_CYCLE, type, address(attrs, involved), ids(involved), message));
      }
    }

    /**
     * Whether some choice of one rule per edge of the circle can apply at the same time. Edges
     * from states that exclude each other (ownership handed over on a lifecycle change) never
     * send a value around: at any moment it flows one way. Undecided counts as possible.
     */
    private boolean canHoldTogether(Cycle cycle, Map<String, Map<String, Set<Integer>>> edges) {
      List<List<Integer>> choices = new ArrayList<>();
      for (int i = 0; i + 1 < cycle.systems.size(); i++) {
        choices.add(new ArrayList<>(edges.get(cycle.systems.get(i)).get(cycle.systems.get(i + 1))));
      }
      return anyTogether(choices, 0, new ArrayList<>(), new int[] {64});
    }

    private boolean anyTogether(List<List<Integer>> choices, int at, List<Condition> chosen, int[] budget) {
      if (at == choices.size()) {
        if (--budget[0] < 0) {
          return true; // too many combinations to judge: report, as the lint always did
        }
        Condition all = chosen.size() == 1 ? chosen.get(0) : Condition.allOf(chosen.toArray(Condition[]::new));
        return !conditions.find(all).impossible();
      }
      for (int r : choices.get(at)) {
        chosen.add(rules.get(r).condition());
        boolean together = anyTogether(choices, at + 1, chosen, budget);
        chosen.remove(chosen.size() - 1);
        if (together) {
          return true;
        }
      }
      return false;
    }

    /** One circle of the sync graph: the systems with the first repeated last, the rules of its edges. */
    private static final class Cycle {
      final List<String> systems;
      final List<Integer> rules;
      final List<String> steps;

      Cycle(List<String> systems, List<Integer> rules, List<String> steps) {
        this.systems = systems;
        this.rules = rules;
        this.steps = steps;
      }
    }

    /** Returns each self-loop, and one shortest circle per strongly connected group of systems, smallest system first. */
    private List<Cycle> cycles(Map<String, Map<String, Set<Integer>>> edges) {
      List<Cycle> out = new ArrayList<>();
      Set<String> done = new TreeSet<>();
      for (String start : edges.keySet()) {
        Map<String, Set<Integer>> out0 = edges.get(start);
        if (out0.containsKey(start)) {
          out.add(cycle(List.of(start, start), edges));
        }
        if (done.contains(start)) {
          continue;
        }
        List<String> path = shortestReturn(start, edges);
        if (path != null) {
          out.add(cycle(path, edges));
          done.addAll(reachableBothWays(start, edges));
        }
      }
      return out;
    }

    private Cycle cycle(List<String> systems, Map<String, Map<String, Set<Integer>>> edges) {
      Set<Integer> involved = new TreeSet<>();
      List<String> steps = new ArrayList<>();
      for (int i = 0; i + 1 < systems.size(); i++) {
        Set<Integer> by = edges.get(systems.get(i)).get(systems.get(i + 1));
        involved.addAll(by);
        List<String> ids = by.stream().map(r -> rules.get(r).id()).collect(Collectors.toList());
        steps.add(systems.get(i) + " syncs to " + systems.get(i + 1) + " by " + (ids.size() == 1 ? "rule " : "rules ") + String.join(", ", ids));
      }
      return new Cycle(List.copyOf(systems), List.copyOf(involved), List.copyOf(steps));
    }

    /** A shortest path start -> ... -> start through other systems, or null. */
    private static @Nullable List<String> shortestReturn(String start, Map<String, Map<String, Set<Integer>>> edges) {
      Map<String, String> parent = new HashMap<>();
      Deque<String> queue = new ArrayDeque<>();
      for (String next : edges.getOrDefault(start, Map.of()).keySet()) {
        if (!next.equals(start) && !parent.containsKey(next)) {
          parent.put(next, start);
          queue.add(next);
        }
      }
      while (!queue.isEmpty()) {
        String at = queue.remove();
        for (String next : edges.getOrDefault(at, Map.of()).keySet()) {
          if (next.equals(start)) {
            List<String> path = new ArrayList<>();
            path.add(start);
            for (String s = at; !s.equals(start); s = parent.get(s)) {
              path.add(1, s);
            }
            path.add(start);
            return path;
          }
          if (!parent.containsKey(next)) {
            parent.put(next, at);
            queue.add(next);
          }
        }
      }
      return null;
    }

    private static Set<String> reachableBothWays(String start, Map<String, Map<String, Set<Integer>>> edges) {
      Set<String> forward = reach(start, edges);
      Set<String> both = new TreeSet<>();
      for (String s : forward) {
        if (reach(s, edges).contains(start)) {
          both.add(s);
        }
      }
      return both;
    }

    private static Set<String> reach(String start, Map<String, Map<String, Set<Integer>>> edges) {
      Set<String> seen = new TreeSet<>();
      Deque<String> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        for (String next : edges.getOrDefault(queue.remove(), Map.of()).keySet()) {
          if (seen.add(next)) {
            queue.add(next);
          }
        }
      }
      return seen;
    }

    private int[] indices(IntPredicate which) {
      return IntStream.range(0, rules.size()).filter(which).toArray();
    }

    private List<String> ids(int[] ruleIndices) {
      return Arrays.stream(ruleIndices).mapToObj(r -> rules.get(r).id()).collect(Collectors.toList());
    }

    /**
     * The attribute a finding about {@code attrs} names: the attribute itself if there is one,
     * else the selector every involved rule shares (a subtree), else none; the message names them.
     */
    private Optional<String> address(List<AttributePath> attrs, int[] involved) {
      if (attrs.size() == 1) {
        return Optional.of(attrs.get(0).toString());
      }
      Set<AttributeSelector> selectors = Arrays.stream(involved).mapToObj(r -> rules.get(r).selector()).collect(Collectors.toSet());
      if (selectors.size() == 1 && selectors.iterator().next() != AttributeSelector.Defaults.INSTANCE) {
        return Optional.of(selectors.iterator().next().toString());
      }
      return Optional.empty();
    }
  }
}
