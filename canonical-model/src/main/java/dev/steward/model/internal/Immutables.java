package dev.steward.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Defensive copies for record components. An absent collection becomes empty; a null element is
 * kept (not thrown on) so that bean validation can report it with its path instead of the record
 * failing to construct.
 */
public final class Immutables {
  private Immutables() {}

  /** Returns an unmodifiable copy of {@code list}, or an empty list for {@code null}. */
  public static <T> List<T> list(@Nullable List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * Returns an unmodifiable, order-preserving copy of an extensions map whose JSON values are
   * deep copies, so that a caller who keeps and later changes an {@code ObjectNode} cannot change
   * the record (and its fingerprint) after the fact. Values are small custom fields; the copy is
   * cheap. A null value is kept for bean validation to report.
   */
  public static Map<String, JsonNode> extensions(@Nullable Map<String, JsonNode> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>(map.size() * 2);
    map.forEach((k, v) -> copy.put(k, v == null ? null : v.deepCopy()));
    return Collections.unmodifiableMap(copy);
  }

  /** Returns an unmodifiable, order-preserving copy of {@code map}, or an empty map for {@code null}. */
  public static <K, V> Map<K, V> map(@Nullable Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
