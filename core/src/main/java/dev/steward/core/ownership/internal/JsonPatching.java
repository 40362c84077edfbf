package dev.steward.core.ownership.internal;

import dev.steward.model.JsonPointers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Applying accepted values to a golden record's JSON, and comparing values as canonical JSON does. */
public final class JsonPatching {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonPatching() {}

  /**
   * Returns whether two values are the same as canonical JSON sees them: numbers by value
   * ({@code 7} and {@code 7.0} alike, whatever node type holds them), the rest by structure.
   */
  public static boolean same(@Nullable JsonNode a, @Nullable JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        if (!same(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * A record being changed without copying it whole: the containers on the way to each value set
   * are copied the first time they are written, so what the change does not touch stays shared
   * with the original, which is never modified. Not thread-safe; one per decision.
   */
  public static final class CopyOnWrite {
    private final Set<JsonNode> owned = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ObjectNode root;

    /** Starts from {@code original} (an object), or from an empty object when it is null. */
    public CopyOnWrite(@Nullable JsonNode original) {
      root = original == null ? NODES.objectNode() : (ObjectNode) shallowCopy(original);
      owned.add(root);
    }

    /** Returns the record as changed so far. */
    public ObjectNode root() {
      return root;
    }

    /**
     * Sets (or, for a null value, removes) the value at {@code pointer}, creating the containers
     * on the way as {@code shape} (the incoming document) has them.
     */
    public void apply(String pointer, @Nullable JsonNode value, JsonNode shape) {
      JsonPatching.apply(root, pointer, value, shape, owned);
    }

    /** Drops what removals left behind, as {@link JsonPatching#compact(JsonNode)}, in the copied containers only. */
    public void compact() {
      JsonPatching.compact(root, true, owned);
    }
  }

  private static JsonNode shallowCopy(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        copy.set(e.getKey(), e.getValue());
      }
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = NODES.arrayNode(a.size());
      for (JsonNode v : a.values()) {
        copy.add(v);
      }
      return copy;
    }
    return node;
  }

  /**
   * Sets (or, for a null value, removes) the value at {@code pointer} in {@code root}, creating
   * the containers on the way as {@code shape} (the incoming document) has them.
   */
  public static void apply(ObjectNode root, String pointer, @Nullable JsonNode value, JsonNode shape) {
    apply(root, pointer, value, shape, null);
  }

  /** Applies a value; with {@code owned} set, copies each container on the way not yet in it. */
  private static void apply(
      ObjectNode root, String pointer, @Nullable JsonNode value, JsonNode shape, @Nullable Set<JsonNode> owned) {
    List<String> segments = JsonPointers.segments(pointer);
    JsonNode container = root;
    JsonNode shapeAt = shape;
    for (int i = 0; i < segments.size() - 1; i++) {
      String segment = segments.get(i);
      shapeAt = step(shapeAt, segment);
      JsonNode next = get(container, segment);
      if (next == null || next.isNull()) {
        if (value == null) {
          return; // nothing there to remove
        }
        next = shapeAt != null && shapeAt.isArray() ? NODES.arrayNode() : NODES.objectNode();
        if (owned != null) {
          owned.add(next);
        }
        put(container, segment, next);
      } else if (owned != null && !owned.contains(next)) {
        next = shallowCopy(next);
        owned.add(next);
        put(container, segment, next);
      }
      container = next;
    }
    set(container, segments.get(segments.size() - 1), value);
  }

  private static void set(JsonNode container, String last, @Nullable JsonNode value) {
    if (value == null) {
      if (container instanceof ObjectNode o) {
        o.remove(last);
      } else if (container instanceof ArrayNode a && index(last) < a.size()) {
        a.set(index(last), NODES.nullNode()); // compact() drops it if nothing follows it
      }
    } else {
      put(container, last, value.deepCopy());
    }
  }

  /**
   * Drops what removals left behind: nulls, and objects and lists left empty, which canonical JSON
   * never holds. Values under {@code /extensions} are the firm's own JSON and are kept as they are.
   */
  public static void compact(JsonNode root) {
    compact(root, true, null);
  }

  /** Compacts {@code node}; with {@code only} set, looks into those containers alone. */
  private static boolean compact(JsonNode node, boolean root, @Nullable Set<JsonNode> only) {
    if (only != null && !only.contains(node)) {
      return isEmpty(node);
    }
    if (node instanceof ObjectNode o) {
      List<String> drop = null;
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        boolean extensions = root && e.getKey().equals("extensions");
        JsonNode v = e.getValue();
        if (v.isNull() || (!extensions && compact(v, false, only))
            || (extensions && (only == null || only.contains(v)) && dropNullValues(v))) {
          if (drop == null) {
            drop = new ArrayList<>();
          }
          drop.add(e.getKey());
        }
      }
      if (drop != null) {
        drop.forEach(o::remove);
      }
      return o.isEmpty();
    }
    if (node instanceof ArrayNode a) {
      // Lists are positional: an element left empty in the middle keeps its place, so every
      // accepted value stays at the index it was sent to (the engine refuses what would leave
      // such a gap). Only what removals left at the end is dropped.
      for (JsonNode v : a.values()) {
        compact(v, false, only);
      }
      while (!a.isEmpty() && isEmpty(a.get(a.size() - 1))) {
        a.remove(a.size() - 1);
      }
      return a.isEmpty();
    }
    return false;
  }

  /**
   * Returns the pointers of the first empty element (null, or an empty object or list) of every
   * list in {@code root} that has a non-empty element after it: the gaps that applying values
   * positionally left. Call after {@link #compact(JsonNode)}, which drops empty elements at a
   * list's end. Values under {@code /extensions} are not looked into.
   */
  public static List<String> gaps(JsonNode root) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getKey().equals("extensions")) {
        gaps(e.getValue(), "/" + JsonPointers.escape(e.getKey()), out);
      }
    }
    return out;
  }

  private static void gaps(JsonNode node, String at, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        gaps(e.getValue(), at + "/" + JsonPointers.escape(e.getKey()), out);
      }
    } else if (node.isArray()) {
      boolean found = false;
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (!found && isEmpty(element) && i < node.size() - 1) {
          out.add(at + "/" + i);
          found = true;
        }
        gaps(element, at + "/" + i, out);
      }
    }
  }

  private static boolean isEmpty(JsonNode v) {
    return v.isNull() || (v.isContainer() && v.isEmpty());
  }

  private static boolean dropNullValues(JsonNode extensions) {
    if (extensions instanceof ObjectNode o) {
      List<String> drop = new ArrayList<>();
      o.properties().forEach(e -> {
        if (e.getValue().isNull()) {
          drop.add(e.getKey());
        }
      });
      drop.forEach(o::remove);
      return o.isEmpty();
    }
    return false;
  }

  private static @Nullable JsonNode step(@Nullable JsonNode node, String segment) {
    if (node == null) {
      return null;
    }
    return node.isArray() ? node.get(index(segment)) : node.get(segment);
  }

  private static @Nullable JsonNode get(JsonNode container, String segment) {
    return container.isArray() ? container.get(index(segment)) : container.get(segment);
  }

  private static void put(JsonNode container, String segment, JsonNode value) {
    if (container instanceof ObjectNode o) {
      o.set(segment, value);
      return;
    }
    ArrayNode a = (ArrayNode) container;
    int i = index(segment);
    while (a.size() < i) {
      a.add(NODES.nullNode()); // an element before this one was not accepted: its place stays empty
    }
    if (i < a.size()) {
      a.set(i, value);
    } else {
      a.add(value);
    }
  }

  private static int index(String segment) {
    return Integer.parseInt(segment);
  }
}
