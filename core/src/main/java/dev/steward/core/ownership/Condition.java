package dev.steward.core.ownership;

import dev.steward.model.AttributePath;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * When an ownership rule applies, judged on the record's own state: its lifecycle ({@code
 * /status in [PROSPECT]}), its contracting legal entity, the country of one of its addresses.
 *
 * <p>Conditions read single-valued attributes only (no {@code *}). An absent attribute matches no
 * value set. Build them with {@link #always()}, {@link #attribute(String)}, {@link
 * #allOf(Condition...)}, {@link #anyOf(Condition...)} and {@link #not(Condition)}. Immutable.
 */
public sealed interface Condition {
  /** Returns whether the condition holds for {@code record}, the canonical JSON of the entity. */
  boolean test(JsonNode record);

  /** Returns the attributes the condition reads. */
  Set<AttributePath> attributes();

  /** Returns the condition in words, as rule explanations and the ownership matrix show it. */
  String describe();

  /** Returns the condition that always holds. */
  static Condition always() {
    return Always.INSTANCE;
  }

  /** Starts a condition on the value of one attribute, as in {@code attribute("/status").in("ACTIVE")}. */
  static AttributeCondition.Start attribute(String path) {
    return new AttributeCondition.Start(AttributePath.parse(path));
  }

  /** Returns the condition that holds when all of {@code conditions} hold. */
  static Condition allOf(Condition... conditions) {
    return new AllOf(List.of(conditions));
  }

  /** Returns the condition that holds when any of {@code conditions} holds. */
  static Condition anyOf(Condition... conditions) {
    return new AnyOf(List.of(conditions));
  }

  /** Returns the condition that holds when {@code condition} does not. */
  static Condition not(Condition condition) {
    return new Not(condition);
  }

  /** The condition that always holds. */
  enum Always implements Condition {
    /** The single instance. */
    INSTANCE;

    @Override
    public boolean test(JsonNode record) {
      return true;
    }

    @Override
    public Set<AttributePath> attributes() {
      return Set.of();
    }

    @Override
    public String describe() {
      return "always";
    }
  }

  /**
   * Holds when the attribute's value, as text, is one of {@code values}.
   *
   * @param attribute the single-valued attribute read
   * @param values the values for which the condition holds
   */
  record AttributeCondition(AttributePath attribute, Set<String> values) implements Condition {
    /** Checks the attribute is single-valued and copies the values. */
    public AttributeCondition {
      Objects.requireNonNull(attribute, "attribute");
      if (attribute.segments().contains(AttributePath.ANY)) {
        throw new IllegalArgumentException(
            "condition attribute " + attribute + " has several values ('*'); conditions read single-valued attributes");
      }
      values = Set.copyOf(new LinkedHashSet<>(values));
    }

    @Override
    public boolean test(JsonNode record) {
      JsonNode node = record;
      for (String segment : attribute.segments()) {
        node = node.path(segment);
      }
      if (node.isMissingNode() || node.isNull() || node.isContainer()) {
        return false;
      }
      return values.contains(node.isString() ? node.stringValue() : node.asString());
    }

    @Override
    public Set<AttributePath> attributes() {
      return Set.of(attribute);
    }

    @Override
    public String describe() {
      return attribute + " in " + values.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    /** The first half of {@code attribute(path).in(values)}. */
    public static final class Start {
      private final AttributePath attribute;

      Start(AttributePath attribute) {
        this.attribute = attribute;
      }

      /** Returns the condition that the attribute's value is one of {@code values}. */
      public AttributeCondition in(String... values) {
        return new AttributeCondition(attribute, new LinkedHashSet<>(java.util.Arrays.asList(values)));
      }

      /** Returns the condition that the attribute's value is one of {@code values}. */
      public AttributeCondition in(Set<String> values) {
        return new AttributeCondition(attribute, values);
      }
    }
  }

  /**
   * Holds when every one of {@code conditions} holds.
   *
   * @param conditions the conditions, at least one
   */
  record AllOf(List<Condition> conditions) implements Condition {
    /** Copies the conditions. */
    public AllOf {
      conditions = List.copyOf(conditions);
      if (conditions.isEmpty()) {
        throw new IllegalArgumentException("allOf needs at least one condition");
      }
    }

    @Override
    public boolean test(JsonNode record) {
      for (Condition c : conditions) { // a loop: conditions are tested for every decided value
        if (!c.test(record)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Set<AttributePath> attributes() {
      return conditions.stream().flatMap(c -> c.attributes().stream()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String describe() {
      return conditions.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
    }
  }

  /**
   * Holds when at least one of {@code conditions} holds.
   *
   * @param conditions the conditions, at least one
   */
  record AnyOf(List<Condition> conditions) implements Condition {
    /** Copies the conditions. */
    public AnyOf {
      conditions = List.copyOf(conditions);
      if (conditions.isEmpty()) {
        throw new IllegalArgumentException("anyOf needs at least one condition");
      }
    }

    @Override
    public boolean test(JsonNode record) {
      for (Condition c : conditions) {
        if (c.test(record)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Set<AttributePath> attributes() {
      return conditions.stream().flatMap(c -> c.attributes().stream()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String describe() {
      return conditions.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
    }
  }

  /**
   * Holds when {@code condition} does not.
   *
   * @param condition the negated condition
   */
  record Not(Condition condition) implements Condition {
    /** Checks the condition is present. */
    public Not {
      Objects.requireNonNull(condition, "condition");
    }

    @Override
    public boolean test(JsonNode record) {
      return !condition.test(record);
    }

    @Override
    public Set<AttributePath> attributes() {
      return condition.attributes();
    }

    @Override
    public String describe() {
      return "not " + condition.describe();
    }
  }
}
