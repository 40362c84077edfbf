package dev.steward.spi.mapping;

import dev.steward.model.JsonPointers;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** JSON Pointer navigation shared by the reader and the writer. */
final class Pointers {
  private Pointers() {}

  static List<String> segments(String pointer) {
    return JsonPointers.segments(pointer);
  }

  /** Returns the node at {@code segments}, or null where the path does not exist. */
  static @Nullable JsonNode at(JsonNode root, List<String> segments) {
    JsonNode node = root;
    for (String segment : segments) {
      node = child(node, segment);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Returns the member or element {@code segment} names, or null where {@code node} has none. */
  static @Nullable JsonNode child(JsonNode node, String segment) {
    if (node.isObject()) {
      return node.get(segment);
    }
    if (node.isArray()) {
      int index = index(segment);
      return index >= 0 && index < node.size() ? node.get(index) : null;
    }
    return null;
  }

  /** Returns the array index a segment names, or -1 if it is not one (RFC 6901: no leading zeros). */
  static int index(String segment) {
    if (segment.isEmpty() || segment.length() > 9 || (segment.length() > 1 && segment.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    return Integer.parseInt(segment);
  }
}
