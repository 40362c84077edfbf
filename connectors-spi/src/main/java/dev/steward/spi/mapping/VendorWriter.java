package dev.steward.spi.mapping;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.ModelException;
import dev.steward.model.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a vendor JSON object from a canonical record for a {@link RecordMapper}: the mapper puts
 * the fields it maps, and {@link #build()} adds back every vendor field that the record's
 * extensions kept when it was read (see {@link VendorReader}), so that what came in unmapped goes
 * out unchanged.
 *
 * <p>Fields are named by JSON Pointer; putting {@code /lines/data/0/amount} creates the objects
 * and arrays on the way (a segment of digits creates an array). A {@code null} value puts nothing:
 * a field whose canonical value is absent is left as the extensions kept it, or out. Where a
 * field was put and the extensions also hold it, the value put wins; inside objects and arrays
 * the two are merged field by field and element by element.
 *
 * <p>Numbers are written in their shortest form: an integral value as a JSON integer, a decimal
 * without trailing zeros ({@code 164.70} as {@code 164.7}).
 *
 * <p>Get one with {@link #of(CanonicalEntity, String, MappingContext)} per record mapped. Not
 * thread-safe.
 */
public final class VendorWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MappingContext context;
  private final ObjectNode unmapped;
  private final ObjectNode written = NODES.objectNode();

  private VendorWriter(MappingContext context, ObjectNode unmapped) {
    this.context = context;
    this.unmapped = unmapped;
  }

  /**
   * Returns a writer for {@code record}, restoring the vendor fields its extensions keep under
   * {@code namespace}.
   *
   * @throws IllegalArgumentException if the namespace is malformed
   * @throws MappingException with reason {@link MappingException.Reason#WRONG_TYPE} if the
   *     record's raw-fields extension is not an object
   */
  public static VendorWriter of(CanonicalEntity record, String namespace, MappingContext context) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(context, "context");
    VendorExtensions.checkNamespace(namespace);
    try {
      return new VendorWriter(context, VendorExtensions.decode(namespace, record.extensions()));
    } catch (IllegalArgumentException e) {
      throw new MappingException(MappingException.Reason.WRONG_TYPE, context.systemId(), "", e.getMessage(), e);
    }
  }

  /** Returns the mapping context. */
  public MappingContext context() {
    return context;
  }

  /**
   * Returns the vendor field at {@code pointer} as the record's extensions keep it ({@code null}
   * node included): present when the field was not mapped when the record was read, which tells
   * a mapper that a canonical value there is a fallback, not the vendor's.
   */
  public Optional<JsonNode> unmapped(String pointer) {
    return Optional.ofNullable(Pointers.at(unmapped, Pointers.segments(Objects.requireNonNull(pointer, "pointer"))));
  }

  /** Returns whether the record's extensions keep the vendor field at {@code pointer}; see {@link #unmapped}. */
  public boolean isUnmapped(String pointer) {
    return unmapped(pointer).isPresent();
  }

  /** Puts text; nothing if {@code value} is null. */
  public VendorWriter putText(String pointer, @Nullable String value) {
    return value == null ? this : set(pointer, NODES.stringNode(value));
  }

  /** Puts a boolean; nothing if {@code value} is null. */
  public VendorWriter putBoolean(String pointer, @Nullable Boolean value) {
    return value == null ? this : set(pointer, NODES.booleanNode(value));
  }

  /** Puts an integer; nothing if {@code value} is null. */
  public VendorWriter putLong(String pointer, @Nullable Long value) {
    return value == null ? this : set(pointer, integer(BigInteger.valueOf(value)));
  }

  /** Puts a decimal number in its shortest form; nothing if {@code value} is null. */
  public VendorWriter putDecimal(String pointer, @Nullable BigDecimal value) {
    return value == null ? this : set(pointer, number(value));
  }

  /** Puts a copy of {@code value}; nothing if it is null. */
  public VendorWriter putNode(String pointer, @Nullable JsonNode value) {
    return value == null ? this : set(pointer, value.deepCopy());
  }

  /** Puts a JSON {@code null}. */
  public VendorWriter putNull(String pointer) {
    return set(pointer, NODES.nullNode());
  }

  /** Puts an ISO-8601 date ({@code 2019-01-15}); nothing if {@code value} is null. */
  public VendorWriter putDate(String pointer, @Nullable LocalDate value) {
    return value == null ? this : set(pointer, NODES.stringNode(value.toString()));
  }

  /** Puts an ISO-8601 instant in UTC ({@code 2020-08-21T07:38:44.293Z}); nothing if {@code value} is null. */
  public VendorWriter putInstant(String pointer, @Nullable Instant value) {
    return value == null ? this : set(pointer, NODES.stringNode(value.toString()));
  }

  /**
   * Puts an instant as Unix time in seconds; nothing if {@code value} is null.
   *
   * @throws MappingException with reason {@link MappingException.Reason#INVALID_VALUE} if the
   *     instant has a fraction of a second, which the field cannot carry
   */
  public VendorWriter putEpochSeconds(String pointer, @Nullable Instant value) {
    if (value == null) {
      return this;
    }
    if (value.getNano() != 0) {
      throw new MappingException(MappingException.Reason.INVALID_VALUE, context.systemId(), pointer,
          value + " has a fraction of a second, which Unix time in seconds cannot carry");
    }
    return set(pointer, integer(BigInteger.valueOf(value.getEpochSecond())));
  }

  /**
   * Puts {@code value} as an integer count of its currency's minor units; nothing if it is null.
   *
   * @throws MappingException with reason {@link MappingException.Reason#INEXACT_AMOUNT} if the
   *     amount holds a fraction of a minor unit
   */
  public VendorWriter putMinorUnits(String pointer, @Nullable Money value) {
    if (value == null) {
      return this;
    }
    try {
      return set(pointer, integer(MinorUnits.fromMoney(value)));
    } catch (ModelException e) {
      throw new MappingException(MappingException.Reason.INEXACT_AMOUNT, context.systemId(), pointer, e.getMessage(), e);
    }
  }

  /** Puts the amount of {@code value} as a decimal number in its shortest form; nothing if it is null. */
  public VendorWriter putAmount(String pointer, @Nullable Money value) {
    return value == null ? this : putDecimal(pointer, value.amount());
  }

  /** Puts the ISO 4217 code of {@code value}, upper case; nothing if it is null. */
  public VendorWriter putCurrency(String pointer, @Nullable Currency value) {
    return value == null ? this : putText(pointer, value.getCurrencyCode());
  }

  /**
   * Puts the vendor value of {@code constant}: the alias the record's extensions keep at {@code
   * pointer} if it stands for the same constant (so an alias read comes back), else the
   * constant's preferred value; nothing if {@code constant} is null.
   *
   * @throws MappingException with reason {@link MappingException.Reason#UNKNOWN_VALUE} if the
   *     vendor has no value for the constant
   */
  public <E extends Enum<E>> VendorWriter putEnum(String pointer, EnumMapping<E> mapping, @Nullable E constant) {
    Objects.requireNonNull(mapping, "mapping");
    if (constant == null) {
      return this;
    }
    Optional<JsonNode> kept = unmapped(pointer);
    if (kept.isPresent() && kept.get().isString()
        && mapping.toCanonical(kept.get().stringValue()).filter(constant::equals).isPresent()) {
      return set(pointer, NODES.stringNode(kept.get().stringValue()));
    }
    String value = mapping.toVendor(constant).orElseThrow(() -> new MappingException(
        MappingException.Reason.UNKNOWN_VALUE, context.systemId(), pointer,
        "system '" + context.systemId() + "' has no value for " + mapping.type().getSimpleName() + "." + constant));
    return set(pointer, NODES.stringNode(value));
  }

  /**
   * Returns the vendor object: the fields put, merged with the fields the extensions kept. May be
   * called again after further puts; each call returns a new object.
   */
  public ObjectNode build() {
    return (ObjectNode) unpad(merge(written.deepCopy(), unmapped));
  }

  private static JsonNode merge(JsonNode put, JsonNode kept) {
    if (put.isMissingNode()) {
      // Padding, not a value put: the kept element keeps its slot.
      return kept.deepCopy();
    }
    if (put.isObject() && kept.isObject()) {
      ObjectNode out = (ObjectNode) put;
      for (Map.Entry<String, JsonNode> e : kept.properties()) {
        JsonNode mine = out.get(e.getKey());
        out.set(e.getKey(), mine == null ? e.getValue().deepCopy() : merge(mine, e.getValue()));
      }
      return out;
    }
    if (put.isArray() && kept.isArray()) {
      ArrayNode out = (ArrayNode) put;
      for (int i = 0; i < kept.size(); i++) {
        JsonNode k = kept.get(i);
        if (i < out.size()) {
          if (!k.isNull()) {
            out.set(i, merge(out.get(i), k));
          }
        } else {
          out.add(k.deepCopy());
        }
      }
      return out;
    }
    return put;
  }

  /** Turns the padding that no kept element filled into the {@code null} the vendor object shows. */
  private static JsonNode unpad(JsonNode node) {
    if (node.isMissingNode()) {
      return NODES.nullNode();
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        e.setValue(unpad(e.getValue()));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, unpad(array.get(i)));
      }
    }
    return node;
  }

  private VendorWriter set(String pointer, JsonNode value) {
    List<String> segments = Pointers.segments(Objects.requireNonNull(pointer, "pointer"));
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("cannot put the whole vendor object; name a field, such as /name");
    }
    JsonNode node = written;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      JsonNode existing = Pointers.child(node, segment);
      JsonNode next;
      if (i == segments.size() - 1) {
        next = value;
      } else if (existing == null || existing.isNull() || existing.isMissingNode()) {
        // Padding of an array written past its end, or a null: it becomes the container.
        next = Pointers.index(segments.get(i + 1)) >= 0 ? NODES.arrayNode() : NODES.objectNode();
      } else if (existing.isContainer()) {
        next = existing;
      } else {
        throw new IllegalStateException("cannot put " + pointer + ": " + segment + " already holds a " + existing.getNodeType());
      }
      if (next != existing) {
        place(node, segment, next, pointer);
      }
      node = next;
    }
    return this;
  }

  private static void place(JsonNode parent, String segment, JsonNode value, String pointer) {
    if (parent.isObject()) {
      ((ObjectNode) parent).set(segment, value);
      return;
    }
    ArrayNode array = (ArrayNode) parent;
    int index = Pointers.index(segment);
    if (index < 0) {
      throw new IllegalArgumentException("cannot put " + pointer + ": '" + segment + "' is not an array index");
    }
    // Padding is a missing node until build(), so that merging tells it from a null put and lets
    // an element the extensions kept take the slot.
    while (array.size() < index) {
      array.add(NODES.missingNode());
    }
    if (index < array.size()) {
      array.set(index, value);
    } else {
      array.add(value);
    }
  }

  private static JsonNode integer(BigInteger value) {
    if (value.bitLength() < 32) {
      return NODES.numberNode(value.intValue());
    }
    if (value.bitLength() < 64) {
      return NODES.numberNode(value.longValue());
    }
    return NODES.numberNode(value);
  }

  private static JsonNode number(BigDecimal value) {
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 40) {
      return integer(stripped.toBigIntegerExact());
    }
    return NODES.numberNode(stripped);
  }
}
