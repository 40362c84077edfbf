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

  /** Escapes one reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
