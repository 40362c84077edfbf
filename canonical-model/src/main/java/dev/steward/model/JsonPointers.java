package dev.steward.model;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Converts between Bean Validation property paths and JSON Pointers (RFC 6901) into the canonical
 * JSON form, so that a schema violation and a bean violation of the same attribute name the same
 * path: {@code lines[0].quantity} is {@code /lines/0/quantity}.
 */
public final class JsonPointers {
  private JsonPointers() {}

  /** Returns the JSON Pointer of a Bean Validation property path. */
  public static String of(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
        if (key != null) {
          sb.append('/').append(escape(key.toString()));
        }
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        sb.append('/').append(escape(node.getName()));
      }
    }
    return sb.toString();
  }

  /**
   * Splits a JSON Pointer into its unescaped reference tokens; {@code ""} (the whole document)
   * has none.
   *
   * @throws IllegalArgumentException if the pointer is neither empty nor starts with {@code /}
   */
  public static java.util.List<String> segments(String pointer) {
    if (pointer.isEmpty()) {
      return java.util.List.of();
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException("JSON Pointer '" + pointer + "' must be empty or start with '/'");
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** Escapes one reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
