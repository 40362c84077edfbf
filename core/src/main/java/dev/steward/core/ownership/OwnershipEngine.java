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
import java.util.TreeMap;
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
    boolean creating = golden == null;
    JsonNode state = creating ? change.incoming() : golden;
    String source = change.source();

    List<Leaf> leaves = new ArrayList<>();
    collectObject(entity.root(), change.incoming(), golden, new StringBuilder(), leaves, true, false);

    boolean mayCreate = !creating || mayOriginate(entity, state, source);
    OwnershipRule creationRule = mayCreate ? null : firstDefault(entity, state);
    List<AttributeDecision> decisions = new ArrayList<>(leaves.size());
    for (Leaf leaf : leaves) {
      decisions.add(decideLeaf(leaf, state, change, mayCreate, creationRule, List.of()));
    }

    // The merged record shares what the change leaves alone with the golden record.
    JsonPatching.CopyOnWrite cow = new JsonPatching.CopyOnWrite(golden);
    ObjectNode merged = cow.root();
    boolean[] applied = new boolean[leaves.size()];
    List<String> appliedPointers = new ArrayList<>();
    boolean listsTouched = false;
    boolean removals = false;
    // Whether an applied value is one conditions read; gap withdrawals never change it, since
    // conditions read no list elements.
    boolean conditionValuesApplied = false;
    // Accepted values that move the record into another state (its lifecycle, its legal entity)
    // change who owns the rest: the values not yet accepted are judged again in the state the
    // accepted ones lead to, until nothing more is accepted. Each value is thus judged in a state
    // the record passes through, its decision says after which values, and the same change applied
    // again accepts nothing more.
    for (int round = 0; round <= leaves.size(); round++) {
      boolean stateMoved = false;
      boolean appliedNow = false;
      for (int i = 0; i < leaves.size(); i++) {
        if (!applied[i] && decisions.get(i).outcome().applies()) {
          Leaf leaf = leaves.get(i);
          cow.apply(leaf.pointer, leaf.after, change.incoming());
          applied[i] = true;
          appliedNow = true;
          removals |= leaf.after == null;
          appliedPointers.add(leaf.pointer);
          listsTouched |= leaf.inList;
          boolean readByConditions = entity.conditionReads(leaf.attribute());
          stateMoved |= readByConditions;
          conditionValuesApplied |= readByConditions;
        }
      }
      // A creation is judged first on the record as sent; what that refuses is judged again on
      // the record as it is created, the state the same change would be judged on next time.
      stateMoved |= round == 0 && creating && appliedNow;
      if (!stateMoved || !mayCreate || (change.strict() && anyRefused(decisions))) {
        break; // a refused strict change applies nothing: the state it would lead to is never reached
      }
      List<String> judgedAfter = List.copyOf(appliedPointers);
      boolean more = false;
      for (int i = 0; i < leaves.size(); i++) {
        if (!applied[i] && decisions.get(i).outcome() != Outcome.UNCHANGED) {
          AttributeDecision again = decideLeaf(leaves.get(i), merged, change, true, null, judgedAfter);
          decisions.set(i, again);
          more |= again.outcome().applies();
        }
      }
      if (!more) {
        break;
      }
    }
    if (listsTouched) {
      closeGaps(leaves, decisions, applied, cow, golden);
    }
    boolean apply = any(applied) && !(change.strict() && anyRefused(decisions));
    SyncPlan plan = SyncPlan.empty();
    List<Handover> handovers = List.of();
    JsonNode result;
    if (apply) {
      if (removals) {
        cow.compact();
      }
      plan = plan(decisions, leaves, merged, source);
      handovers = creating || !conditionValuesApplied ? List.of() : handovers(entity, golden, merged);
      result = merged;
    } else {
      result = creating ? NODES.objectNode() : golden.deepCopy();
    }
    return new OwnershipDecision(
        policy.id(), policy.version(), policy.fingerprint(), change.entityType(), source, clock.instant(),
        decisions, result, apply, plan, handovers);
  }

  /**
   * Withdraws the accepted values that would leave a gap in a list: those in new elements after
   * an element that stays empty, and the last of the removals that would empty an element later
   * ones still follow (the element then keeps that value). The same change applied again thus
   * meets the same gap and changes nothing more.
   */
  private static void closeGaps(
      List<Leaf> leaves, List<AttributeDecision> decisions, boolean[] applied, JsonPatching.CopyOnWrite merged,
      @Nullable JsonNode golden) {
    JsonNode shape = golden == null ? NODES.objectNode() : golden;
    for (int pass = 0; pass <= leaves.size(); pass++) {
      merged.compact();
      List<String> gaps = JsonPatching.gaps(merged.root());
      boolean withdrew = false;
      for (String gap : gaps) {
        int cut = gap.lastIndexOf('/');
        String list = gap.substring(0, cut);
        int k = Integer.parseInt(gap.substring(cut + 1));
        JsonNode was = golden == null ? null : golden.at(list);
        boolean existed = was != null && was.isArray() && k < was.size();
        // An element the golden record has, emptied by this change's removals, keeps its last
        // value; new elements after one left empty are not added.
        int lastRemoval = -1;
        for (int i = 0; existed && i < leaves.size(); i++) {
          if (applied[i] && leaves.get(i).after == null && elementIndex(leaves.get(i).pointer, list) == k) {
            lastRemoval = i;
          }
        }
        for (int i = 0; i < leaves.size(); i++) {
          Leaf leaf = leaves.get(i);
          boolean withdraw = existed ? i == lastRemoval : applied[i] && elementIndex(leaf.pointer, list) > k;
          if (withdraw) {
            merged.apply(leaf.pointer, leaf.before, shape);
            applied[i] = false;
            AttributeDecision d = decisions.get(i);
            decisions.set(i, new AttributeDecision(d.pointer(), d.attribute(), Outcome.REJECTED_LIST_GAP, d.rule(),
                d.source(), d.before(), d.after(), null, null, d.judgedAfter(), gap));
            withdrew = true;
          }
        }
      }
      if (!withdrew) {
        return; // no gap, or one the golden record had already
      }
    }
  }

  /** Returns the index of the element of {@code list} that {@code pointer} lies in, or -1. */
  private static int elementIndex(String pointer, String list) {
    if (!pointer.startsWith(list) || pointer.length() <= list.length() + 1 || pointer.charAt(list.length()) != '/') {
      return -1;
    }
    int from = list.length() + 1;
    int to = pointer.indexOf('/', from);
    String segment = pointer.substring(from, to < 0 ? pointer.length() : to);
    for (int i = 0; i < segment.length(); i++) {
      if (!Character.isDigit(segment.charAt(i))) {
        return -1;
      }
    }
    return segment.isEmpty() ? -1 : Integer.parseInt(segment);
  }

  private static boolean any(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
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
      Leaf leaf, JsonNode state, ChangeRequest change, boolean mayCreate, @Nullable OwnershipRule creationRule,
      List<String> judgedAfter) {
    String source = change.source();
    if (!mayCreate) {
      return decision(leaf, Outcome.REJECTED_NOT_ORIGINATOR, creationRule, source, null, judgedAfter);
    }
    OwnershipRule rule = leaf.node.resolve(state);
    if (JsonPatching.same(leaf.before, leaf.after)) {
      return decision(leaf, Outcome.UNCHANGED, rule, source, null, judgedAfter);
    }
    if (rule == null) {
      return decision(leaf, Outcome.REJECTED_NOT_OWNER, null, source, null, judgedAfter);
    }
    boolean creating = change.golden().isEmpty();
    Outcome outcome;
    if (source.equals(rule.owner()) || (creating && rule.originators().contains(source))) {
      outcome = Outcome.ACCEPTED;
    } else if (rule.proposers().contains(source)) {
      outcome = Outcome.PROPOSED;
    } else {
      return decision(leaf, Outcome.REJECTED_NOT_OWNER, rule, source, null, judgedAfter);
    }
    ChangeRequest.AttributeChange last = change.history().get(leaf.pointer);
    if (last != null
        && change.baseVersion().isPresent()
        && last.version() > change.baseVersion().get()
        && !last.system().equals(source)) {
      return decision(leaf, Outcome.CONFLICT, rule, source, last, judgedAfter);
    }
    return decision(leaf, outcome, rule, source, null, judgedAfter);
  }

  private static AttributeDecision decision(
      Leaf leaf, Outcome outcome, @Nullable OwnershipRule rule, String source,
      ChangeRequest.@Nullable AttributeChange last, List<String> judgedAfter) {
    return new AttributeDecision(
        leaf.pointer, leaf.attribute(), outcome, rule, source, leaf.before, leaf.after,
        last == null ? null : last.version(), last == null ? null : last.system(), judgedAfter, null);
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
    TreeMap<String, TreeSet<String>> plan = new TreeMap<>();
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
    return SyncPlan.ofSorted(plan);
  }

  private static List<Handover> handovers(CompiledEntity entity, JsonNode golden, JsonNode merged) {
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
      Node node, JsonNode incoming, @Nullable JsonNode golden, StringBuilder at, List<Leaf> out, boolean root,
      boolean inList) {
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
      visit(child, e.getValue(), golden == null ? null : golden.get(name), at, out, inList);
      at.setLength(mark);
    }
  }

  private static void visit(
      Node node, JsonNode value, @Nullable JsonNode golden, StringBuilder at, List<Leaf> out, boolean inList) {
    if (out.size() > MAX_VALUES_PER_CHANGE) {
      throw new OwnershipException(OwnershipException.Reason.TOO_LARGE, "",
          "the change carries more than " + MAX_VALUES_PER_CHANGE + " values");
    }
    if (node.attribute() != null) {
      String pointer = node.fixedPointer() != null ? node.fixedPointer() : at.toString();
      out.add(new Leaf(pointer, node, missingAsNull(golden), value.isNull() ? null : value, inList));
    } else if (value.isNull()) {
      removeAll(node, golden, at, out, inList);
    } else if (value.isObject()) {
      collectObject(node, value, golden, at, out, false, inList);
    } else if (value.isArray()) {
      Node element = node.any();
      if (element == null) {
        throw new OwnershipException(OwnershipException.Reason.WRONG_SHAPE, at.toString(),
            at + " holds a list, but the attribute there is not one");
      }
      int mark = at.length();
      for (int i = 0; i < value.size(); i++) {
        at.append('/').append(i);
        visit(element, value.get(i), golden == null ? null : golden.get(i), at, out, true);
        at.setLength(mark);
      }
      for (int i = value.size(); golden != null && golden.isArray() && i < golden.size(); i++) {
        at.append('/').append(i);
        removeAll(element, golden.get(i), at, out, true); // a list is replaced whole: what it lost is removed
        at.setLength(mark);
      }
    } else {
      throw new OwnershipException(OwnershipException.Reason.WRONG_SHAPE, at.toString(),
          at + " holds " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value
              + ", where an object or list belongs");
    }
  }

  private static void removeAll(Node node, @Nullable JsonNode golden, StringBuilder at, List<Leaf> out, boolean inList) {
    if (golden == null || golden.isNull() || golden.isMissingNode()) {
      return;
    }
    if (node.attribute() != null) {
      out.add(new Leaf(at.toString(), node, golden, null, inList));
      return;
    }
    int mark = at.length();
    if (golden.isArray() && node.any() != null) {
      for (int i = 0; i < golden.size(); i++) {
        at.append('/').append(i);
        removeAll(node.any(), golden.get(i), at, out, true);
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
          removeAll(child, e.getValue(), at, out, inList);
          at.setLength(mark);
        }
      }
    }
  }

  private static @Nullable JsonNode missingAsNull(@Nullable JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node;
  }

  /** One value the change touches: where, which attribute, before and after, and whether it lies in a list. */
  private record Leaf(String pointer, Node node, @Nullable JsonNode before, @Nullable JsonNode after, boolean inList) {
    AttributePath attribute() {
      return Objects.requireNonNull(node.attribute());
    }
  }
}
