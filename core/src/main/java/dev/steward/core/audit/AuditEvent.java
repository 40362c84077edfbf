package dev.steward.core.audit;

import dev.steward.model.Fingerprint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to record: who did what to which entity and attributes, the fingerprints of the record
 * before and after, the correlation id of the change and the ownership policy version in force.
 *
 * @param actor who did it
 * @param action what was done, such as {@code mapping.change}, {@code override.approve} or
 *     {@code transaction.reprocess}
 * @param entity the canonical id of the entity acted on, or null for none
 * @param attributes the JSON Pointers of the attributes touched; empty for the whole entity
 * @param before the fingerprint of the record before, or null
 * @param after the fingerprint of the record after, or null
 * @param correlationId the correlation id of the change, or null
 * @param policyVersion the version of the ownership policy in force, or null
 * @param details further facts, such as a reason an operator gave; small, no secrets
 */
public record AuditEvent(
    Actor actor,
    String action,
    @Nullable String entity,
    List<String> attributes,
    @Nullable Fingerprint before,
    @Nullable Fingerprint after,
    @Nullable String correlationId,
    @Nullable String policyVersion,
    Map<String, String> details) {

  /** Checks the parts and copies the collections. */
  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    if (action.isBlank() || action.length() > 100) {
      throw new IllegalArgumentException("action must be 1 to 100 characters, not blank");
    }
    bounded(entity, "entity");
    bounded(correlationId, "correlationId");
    bounded(policyVersion, "policyVersion");
    attributes = List.copyOf(attributes);
    details = Map.copyOf(details);
  }

  /** The longest entity id, correlation id or policy version an event holds, as every store keeps. */
  public static final int MAX_ID_LENGTH = 255;

  private static void bounded(@Nullable String value, String name) {
    if (value != null && (value.isBlank() || value.length() > MAX_ID_LENGTH)) {
      throw new IllegalArgumentException(name + " must be 1 to " + MAX_ID_LENGTH + " characters, not blank; was "
          + value.length());
    }
  }

  /** Starts an event of {@code actor} doing {@code action}. */
  public static Builder of(Actor actor, String action) {
    return new Builder(actor, action);
  }

  /** Builds an {@link AuditEvent}. Not thread-safe. */
  public static final class Builder {
    private final Actor actor;
    private final String action;
    private @Nullable String entity;
    private List<String> attributes = List.of();
    private @Nullable Fingerprint before;
    private @Nullable Fingerprint after;
    private @Nullable String correlationId;
    private @Nullable String policyVersion;
    private Map<String, String> details = Map.of();

    private Builder(Actor actor, String action) {
      this.actor = actor;
      this.action = action;
    }

    /** Sets the entity acted on. */
    public Builder entity(String canonicalId) {
      this.entity = Objects.requireNonNull(canonicalId, "canonicalId");
      return this;
    }

    /** Sets the attributes touched. */
    public Builder attributes(List<String> pointers) {
      this.attributes = List.copyOf(pointers);
      return this;
    }

    /** Sets the fingerprints before and after. */
    public Builder fingerprints(@Nullable Fingerprint before, @Nullable Fingerprint after) {
      this.before = before;
      this.after = after;
      return this;
    }

    /** Sets the correlation id. */
    public Builder correlationId(String correlationId) {
      this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
      return this;
    }

    /** Sets the ownership policy version in force. */
    public Builder policyVersion(String policyVersion) {
      this.policyVersion = Objects.requireNonNull(policyVersion, "policyVersion");
      return this;
    }

    /** Sets further facts. */
    public Builder details(Map<String, String> details) {
      this.details = Map.copyOf(details);
      return this;
    }

    /** Builds the event. */
    public AuditEvent build() {
      return new AuditEvent(actor, action, entity, attributes, before, after, correlationId, policyVersion, details);
    }
  }
}
