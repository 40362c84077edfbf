package dev.steward.benchmarks;

import dev.steward.core.ownership.ChangeRequest;
import dev.steward.core.ownership.Condition;
import dev.steward.core.ownership.Outcome;
import dev.steward.core.ownership.OwnershipDecision;
import dev.steward.core.ownership.OwnershipEngine;
import dev.steward.core.ownership.OwnershipPolicy;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.JsonPointers;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One ownership decision: CRM sends a whole customer record (40 values: six scalars, four tax
 * ids, two addresses of six values each, fourteen extension keys) in which five values differ
 * from the golden record, under a 200-rule policy for all entity types.
 *
 * <ul>
 *   <li>{@code decide} runs {@link OwnershipEngine#decide}: decides all 40 values (35 unchanged,
 *       three accepted, one proposed, one rejected), merges the accepted ones into a copy of the
 *       golden record and plans the sync to ERP, billing and PSA. The customer has 38 rules, most
 *       conditional on {@code /status} or {@code /billingAddress/country} ({@code in}, {@code not},
 *       {@code anyOf}, {@code allOf}); the engine compiles the policy once, in {@link #setUp()}.
 *   <li>{@code baseline_diffOnly} is the floor: a plain recursive walk of the two trees that
 *       collects the pointers of the values that differ, with no ownership at all.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OwnershipBenchmark -prof gc}; for the
 * median, add {@code -bm sample}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class OwnershipBenchmark {
  /** Rules in the policy, across all entity types. */
  static final int POLICY_RULES = 200;
  /** Rules for the customer, the entity decided. */
  static final int CUSTOMER_RULES = 38;

  private static final Set<String> EU = Set.of("AT", "BE", "DE", "ES", "FR", "IE", "IT", "NL");
  private static final Set<String> NORTH_AMERICA = Set.of("US", "CA");
  private static final List<String> SYSTEMS = List.of("crm", "psa", "erp", "billing");

  private final CanonicalJson json = CanonicalJson.ofDefaults();
  private OwnershipEngine engine;
  private ChangeRequest change;
  private JsonNode golden;
  private JsonNode incoming;

  /** Builds the policy and the engine, loads the customer and makes the change. */
  @Setup
  public void setUp() throws IOException {
    OwnershipPolicy policy = policy();
    int rules = policy.entityTypes().stream().mapToInt(t -> policy.rules(t).size()).sum();
    check(rules == POLICY_RULES, "has " + rules + " rules, not " + POLICY_RULES);
    check(policy.rules(EntityType.CUSTOMER).size() == CUSTOMER_RULES, "has " + policy.rules(EntityType.CUSTOMER).size()
        + " customer rules, not " + CUSTOMER_RULES);
    engine = OwnershipEngine.of(policy, Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));

    try (InputStream in = OwnershipBenchmark.class.getResourceAsStream("/ownership-customer.json")) {
      if (in == null) {
        throw new IllegalStateException("benchmark resource /ownership-customer.json is missing");
      }
      golden = json.readTree(in.readAllBytes());
    }
    json.fromTree(golden, Customer.class); // a valid canonical customer, or setup fails

    ObjectNode changed = (ObjectNode) golden.deepCopy();
    changed.put("segment", "mid-market"); // crm owns: accepted
    changed.put("displayName", "Nordlicht Logistik"); // crm owns: accepted
    changed.put("legalName", "Nordlicht Logistik AG"); // erp owns while ACTIVE, crm proposes
    ((ObjectNode) changed.path("billingAddress")).put("city", "Hamburg-Altstadt"); // erp owns: rejected
    ((ObjectNode) changed.path("extensions")).put("acme:accountTier", "platinum"); // crm owns: accepted
    incoming = changed;
    change = ChangeRequest.builder(EntityType.CUSTOMER, "crm", incoming).golden(golden).build();

    OwnershipDecision d = engine.decide(change);
    check(d.decisions().size() == 40, "decides 40 values, not " + d.decisions().size());
    check(d.withOutcome(Outcome.UNCHANGED).size() == 35, "finds 35 values unchanged");
    check(d.withOutcome(Outcome.ACCEPTED).size() == 3, "accepts 3 values, not " + d.withOutcome(Outcome.ACCEPTED));
    check(d.withOutcome(Outcome.PROPOSED).size() == 1, "records 1 proposal");
    check(d.withOutcome(Outcome.REJECTED_NOT_OWNER).size() == 1, "rejects 1 value");
    check(baseline_diffOnly().size() == 5, "the diff finds the 5 changed values");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("the benchmark scenario no longer holds: it " + what);
    }
  }

  /** Decides the change. */
  @Benchmark
  public OwnershipDecision decide() {
    return engine.decide(change);
  }

  /** Only the diff of the two records: the floor of any decision. */
  @Benchmark
  public List<String> baseline_diffOnly() {
    List<String> out = new ArrayList<>();
    diff(golden, incoming, new StringBuilder(), out);
    return out;
  }

  private static void diff(JsonNode a, JsonNode b, StringBuilder at, List<String> out) {
    if (a.isObject() && b.isObject()) {
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        int mark = at.length();
        at.append('/').append(JsonPointers.escape(e.getKey()));
        JsonNode other = b.get(e.getKey());
        if (other == null) {
          out.add(at.toString());
        } else {
          diff(e.getValue(), other, at, out);
        }
        at.setLength(mark);
      }
      for (Map.Entry<String, JsonNode> e : b.properties()) {
        if (!a.has(e.getKey())) {
          out.add(at + "/" + JsonPointers.escape(e.getKey()));
        }
      }
    } else if (a.isArray() && b.isArray()) {
      int n = Math.max(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        int mark = at.length();
        at.append('/').append(i);
        if (i >= a.size() || i >= b.size()) {
          out.add(at.toString());
        } else {
          diff(a.get(i), b.get(i), at, out);
        }
        at.setLength(mark);
      }
    } else if (!a.equals(b)) {
      out.add(at.toString());
    }
  }

  /**
   * The policy: {@value #CUSTOMER_RULES} customer rules, most conditional, and defaults plus one rule per attribute for
   * the other entity types until the policy has {@link #POLICY_RULES} rules.
   */
  static OwnershipPolicy policy() {
    Condition prospect = Condition.attribute("/status").in("PROSPECT");
    Condition customer = Condition.attribute("/status").in("ACTIVE", "ON_HOLD", "CLOSED");
    Condition eu = Condition.attribute("/billingAddress/country").in(EU);
    Condition northAmerica = Condition.attribute("/billingAddress/country").in(NORTH_AMERICA);
    Condition elsewhere = Condition.not(Condition.anyOf(eu, northAmerica));
    Condition shippedByErp = Condition.anyOf(Condition.attribute("/status").in("ACTIVE"), eu);
    Condition onHold = Condition.attribute("/status").in("ON_HOLD");
    Condition closedOutsideEu = Condition.allOf(Condition.attribute("/status").in("CLOSED"), Condition.not(eu));

    OwnershipPolicy.Builder builder = OwnershipPolicy.builder("benchmark-governance", "2026.11")
        .systems(SYSTEMS.toArray(String[]::new))
        // Lints clean today; relaxed so that lint rules added later cannot break the benchmark.
        .relaxLint();
    builder.entity(EntityType.CUSTOMER, c -> {
      c.defaults(r -> r.when(prospect).owner("crm").originators("crm").syncTo("billing"))
          .defaults(r -> r.when(customer).owner("erp").originators("crm", "erp").proposers("crm").syncTo("crm", "billing"))
          .attribute("/segment", r -> r.owner("crm").originators("crm").syncTo("erp", "billing"))
          .attribute("/displayName", r -> r.owner("crm").originators("crm").syncTo("erp", "billing", "psa"))
          .attribute("/legalName", r -> r.when(prospect).owner("crm").originators("crm").syncTo("billing"))
          .attribute("/legalName", r -> r.when(customer).owner("erp").proposers("crm").syncTo("crm", "billing"))
          .attribute("/status", r -> r.owner("erp").originators("crm").proposers("crm").syncTo("crm", "billing", "psa"))
          .attribute("/parentId", r -> r.owner("crm").originators("crm").syncTo("erp", "billing"))
          .attribute("/contractingEntityId", r -> r.owner("erp").originators("crm").proposers("crm").syncTo("crm", "billing"))
          .attribute("/extensions/*", r -> r.owner("crm").originators("crm").syncTo("erp"))
          .attribute("/billingAddress/*", r -> r.owner("erp").originators("crm").syncTo("billing"))
          .attribute("/shippingAddress/*", r -> r.owner("crm").originators("crm").syncTo("psa"));
      for (String taxId : List.of("/taxIds/*/country", "/taxIds/*/number")) {
        c.attribute(taxId, r -> r.when(eu).owner("erp").originators("crm").syncTo("crm", "billing"))
            .attribute(taxId, r -> r.when(northAmerica).owner("billing").originators("crm").syncTo("crm"))
            .attribute(taxId, r -> r.when(elsewhere).owner("erp").originators("crm").syncTo("crm", "billing"));
      }
      // Per-field rules for some states; the address subtree rules above decide the others.
      for (String field : List.of("lines/*", "city", "region", "postalCode", "country")) {
        c.attribute("/billingAddress/" + field, r -> r.when(prospect).owner("crm").originators("crm").syncTo("billing"))
            .attribute("/billingAddress/" + field, r -> r.when(onHold).owner("erp").proposers("crm").syncTo("crm", "billing"))
            .attribute("/shippingAddress/" + field, r -> r.when(shippedByErp).owner("erp").syncTo("crm", "psa"))
            .attribute("/shippingAddress/" + field, r -> r.when(closedOutsideEu).owner("erp").syncTo("psa"));
      }
    });

    Map<EntityType, Integer> budget = new EnumMap<>(EntityType.class);
    List<EntityType> others = new ArrayList<>(List.of(EntityType.values()));
    others.remove(EntityType.CUSTOMER);
    for (EntityType t : others) {
      budget.put(t, 1); // its defaults
    }
    int left = POLICY_RULES - CUSTOMER_RULES - others.size();
    while (left > 0) {
      for (EntityType t : others) {
        if (left > 0 && budget.get(t) <= AttributeCatalog.of(t).attributes().size()) {
          budget.merge(t, 1, Integer::sum);
          left--;
        }
      }
    }
    for (EntityType t : others) {
      List<AttributePath> attributes = AttributeCatalog.of(t).attributes();
      int owner = t.ordinal() % SYSTEMS.size();
      builder.entity(t, e -> {
        e.defaults(r -> r.owner(SYSTEMS.get(owner)).originators(SYSTEMS.get(owner)).syncTo(others(owner)));
        for (int i = 0; i < budget.get(t) - 1; i++) {
          int o = (owner + 1 + i) % SYSTEMS.size();
          e.attribute(attributes.get(i).toString(), r -> r.owner(SYSTEMS.get(o)).syncTo(others(o)));
        }
      });
    }
    return builder.build();
  }

  private static String[] others(int owner) {
    Set<String> targets = new HashSet<>(SYSTEMS);
    targets.remove(SYSTEMS.get(owner));
    return targets.stream().sorted().toArray(String[]::new);
  }
}
