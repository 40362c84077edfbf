package dev.steward.core.ownership.internal;

import dev.steward.core.ownership.Condition;
import dev.steward.core.ownership.OwnershipPolicy;
import dev.steward.core.ownership.OwnershipRule;
import dev.steward.model.EntityType;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an ownership policy, the same structure a policy file has (with every rule
 * list written as a list and sets sorted): the basis of the policy's fingerprint.
 */
public final class PolicyJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PolicyJson() {}

  /** Returns the policy as a tree. */
  public static ObjectNode toTree(OwnershipPolicy policy) {
    ObjectNode root = NODES.objectNode();
    root.put("policy", policy.id());
    root.put("version", policy.version());
    root.set("systems", strings(policy.systems()));
    ObjectNode entities = root.putObject("entities");
    for (EntityType type : policy.entityTypes()) {
      ObjectNode entity = entities.putObject(type.schemaName());
      for (OwnershipRule rule : policy.rules(type)) {
        String selector = rule.selector().toString();
        // Literal property names: Jackson's withArray/withObject read a leading '/' as a pointer.
        ObjectNode holder = selector.equals("defaults") ? entity : child(entity, "attributes");
        String name = selector.equals("defaults") ? "defaults" : selector;
        ArrayNode list = holder.get(name) instanceof ArrayNode existing ? existing : holder.putArray(name);
        list.add(rule(rule));
      }
    }
    return root;
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
  }

  private static ObjectNode rule(OwnershipRule rule) {
    ObjectNode r = NODES.objectNode();
    r.put("id", rule.id());
    if (rule.condition() != Condition.always()) {
      r.set("when", condition(rule.condition()));
    }
    r.put("owner", rule.owner());
    putSet(r, "originators", rule.originators());
    putSet(r, "proposers", rule.proposers());
    putSet(r, "syncTo", rule.syncTargets());
    putSet(r, "readers", rule.readers());
    return r;
  }

  /** Returns a condition in its file form. */
  public static JsonNode condition(Condition condition) {
    ObjectNode c = NODES.objectNode();
    if (condition instanceof Condition.AttributeCondition a) {
      c.put("attribute", a.attribute().toString());
      c.set("in", strings(a.values()));
    } else if (condition instanceof Condition.AllOf a) {
      ArrayNode all = c.putArray("allOf");
      a.conditions().forEach(x -> all.add(condition(x)));
    } else if (condition instanceof Condition.AnyOf a) {
      ArrayNode any = c.putArray("anyOf");
      a.conditions().forEach(x -> any.add(condition(x)));
    } else if (condition instanceof Condition.Not n) {
      c.set("not", condition(n.condition()));
    } else {
      c.put("always", true);
    }
    return c;
  }

  private static void putSet(ObjectNode r, String name, Set<String> values) {
    if (!values.isEmpty()) {
      r.set(name, strings(values));
    }
  }

  private static ArrayNode strings(Set<String> values) {
    ArrayNode a = NODES.arrayNode();
    new TreeSet<>(values).forEach(a::add);
    return a;
  }
}
