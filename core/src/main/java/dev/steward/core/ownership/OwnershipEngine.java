package dev.steward.core.ownership;

import dev.steward.core.ownership.internal.CompiledEntity;
import dev.steward.core.ownership.internal.CompiledEntity.Node;
import dev.steward.core.ownership.internal.JsonPatching;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityType;
import dev.steward.model.JsonPointers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Enforces an {@link OwnershipPolicy} on changes: decides every changed value, merges what the
 * source owns into the golden record, plans where it goes next, and explains who owns what.
 *
 * <p>The policy is compiled once, when the engine is made. Conditions are judged on the golden
 * record (on the incoming values when the change creates the entity); a change that moves the
 * record into a state where another system owns an attribute records a {@link Handover}. Unless
 * the change is {@linkplain ChangeRequest#strict() strict}, every value is decided on its own:
 * accepted values are applied even when others are refused.
 *
 * <p>Obtain one with {@link #of(OwnershipPolicy, Clock)}. Immutable and thread-safe.
 */
public final class OwnershipEngine {
  /** The most values one change may carry; far beyond any canonical record. */
  public static final int MAX_VALUES_PER_CHANGE = 100_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final OwnershipPolicy policy;
  private final Clock clock;
  private final Map<EntityType, CompiledEntity> compiled = new EnumMap<>(EntityType.class);

  private OwnershipEngine(OwnershipPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
    for (EntityType type : policy.entityTypes()) {
      compiled.put(type, new CompiledEntity(type, policy.rules(type)));
    }
  }

  /** Returns an engine enforcing {@code policy}, reading decision times from {@code clock}. */
  public static OwnershipEngine of(OwnershipPolicy policy, Clock clock) {
    return new OwnershipEngine(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(clock, "clock"));
  }

  /** Returns the policy enforced. */
  public OwnershipPolicy policy() {
    return policy;
  }

  /**
   * Decides a change.
   *
   * @throws OwnershipException if the change names something that is no attribute of the entity,
   *     has the wrong shape, is too large, or the policy has no rules for the entity type
   */
  public OwnershipDecision decide(ChangeRequest change) {
    CompiledEntity entity = compiledFor(change.entityType());
    @Nullable JsonNode golden = change.golden().orElse(null);
    JsonNode state = golden != null ? golden : change.incoming();
    String source = change.source();

    List<Leaf> leaves = new ArrayList<>();
    collectObject(entity.root(), change.incoming(), golden, new StringBuilder(), leaves, true);

    boolean mayCreate = golden != null || mayOriginate(entity, state, source);
    OwnershipRule creationRule = golden == null && !mayCreate ? firstDefault(entity, state) : null;
    List<AttributeDecision> decisions = new ArrayList<>(leaves.size());
    for (Leaf leaf : leaves) {
      decisions.add(decideLeaf(leaf, state, change, mayCreate, creationRule));
    }

    JsonNode merged = golden != null ? golden.deepCopy() : NODES.objectNode();
    boolean[] applied = new boolean[leaves.size()];
    // Accepted values that move the record into another state (its lifecycle, its legal entity)
    // change who owns the rest; the values not yet accepted are judged again in the new state,
    // until nothing changes. The decision thus depends on where the change leads, and applying
    // the same change again changes nothing more.
    for (int round = 0; round <= leaves.size(); round++) {
      boolean stateMoved = false;
      for (int i = 0; i < leaves.size(); i++) {
        if (!applied[i] && decisions.get(i).outcome().applies()) {
          JsonPatching.apply((ObjectNode) merged, leaves.get(i).pointer, leaves.get(i).after, change.incoming());
          applied[i] = true;
          stateMoved |= entity.conditionReads(decisions.get(i).attribute());
        }
      }
      boolean strictlyRefused = change.strict() && anyRefused(decisions);
      if (!stateMoved || !mayCreate || strictlyRefused) {
        break; // a refused strict change applies nothing: the state it would lead to is never reached
      }
      boolean more = false;
      for (int i = 0; i < leaves.size(); i++) {
        Outcome was = decisions.get(i).outcome();
        if (!applied[i] && was != Outcome.UNCHANGED) {
          AttributeDecision again = decideLeaf(leaves.get(i), merged, change, true, null);
          decisions.set(i, again);
          more |= again.outcome().applies();
        }
      }
      if (!more) {
        break;
      }
    }
    boolean anyApplied = false;
    for (boolean a : applied) {
      anyApplied |= a;
    }
    boolean apply = anyApplied && !(change.strict() && anyRefused(decisions));
    SyncPlan plan = SyncPlan.of(Map.of());
    List<Handover> handovers = List.of();
    if (apply) {
      JsonPatching.compact(merged);
      plan = plan(decisions, leaves, merged, source);
      handovers = golden != null ? handovers(entity, decisions, golden, merged) : List.of();
    } else {
      merged = golden != null ? golden.deepCopy() : NODES.objectNode();
    }
    return new OwnershipDecision(
        policy.id(), policy.version(), policy.fingerprint(), change.entityType(), source, clock.instant(),
        decisions, merged, apply, plan, handovers);
  }

  /**
   * Explains who owns an attribute of a record, and why.
   *
   * @param type the entity type
   * @param attributeOrPointer an attribute ({@code /billingAddress/country}, <code>/lines/&#42;/quantity</code>)
   *     or a concrete pointer into the record ({@code /lines/2/quantity})
   * @param record the record's canonical JSON, whose state the conditions are judged on
   * @throws OwnershipException if the path is no attribute of the entity or the policy has no
   *     rules for the entity type
   */
  public Explanation explain(EntityType type, String attributeOrPointer, JsonNode record) {
    CompiledEntity entity = compiledFor(type);
    AttributeCatalog catalog = AttributeCatalog.of(type);
    AttributePath attribute = attributeNamed(catalog, attributeOrPointer)
        .orElseThrow(() -> new OwnershipException(OwnershipException.Reason.UNKNOWN_ATTRIBUTE, attributeOrPointer,
            "'" + attributeOrPointer + "' is no attribute of " + type));
    Node node = Objects.requireNonNull(entity.node(attribute));
    List<Explanation.Considered> considered = new ArrayList<>();
    for (OwnershipRule rule : node.candidates()) {
      considered.add(new Explanation.Considered(rule, rule.condition().test(record)));
    }
    return new Explanation(attribute, Optional.ofNullable(node.resolve(record)), considered);
  }

  /** Explains who owns an attribute of a canonical record. */
  public Explanation explain(CanonicalEntity record, String attributeOrPointer, dev.steward.model.CanonicalJson json) {
    return explain(record.entityType(), attributeOrPointer, json.toTree(record));
  }

  private static Optional<AttributePath> attributeNamed(AttributeCatalog catalog, String text) {
    try {
      AttributePath path = AttributePath.parse(text);
      if (catalog.contains(path)) {
        return Optional.of(path);
      }
    } catch (IllegalArgumentException notAPath) {
      return Optional.empty();
    }
    return catalog.attributeAt(text);
  }

  private CompiledEntity compiledFor(EntityType type) {
    CompiledEntity entity = compiled.get(type);
    if (entity == null) {
      throw new OwnershipException(OwnershipException.Reason.NO_RULES, "",
          "ownership policy " + policy.id() + " " + policy.version() + " has no rules for " + type);
    }
    return entity;
  }

  private AttributeDecision decideLeaf(
      Leaf leaf, JsonNode state, ChangeRequest change, boolean mayCreate, @Nullable OwnershipRule creationRule) {
    String source = change.source();
    if (!mayCreate) {
      return decision(leaf, Outcome.REJECTED_NOT_ORIGINATOR, creationRule, source, null);
    }
    OwnershipRule rule = leaf.node.resolve(state);
    if (JsonPatching.same(leaf.before, leaf.after)) {
      return decision(leaf, Outcome.UNCHANGED, rule, source, null);
    }
    if (rule == null) {
      return decision(leaf, Outcome.REJECTED_NOT_OWNER, null, source, null);
    }
    boolean creating = change.golden().isEmpty();
    Outcome outcome;
    if (source.equals(rule.owner()) || (creating && rule.originators().contains(source))) {
      outcome = Outcome.ACCEPTED;
    } else if (rule.proposers().contains(source)) {
      outcome = Outcome.PROPOSED;
    } else {
      return decision(leaf, Outcome.REJECTED_NOT_OWNER, rule, source, null);
    }
    ChangeRequest.AttributeChange last = change.history().get(leaf.pointer);
    if (last != null
        && change.baseVersion().isPresent()
        && last.version() > change.baseVersion().get()
        && !last.system().equals(source)) {
      return decision(leaf, Outcome.CONFLICT, rule, source, last);
    }
    return decision(leaf, outcome, rule, source, null);
  }

  private static AttributeDecision decision(
      Leaf leaf, Outcome outcome, @Nullable OwnershipRule rule, String source, ChangeRequest.@Nullable AttributeChange last) {
    return new AttributeDecision(
        leaf.pointer, Objects.requireNonNull(leaf.node.attribute()), outcome, rule, source, leaf.before, leaf.after,
        last == null ? null : last.version(), last == null ? null : last.system());
  }

  private static boolean anyRefused(List<AttributeDecision> decisions) {
    for (AttributeDecision d : decisions) {
      if (d.outcome().refuses()) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayOriginate(CompiledEntity entity, JsonNode state, String source) {
    for (OwnershipRule rule : entity.defaults()) {
      if (rule.condition().test(state) && (rule.owner().equals(source) || rule.originators().contains(source))) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable OwnershipRule firstDefault(CompiledEntity entity, JsonNode state) {
    for (OwnershipRule rule : entity.defaults()) {
      if (rule.condition().test(state)) {
        return rule;
      }
    }
    return entity.defaults().isEmpty() ? null : entity.defaults().get(0);
  }

  private static SyncPlan plan(List<AttributeDecision> decisions, List<Leaf> leaves, JsonNode merged, String source) {
    Map<String, Set<String>> plan = new LinkedHashMap<>();
    for (int i = 0; i < decisions.size(); i++) {
      if (!decisions.get(i).outcome().applies()) {
        continue;
      }
      OwnershipRule after = leaves.get(i).node.resolve(merged);
      if (after == null) {
        continue;
      }
      for (String target : after.syncTargets()) {
        if (!target.equals(source)) {
          plan.computeIfAbsent(target, t -> new TreeSet<>()).add(leaves.get(i).pointer);
        }
      }
    }
    return SyncPlan.of(plan);
  }

  private static List<Handover> handovers(CompiledEntity entity, List<AttributeDecision> decisions, JsonNode golden, JsonNode merged) {
    boolean stateMoved = decisions.stream().anyMatch(d -> d.outcome().applies() && entity.conditionReads(d.attribute()));
    if (!stateMoved) {
      return List.of();
    }
    List<Handover> out = new ArrayList<>();
    for (Node node : entity.attributes()) {
      OwnershipRule before = node.resolve(golden);
      OwnershipRule after = node.resolve(merged);
      if (before != null && after != null && !before.owner().equals(after.owner())) {
        out.add(new Handover(Objects.requireNonNull(node.attribute()), before, after));
      }
    }
    return out;
  }

  // Walks the incoming patch and the attribute trie side by side; absent means unchanged.
  private static void collectObject(
      Node node, JsonNode incoming, @Nullable JsonNode golden, StringBuilder at, List<Leaf> out, boolean root) {
    for (Map.Entry<String, JsonNode> e : incoming.properties()) {
      String name = e.getKey();
      if (root && name.equals("meta")) {
        continue; // governance metadata: Steward's, not an attribute
      }
      if (root && name.equals("extensions") && e.getValue().size() > CanonicalEntity.MAX_EXTENSIONS) {
        throw new OwnershipException(OwnershipException.Reason.TOO_LARGE, "/extensions",
            "the change carries " + e.getValue().size() + " extension keys; an entity holds at most "
                + CanonicalEntity.MAX_EXTENSIONS);
      }
      Node child = node.child(name);
      int mark = at.length();
      at.append('/').append(JsonPointers.escape(name));
      if (child == null) {
        child = node.any();
        if (child == null) {
          throw new OwnershipException(OwnershipException.Reason.UNKNOWN_ATTRIBUTE, at.toString(),
              "the change sets " + at + ", which is no attribute of the entity");
        }
      }
      visit(child, e.getValue(), golden == null ? null : golden.get(name), at, out);
      at.setLength(mark);
    }
  }

  private static void visit(Node node, JsonNode value, @Nullable JsonNode golden, StringBuilder at, List<Leaf> out) {
    if (out.size() > MAX_VALUES_PER_CHANGE) {
      throw new OwnershipException(OwnershipException.Reason.TOO_LARGE, "",
          "the change carries more than " + MAX_VALUES_PER_CHANGE + " values");
    }
    if (node.attribute() != null) {
      out.add(new Leaf(at.toString(), node, missingAsNull(golden), value.isNull() ? null : value));
    } else if (value.isNull()) {
      removeAll(node, golden, at, out);
    } else if (value.isObject()) {
      collectObject(node, value, golden, at, out, false);
    } else if (value.isArray()) {
      Node element = node.any();
      if (element == null) {
        throw new OwnershipException(OwnershipException.Reason.WRONG_SHAPE, at.toString(),
            at + " holds a list, but the attribute there is not one");
      }
      int mark = at.length();
      for (int i = 0; i < value.size(); i++) {
        at.append('/').append(i);
        visit(element, value.get(i), golden == null ? null : golden.get(i), at, out);
        at.setLength(mark);
      }
      for (int i = value.size(); golden != null && golden.isArray() && i < golden.size(); i++) {
        at.append('/').append(i);
        removeAll(element, golden.get(i), at, out); // a list is replaced whole: what it lost is removed
        at.setLength(mark);
      }
    } else {
      throw new OwnershipException(OwnershipException.Reason.WRONG_SHAPE, at.toString(),
          at + " holds " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value
              + ", where an object or list belongs");
    }
  }

  private static void removeAll(Node node, @Nullable JsonNode golden, StringBuilder at, List<Leaf> out) {
    if (golden == null || golden.isNull() || golden.isMissingNode()) {
      return;
    }
    if (node.attribute() != null) {
      out.add(new Leaf(at.toString(), node, golden, null));
      return;
    }
    int mark = at.length();
    if (golden.isArray() && node.any() != null) {
      for (int i = 0; i < golden.size(); i++) {
        at.append('/').append(i);
        removeAll(node.any(), golden.get(i), at, out);
        at.setLength(mark);
      }
    } else if (golden.isObject()) {
      for (Map.Entry<String, JsonNode> e : golden.properties()) {
        Node child = node.child(e.getKey());
        if (child == null) {
          child = node.any();
        }
        if (child != null) {
          at.append('/').append(JsonPointers.escape(e.getKey()));
          removeAll(child, e.getValue(), at, out);
          at.setLength(mark);
        }
      }
    }
  }

  private static @Nullable JsonNode missingAsNull(@Nullable JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node;
  }

  /** One value the change touches: where, which attribute, before and after. */
  private record Leaf(String pointer, Node node, @Nullable JsonNode before, @Nullable JsonNode after) {}
}
