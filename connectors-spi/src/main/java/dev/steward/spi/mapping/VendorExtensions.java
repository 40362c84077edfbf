package dev.steward.spi.mapping;

import dev.steward.model.CanonicalEntity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How vendor fields that a mapper does not map are kept in a canonical record's {@linkplain
 * CanonicalEntity#extensions() extensions}, and read back, so that nothing a vendor sent is
 * dropped.
 *
 * <p>Each mapper owns one namespace, such as {@code stripe}. A top-level vendor field whose name
 * fits an extension key's name part ({@code [A-Za-z][A-Za-z0-9_.-]{0,63}}) is kept under {@code
 * <namespace>:<field>}, with its value as the vendor sent it: {@code stripe:balance}, {@code
 * stripe:address}. Every other field — one whose name does not fit, such as OData's {@code
 * @odata.etag} or {@code _links}, and any beyond the {@value CanonicalEntity#MAX_EXTENSIONS}
 * entries a record may hold — is kept under the single key {@code <namespace>.raw:fields}, an
 * object holding those fields by their exact names. No name is rewritten, so decoding is exact.
 *
 * <p>Both namespaces are reserved for the vendor's fields: {@link #decode} turns every key in
 * them back into a vendor field, and ignores keys of other namespaces (a firm's own {@code
 * acme:costCenter}). So that no namespace's keys pass for another's raw object, a namespace does
 * not end in {@value #RAW_NAMESPACE_SUFFIX}. Stateless; all methods are static.
 */
public final class VendorExtensions {
  /** The form of a namespace, the part of an extension key before the colon. */
  public static final String NAMESPACE_PATTERN = "^[a-z][a-z0-9]*([.-][a-z0-9]+)*$";
  /** The suffix of the namespace that holds the fields whose names cannot be keys. */
  public static final String RAW_NAMESPACE_SUFFIX = ".raw";
  /** The name, in the raw namespace, of the object holding the fields whose names cannot be keys. */
  public static final String RAW_NAME = "fields";

  private static final Pattern NAMESPACE = Pattern.compile(NAMESPACE_PATTERN);
  private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,63}$");
  /** One entry stays free for the raw object. */
  private static final int NAMED_ROOM = CanonicalEntity.MAX_EXTENSIONS - 1;

  private VendorExtensions() {}

  /**
   * Checks {@code namespace} and returns it.
   *
   * @throws IllegalArgumentException if it does not match {@link #NAMESPACE_PATTERN}, or ends in
   *     {@value #RAW_NAMESPACE_SUFFIX}, which is reserved for the raw fields of the namespace
   *     before it
   */
  public static String checkNamespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("extension namespace '" + namespace + "' does not match "
          + NAMESPACE_PATTERN + ", such as stripe or acme.billing");
    }
    if (namespace.endsWith(RAW_NAMESPACE_SUFFIX)) {
      // Its field "fields" would be kept under the key the namespace before it keeps raw fields in.
      throw new IllegalArgumentException("extension namespace '" + namespace + "' ends in " + RAW_NAMESPACE_SUFFIX
          + ", which is reserved for the raw fields of namespace '"
          + namespace.substring(0, namespace.length() - RAW_NAMESPACE_SUFFIX.length()) + "'");
    }
    return namespace;
  }

  /** Returns the key {@code <namespace>:<field>} for a vendor field, if its name can be a key. */
  public static Optional<String> key(String namespace, String fieldName) {
    checkNamespace(namespace);
    Objects.requireNonNull(fieldName, "fieldName");
    return NAME.matcher(fieldName).matches() ? Optional.of(namespace + ":" + fieldName) : Optional.empty();
  }

  /** Returns the key of the object that holds the fields whose names cannot be keys: {@code <namespace>.raw:fields}. */
  public static String rawKey(String namespace) {
    return checkNamespace(namespace) + RAW_NAMESPACE_SUFFIX + ":" + RAW_NAME;
  }

  /**
   * Returns the extensions that keep the top-level fields of {@code fields}, in their order.
   *
   * @throws IllegalArgumentException if the namespace is malformed
   */
  public static Map<String, JsonNode> encode(String namespace, ObjectNode fields) {
    checkNamespace(namespace);
    Objects.requireNonNull(fields, "fields");
    Map<String, JsonNode> out = new LinkedHashMap<>();
    ObjectNode raw = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : fields.properties()) {
      String name = e.getKey();
      if (out.size() < NAMED_ROOM && NAME.matcher(name).matches()) {
        out.put(namespace + ":" + name, e.getValue().deepCopy());
      } else {
        raw.set(name, e.getValue().deepCopy());
      }
    }
    if (!raw.isEmpty()) {
      out.put(rawKey(namespace), raw);
    }
    return out;
  }

  /**
   * Returns the vendor fields that {@code extensions} keep for {@code namespace}, as {@link
   * #encode} wrote them; keys of other namespaces are ignored.
   *
   * @throws IllegalArgumentException if the namespace is malformed, or the raw entry is not an
   *     object
   */
  public static ObjectNode decode(String namespace, Map<String, JsonNode> extensions) {
    checkNamespace(namespace);
    Objects.requireNonNull(extensions, "extensions");
    String prefix = namespace + ":";
    String rawKey = rawKey(namespace);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    JsonNode raw = extensions.get(rawKey);
    if (raw != null) {
      if (!raw.isObject()) {
        throw new IllegalArgumentException("extension " + rawKey + " must be an object of vendor fields; was "
            + raw.getNodeType());
      }
      for (Map.Entry<String, JsonNode> e : raw.properties()) {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    for (Map.Entry<String, JsonNode> e : extensions.entrySet()) {
      if (e.getKey().startsWith(prefix) && e.getValue() != null) {
        out.set(e.getKey().substring(prefix.length()), e.getValue().deepCopy());
      }
    }
    return out;
  }
}
