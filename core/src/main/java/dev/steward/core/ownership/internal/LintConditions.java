package dev.steward.core.ownership.internal;

import dev.steward.core.ownership.Condition;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.EntityType;
import dev.steward.model.Money;
import dev.steward.model.Period;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Answers, for the ownership lint, whether a condition on an entity's record can hold, and for
 * which state of the record: "can these two rules apply together?", "does one of these rules
 * apply in every state?" are both asked as "can this condition hold?".
 *
 * <p>The answer is exact, not a guess from the shape of the conditions. Every attribute a
 * condition reads gets a small domain: the values no part of the condition can tell apart are
 * one class. An enum or boolean attribute ranges over its constants (and "absent", unless the
 * model requires it all the way down with {@code @NotNull}); any other attribute over the values
 * the condition names and "any other value, or none"; an attribute whose value is an object
 * ({@link Money}, {@link Period}) over "any value", which no value set matches, as {@link
 * Condition.AttributeCondition#test} has it. A backtracking search over these classes, evaluating
 * the condition three-valued so that a decided branch is cut at once, finds a state in which the
 * condition holds or shows there is none. It branches on the attribute the undecided part of the
 * condition reads most often. Work is counted in steps (one per node of the condition evaluated);
 * each question has a budget of steps, and all questions to one instance a total; beyond either
 * the answer is {@link Outcome#undecided()}, so no policy makes the lint run long.
 *
 * <p>Obtain one per entity type with {@link #of(EntityType)}. Not thread-safe: it caches what it
 * learns about the model's attributes.
 */
public final class LintConditions {
  /** The steps one question may take before the answer is undecided. */
  public static final long DEFAULT_BUDGET = 2_000_000;
  /** The steps all questions to one instance may take together; then every answer is undecided. */
  public static final long DEFAULT_TOTAL_BUDGET = 100_000_000;

  private static final int FALSE = 0;
  private static final int TRUE = 1;
  private static final int UNKNOWN = 2;
  /** How many values a described state lists before it says "and n more". */
  private static final int NAMED_VALUES = 8;

  private final EntityType type;
  private final AttributeCatalog catalog;
  private final long budget;
  private long remaining = DEFAULT_TOTAL_BUDGET;
  private final Map<AttributePath, Facts> facts = new HashMap<>();

  private LintConditions(EntityType type, long budget) {
    this.type = type;
    this.catalog = AttributeCatalog.of(type);
    this.budget = budget;
  }

  /** Returns the conditions logic of an entity type, with the {@link #DEFAULT_BUDGET}. */
  public static LintConditions of(EntityType type) {
    return of(type, DEFAULT_BUDGET);
  }

  /**
   * Returns the conditions logic of an entity type.
   *
   * @param budget the steps one question may take, at least 1
   * @throws IllegalArgumentException if {@code budget} is less than 1
   */
  public static LintConditions of(EntityType type, long budget) {
    Objects.requireNonNull(type, "type");
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be at least 1, was " + budget);
    }
    return new LintConditions(type, budget);
  }

  /** Returns the entity type whose records the conditions are about. */
  public EntityType entityType() {
    return type;
  }

  /**
   * Looks for a state of the record in which {@code condition} holds.
   *
   * @return found, with the state in words; impossible; or undecided when the budget ran out
   */
  public Outcome find(Condition condition) {
    Search search = new Search(condition);
    Outcome outcome = search.run();
    remaining -= search.steps;
    return outcome;
  }

  /**
   * Returns, in words, each value the condition tests for that the attribute can never have: a
   * name that is no constant of an enum, anything but {@code true} and {@code false} for a
   * boolean, anything at all for an attribute whose value is an object.
   */
  public List<String> impossibleValues(Condition condition) {
    List<String> out = new ArrayList<>();
    collectImpossible(condition, out);
    return out;
  }

  private void collectImpossible(Condition condition, List<String> out) {
    if (condition instanceof Condition.AttributeCondition a) {
      Facts f = facts(a.attribute());
      for (String value : new TreeSet<>(a.values())) {
        if (f.object) {
          out.add(a.attribute() + " holds an object, which no value set matches, so it is never '" + value + "'");
        } else if (f.finite != null && !f.finite.contains(value)) {
          out.add("'" + value + "' is no value of " + a.attribute() + ", whose values are " + String.join(", ", f.finite));
        }
      }
    } else if (condition instanceof Condition.AllOf a) {
      a.conditions().forEach(c -> collectImpossible(c, out));
    } else if (condition instanceof Condition.AnyOf a) {
      a.conditions().forEach(c -> collectImpossible(c, out));
    } else if (condition instanceof Condition.Not n) {
      collectImpossible(n.condition(), out);
    }
  }

  private Facts facts(AttributePath path) {
    return facts.computeIfAbsent(path, this::learn);
  }

  private Facts learn(AttributePath path) {
    Class<?> valueType = catalog.valueType(path).orElse(Object.class);
    if (valueType == Money.class || valueType == Period.class) {
      return new Facts(null, false, true);
    }
    List<String> finite = null;
    if (valueType.isEnum()) {
      finite = new ArrayList<>();
      for (Object constant : valueType.getEnumConstants()) {
        finite.add(((Enum<?>) constant).name());
      }
    } else if (valueType == Boolean.class) {
      finite = List.of("true", "false");
    }
    return new Facts(finite == null ? null : List.copyOf(finite), alwaysPresent(path), false);
  }

  /** Whether validation guarantees the attribute a value: every step of its path is required. */
  private boolean alwaysPresent(AttributePath path) {
    Class<?> current = type.recordType();
    for (String segment : path.segments()) {
      RecordComponent component = component(current, segment);
      if (component == null || !required(component)) {
        return false;
      }
      current = component.getType();
    }
    return true;
  }

  private static @Nullable RecordComponent component(Class<?> owner, String name) {
    RecordComponent[] components = owner.getRecordComponents();
    if (components == null) {
      return null;
    }
    for (RecordComponent c : components) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static boolean required(RecordComponent c) {
    return c.getType().isPrimitive()
        || c.getAccessor().isAnnotationPresent(NotNull.class)
        || c.getAnnotatedType().isAnnotationPresent(NotNull.class);
  }

  /**
   * What the model says about an attribute a condition reads.
   *
   * @param finite the values an enum or boolean attribute can take, or null if they are open
   * @param alwaysPresent whether validation guarantees a value
   * @param object whether the value is an object, which no value set matches
   */
  private record Facts(@Nullable List<String> finite, boolean alwaysPresent, boolean object) {}

  /**
   * The answer to one question: whether a state exists in which a condition holds.
   * Value-based and immutable.
   */
  public static final class Outcome {
    private enum Kind { FOUND, IMPOSSIBLE, UNDECIDED }

    private static final Outcome IMPOSSIBLE = new Outcome(Kind.IMPOSSIBLE, "");
    private static final Outcome UNDECIDED = new Outcome(Kind.UNDECIDED, "");

    private final Kind kind;
    private final String state;

    private Outcome(Kind kind, String state) {
      this.kind = kind;
      this.state = state;
    }

    /** Returns whether a state was found in which the condition holds. */
    public boolean found() {
      return kind == Kind.FOUND;
    }

    /** Returns whether the condition holds in no state of the record. */
    public boolean impossible() {
      return kind == Kind.IMPOSSIBLE;
    }

    /** Returns whether the budget ran out before the question was settled. */
    public boolean undecided() {
      return kind == Kind.UNDECIDED;
    }

    /**
     * Returns the state found, in words ({@code /status is ACTIVE}, {@code /region is one of
     * [EU, UK]}), naming only the attributes that matter; empty if the condition holds in every
     * state, or if no state was found.
     */
    public String state() {
      return state;
    }

    @Override
    public String toString() {
      return kind == Kind.FOUND ? "found " + (state.isEmpty() ? "(any state)" : state) : kind.name().toLowerCase(Locale.ROOT);
    }
  }

  /** One question: the condition compiled against the domains of the attributes it reads. */
  private final class Search {
    private final Node root;
    private final List<Domain> domains = new ArrayList<>();
    private final int[] assignment;
    long steps;
    private final int size;

    Search(Condition condition) {
      Map<AttributePath, List<Atom>> atoms = new TreeMap<>();
      root = compile(condition, atoms);
      size = root.size();
      for (Map.Entry<AttributePath, List<Atom>> e : atoms.entrySet()) {
        Domain domain = domain(e.getKey(), e.getValue(), domains.size());
        domains.add(domain);
      }
      assignment = new int[domains.size()];
      Arrays.fill(assignment, -1);
    }

    Outcome run() {
      int result = search();
      if (result == TRUE) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
          Domain d = domains.get(i);
          if (assignment[i] >= 0 && d.classes.size() > 1) {
            parts.add(d.attribute + " " + d.classes.get(assignment[i]).describe(d));
          }
        }
        return new Outcome(Outcome.Kind.FOUND, String.join(" and ", parts));
      }
      return result == FALSE ? Outcome.IMPOSSIBLE : Outcome.UNDECIDED;
    }

    /**
     * Returns TRUE with the assignment left in place, FALSE if no state extending it satisfies the
     * condition, UNKNOWN if the budget ran out. Only attributes the undecided part of the condition
     * still reads are assigned, so the state found names no attribute that does not matter.
     */
    private int search() {
      steps += size;
      if (steps > budget || steps > remaining) {
        return UNKNOWN;
      }
      int value = root.eval(assignment);
      if (value != UNKNOWN) {
        return value;
      }
      // Branch on the attribute the undecided part of the condition reads most often (ties: fewest classes).
      int[] reads = new int[domains.size()];
      root.undecided(assignment, reads);
      steps += size;
      int attribute = -1;
      for (int i = 0; i < reads.length; i++) {
        if (reads[i] > 0 && (attribute < 0 || reads[i] > reads[attribute]
            || (reads[i] == reads[attribute] && domains.get(i).classes.size() < domains.get(attribute).classes.size()))) {
          attribute = i;
        }
      }
      Domain domain = domains.get(attribute);
      for (int c = 0; c < domain.classes.size(); c++) {
        assignment[attribute] = c;
        int below = search();
        if (below != FALSE) {
          return below;
        }
      }
      assignment[attribute] = -1;
      return FALSE;
    }

    private Node compile(Condition condition, Map<AttributePath, List<Atom>> atoms) {
      if (condition instanceof Condition.AttributeCondition a) {
        Atom atom = new Atom(a);
        atoms.computeIfAbsent(a.attribute(), k -> new ArrayList<>()).add(atom);
        return atom;
      }
      if (condition instanceof Condition.AllOf a) {
        return new Junction(true, a.conditions().stream().map(c -> compile(c, atoms)).toArray(Node[]::new));
      }
      if (condition instanceof Condition.AnyOf a) {
        return new Junction(false, a.conditions().stream().map(c -> compile(c, atoms)).toArray(Node[]::new));
      }
      if (condition instanceof Condition.Not n) {
        return new Negation(compile(n.condition(), atoms));
      }
      return Constant.ALWAYS;
    }

    private Domain domain(AttributePath attribute, List<Atom> atoms, int index) {
      Facts f = facts(attribute);
      List<String> concrete = new ArrayList<>();
      boolean special;
      if (f.object) {
        special = true;
      } else if (f.finite != null) {
        concrete.addAll(f.finite);
        special = !f.alwaysPresent;
      } else {
        Set<String> named = new TreeSet<>();
        atoms.forEach(a -> named.addAll(a.condition.values()));
        concrete.addAll(named);
        special = true;
      }
      // Values that every atom treats alike form one class; "absent/other" matches no atom.
      Map<BitSet, ValueClass> bySignature = new LinkedHashMap<>();
      for (String value : concrete) {
        BitSet signature = new BitSet(atoms.size());
        for (int i = 0; i < atoms.size(); i++) {
          signature.set(i, atoms.get(i).condition.values().contains(value));
        }
        bySignature.computeIfAbsent(signature, s -> new ValueClass()).values.add(value);
      }
      if (special) {
        bySignature.computeIfAbsent(new BitSet(atoms.size()), s -> new ValueClass()).special = true;
      }
      // The class no atom matches goes first: questions are mostly "can nobody's condition hold?",
      // and trying it first finds such states after few steps, described by few attributes.
      List<BitSet> signatures = new ArrayList<>(bySignature.keySet());
      signatures.sort((x, y) -> Boolean.compare(!x.isEmpty(), !y.isEmpty()));
      List<ValueClass> classes = new ArrayList<>();
      signatures.forEach(sig -> classes.add(bySignature.get(sig)));
      for (int i = 0; i < atoms.size(); i++) {
        Atom atom = atoms.get(i);
        atom.index = index;
        atom.matches = new boolean[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
          atom.matches[c] = signatures.get(c).get(i);
        }
      }
      Set<String> named = new TreeSet<>();
      atoms.forEach(a -> named.addAll(a.condition.values()));
      return new Domain(attribute, f, classes, List.copyOf(named));
    }
  }

  /** The classes of values one attribute ranges over within one question. */
  private static final class Domain {
    final AttributePath attribute;
    final Facts facts;
    final List<ValueClass> classes;
    final List<String> named;

    Domain(AttributePath attribute, Facts facts, List<ValueClass> classes, List<String> named) {
      this.attribute = attribute;
      this.facts = facts;
      this.classes = classes;
      this.named = named;
    }
  }

  /** Values no atom of a question tells apart; special stands for "absent" or "any other value". */
  private static final class ValueClass {
    final List<String> values = new ArrayList<>();
    boolean special;

    String describe(Domain d) {
      if (d.facts.object) {
        return "has any value";
      }
      if (values.isEmpty()) {
        return d.facts.finite != null ? "is absent" : d.named.isEmpty() ? "has any value" : "is none of " + list(d.named);
      }
      String which = values.size() == 1 ? "is " + values.get(0) : "is one of " + list(values);
      return special && d.facts.finite != null ? which + " or absent" : which;
    }
  }

  private static String list(List<String> values) {
    String named = values.stream().limit(NAMED_VALUES).collect(Collectors.joining(", "));
    return "[" + named + (values.size() > NAMED_VALUES ? " and " + (values.size() - NAMED_VALUES) + " more" : "") + "]";
  }

  private abstract static class Node {
    /** Returns TRUE, FALSE, or UNKNOWN when it depends on an unassigned attribute. */
    abstract int eval(int[] assignment);

    /** Returns the number of nodes, the cost of one evaluation. */
    int size() {
      return 1;
    }

    /** Counts, per unassigned attribute, the atoms the value still depends on; called only when eval is UNKNOWN. */
    abstract void undecided(int[] assignment, int[] reads);
  }

  private static final class Constant extends Node {
    static final Constant ALWAYS = new Constant();

    @Override
    int eval(int[] assignment) {
      return TRUE;
    }

    @Override
    void undecided(int[] assignment, int[] reads) {
      throw new IllegalStateException("a constant is never undecided");
    }
  }

  private static final class Atom extends Node {
    final Condition.AttributeCondition condition;
    int index = -1;
    boolean[] matches = new boolean[0];

    Atom(Condition.AttributeCondition condition) {
      this.condition = condition;
    }

    @Override
    int eval(int[] assignment) {
      int c = assignment[index];
      return c < 0 ? UNKNOWN : matches[c] ? TRUE : FALSE;
    }

    @Override
    void undecided(int[] assignment, int[] reads) {
      reads[index]++;
    }
  }

  private static final class Junction extends Node {
    final boolean all;
    final Node[] parts;

    Junction(boolean all, Node[] parts) {
      this.all = all;
      this.parts = parts;
    }

    @Override
    int size() {
      int n = 1;
      for (Node part : parts) {
        n += part.size();
      }
      return n;
    }

    @Override
    int eval(int[] assignment) {
      int decisive = all ? FALSE : TRUE;
      int result = all ? TRUE : FALSE;
      for (Node part : parts) {
        int v = part.eval(assignment);
        if (v == decisive) {
          return decisive;
        }
        if (v == UNKNOWN) {
          result = UNKNOWN;
        }
      }
      return result;
    }

    @Override
    void undecided(int[] assignment, int[] reads) {
      // The junction is undecided, so no part is decisive and every undecided part matters.
      for (Node part : parts) {
        if (part.eval(assignment) == UNKNOWN) {
          part.undecided(assignment, reads);
        }
      }
    }
  }

  private static final class Negation extends Node {
    final Node part;

    Negation(Node part) {
      this.part = part;
    }

    @Override
    int size() {
      return 1 + part.size();
    }

    @Override
    int eval(int[] assignment) {
      int v = part.eval(assignment);
      return v == UNKNOWN ? UNKNOWN : 1 - v;
    }

    @Override
    void undecided(int[] assignment, int[] reads) {
      part.undecided(assignment, reads);
    }
  }
}
