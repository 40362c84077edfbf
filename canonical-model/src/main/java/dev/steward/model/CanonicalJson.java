package dev.steward.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.model.internal.RecordDeserializer;
import dev.steward.model.internal.TimeJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the canonical JSON form of Steward's model, and computes RFC 8785 canonical
 * bytes and fingerprints.
 *
 * <p>The canonical form: ISO-8601 dates and instants; decimals written plainly, never with an
 * exponent; money amounts as decimal strings; absent values and empty collections omitted;
 * properties in record declaration order and map entries sorted by key, so equal records give
 * equal bytes. Reading is strict — an unknown property, trailing content or a number where a
 * string belongs is an error — and bounded by {@link JsonLimits}, which also bound the nesting of
 * what is written. Every failure is a {@link CanonicalJsonException} naming the reason and, where
 * known, the JSON Pointer, line and column.
 *
 * <p>Obtain one with {@link #ofDefaults()} or {@link #withLimits(JsonLimits)}. Instances are
 * immutable and thread-safe; create one per set of limits and share it.
 */
public final class CanonicalJson {
  private static final CanonicalJson DEFAULT = new CanonicalJson(JsonLimits.defaults());

  private final JsonLimits limits;
  private final JsonMapper mapper;

  private CanonicalJson(JsonLimits limits) {
    this.limits = limits;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(limits.maxDocumentLength())
                    .maxNestingDepth(limits.maxNestingDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNumberLength(limits.maxNumberLength())
                    .maxNameLength(limits.maxNameLength())
                    .build())
            .streamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(limits.maxNestingDepth()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            .addModule(RecordDeserializer.module())
            .addModule(TimeJson.module())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // A number where a string belongs (or the reverse), a fraction where an integer
            // belongs, a number for a boolean or an enum: errors, not silent conversions.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(
                LogicalType.Textual,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .changeDefaultPropertyInclusion(
                incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .withConfigOverride(
                Collection.class,
                o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null)))
            .withConfigOverride(
                List.class,
                o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null)))
            .withConfigOverride(
                Map.class,
                o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null)))
            .build();
  }

  /** Returns the shared instance with {@link JsonLimits#defaults() default limits}. */
  public static CanonicalJson ofDefaults() {
    return DEFAULT;
  }

  /** Returns an instance that enforces {@code limits}. */
  public static CanonicalJson withLimits(JsonLimits limits) {
    Objects.requireNonNull(limits, "limits");
    return limits.equals(JsonLimits.defaults()) ? DEFAULT : new CanonicalJson(limits);
  }

  /** Returns the limits this instance enforces. */
  public JsonLimits limits() {
    return limits;
  }

  /**
   * Returns the configured Jackson mapper, for hosts that wire canonical JSON into their own
   * Jackson plumbing (a web framework's message converter, a broker serializer). Errors raised
   * through it directly are Jackson's, not {@link CanonicalJsonException}.
   */
  public JsonMapper mapper() {
    return mapper;
  }

  /**
   * Reads a record (or any type) from UTF-8 JSON.
   *
   * @throws CanonicalJsonException if the JSON is malformed, exceeds a limit or does not bind
   */
  public <T> T read(byte[] json, Class<T> type) {
    checkLength(json.length);
    try {
      return mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * Reads a record (or any type) from JSON text.
   *
   * @throws CanonicalJsonException if the JSON is malformed, exceeds a limit or does not bind
   */
  public <T> T read(String json, Class<T> type) {
    checkLength(json.length());
    try {
      return mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * Reads a record (or any type) from a UTF-8 JSON stream, which is not closed. The document
   * length limit applies as the stream is read, so an endless stream is refused.
   *
   * @throws CanonicalJsonException if the JSON is malformed, exceeds a limit, does not bind or
   *     the stream fails
   */
  public <T> T read(InputStream json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * Reads UTF-8 JSON into a tree, enforcing the limits.
   *
   * @throws CanonicalJsonException if the JSON is malformed or exceeds a limit
   */
  public JsonNode readTree(byte[] json) {
    checkLength(json.length);
    try {
      return mapper.readTree(json);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * Reads JSON text into a tree, enforcing the limits.
   *
   * @throws CanonicalJsonException if the JSON is malformed or exceeds a limit
   */
  public JsonNode readTree(String json) {
    checkLength(json.length());
    try {
      return mapper.readTree(json);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * Reads a UTF-8 JSON stream into a tree, enforcing the limits as it reads; the stream is not
   * closed.
   *
   * @throws CanonicalJsonException if the JSON is malformed, exceeds a limit or the stream fails
   */
  public JsonNode readTree(InputStream json) {
    try {
      return mapper.readTree(json);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * Binds a tree (for example an envelope's data) to a record.
   *
   * @throws CanonicalJsonException if the tree does not bind
   */
  public <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return mapper.treeToValue(tree, type);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /** Returns the canonical-form tree of a value. */
  public JsonNode toTree(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return mapper.valueToTree(value);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /** Returns the canonical JSON of a value as UTF-8 bytes. */
  public byte[] writeBytes(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /** Returns the canonical JSON of a value as text. */
  public String write(Object value) {
    return new String(writeBytes(value), StandardCharsets.UTF_8);
  }

  /** Returns the canonical JSON of a value, indented for people to read. */
  public String writePretty(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * Returns the RFC 8785 (JCS) canonical bytes of a value or tree: sorted properties, no white
   * space, ECMAScript number and string forms, UTF-8.
   *
   * @throws CanonicalJsonException with reason {@link CanonicalJsonException.Reason#NOT_CANONICALIZABLE}
   *     for a number an IEEE double cannot hold exactly, a non-finite number or a lone surrogate
   */
  public byte[] canonicalBytes(Object valueOrTree) {
    Objects.requireNonNull(valueOrTree, "valueOrTree");
    JsonNode tree = valueOrTree instanceof JsonNode n ? n : toTree(valueOrTree);
    return Rfc8785.canonicalize(tree, limits.maxNestingDepth());
  }

  /**
   * Returns the SHA-256 fingerprint of a value's or tree's RFC 8785 canonical bytes.
   *
   * @throws CanonicalJsonException as {@link #canonicalBytes(Object)}
   */
  public Fingerprint fingerprint(Object valueOrTree) {
    return Fingerprint.sha256(canonicalBytes(valueOrTree));
  }

  private void checkLength(long length) {
    if (length > limits.maxDocumentLength()) {
      throw new CanonicalJsonException(
          CanonicalJsonException.Reason.LIMIT_EXCEEDED,
          "document of "
              + length
              + " bytes exceeds the maximum document length of "
              + limits.maxDocumentLength()
              + " (raise JsonLimits.maxDocumentLength to accept it)",
          "",
          1,
          1,
          null);
    }
  }

  /** Turns any Jackson failure into a {@link CanonicalJsonException} with reason and location. */
  static CanonicalJsonException translate(JacksonException e) {
    @Nullable TokenStreamLocation loc = e.getLocation();
    long line = loc == null ? -1 : loc.getLineNr();
    long column = loc == null ? -1 : loc.getColumnNr();
    String pointer = pointer(e.getPath());
    String at = (pointer.isEmpty() ? "document" : pointer) + (line > 0 ? " (line " + line + ", column " + column + ")" : "");
    StreamConstraintsException limit = find(e, StreamConstraintsException.class);
    if (limit != null) {
      return new CanonicalJsonException(
          CanonicalJsonException.Reason.LIMIT_EXCEEDED,
          at + ": " + limitMessage(limit.getOriginalMessage()),
          pointer,
          line,
          column,
          e);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return new CanonicalJsonException(
          CanonicalJsonException.Reason.BINDING_FAILED,
          at
              + ": unknown property '"
              + u.getPropertyName()
              + "' for "
              + u.getReferringClass().getSimpleName()
              + "; the canonical model is closed, put a firm's own fields under extensions",
          pointer,
          line,
          column,
          e);
    }
    if (e instanceof DatabindException) {
      StewardException model = find(e, StewardException.class);
      String detail = model != null ? model.getMessage() : e.getOriginalMessage();
      return new CanonicalJsonException(
          CanonicalJsonException.Reason.BINDING_FAILED, at + ": " + detail, pointer, line, column, e);
    }
    if (e instanceof StreamReadException) {
      return new CanonicalJsonException(
          CanonicalJsonException.Reason.MALFORMED_JSON,
          at + ": malformed JSON: " + e.getOriginalMessage(),
          pointer,
          line,
          column,
          e);
    }
    IOException io = find(e, IOException.class);
    return new CanonicalJsonException(
        io != null ? CanonicalJsonException.Reason.READ_FAILED : CanonicalJsonException.Reason.BINDING_FAILED,
        at + ": " + e.getOriginalMessage(),
        pointer,
        line,
        column,
        e);
  }

  private static String limitMessage(String jacksonMessage) {
    String setting =
        jacksonMessage.contains("nesting depth")
            ? "maxNestingDepth"
            : jacksonMessage.contains("String value length")
                ? "maxStringLength"
                : jacksonMessage.contains("Number value length")
                    ? "maxNumberLength"
                    : jacksonMessage.contains("Name length")
                        ? "maxNameLength"
                        : jacksonMessage.contains("Document length") ? "maxDocumentLength" : null;
    String clean = jacksonMessage.replaceAll(", from `StreamReadConstraints[^`]*`", "");
    return setting == null ? clean : clean + " (raise JsonLimits." + setting + " to accept it)";
  }

  private static String pointer(List<JacksonException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : path) {
      String name = ref.getPropertyName();
      if (name != null) {
        sb.append('/').append(JsonPointers.escape(name));
      } else if (ref.getIndex() >= 0) {
        sb.append('/').append(ref.getIndex());
      }
    }
    return sb.toString();
  }

  private static <X extends Throwable> @Nullable X find(Throwable t, Class<X> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
