package dev.steward.core.ownership;

import dev.steward.model.EntityType;
import dev.steward.model.SystemIds;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One incoming change, as ownership judges it: which entity, from which system, the values sent,
 * and what the change is based on.
 *
 * <p>The values sent read as a JSON merge patch (RFC 7386) on the golden record: a value present
 * sets the attribute, an explicit {@code null} removes it, an absent attribute is left as it is,
 * and a list is replaced as a whole. A complete record is a patch that sends everything. {@code
 * /meta} is governance metadata and is ignored.
 *
 * <p>Build one with {@link #builder(EntityType, String, JsonNode)}. Immutable.
 */
public final class ChangeRequest {
  private final EntityType entityType;
  private final String source;
  private final JsonNode incoming;
  private final @Nullable JsonNode golden;
  private final @Nullable Long baseVersion;
  private final Map<String, AttributeChange> history;
  private final boolean strict;

  private ChangeRequest(Builder b) {
    this.entityType = b.entityType;
    this.source = b.source;
    this.incoming = b.incoming;
    this.golden = b.golden;
    this.baseVersion = b.baseVersion;
    this.history = Map.copyOf(b.history);
    this.strict = b.strict;
  }

  /**
   * Starts a change of an entity of {@code type} sent by {@code source}.
   *
   * @throws IllegalArgumentException if {@code source} is not a system id or {@code incoming} is
   *     not a JSON object
   */
  public static Builder builder(EntityType type, String source, JsonNode incoming) {
    return new Builder(type, source, incoming);
  }

  /** Returns the entity type. */
  public EntityType entityType() {
    return entityType;
  }

  /** Returns the system the change came from. */
  public String source() {
    return source;
  }

  /** Returns the values sent, a merge patch on the golden record. */
  public JsonNode incoming() {
    return incoming;
  }

  /** Returns the current golden record, or empty when the change creates the entity. */
  public Optional<JsonNode> golden() {
    return Optional.ofNullable(golden);
  }

  /** Returns the golden version the source's change is based on, if known. */
  public Optional<Long> baseVersion() {
    return Optional.ofNullable(baseVersion);
  }

  /** Returns the last change of each attribute value, by concrete JSON Pointer, as far as known. */
  public Map<String, AttributeChange> history() {
    return history;
  }

  /** Returns whether the change is all-or-nothing: any refused value applies nothing. */
  public boolean strict() {
    return strict;
  }

  /**
   * When and by whom one attribute value of the golden record last changed.
   *
   * @param version the golden version the change produced
   * @param system the system whose change it was
   */
  public record AttributeChange(long version, String system) {
    /** Checks the system is present. */
    public AttributeChange {
      Objects.requireNonNull(system, "system");
    }
  }

  /** Builds a {@link ChangeRequest}. Not thread-safe. */
  public static final class Builder {
    private final EntityType entityType;
    private final String source;
    private final JsonNode incoming;
    private @Nullable JsonNode golden;
    private @Nullable Long baseVersion;
    private Map<String, AttributeChange> history = Map.of();
    private boolean strict;

    private Builder(EntityType type, String source, JsonNode incoming) {
      this.entityType = Objects.requireNonNull(type, "type");
      Objects.requireNonNull(source, "source");
      if (!SystemIds.isValid(source)) {
        throw new IllegalArgumentException("source '" + source + "' is not a system id (" + SystemIds.PATTERN + ")");
      }
      this.source = source;
      Objects.requireNonNull(incoming, "incoming");
      if (!incoming.isObject()) {
        throw new IllegalArgumentException("incoming values must be a JSON object, not " + incoming.getNodeType());
      }
      this.incoming = incoming;
    }

    /** Sets the current golden record; leave unset when the change creates the entity. */
    public Builder golden(JsonNode record) {
      Objects.requireNonNull(record, "record");
      if (!record.isObject()) {
        throw new IllegalArgumentException("golden record must be a JSON object, not " + record.getNodeType());
      }
      this.golden = record;
      return this;
    }

    /** Sets the golden version the source's change is based on. */
    public Builder baseVersion(long version) {
      if (version < 0) {
        throw new IllegalArgumentException("baseVersion must not be negative, was " + version);
      }
      this.baseVersion = version;
      return this;
    }

    /** Sets when and by whom each attribute value last changed, by concrete JSON Pointer. */
    public Builder history(Map<String, AttributeChange> lastChanges) {
      this.history = Objects.requireNonNull(lastChanges, "lastChanges");
      return this;
    }

    /** Makes the change all-or-nothing. */
    public Builder strict() {
      this.strict = true;
      return this;
    }

    /** Returns the request. */
    public ChangeRequest build() {
      return new ChangeRequest(this);
    }
  }
}
