package dev.steward.core.ownership;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where accepted values go next: for each target system, the JSON Pointers of the values to send
 * it. The system a change came from is never a target of it. Immutable.
 */
public final class SyncPlan {
  private static final SyncPlan EMPTY = new SyncPlan(Map.of());

  private final Map<String, List<String>> pointersBySystem;

  private SyncPlan(Map<String, List<String>> pointersBySystem) {
    this.pointersBySystem = pointersBySystem;
  }

  /** Wraps a plan the engine built sorted, without copying it again. */
  static SyncPlan ofSorted(TreeMap<String, TreeSet<String>> plan) {
    if (plan.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<String>> lists = new TreeMap<>();
    plan.forEach((system, pointers) -> lists.put(system, List.copyOf(pointers)));
    return new SyncPlan(Collections.unmodifiableMap(lists));
  }

  /** Returns the plan that sends nothing. */
  static SyncPlan empty() {
    return EMPTY;
  }

  /** Returns the target systems, sorted. */
  public Set<String> targets() {
    return pointersBySystem.keySet();
  }

  /** Returns the pointers of the values to send to {@code system}, sorted; empty if none. */
  public List<String> pointersFor(String system) {
    return pointersBySystem.getOrDefault(system, List.of());
  }

  /** Returns the whole plan, target system to pointers. */
  public Map<String, List<String>> asMap() {
    return pointersBySystem;
  }

  /** Returns whether nothing is to be sent. */
  public boolean isEmpty() {
    return pointersBySystem.isEmpty();
  }

  @Override
  public String toString() {
    return "SyncPlan" + pointersBySystem;
  }
}
