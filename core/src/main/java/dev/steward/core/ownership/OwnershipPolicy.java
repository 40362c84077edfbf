package dev.steward.core.ownership;

import dev.steward.core.ownership.internal.PolicyJson;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import dev.steward.model.Fingerprint;
import dev.steward.model.SystemIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A governance board's decisions about who owns what: per entity and per attribute, the system of
 * record and who else may originate, propose, receive or read each attribute, possibly depending
 * on the record's state.
 *
 * <p>A policy has an id, a version and a {@linkplain #fingerprint() fingerprint} of its content;
 * every ownership decision carries all three. Build one with {@link #builder(String, String)}:
 *
 * <pre>{@code
 * OwnershipPolicy policy = OwnershipPolicy.builder("acme-governance", "2026.11")
 *     .systems("crm", "psa", "erp", "billing")
 *     .entity(EntityType.CUSTOMER, customer -> customer
 *         .defaults(r -> r.owner("erp").originators("crm").syncTo("crm", "billing"))
 *         .attribute("/segment", r -> r.owner("crm").syncTo("erp", "billing"))
 *         .attribute("/legalName", r -> r.when(Condition.attribute("/status").in("PROSPECT"))
 *             .owner("crm").syncTo("erp"))
 *         .attribute("/legalName", r -> r.when(Condition.not(Condition.attribute("/status").in("PROSPECT")))
 *             .owner("erp").proposers("crm").syncTo("crm", "billing")))
 *     .build();
 * }</pre>
 *
 * <p>Attribute paths and the attributes conditions read are checked against the canonical model
 * ({@link AttributeCatalog}) as the policy is built, and {@link Builder#build} runs the {@linkplain
 * OwnershipLint lint}: errors fail the build unless lint is relaxed. Immutable and thread-safe.
 */
public final class OwnershipPolicy {
  private final String id;
  private final String version;
  private final Set<String> systems;
  private final Map<EntityType, List<OwnershipRule>> rules;
  private final Fingerprint fingerprint;
  private final List<LintFinding> findings;

  private OwnershipPolicy(
      String id, String version, Set<String> systems, Map<EntityType, List<OwnershipRule>> rules, List<LintFinding> findings) {
    this.id = id;
    this.version = version;
    this.systems = Collections.unmodifiableSet(new TreeSet<>(systems));
    Map<EntityType, List<OwnershipRule>> copy = new EnumMap<>(EntityType.class);
    rules.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.rules = Collections.unmodifiableMap(copy);
    this.fingerprint = CanonicalJson.ofDefaults().fingerprint(PolicyJson.toTree(this));
    this.findings = List.copyOf(findings);
  }

  /** Returns a builder for a policy with this id and version. */
  public static Builder builder(String id, String version) {
    return new Builder(id, version);
  }

  /** Returns the policy's id. */
  public String id() {
    return id;
  }

  /** Returns the policy's version, as its authors name it. */
  public String version() {
    return version;
  }

  /** Returns the SHA-256 fingerprint of the policy's canonical content; equal policies have equal fingerprints. */
  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /** Returns the declared systems, sorted. */
  public Set<String> systems() {
    return systems;
  }

  /** Returns the entity types the policy has rules for. */
  public Set<EntityType> entityTypes() {
    return rules.keySet();
  }

  /** Returns the rules for an entity type, in the order they were declared; empty if none. */
  public List<OwnershipRule> rules(EntityType type) {
    return rules.getOrDefault(type, List.of());
  }

  /** Returns what the lint found when the policy was built, warnings included. */
  public List<LintFinding> lintFindings() {
    return findings;
  }

  @Override
  public String toString() {
    return "OwnershipPolicy[" + id + " " + version + ", " + fingerprint + "]";
  }

  /** Builds an {@link OwnershipPolicy}; each method checks its arguments at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String version;
    private final Set<String> systems = new LinkedHashSet<>();
    private final Map<EntityType, List<OwnershipRule>> rules = new LinkedHashMap<>();
    private final Set<String> ruleIds = new LinkedHashSet<>();
    private boolean relaxed;

    private Builder(String id, String version) {
      this.id = text("id", id);
      this.version = text("version", version);
    }

    /** Declares the systems rules may name. */
    public Builder systems(String... systemIds) {
      for (String s : systemIds) {
        if (s == null || !SystemIds.isValid(s)) {
          throw new IllegalArgumentException("system '" + s + "' is not a system id (" + SystemIds.PATTERN + ")");
        }
        systems.add(s);
      }
      return this;
    }

    /** Adds the rules for one entity type; may be called once per type. */
    public Builder entity(EntityType type, Consumer<EntityRules> rulesOfEntity) {
      Objects.requireNonNull(type, "type");
      if (rules.containsKey(type)) {
        throw new IllegalStateException("rules for " + type + " were already added");
      }
      EntityRules e = new EntityRules(type, ruleIds);
      rulesOfEntity.accept(e);
      rules.put(type, e.rules);
      return this;
    }

    /** Lets {@link #build()} return a policy despite lint errors; the findings stay available. */
    public Builder relaxLint() {
      relaxed = true;
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws PolicyLintException if the lint finds errors and lint was not relaxed
     */
    public OwnershipPolicy build() {
      List<LintFinding> found = OwnershipLint.check(new OwnershipPolicy(id, version, systems, rules, List.of()));
      if (!relaxed && found.stream().anyMatch(f -> f.code().severity() == LintCode.Severity.ERROR)) {
        throw new PolicyLintException(id + " " + version, found);
      }
      return new OwnershipPolicy(id, version, systems, rules, found);
    }

    private static String text(String name, String value) {
      Objects.requireNonNull(value, name);
      if (value.isBlank() || value.length() > 128) {
        throw new IllegalArgumentException("policy " + name + " must be 1 to 128 characters, not blank; was '" + value + "'");
      }
      return value;
    }
  }

  /** The rules of one entity type, as {@link Builder#entity} collects them. Not thread-safe. */
  public static final class EntityRules {
    private final EntityType type;
    private final AttributeCatalog catalog;
    private final List<OwnershipRule> rules = new ArrayList<>();
    private final Map<String, Integer> perSelector = new LinkedHashMap<>();
    private final Set<String> ids;

    private EntityRules(EntityType type, Set<String> policyRuleIds) {
      this.type = type;
      this.ids = policyRuleIds; // rule ids are unique across the whole policy
      this.catalog = AttributeCatalog.of(type);
    }

    /** Adds a rule for all attributes no more specific rule covers. */
    public EntityRules defaults(Consumer<RuleSpec> rule) {
      return add(AttributeSelector.Defaults.INSTANCE, rule);
    }

    /**
     * Adds a rule for one attribute ({@code /legalName}) or a subtree ({@code /billingAddress/*}).
     * Several rules for one selector are allowed when their conditions differ.
     *
     * @throws IllegalArgumentException if the path names no attribute of the entity
     */
    public EntityRules attribute(String path, Consumer<RuleSpec> rule) {
      return add(AttributeSelector.parse(path, catalog), rule);
    }

    private EntityRules add(AttributeSelector selector, Consumer<RuleSpec> configure) {
      RuleSpec spec = new RuleSpec();
      configure.accept(spec);
      if (spec.owner == null) {
        throw new IllegalArgumentException(type.schemaName() + " " + selector + ": a rule needs an owner");
      }
      for (AttributePath read : spec.condition.attributes()) {
        if (!catalog.contains(read)) {
          throw new IllegalArgumentException(
              type.schemaName() + " " + selector + ": the condition reads " + read + ", which is no attribute of " + type);
        }
      }
      String key = type.schemaName() + ":" + selector;
      int n = perSelector.merge(key, 1, Integer::sum);
      String ruleId = spec.id != null ? spec.id : (n == 1 ? key : key + "#" + n);
      if (!ids.add(ruleId)) {
        throw new IllegalArgumentException("rule id '" + ruleId + "' is used twice in the policy");
      }
      rules.add(new OwnershipRule(ruleId, type, selector, spec.condition, spec.owner, spec.originators, spec.proposers, spec.syncTargets, spec.readers));
      return this;
    }
  }

  /** One rule as it is being written: owner, other roles, condition, optional id. Not thread-safe. */
  public static final class RuleSpec {
    private String id;
    private Condition condition = Condition.always();
    private String owner;
    private final Set<String> originators = new LinkedHashSet<>();
    private final Set<String> proposers = new LinkedHashSet<>();
    private final Set<String> syncTargets = new LinkedHashSet<>();
    private final Set<String> readers = new LinkedHashSet<>();

    private RuleSpec() {}

    /** Names the rule; by default it is named after its entity and selector. */
    public RuleSpec id(String ruleId) {
      this.id = Builder.text("rule id", ruleId);
      return this;
    }

    /** Makes the rule apply only while {@code when} holds for the record. */
    public RuleSpec when(Condition when) {
      this.condition = Objects.requireNonNull(when, "when");
      return this;
    }

    /** Sets the owning system. */
    public RuleSpec owner(String system) {
      if (owner != null) {
        throw new IllegalStateException("owner was already set to " + owner);
      }
      this.owner = system(system);
      return this;
    }

    /** Adds systems that may originate the attributes (on defaults: create the record). */
    public RuleSpec originators(String... systems) {
      return addAll(originators, systems);
    }

    /** Adds systems whose changes are proposals, recorded but not applied. */
    public RuleSpec proposers(String... systems) {
      return addAll(proposers, systems);
    }

    /** Adds systems accepted changes are sent to. */
    public RuleSpec syncTo(String... systems) {
      return addAll(syncTargets, systems);
    }

    /** Adds read-only consumers. */
    public RuleSpec readers(String... systems) {
      return addAll(readers, systems);
    }

    private RuleSpec addAll(Set<String> into, String... systems) {
      for (String s : systems) {
        into.add(system(s));
      }
      return this;
    }

    private static String system(String s) {
      if (s == null || !SystemIds.isValid(s)) {
        throw new IllegalArgumentException("system '" + s + "' is not a system id (" + SystemIds.PATTERN + ")");
      }
      return s;
    }
  }
}
