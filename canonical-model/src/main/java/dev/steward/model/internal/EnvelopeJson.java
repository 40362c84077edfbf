package dev.steward.model.internal;

import dev.steward.model.Envelope;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/** CloudEvents 1.0 structured-mode JSON for {@link Envelope}. */
public final class EnvelopeJson {
  private static final Set<String> STANDARD =
      Set.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data", "data_base64");
  private static final Set<String> STEWARD =
      Set.of("correlationid", "causationid", "traceparent", "tracestate", "idempotencykey", "entityversion");

  /** The form of a CloudEvents extension attribute name. */
  public static final String EXTENSION_NAME = "^[a-z0-9]{1,20}$";

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(EXTENSION_NAME);
  private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("[0-9]{1,19}");

  private EnvelopeJson() {}

  /**
   * Checks an extension attribute: a name of 1-20 lowercase letters or digits that is not a
   * standard or Steward attribute, and a string, 32-bit integer or boolean value. Builder,
   * reader and writer apply this one rule, so what one writes the other reads.
   *
   * @return why the attribute is refused, or empty if it is acceptable
   */
  public static java.util.Optional<String> checkExtension(String name, JsonNode value) {
    if (name == null || !NAME.matcher(name).matches()) {
      return java.util.Optional.of(
          "extension attribute name '" + name + "' must be 1 to 20 lowercase letters or digits");
    }
    if (STANDARD.contains(name) || STEWARD.contains(name)) {
      return java.util.Optional.of("'" + name + "' is a standard or Steward attribute, not an extension attribute");
    }
    if (value.isNumber() && !(value.isIntegralNumber() && value.canConvertToInt())) {
      return java.util.Optional.of("extension attribute '" + name + "' is " + value
          + "; CloudEvents integers are 32-bit whole numbers (carry other numbers as strings)");
    }
    if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
      return java.util.Optional.of(
          "extension attribute '" + name + "' must be a string, integer or boolean, not " + value.getNodeType());
    }
    return java.util.Optional.empty();
  }

  /** Writes an envelope as CloudEvents structured-mode JSON. */
  public static final class Writer extends ValueSerializer<Envelope> {
    /** Creates the writer; Jackson calls this. */
    public Writer() {}

    @Override
    public void serialize(Envelope e, JsonGenerator g, SerializationContext ctxt) throws JacksonException {
      g.writeStartObject();
      g.writeStringProperty("specversion", Envelope.SPEC_VERSION);
      g.writeStringProperty("id", e.id());
      g.writeStringProperty("source", e.source().toString());
      g.writeStringProperty("type", e.type());
      optional(g, "subject", e.subject());
      optional(g, "time", e.time() == null ? null : e.time().toString());
      optional(g, "datacontenttype", e.dataContentType());
      optional(g, "dataschema", e.dataSchema() == null ? null : e.dataSchema().toString());
      optional(g, "correlationid", e.correlationId());
      optional(g, "causationid", e.causationId());
      optional(g, "traceparent", e.traceparent());
      optional(g, "tracestate", e.tracestate());
      optional(g, "idempotencykey", e.idempotencyKey());
      optional(g, "entityversion", e.entityVersion() == null ? null : e.entityVersion().toString());
      for (Map.Entry<String, JsonNode> x : new TreeMap<>(e.extensions()).entrySet()) {
        java.util.Optional<String> refusal = checkExtension(x.getKey(), x.getValue());
        if (refusal.isPresent()) {
          throw DatabindException.from(g, refusal.get());
        }
        g.writeName(x.getKey());
        g.writeTree(x.getValue());
      }
      if (e.data() != null) {
        g.writeName("data");
        g.writeTree(e.data());
      }
      g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, @Nullable String value) {
      if (value != null) {
        g.writeStringProperty(name, value);
      }
    }
  }

  /** Reads CloudEvents structured-mode JSON into an envelope, refusing what CloudEvents 1.0 refuses. */
  public static final class Reader extends ValueDeserializer<Envelope> {
    /** Creates the reader; Jackson calls this. */
    public Reader() {}

    @Override
    public Envelope deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      JsonNode n = ctxt.readTree(p);
      if (!n.isObject()) {
        throw fail(p, "", "a CloudEvent must be a JSON object, not " + n.getNodeType());
      }
      String spec = required(p, n, "specversion");
      if (!spec.equals(Envelope.SPEC_VERSION)) {
        throw fail(p, "specversion", "specversion '" + spec + "' is not supported; Steward reads CloudEvents 1.0");
      }
      if (n.has("data_base64")) {
        throw fail(p, "data_base64", "data_base64 (binary data) is not supported: Steward envelopes carry JSON data");
      }
      Map<String, JsonNode> extensions = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String name = e.getKey();
        if (STANDARD.contains(name) || STEWARD.contains(name)) {
          continue;
        }
        JsonNode v = e.getValue();
        if (v.isNull() && NAME.matcher(name).matches()) {
          continue; // CloudEvents: a null attribute is the same as an absent one
        }
        java.util.Optional<String> refusal = checkExtension(name, v);
        if (refusal.isPresent()) {
          throw fail(p, name, refusal.get());
        }
        extensions.put(name, v);
      }
      String version = optional(p, n, "entityversion");
      Long entityVersion = null;
      if (version != null) {
        try {
          if (!VERSION.matcher(version).matches()) {
            throw new NumberFormatException();
          }
          entityVersion = Long.parseLong(version);
        } catch (NumberFormatException ex) {
          throw fail(p, "entityversion", "entityversion '" + version + "' must be a string of digits no larger than " + Long.MAX_VALUE);
        }
      }
      String time = optional(p, n, "time");
      Instant instant = null;
      if (time != null) {
        try {
          instant = java.time.OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException ex) {
          throw fail(p, "time", "time '" + time + "' is not an RFC 3339 timestamp");
        }
      }
      String dataschema = optional(p, n, "dataschema");
      JsonNode data = n.get("data");
      return new Envelope(
          required(p, n, "id"),
          uri(p, "source", required(p, n, "source")),
          required(p, n, "type"),
          optional(p, n, "subject"),
          instant,
          optional(p, n, "datacontenttype"),
          dataschema == null ? null : uri(p, "dataschema", dataschema),
          data == null || data.isNull() ? null : data,
          optional(p, n, "correlationid"),
          optional(p, n, "causationid"),
          optional(p, n, "traceparent"),
          optional(p, n, "tracestate"),
          optional(p, n, "idempotencykey"),
          entityVersion,
          extensions);
    }

    private static String required(JsonParser p, JsonNode n, String name) {
      String v = optional(p, n, name);
      if (v == null || v.isEmpty()) {
        throw fail(p, name, "required CloudEvents attribute '" + name + "' is missing or empty");
      }
      return v;
    }

    private static @Nullable String optional(JsonParser p, JsonNode n, String name) {
      JsonNode v = n.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isString()) {
        throw fail(p, name, "attribute '" + name + "' must be a string, not " + v.getNodeType());
      }
      return v.stringValue();
    }

    private static URI uri(JsonParser p, String name, String value) {
      try {
        return new URI(value);
      } catch (URISyntaxException e) {
        throw fail(p, name, "attribute '" + name + "' is not a URI-reference: " + e.getMessage());
      }
    }

    private static DatabindException fail(JsonParser p, String attribute, String message) {
      DatabindException e = DatabindException.from(p, message);
      if (!attribute.isEmpty()) {
        e.prependPath(new JacksonException.Reference(Envelope.class, attribute));
      }
      return e;
    }
  }
}
