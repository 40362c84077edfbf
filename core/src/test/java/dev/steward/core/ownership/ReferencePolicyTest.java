package dev.steward.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference policy of the seed scenario: it passes the lint as it is, gives every attribute of
 * every entity exactly one owner in every state of the record, and says what issue 3 says.
 *
 * <p>Coverage is judged here on its own, independently of the lint, and more strictly than the
 * engine needs: the most specific rules covering an attribute must give it exactly one owner in
 * every state by themselves, so no attribute depends on falling through to a less specific rule.
 * The owners the issue names are checked both by resolving the rules here and by the engine's
 * explanation.
 */
class ReferencePolicyTest {
  private static final OwnershipPolicy POLICY = ReferencePolicies.seedScenario();
  private static final OwnershipEngine ENGINE =
      OwnershipEngine.of(POLICY, Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
  private static final String OTHER_VALUE = "le_01J0ACMEZZ0000000000000099";

  @Test
  void seedScenario_buildsWithoutRelaxedLint_withNoFindings() {
    assertThat(POLICY.lintFindings()).isEmpty();
    assertThat(POLICY.systems()).containsExactly("billing", "crm", "erp", "psa");
  }

  @Test
  void seedScenario_hasAnUnconditionalDefaultsRule_forEveryEntityType() {
    for (EntityType type : EntityType.values()) {
      assertThat(POLICY.rules(type))
          .as("defaults rule of %s", type.schemaName())
          .anySatisfy(rule -> {
            assertThat(rule.selector()).isEqualTo(AttributeSelector.Defaults.INSTANCE);
            assertThat(rule.condition()).isEqualTo(Condition.always());
            assertThat(rule.originators()).as("who may create a %s", type.schemaName()).isNotEmpty();
          });
    }
  }

  /**
   * For every attribute, the rules of its most specific level alone give exactly one owner in every
   * state the conditions of those rules can tell apart: each
   * value of an enum they read, and for other attributes each value they name plus one they do
   * not. The attributes read here ({@code /status}, {@code /contractingEntityId}) are required,
   * so an absent value is no state a valid record can be in.
   */
  @Test
  void everyAttributeOfEveryEntity_hasExactlyOneOwner_inEveryStateTheConditionsDistinguish() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (EntityType type : EntityType.values()) {
      AttributeCatalog catalog = AttributeCatalog.of(type);
      for (AttributePath attribute : catalog.attributes()) {
        List<OwnershipRule> applicable = applicable(type, attribute);
        if (applicable.isEmpty()) {
          problems.add(type.schemaName() + " " + attribute + ": no rule covers it");
          continue;
        }
        for (ObjectNode state : states(catalog, applicable)) {
          Set<String> owners = applicable.stream()
              .filter(r -> r.condition().test(state))
              .map(OwnershipRule::owner)
              .collect(Collectors.toCollection(TreeSet::new));
          if (owners.size() != 1) {
            problems.add(type.schemaName() + " " + attribute + " in state " + state + ": owners " + owners);
          }
          checked++;
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(EntityType.values().length);
  }

  @Test
  void customerLegalName_isCrmsWhileProspect_andErpsFromActiveOn_forEveryStatus() {
    for (CustomerStatus status : CustomerStatus.values()) {
      ObjectNode customer = JsonNodeFactory.instance.objectNode().put("status", status.name());
      List<OwnershipRule> deciding = deciding(EntityType.CUSTOMER, "/legalName", customer);
      assertThat(deciding).as("rules deciding /legalName of a %s customer", status).hasSize(1);
      assertThat(deciding.get(0).owner()).as("owner while %s", status).isEqualTo(status == CustomerStatus.PROSPECT ? "crm" : "erp");
      assertThat(owner(EntityType.CUSTOMER, "/legalName", customer)).isEqualTo(deciding.get(0).owner());
    }
  }

  @Test
  void customerLegalName_conditionsReadStatus_withValueSetsThatPartitionCustomerStatus() {
    List<Set<String>> sets = new ArrayList<>();
    for (OwnershipRule rule : applicable(EntityType.CUSTOMER, AttributePath.parse("/legalName"))) {
      assertThat(rule.condition()).isInstanceOf(Condition.AttributeCondition.class);
      Condition.AttributeCondition condition = (Condition.AttributeCondition) rule.condition();
      assertThat(condition.attribute()).isEqualTo(AttributePath.parse("/status"));
      sets.add(condition.values());
    }
    Set<String> union = new TreeSet<>();
    sets.forEach(union::addAll);
    assertThat(union).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(CustomerStatus.values()).map(Enum::name).collect(Collectors.toList()));
    assertThat(sets.stream().mapToInt(Set::size).sum()).as("no status in two sets").isEqualTo(union.size());
  }

  @Test
  void customerTaxIds_areErpsForEuropeanEntities_billingsForNorthAmerican_andErpsElsewhere() {
    for (String entity : ReferencePolicies.EUROPEAN_ENTITIES) {
      assertThat(owner(EntityType.CUSTOMER, "/taxIds/*/number", contractingEntity(entity))).isEqualTo("erp");
    }
    for (String entity : ReferencePolicies.NORTH_AMERICAN_ENTITIES) {
      assertThat(owner(EntityType.CUSTOMER, "/taxIds/*/number", contractingEntity(entity))).isEqualTo("billing");
      assertThat(owner(EntityType.CUSTOMER, "/taxIds/*/country", contractingEntity(entity))).isEqualTo("billing");
    }
    assertThat(owner(EntityType.CUSTOMER, "/taxIds/*/number", contractingEntity(OTHER_VALUE))).isEqualTo("erp");
    assertThat(ReferencePolicies.EUROPEAN_ENTITIES).doesNotContainAnyElementsOf(ReferencePolicies.NORTH_AMERICAN_ENTITIES);
  }

  @ParameterizedTest(name = "{0} {1} is owned by {2}")
  @CsvSource({
      // CRM: account segmentation, contacts, opportunity metadata
      "customer, /segment, crm",
      "contact, /email, crm",
      "contact, /roles/*, crm",
      "opportunity, /stage, crm",
      "opportunity, /amount, crm",
      "opportunity, /lines/*/unitPrice, crm",
      // PSA: project tasks, assignments, delivery status
      "project, /workstreams/*/tasks/*/status, psa",
      "project, /workstreams/*/tasks/*/plannedHours, psa",
      "assignment, /resourceId, psa",
      "assignment, /billRate, psa",
      "project, /status, psa",
      "billing-schedule, /milestones/*/status, psa",
      // ERP: legal entity mappings, GL dimensions, revenue schedules, invoice posting
      "legal-entity, /code, erp",
      "customer, /contractingEntityId, erp",
      "project, /legalEntityId, erp",
      "contract, /legalEntityId, erp",
      "invoice, /legalEntityId, erp",
      "project, /dimensions/*/value, erp",
      "invoice, /lines/*/dimensions/*/name, erp",
      "revenue-schedule, /lines/*/amount, erp",
      "revenue-schedule, /lines/*/glAccount, erp",
      "invoice, /status, erp",
      "invoice, /amountDue, erp",
      // Billing: recurring charge logic, usage rating, invoice generation
      "billing-schedule, /recurringCharges/*/amount, billing",
      "billing-schedule, /recurringCharges/*/frequency, billing",
      "billing-schedule, /usageMetrics/*/tiers/*/unitPrice, billing",
      "usage-record, /quantity, billing",
      "invoice, /invoiceNumber, billing",
      "invoice, /lines/*/netAmount, billing",
      "invoice, /totals/total, billing",
  })
  void seedScenario_assignsTheOwnerIssue3Names(String entity, String attribute, String owner) {
    EntityType type = EntityType.fromSchemaName(entity).orElseThrow();
    assertThat(owner(type, attribute, JsonNodeFactory.instance.objectNode())).isEqualTo(owner);
  }

  @Test
  void noRule_syncsAnAttributeBackToItsOwner() {
    for (EntityType type : POLICY.entityTypes()) {
      for (OwnershipRule rule : POLICY.rules(type)) {
        assertThat(rule.syncTargets()).as("sync targets of %s", rule.id()).doesNotContain(rule.owner());
        assertThat(rule.proposers()).as("proposers of %s", rule.id()).doesNotContain(rule.owner());
      }
    }
  }

  /** The sync flows of all rules that may decide an attribute, taken together, have no cycle. */
  @Test
  void syncFlows_formNoCycle_forAnyAttribute() {
    List<String> cycles = new ArrayList<>();
    for (EntityType type : POLICY.entityTypes()) {
      for (AttributePath attribute : AttributeCatalog.of(type).attributes()) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (OwnershipRule rule : applicable(type, attribute)) {
          edges.computeIfAbsent(rule.owner(), k -> new TreeSet<>()).addAll(rule.syncTargets());
        }
        for (String start : edges.keySet()) {
          if (reaches(edges, start, start, new LinkedHashSet<>())) {
            cycles.add(type.schemaName() + " " + attribute + " from " + start + ": " + edges);
          }
        }
      }
    }
    assertThat(cycles).isEmpty();
  }

  private static boolean reaches(Map<String, Set<String>> edges, String from, String target, Set<String> seen) {
    for (String next : edges.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(edges, next, target, seen))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The owner of {@code attribute} in {@code state}, as the engine decides it: the first rule
   * whose condition holds, most specific first. Checks that the engine's own explanation agrees.
   */
  private static String owner(EntityType type, String attribute, ObjectNode state) {
    AttributePath path = AttributePath.parse(attribute);
    assertThat(AttributeCatalog.of(type).contains(path)).as("%s is an attribute of %s", attribute, type.schemaName()).isTrue();
    List<OwnershipRule> ordered = POLICY.rules(type).stream()
        .filter(r -> r.selector().covers(path))
        .sorted(Comparator.comparingInt((OwnershipRule r) -> r.selector().specificity()).reversed())
        .collect(Collectors.toList());
    String owner = ordered.stream().filter(r -> r.condition().test(state)).findFirst().map(OwnershipRule::owner).orElse("nobody");
    assertThat(ENGINE.explain(type, attribute, state).owner())
        .as("the engine's owner of %s %s in state %s", type.schemaName(), attribute, state)
        .contains(owner);
    return owner;
  }

  /** The rules of the most specific level whose condition holds in {@code state}. */
  private static List<OwnershipRule> deciding(EntityType type, String attribute, ObjectNode state) {
    return applicable(type, AttributePath.parse(attribute)).stream().filter(r -> r.condition().test(state)).collect(Collectors.toList());
  }

  /** The rules of the most specific level covering the attribute: the only ones that may decide it. */
  private static List<OwnershipRule> applicable(EntityType type, AttributePath attribute) {
    List<OwnershipRule> covering = POLICY.rules(type).stream()
        .filter(r -> r.selector().covers(attribute))
        .collect(Collectors.toList());
    int best = covering.stream().mapToInt(r -> r.selector().specificity()).max().orElse(-1);
    return covering.stream().filter(r -> r.selector().specificity() == best).collect(Collectors.toList());
  }

  private static ObjectNode contractingEntity(String id) {
    return JsonNodeFactory.instance.objectNode().put("contractingEntityId", id);
  }

  /** Every combination of the values the rules' conditions can tell apart, as records. */
  private static List<ObjectNode> states(AttributeCatalog catalog, List<OwnershipRule> rules) {
    Map<AttributePath, Set<String>> values = new LinkedHashMap<>();
    for (OwnershipRule rule : rules) {
      collect(rule.condition(), values);
    }
    List<Map<AttributePath, String>> combinations = new ArrayList<>();
    combinations.add(Map.of());
    for (Map.Entry<AttributePath, Set<String>> read : values.entrySet()) {
      Class<?> valueType = catalog.valueType(read.getKey()).orElseThrow();
      Set<String> candidates = new TreeSet<>(read.getValue());
      if (valueType.isEnum()) {
        for (Object constant : valueType.getEnumConstants()) {
          candidates.add(((Enum<?>) constant).name());
        }
      } else {
        candidates.add(OTHER_VALUE);
      }
      List<Map<AttributePath, String>> next = new ArrayList<>();
      for (Map<AttributePath, String> combination : combinations) {
        for (String candidate : candidates) {
          Map<AttributePath, String> extended = new LinkedHashMap<>(combination);
          extended.put(read.getKey(), candidate);
          next.add(extended);
        }
      }
      combinations = next;
    }
    List<ObjectNode> states = new ArrayList<>();
    for (Map<AttributePath, String> combination : combinations) {
      ObjectNode record = JsonNodeFactory.instance.objectNode();
      combination.forEach((path, value) -> {
        ObjectNode at = record;
        List<String> segments = path.segments();
        for (String segment : segments.subList(0, segments.size() - 1)) {
          at = at.has(segment) ? (ObjectNode) at.get(segment) : at.putObject(segment);
        }
        at.put(segments.get(segments.size() - 1), value);
      });
      states.add(record);
    }
    return states;
  }

  private static void collect(Condition condition, Map<AttributePath, Set<String>> values) {
    if (condition instanceof Condition.AttributeCondition a) {
      values.computeIfAbsent(a.attribute(), k -> new TreeSet<>()).addAll(a.values());
    } else if (condition instanceof Condition.AllOf all) {
      all.conditions().forEach(c -> collect(c, values));
    } else if (condition instanceof Condition.AnyOf any) {
      any.conditions().forEach(c -> collect(c, values));
    } else if (condition instanceof Condition.Not not) {
      collect(not.condition(), values);
    }
  }
}
