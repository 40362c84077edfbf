package dev.steward.core.ownership.internal;

import dev.steward.core.ownership.AttributeSelector;
import dev.steward.core.ownership.OwnershipRule;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A policy's rules for one entity type, compiled once: a trie of the entity's attributes whose
 * leaves hold the rules covering that attribute, most specific first. Deciding a change walks the
 * incoming document and this trie side by side, so no pointer is parsed and no rule is searched.
 * Immutable and thread-safe.
 */
public final class CompiledEntity {
  /** One node of the attribute trie. */
  public static final class Node {
    final Map<String, Node> children = new HashMap<>();
    @Nullable Node any;
    @Nullable AttributePath attribute;
    @Nullable String pointer;
    OwnershipRule[] candidates = new OwnershipRule[0];

    /** Returns the child for a property name, or null. */
    public @Nullable Node child(String name) {
      return children.get(name);
    }

    /** Returns the child for list elements and extension keys, or null. */
    public @Nullable Node any() {
      return any;
    }

    /** Returns the attribute this node is, or null for an inner node. */
    public @Nullable AttributePath attribute() {
      return attribute;
    }

    /**
     * Returns the attribute's JSON Pointer when it is the only concrete pointer the attribute has
     * (no list element or extension key in its path), or null.
     */
    public @Nullable String fixedPointer() {
      return pointer;
    }

    /** Returns the first rule whose condition holds for {@code state}, most specific first, or null. */
    public @Nullable OwnershipRule resolve(JsonNode state) {
      for (OwnershipRule rule : candidates) {
        if (rule.condition().test(state)) {
          return rule;
        }
      }
      return null;
    }

    /** Returns the rules covering this attribute, most specific first. */
    public List<OwnershipRule> candidates() {
      return List.of(candidates);
    }
  }

  private final EntityType type;
  private final Node root = new Node();
  private final List<Node> attributes = new ArrayList<>();
  private final List<OwnershipRule> defaults = new ArrayList<>();
  private final Set<AttributePath> conditionAttributes = new HashSet<>();

  /** Compiles the rules of one entity type. */
  public CompiledEntity(EntityType type, List<OwnershipRule> rules) {
    this.type = type;
    List<OwnershipRule> ordered = new ArrayList<>(rules);
    // Most specific first; among equals, declaration order (a stable sort keeps it).
    ordered.sort(Comparator.comparingInt((OwnershipRule r) -> r.selector().specificity()).reversed());
    for (OwnershipRule r : rules) {
      if (r.selector() == AttributeSelector.Defaults.INSTANCE) {
        defaults.add(r);
      }
      conditionAttributes.addAll(r.condition().attributes());
    }
    for (AttributePath path : AttributeCatalog.of(type).attributes()) {
      Node node = root;
      for (String segment : path.segments()) {
        if (segment.equals(AttributePath.ANY)) {
          if (node.any == null) {
            node.any = new Node();
          }
          node = node.any;
        } else {
          node = node.children.computeIfAbsent(segment, s -> new Node());
        }
      }
      node.attribute = path;
      node.pointer = path.segments().contains(AttributePath.ANY) ? null : path.toString();
      node.candidates = ordered.stream().filter(r -> r.selector().covers(path)).toArray(OwnershipRule[]::new);
      attributes.add(node);
    }
  }

  /** Returns the entity type. */
  public EntityType type() {
    return type;
  }

  /** Returns the root of the attribute trie. */
  public Node root() {
    return root;
  }

  /** Returns every attribute node, in catalogue order. */
  public List<Node> attributes() {
    return attributes;
  }

  /** Returns the node of an attribute, or null. */
  public @Nullable Node node(AttributePath path) {
    Node node = root;
    for (String segment : path.segments()) {
      node = segment.equals(AttributePath.ANY) ? node.any : node.children.get(segment);
      if (node == null) {
        return null;
      }
    }
    return node.attribute == null ? null : node;
  }

  /** Returns the entity's defaults rules, in declaration order. */
  public List<OwnershipRule> defaults() {
    return defaults;
  }

  /** Returns whether some rule's condition reads {@code attribute}. */
  public boolean conditionReads(AttributePath attribute) {
    return conditionAttributes.contains(attribute);
  }
}
