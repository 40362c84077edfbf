package dev.steward.testkit.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalJson;
import dev.steward.model.CanonicalSchemas;
import dev.steward.model.EntityMeta;
import dev.steward.model.JsonPointers;
import dev.steward.model.SchemaViolation;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorExtensions;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every sample mapper's test checks against the vendor files: the record is valid by bean
 * validation and by its canonical JSON schema and survives canonical JSON; every vendor field is
 * either mapped (the test names which) or kept in extensions with its value; and mapping back
 * gives every vendor field again with an equal value.
 */
final class MappingChecks {
  /** Vendor JSON as a connector would parse it by default: fractions become doubles. */
  static final JsonMapper VENDOR_JSON = JsonMapper.builder().build();

  private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
      .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

  private MappingChecks() {}

  /** Reads a vendor file copied under {@code src/test/resources/vendor/}. */
  static JsonNode vendorFile(String path) {
    try (InputStream in = MappingChecks.class.getResourceAsStream("/vendor/" + path)) {
      if (in == null) {
        throw new IllegalStateException("no test resource /vendor/" + path);
      }
      return VENDOR_JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks bean validation, the canonical schema and a canonical JSON round trip; returns the record read back. */
  @SuppressWarnings("unchecked")
  static <T extends CanonicalEntity> T assertValid(T record) {
    Set<ConstraintViolation<T>> violations = VALIDATOR.validate(record);
    assertThat(violations).as("bean validation of %s", record.id()).isEmpty();
    JsonNode tree = CanonicalJson.ofDefaults().toTree(record);
    List<SchemaViolation> schema = CanonicalSchemas.shared().validate(record.entityType(), EntityMeta.CURRENT_SCHEMA_VERSION, tree);
    assertThat(schema).as("schema validation of %s", tree).isEmpty();
    T back = (T) CanonicalJson.ofDefaults().read(CanonicalJson.ofDefaults().write(record), record.getClass());
    // Compared in RFC 8785 form: a vendor's 164.7 parsed as a double comes back from canonical JSON
    // as a decimal node, the same number.
    assertThat(new String(CanonicalJson.ofDefaults().canonicalBytes(back), StandardCharsets.UTF_8))
        .as("the record read back from canonical JSON")
        .isEqualTo(new String(CanonicalJson.ofDefaults().canonicalBytes(record), StandardCharsets.UTF_8));
    return back;
  }

  /** Checks bean validation of a part of a record, such as an invoice line. */
  static void assertBeanValid(Object part) {
    assertThat(VALIDATOR.validate(part)).as("bean validation of %s", part).isEmpty();
  }

  /**
   * Checks that every leaf of {@code vendor} is either under one of {@code mapped} (pointers,
   * {@code *} standing for any one segment) or kept in the record's extensions of {@code
   * namespace} with an equal value, and that no key outside the namespace was added.
   */
  static void assertNothingDropped(JsonNode vendor, Map<String, JsonNode> extensions, String namespace, List<String> mapped) {
    assertNothingDropped(vendor, extensions, namespace, mapped, false);
  }

  /** As {@link #assertNothingDropped(JsonNode, Map, String, List)}, optionally comparing field names without regard to case. */
  static void assertNothingDropped(JsonNode vendorObject, Map<String, JsonNode> extensions, String namespace,
      List<String> mappedPointers, boolean keysIgnoreCase) {
    assertThat(extensions.keySet()).allMatch(k -> k.startsWith(namespace + ":") || k.startsWith(namespace + ".raw:"));
    JsonNode kept = VendorExtensions.decode(namespace, extensions);
    JsonNode vendor = vendorObject;
    List<String> mapped = mappedPointers;
    if (keysIgnoreCase) {
      kept = lowerKeys(kept);
      vendor = lowerKeys(vendor);
      mapped = mapped.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }
    List<String> dropped = new ArrayList<>();
    List<String> patterns = mapped;
    for (String leaf : leaves(vendor, "")) {
      if (patterns.stream().anyMatch(m -> covers(m, leaf))) {
        continue;
      }
      JsonNode keptValue = kept.at(leaf);
      if (keptValue.isMissingNode() || !sameValue(vendor.at(leaf), keptValue)) {
        dropped.add(leaf);
      }
    }
    assertThat(dropped).as("vendor fields neither mapped nor kept in extensions").isEmpty();
  }

  /** Checks that {@code mapper} gives back every field of {@code vendor} with an equal value from {@code record}. */
  static <T extends CanonicalEntity> ObjectNode assertRoundTrip(RecordMapper<T> mapper, JsonNode vendor, T record,
      dev.steward.spi.mapping.MappingContext context, boolean keysIgnoreCase) {
    ObjectNode back = mapper.toVendor(record, context);
    List<String> differences = new ArrayList<>();
    contains(vendor, back, "", keysIgnoreCase, differences);
    assertThat(differences).as("vendor fields not given back equal by toVendor: %s", back).isEmpty();
    return back;
  }

  static void contains(JsonNode expected, JsonNode actual, String at, boolean keysIgnoreCase, List<String> differences) {
    if (expected.isObject() && actual.isObject()) {
      for (Map.Entry<String, JsonNode> e : expected.properties()) {
        JsonNode mine = field(actual, e.getKey(), keysIgnoreCase);
        String p = at + "/" + JsonPointers.escape(e.getKey());
        if (mine == null) {
          differences.add(p + " missing");
        } else {
          contains(e.getValue(), mine, p, keysIgnoreCase, differences);
        }
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        contains(expected.get(i), actual.get(i), at + "/" + i, keysIgnoreCase, differences);
      }
    } else if (!sameValue(expected, actual)) {
      differences.add(at + ": expected " + expected + " but was " + actual);
    }
  }

  private static JsonNode field(JsonNode object, String name, boolean ignoreCase) {
    if (!ignoreCase) {
      return object.get(name);
    }
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Equal JSON, numbers compared by value (164.7 as a double equals 164.70 as a decimal). */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return new BigDecimal(a.numberValue().toString()).compareTo(new BigDecimal(b.numberValue().toString())) == 0;
    }
    if (a.isContainer() && b.isContainer()) {
      List<String> differences = new ArrayList<>();
      contains(a, b, "", false, differences);
      return differences.isEmpty() && a.size() == b.size();
    }
    return a.equals(b);
  }

  static JsonNode lowerKeys(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = VENDOR_JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.set(e.getKey().toLowerCase(Locale.ROOT), lowerKeys(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      var out = VENDOR_JSON.createArrayNode();
      node.forEach(n -> out.add(lowerKeys(n)));
      return out;
    }
    return node;
  }

  static List<String> leaves(JsonNode node, String at) {
    List<String> out = new ArrayList<>();
    if (node.isObject() && !node.isEmpty()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.addAll(leaves(e.getValue(), at + "/" + JsonPointers.escape(e.getKey())));
      }
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        out.addAll(leaves(node.get(i), at + "/" + i));
      }
    } else {
      out.add(at);
    }
    return out;
  }

  private static boolean covers(String pattern, String pointer) {
    List<String> p = JsonPointers.segments(pattern);
    List<String> s = JsonPointers.segments(pointer);
    if (p.size() > s.size()) {
      return false;
    }
    for (int i = 0; i < p.size(); i++) {
      if (!p.get(i).equals("*") && !p.get(i).equals(s.get(i))) {
        return false;
      }
    }
    return true;
  }
}
