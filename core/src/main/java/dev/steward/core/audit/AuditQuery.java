package dev.steward.core.audit;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to find: by actor, action, entity, correlation id and time, each optional;
 * all given criteria must hold. "Who changed this mapping", "who approved that override", "who
 * reprocessed this transaction" are such queries.
 *
 * @param actor the actor, or null for any
 * @param action the action, or null for any
 * @param entity the entity's canonical id, or null for any
 * @param correlationId the correlation id, or null for any
 * @param from the earliest time, inclusive, or null
 * @param until the latest time, exclusive, or null
 * @param limit the most entries to return
 * @param order which matching entries come first, and so which ones the limit keeps
 */
public record AuditQuery(
    @Nullable Actor actor,
    @Nullable String action,
    @Nullable String entity,
    @Nullable String correlationId,
    @Nullable Instant from,
    @Nullable Instant until,
    int limit,
    Order order) {

  /** Which matching entries a query returns first. */
  public enum Order {
    /** In the order they were appended: the limit keeps the oldest matches. */
    OLDEST_FIRST,
    /** Newest first: the limit keeps the latest matches, as "who last changed this" needs. */
    NEWEST_FIRST
  }

  /** The default and largest limit. */
  public static final int MAX_LIMIT = 10_000;

  /** Checks the limit and the order. */
  public AuditQuery {
    Objects.requireNonNull(order, "order");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + "; was " + limit);
    }
  }

  /** Returns the query that matches every entry, up to {@link #MAX_LIMIT}. */
  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null, MAX_LIMIT, Order.OLDEST_FIRST);
  }

  /** Returns this query narrowed to {@code actor}. */
  public AuditQuery byActor(Actor actor) {
    return new AuditQuery(Objects.requireNonNull(actor), action, entity, correlationId, from, until, limit, order);
  }

  /** Returns this query narrowed to {@code action}. */
  public AuditQuery withAction(String action) {
    return new AuditQuery(actor, Objects.requireNonNull(action), entity, correlationId, from, until, limit, order);
  }

  /** Returns this query narrowed to {@code entity}. */
  public AuditQuery onEntity(String entity) {
    return new AuditQuery(actor, action, Objects.requireNonNull(entity), correlationId, from, until, limit, order);
  }

  /** Returns this query narrowed to {@code correlationId}. */
  public AuditQuery inCorrelation(String correlationId) {
    return new AuditQuery(actor, action, entity, Objects.requireNonNull(correlationId), from, until, limit, order);
  }

  /** Returns this query narrowed to {@code [from, until)}. */
  public AuditQuery between(Instant from, Instant until) {
    return new AuditQuery(actor, action, entity, correlationId, Objects.requireNonNull(from),
        Objects.requireNonNull(until), limit, order);
  }

  /**
   * Returns this query returning at most {@code limit} entries.
   *
   * @throws IllegalArgumentException if the limit is not 1 to {@value #MAX_LIMIT}
   */
  public AuditQuery limitedTo(int limit) {
    return new AuditQuery(actor, action, entity, correlationId, from, until, limit, order);
  }

  /** Returns this query returning the newest matches first. */
  public AuditQuery newestFirst() {
    return new AuditQuery(actor, action, entity, correlationId, from, until, limit, Order.NEWEST_FIRST);
  }

  /** Returns whether {@code record} matches. */
  public boolean matches(AuditRecord record) {
    AuditEvent e = record.event();
    return (actor == null || actor.equals(e.actor()))
        && (action == null || action.equals(e.action()))
        && (entity == null || entity.equals(e.entity()))
        && (correlationId == null || correlationId.equals(e.correlationId()))
        && (from == null || !record.at().isBefore(from))
        && (until == null || record.at().isBefore(until));
  }
}
