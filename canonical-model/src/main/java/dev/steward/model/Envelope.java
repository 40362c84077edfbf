package dev.steward.model;

import dev.steward.model.internal.EnvelopeJson;
import dev.steward.model.internal.Immutables;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The carrier of one change on its way through Steward, shaped as a CloudEvents 1.0 event.
 *
 * <p>Its JSON form is CloudEvents structured-mode JSON: the context attributes {@code
 * specversion} ("1.0"), {@code id}, {@code source}, {@code type}, {@code subject}, {@code time},
 * {@code datacontenttype} and {@code dataschema} (the canonical schema URI, which carries the
 * schema version), then Steward's extension attributes {@code correlationid}, {@code causationid},
 * {@code traceparent}, {@code tracestate}, {@code idempotencykey} and {@code entityversion}, any
 * other extension attributes exactly as received, and {@code data}. Reading refuses what
 * CloudEvents 1.0 refuses (a missing required attribute, an extension name outside {@code
 * [a-z0-9]}, a decimal or out-of-range integer extension value) and {@code data_base64}: Steward
 * envelopes carry JSON data.
 *
 * <p>{@code entityversion} is written as a string of digits: CloudEvents integers are 32-bit, and
 * a version may be a source timestamp in milliseconds.
 *
 * <p>Build one with {@link #builder()}. Immutable.
 *
 * @param id the event id, unique within its source
 * @param source the context the change happened in; Steward uses {@code /systems/<system id>}
 * @param type the kind of change, such as {@code dev.steward.customer.changed}
 * @param subject what the change is about, usually the canonical or external id of the entity
 * @param time when the change happened at the source
 * @param dataContentType the media type of {@code data}, {@code application/json} for canonical data
 * @param dataSchema the URI of the schema {@code data} conforms to (see {@link SchemaRef})
 * @param data the payload
 * @param correlationId the id shared by every change of one business transaction
 * @param causationId the id of the event that caused this one
 * @param traceparent the W3C Trace Context {@code traceparent} header value
 * @param tracestate the W3C Trace Context {@code tracestate} header value
 * @param idempotencyKey the key under which this change is applied at most once
 * @param entityVersion the entity's version as the sender knows it, moving only forward: the
 *     source system's version (or timestamp) for inbound changes, the golden record's version for
 *     changes Steward publishes
 * @param extensions other CloudEvents extension attributes, kept as received
 */
@JsonSerialize(using = EnvelopeJson.Writer.class)
@JsonDeserialize(using = EnvelopeJson.Reader.class)
public record Envelope(
    @NotBlank @Size(max = 255) String id,
    @NotNull URI source,
    @NotBlank @Size(max = 255) String type,
    @Nullable @Size(min = 1, max = 255) String subject,
    @Nullable Instant time,
    @Nullable @Size(min = 1, max = 255) String dataContentType,
    @Nullable URI dataSchema,
    @Nullable JsonNode data,
    @Nullable @Size(min = 1, max = 255) String correlationId,
    @Nullable @Size(min = 1, max = 255) String causationId,
    @Nullable @Pattern(regexp = TRACEPARENT_FORM) String traceparent,
    @Nullable @Size(max = 512) String tracestate,
    @Nullable @Size(min = 1, max = 255) String idempotencyKey,
    @Nullable @PositiveOrZero Long entityVersion,
    @Size(max = 64) Map<@Pattern(regexp = EnvelopeJson.EXTENSION_NAME) String, @NotNull JsonNode> extensions) {

  /** The CloudEvents version Steward reads and writes. */
  public static final String SPEC_VERSION = "1.0";

  /** The media type of canonical JSON data. */
  public static final String JSON = "application/json";

  /** The form of a version-00 {@code traceparent}; the correlation package checks it fully. */
  public static final String TRACEPARENT_FORM = "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

  private static final String SYSTEM_SOURCE_PREFIX = "/systems/";

  /** Copies the extension attributes into an unmodifiable map. */
  public Envelope {
    extensions = Immutables.map(extensions);
  }

  /** Returns a builder for a new envelope. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the system id of the source, when the source follows Steward's {@code /systems/<id>}
   * convention.
   */
  public Optional<String> sourceSystem() {
    String s = source.toString();
    if (s.startsWith(SYSTEM_SOURCE_PREFIX)) {
      String system = s.substring(SYSTEM_SOURCE_PREFIX.length());
      if (SystemIds.isValid(system)) {
        return Optional.of(system);
      }
    }
    return Optional.empty();
  }

  /** Returns the canonical schema {@code data} conforms to, when {@code dataschema} names one. */
  public Optional<SchemaRef> schemaRef() {
    return dataSchema == null ? Optional.empty() : SchemaRef.fromUri(dataSchema);
  }

  /**
   * Builds an {@link Envelope}. Each setter checks its argument at once and may be called only
   * once; {@link #build()} checks that {@code id}, {@code source}, {@code type} are set. Not
   * thread-safe.
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable URI source;
    private @Nullable String type;
    private @Nullable String subject;
    private @Nullable Instant time;
    private @Nullable String dataContentType;
    private @Nullable URI dataSchema;
    private @Nullable JsonNode data;
    private @Nullable String correlationId;
    private @Nullable String causationId;
    private @Nullable String traceparent;
    private @Nullable String tracestate;
    private @Nullable String idempotencyKey;
    private @Nullable Long entityVersion;
    private final Map<String, JsonNode> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the event id. */
    public Builder id(String id) {
      this.id = once("id", this.id, text("id", id));
      return this;
    }

    /** Sets the source URI-reference. */
    public Builder source(URI source) {
      this.source = once("source", this.source, Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Sets the source to Steward's convention for a connected system, {@code /systems/<id>}. */
    public Builder sourceSystem(String systemId) {
      Objects.requireNonNull(systemId, "systemId");
      if (!SystemIds.isValid(systemId)) {
        throw new IllegalArgumentException(
            "sourceSystem '" + systemId + "' is not a system id (" + SystemIds.PATTERN + ")");
      }
      return source(URI.create(SYSTEM_SOURCE_PREFIX + systemId));
    }

    /** Sets the event type. */
    public Builder type(String type) {
      this.type = once("type", this.type, text("type", type));
      return this;
    }

    /** Sets the subject. */
    public Builder subject(String subject) {
      this.subject = once("subject", this.subject, text("subject", subject));
      return this;
    }

    /** Sets when the change happened. */
    public Builder time(Instant time) {
      this.time = once("time", this.time, Objects.requireNonNull(time, "time"));
      return this;
    }

    /** Sets JSON data, with {@code datacontenttype} {@code application/json}. */
    public Builder data(JsonNode data) {
      this.data = once("data", this.data, Objects.requireNonNull(data, "data"));
      this.dataContentType = JSON;
      return this;
    }

    /** Sets the schema {@code data} conforms to. */
    public Builder dataSchema(SchemaRef schema) {
      return dataSchema(schema.uri());
    }

    /** Sets the URI of the schema {@code data} conforms to. */
    public Builder dataSchema(URI dataSchema) {
      this.dataSchema = once("dataSchema", this.dataSchema, Objects.requireNonNull(dataSchema, "dataSchema"));
      return this;
    }

    /**
     * Carries a canonical entity: its canonical JSON as data, its schema and version as
     * {@code dataschema} and {@code entityversion}, and its id as subject.
     */
    public Builder entity(CanonicalEntity entity, CanonicalJson json) {
      Objects.requireNonNull(entity, "entity");
      // Parsed rather than converted, so the tree equals the one any reader of this envelope
      // gets (a converted tree keeps Java number types: LongNode where a parser makes IntNode).
      data(json.readTree(json.writeBytes(entity)));
      dataSchema(SchemaRef.of(entity.entityType(), entity.meta().schemaVersion()));
      subject(entity.id().toString());
      return entityVersion(entity.meta().version());
    }

    /** Sets the correlation id. */
    public Builder correlationId(String correlationId) {
      this.correlationId = once("correlationId", this.correlationId, text("correlationId", correlationId));
      return this;
    }

    /** Sets the causation id. */
    public Builder causationId(String causationId) {
      this.causationId = once("causationId", this.causationId, text("causationId", causationId));
      return this;
    }

    /**
     * Marks this envelope as caused by {@code cause}: the causation id is the cause's id, and the
     * correlation id is the cause's correlation id, or its id when it has none.
     */
    public Builder causedBy(Envelope cause) {
      Objects.requireNonNull(cause, "cause");
      causationId(cause.id());
      return correlationId(cause.correlationId() != null ? cause.correlationId() : cause.id());
    }

    /** Sets the W3C {@code traceparent}. */
    public Builder traceparent(String traceparent) {
      Objects.requireNonNull(traceparent, "traceparent");
      if (!traceparent.matches(TRACEPARENT_FORM)) {
        throw new IllegalArgumentException("traceparent '" + traceparent + "' is not of the form " + TRACEPARENT_FORM);
      }
      this.traceparent = once("traceparent", this.traceparent, traceparent);
      return this;
    }

    /** Sets the W3C {@code tracestate}. */
    public Builder tracestate(String tracestate) {
      Objects.requireNonNull(tracestate, "tracestate");
      if (tracestate.length() > 512) {
        throw new IllegalArgumentException("tracestate must be at most 512 characters, was " + tracestate.length());
      }
      this.tracestate = once("tracestate", this.tracestate, tracestate);
      return this;
    }

    /** Sets the idempotency key. */
    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = once("idempotencyKey", this.idempotencyKey, text("idempotencyKey", idempotencyKey));
      return this;
    }

    /** Sets the entity version at the source; not negative. */
    public Builder entityVersion(long entityVersion) {
      if (entityVersion < 0) {
        throw new IllegalArgumentException("entityVersion must not be negative, was " + entityVersion);
      }
      this.entityVersion = once("entityVersion", this.entityVersion, entityVersion);
      return this;
    }

    /**
     * Adds another CloudEvents extension attribute.
     *
     * @throws IllegalArgumentException if the name is not 1-20 lowercase letters or digits, names
     *     a standard or Steward attribute, or the value is not a string, 32-bit integer or boolean
     */
    public Builder extension(String name, JsonNode value) {
      Objects.requireNonNull(value, "value");
      EnvelopeJson.checkExtension(name, value).ifPresent(refusal -> {
        throw new IllegalArgumentException(refusal);
      });
      if (extensions.putIfAbsent(name, value) != null) {
        throw new IllegalStateException("extension '" + name + "' was already set");
      }
      return this;
    }

    /** Returns the envelope. */
    public Envelope build() {
      if (id == null || source == null || type == null) {
        throw new IllegalStateException(
            "an envelope needs id, source and type; missing:"
                + (id == null ? " id" : "")
                + (source == null ? " source" : "")
                + (type == null ? " type" : ""));
      }
      return new Envelope(
          id, source, type, subject, time, dataContentType, dataSchema, data, correlationId, causationId,
          traceparent, tracestate, idempotencyKey, entityVersion, extensions);
    }

    private static <T> T once(String name, @Nullable T current, T value) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set to " + current);
      }
      return value;
    }

    private static String text(String name, String value) {
      Objects.requireNonNull(value, name);
      if (value.isBlank() || value.length() > 255) {
        throw new IllegalArgumentException(name + " must be 1 to 255 characters, not blank; was '" + value + "'");
      }
      return value;
    }
  }
}
