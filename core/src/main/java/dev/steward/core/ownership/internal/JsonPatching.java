package dev.steward.core.ownership.internal;

import dev.steward.model.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
   * Sets (or, for a null value, removes) the value at {@code pointer} in {@code root}, creating
   * the containers on the way as {@code shape} (the incoming document) has them.
   */
  public static void apply(ObjectNode root, String pointer, @Nullable JsonNode value, JsonNode shape) {
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
        put(container, segment, next);
      }
      container = next;
    }
    String last = segments.get(segments.size() - 1);
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
    compact(root, true);
  }

  private static boolean compact(JsonNode node, boolean root) {
    if (node instanceof ObjectNode o) {
      List<String> drop = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        boolean extensions = root && e.getKey().equals("extensions");
        JsonNode v = e.getValue();
        if (v.isNull() || (!extensions && compact(v, false)) || (extensions && dropNullValues(v))) {
          drop.add(e.getKey());
        }
      }
      drop.forEach(o::remove);
      return o.isEmpty();
    }
    if (node instanceof ArrayNode a) {
      // Lists are positional: an element left empty in the middle (a value before it was not
      // accepted) keeps its place, so every accepted value stays at the index it was sent to.
      // Only what removals left at the end is dropped.
      for (JsonNode v : a.values()) {
        compact(v, false);
      }
      while (!a.isEmpty() && isEmpty(a.get(a.size() - 1))) {
        a.remove(a.size() - 1);
      }
      return a.isEmpty();
    }
    return false;
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
