package dev.steward.core.ownership;

import dev.steward.model.EntityType;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One decision of the governance board: for some attributes of an entity, and while a condition
 * on the record holds, which system owns them and who else may touch them.
 *
 * <ul>
 *   <li>{@code owner}: the system of record; only its changes are applied.
 *   <li>{@code originators}: systems that may set the attributes when they create the record;
 *       on the defaults rule, the systems that may create the record at all.
 *   <li>{@code proposers}: systems whose changes are recorded and routed for approval, not
 *       applied.
 *   <li>{@code syncTargets}: systems an accepted change is sent to.
 *   <li>{@code readers}: systems that consume the attributes read-only.
 * </ul>
 *
 * <p>Obtain rules from an {@link OwnershipPolicy}. Immutable.
 */
public final class OwnershipRule {
  private final String id;
  private final EntityType entityType;
  private final AttributeSelector selector;
  private final Condition condition;
  private final String owner;
  private final Set<String> originators;
  private final Set<String> proposers;
  private final Set<String> syncTargets;
  private final Set<String> readers;

  OwnershipRule(
      String id,
      EntityType entityType,
      AttributeSelector selector,
      Condition condition,
      String owner,
      Set<String> originators,
      Set<String> proposers,
      Set<String> syncTargets,
      Set<String> readers) {
    this.id = Objects.requireNonNull(id, "id");
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.selector = Objects.requireNonNull(selector, "selector");
    this.condition = Objects.requireNonNull(condition, "condition");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.originators = Set.copyOf(originators);
    this.proposers = Set.copyOf(proposers);
    this.syncTargets = Set.copyOf(syncTargets);
    this.readers = Set.copyOf(readers);
  }

  /** Returns the rule's id, unique within its policy; decisions name it. */
  public String id() {
    return id;
  }

  /** Returns the entity type the rule is about. */
  public EntityType entityType() {
    return entityType;
  }

  /** Returns which attributes the rule addresses. */
  public AttributeSelector selector() {
    return selector;
  }

  /** Returns when the rule applies. */
  public Condition condition() {
    return condition;
  }

  /** Returns the owning system. */
  public String owner() {
    return owner;
  }

  /** Returns the systems that may originate the attributes (or, on defaults, the record). */
  public Set<String> originators() {
    return originators;
  }

  /** Returns the systems that may propose values. */
  public Set<String> proposers() {
    return proposers;
  }

  /** Returns the systems accepted changes are sent to. */
  public Set<String> syncTargets() {
    return syncTargets;
  }

  /** Returns the read-only consumers. */
  public Set<String> readers() {
    return readers;
  }

  /** Returns every system the rule names, in any role. */
  public Set<String> systems() {
    java.util.Set<String> all = new java.util.TreeSet<>();
    all.add(owner);
    all.addAll(originators);
    all.addAll(proposers);
    all.addAll(syncTargets);
    all.addAll(readers);
    return all;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OwnershipRule r
        && id.equals(r.id)
        && entityType == r.entityType
        && selector.equals(r.selector)
        && condition.equals(r.condition)
        && owner.equals(r.owner)
        && originators.equals(r.originators)
        && proposers.equals(r.proposers)
        && syncTargets.equals(r.syncTargets)
        && readers.equals(r.readers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, entityType, selector, condition, owner, originators, proposers, syncTargets, readers);
  }

  /** Returns the rule in one line: id, selector, condition and owner. */
  @Override
  public String toString() {
    return id + ": " + entityType.schemaName() + " " + selector
        + (condition == Condition.always() ? "" : " when " + condition.describe()) + " owned by " + owner;
  }
}
