package dev.steward.spi.mapping;

import dev.steward.model.ModelException;
import dev.steward.model.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one vendor JSON object for a {@link RecordMapper} and remembers which fields it mapped,
 * so that {@link #extensions(String)} can keep every field it did not map in the canonical
 * record's extensions.
 *
 * <p>Fields are named by JSON Pointer (RFC 6901): {@code /name}, {@code /address/city}, {@code
 * /lines/data/0/amount}. Each typed read marks its field <em>consumed</em>: mapped to a canonical
 * field, so that the writer can produce it again from the record.
 *
 * <ul>
 *   <li>{@code requireX(pointer)} reads a field the record needs; absent or {@code null} is a
 *       {@link MappingException} with reason {@link MappingException.Reason#MISSING_FIELD}.
 *   <li>{@code x(pointer)} reads an optional field: a value is consumed; {@code null} or an absent
 *       field is left unconsumed, so that it stays in the extensions exactly as sent ({@code null}
 *       and absent differ there).
 *   <li>{@link #peek(String)} looks without consuming: for canonical values derived from a field
 *       that cannot be written back from them (a date taken from a timestamp), or a fallback.
 *   <li>A value of the wrong JSON type is a {@link MappingException} with reason {@link
 *       MappingException.Reason#WRONG_TYPE}; a malformed one {@link
 *       MappingException.Reason#INVALID_VALUE}.
 * </ul>
 *
 * <p>A nested object or array whose fields were consumed in part is kept with only the fields
 * not consumed; array elements keep their positions, a fully consumed element standing as {@code
 * null}. An object all of whose fields were consumed counts as consumed.
 *
 * <p>Get one with {@link #of(JsonNode, MappingContext)} per object mapped. Not thread-safe.
 */
public final class VendorReader {
  /**
   * The largest scale, either way, of a decimal read: {@code 1e1000} and {@code 1e-1000} are the
   * extremes. Beyond it a 12-character number such as {@code 1e999999999} would make a mapper's
   * ordinary arithmetic ({@code setScale}, {@code toBigInteger}, {@code toPlainString}) build a
   * number of a billion digits.
   */
  public static final int MAX_DECIMAL_SCALE = 1000;

  private static final int MAX_QUOTED = 64;
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private final JsonNode root;
  private final MappingContext context;
  private final Consumed consumed = new Consumed();

  private VendorReader(JsonNode root, MappingContext context) {
    this.root = root;
    this.context = context;
  }

  /**
   * Returns a reader of {@code vendorObject}, which it does not copy or change.
   *
   * @throws MappingException with reason {@link MappingException.Reason#WRONG_TYPE} if it is not
   *     a JSON object
   */
  public static VendorReader of(JsonNode vendorObject, MappingContext context) {
    Objects.requireNonNull(vendorObject, "vendorObject");
    Objects.requireNonNull(context, "context");
    if (!vendorObject.isObject()) {
      throw new MappingException(MappingException.Reason.WRONG_TYPE, context.systemId(), "",
          "expected a JSON object, found " + typeName(vendorObject));
    }
    return new VendorReader(vendorObject, context);
  }

  /** Returns the vendor object read. */
  public JsonNode root() {
    return root;
  }

  /** Returns the mapping context. */
  public MappingContext context() {
    return context;
  }

  /** Returns whether the field is present and not {@code null}. Consumes nothing. */
  public boolean has(String pointer) {
    return present(pointer) != null;
  }

  /** Returns the field if present and not {@code null}, without consuming it. */
  public Optional<JsonNode> peek(String pointer) {
    return Optional.ofNullable(present(pointer));
  }

  /**
   * Returns the length of the array at {@code pointer}; 0 if absent or {@code null}. Consumes
   * nothing: read or consume its elements by pointer, {@code pointer + "/" + i}.
   *
   * @throws MappingException if the field is present and not an array
   */
  public int size(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return 0;
    }
    if (!node.isArray()) {
      throw wrongType(pointer, "an array", node);
    }
    return node.size();
  }

  /**
   * Returns the field as sent ({@code null} node included) and consumes it, for a value the
   * mapper converts itself; empty if absent.
   */
  public Optional<JsonNode> take(String pointer) {
    JsonNode node = at(pointer);
    if (node == null) {
      return Optional.empty();
    }
    consume(pointer);
    return Optional.of(node);
  }

  /** Marks the field consumed, whole, whatever it holds: the mapper writes it back itself. */
  public void consume(String pointer) {
    consumed.mark(Pointers.segments(pointer));
  }

  /** Returns whether the field, or an object or array holding it, was consumed. */
  public boolean isConsumed(String pointer) {
    return consumed.covers(Pointers.segments(pointer));
  }

  // --- text -------------------------------------------------------------------------------

  /** Returns the text at {@code pointer}, consumed. */
  public String requireText(String pointer) {
    return text(pointer).orElseThrow(() -> missing(pointer, "text"));
  }

  /** Returns the text at {@code pointer}, consumed; empty, and not consumed, if absent or {@code null}. */
  public Optional<String> text(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw wrongType(pointer, "text", node);
    }
    consume(pointer);
    return Optional.of(node.stringValue());
  }

  // --- numbers ----------------------------------------------------------------------------

  /** Returns the integer at {@code pointer}, consumed. */
  public long requireLong(String pointer) {
    OptionalLong value = longValue(pointer);
    if (value.isEmpty()) {
      throw missing(pointer, "an integer");
    }
    return value.getAsLong();
  }

  /**
   * Returns the integer at {@code pointer}, consumed; empty, and not consumed, if absent or
   * {@code null}.
   *
   * @throws MappingException if the field is not an integral JSON number that fits a {@code long}
   */
  public OptionalLong longValue(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return OptionalLong.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw wrongType(pointer, "an integer of at most 19 digits", node);
    }
    consume(pointer);
    return OptionalLong.of(node.longValue());
  }

  /** Returns the decimal at {@code pointer}, consumed; as {@link #decimal(String)}. */
  public BigDecimal requireDecimal(String pointer) {
    return decimal(pointer).orElseThrow(() -> missing(pointer, "a decimal number"));
  }

  /**
   * Returns the decimal at {@code pointer}, consumed; empty, and not consumed, if absent or
   * {@code null}. Accepts a JSON number, or text holding a plain decimal ({@code "119373.34"}), as
   * Salesforce and Stripe's {@code *_decimal} fields send them. A number the JSON parser held as a
   * binary double is taken at its shortest round-tripping digits, which are the digits sent for
   * any number of up to 15 significant digits; parse vendor JSON with {@code
   * USE_BIG_DECIMAL_FOR_FLOATS} to avoid the question.
   *
   * @throws MappingException if the field is neither, the text is not a plain decimal, or the
   *     number's scale lies beyond {@value #MAX_DECIMAL_SCALE} either way
   */
  public Optional<BigDecimal> decimal(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    BigDecimal value;
    if (node.isString()) {
      value = plainDecimal(pointer, node.stringValue());
    } else if (node.isIntegralNumber() || node.isBigDecimal()) {
      value = node.decimalValue();
    } else if (node.isNumber()) {
      double d = node.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw invalid(pointer, "is not a finite number");
      }
      value = new BigDecimal(NumberOutput.toString(d, true));
    } else {
      throw wrongType(pointer, "a decimal number", node);
    }
    if (Math.abs((long) value.scale()) > MAX_DECIMAL_SCALE) {
      // toString, not toPlainString: the plain form is what must not be built.
      throw invalid(pointer, value + " has an exponent beyond the " + MAX_DECIMAL_SCALE
          + " digits either way that a decimal read may have (VendorReader.MAX_DECIMAL_SCALE)");
    }
    consume(pointer);
    return Optional.of(value);
  }

  // --- booleans ---------------------------------------------------------------------------

  /** Returns the boolean at {@code pointer}, consumed. */
  public boolean requireBoolean(String pointer) {
    return bool(pointer).orElseThrow(() -> missing(pointer, "a boolean"));
  }

  /** Returns the boolean at {@code pointer}, consumed; empty, and not consumed, if absent or {@code null}. */
  public Optional<Boolean> bool(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw wrongType(pointer, "a boolean", node);
    }
    consume(pointer);
    return Optional.of(node.booleanValue());
  }

  // --- time -------------------------------------------------------------------------------

  /** Returns the ISO-8601 date ({@code 2019-01-15}) at {@code pointer}, consumed. */
  public LocalDate requireDate(String pointer) {
    return date(pointer).orElseThrow(() -> missing(pointer, "a date"));
  }

  /** Returns the ISO-8601 date at {@code pointer}, consumed; empty, and not consumed, if absent or {@code null}. */
  public Optional<LocalDate> date(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw wrongType(pointer, "a date as text", node);
    }
    try {
      LocalDate value = LocalDate.parse(node.stringValue());
      consume(pointer);
      return Optional.of(value);
    } catch (DateTimeParseException e) {
      throw invalid(pointer, "'" + quote(node.stringValue()) + "' is not an ISO-8601 date such as 2019-01-15", e);
    }
  }

  /** Returns the ISO-8601 instant at {@code pointer}, consumed. */
  public Instant requireInstant(String pointer) {
    return instant(pointer).orElseThrow(() -> missing(pointer, "a date-time"));
  }

  /**
   * Returns the ISO-8601 instant ({@code 2020-08-21T07:38:44.293Z}, or with an offset) at {@code
   * pointer}, consumed; empty, and not consumed, if absent or {@code null}.
   */
  public Optional<Instant> instant(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw wrongType(pointer, "a date-time as text", node);
    }
    try {
      Instant value = OffsetDateTime.parse(node.stringValue()).toInstant();
      consume(pointer);
      return Optional.of(value);
    } catch (DateTimeParseException e) {
      throw invalid(pointer, "'" + quote(node.stringValue())
          + "' is not an ISO-8601 date-time with an offset, such as 2020-08-21T07:38:44.293Z", e);
    }
  }

  /** Returns the Unix time in seconds at {@code pointer} as an instant, consumed. */
  public Instant requireEpochSeconds(String pointer) {
    return epochSeconds(pointer).orElseThrow(() -> missing(pointer, "a Unix time in seconds"));
  }

  /** Returns the Unix time in seconds at {@code pointer}, consumed; empty, and not consumed, if absent or {@code null}. */
  public Optional<Instant> epochSeconds(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw wrongType(pointer, "a Unix time in whole seconds", node);
    }
    try {
      Instant value = Instant.ofEpochSecond(node.longValue());
      consume(pointer);
      return Optional.of(value);
    } catch (DateTimeException e) {
      throw invalid(pointer, node.longValue() + " seconds is beyond the instants Java can hold", e);
    }
  }

  // --- money ------------------------------------------------------------------------------

  /** Returns the currency at {@code pointer}, consumed; as {@link #currency(String)}. */
  public Currency requireCurrency(String pointer) {
    return currency(pointer).orElseThrow(() -> missing(pointer, "a currency code"));
  }

  /**
   * Returns the ISO 4217 currency whose code is at {@code pointer}, in any case ({@code usd}, as
   * Stripe writes it, or {@code USD}), consumed; empty, and not consumed, if absent or {@code
   * null}.
   *
   * @throws MappingException if the code is not an ISO 4217 currency with a minor unit
   */
  public Optional<Currency> currency(String pointer) {
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw wrongType(pointer, "a currency code as text", node);
    }
    String code = node.stringValue();
    // Checked before upper-casing, which folds some other letters into ASCII (U+017F into S).
    if (code.length() != 3 || !code.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      throw invalid(pointer, "'" + quote(code) + "' is not an ISO 4217 code of three letters");
    }
    try {
      Currency value = Money.currencyOf(code.toUpperCase(Locale.ROOT));
      consume(pointer);
      return Optional.of(value);
    } catch (ModelException e) {
      throw invalid(pointer, "'" + quote(node.stringValue()) + "' is not an ISO 4217 currency with a minor unit", e);
    }
  }

  /** Returns the amount at {@code pointer}, counted in minor units of {@code currency}, consumed. */
  public Money requireMinorUnits(String pointer, Currency currency) {
    return minorUnits(pointer, currency).orElseThrow(() -> missing(pointer, "an amount in minor units"));
  }

  /**
   * Returns the amount at {@code pointer}, an integer count of minor units of {@code currency}
   * ({@code 1000} is 10.00 USD or 1000 JPY), consumed; empty, and not consumed, if absent or
   * {@code null}.
   *
   * @throws MappingException with reason {@link MappingException.Reason#INEXACT_AMOUNT} if the
   *     value is a number with a fraction, or {@link MappingException.Reason#WRONG_TYPE} if not a number
   */
  public Optional<Money> minorUnits(String pointer, Currency currency) {
    Objects.requireNonNull(currency, "currency");
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isNumber()) {
      throw wrongType(pointer, "an integer count of " + currency.getCurrencyCode() + " minor units", node);
    }
    if (!node.isIntegralNumber()) {
      throw new MappingException(MappingException.Reason.INEXACT_AMOUNT, context.systemId(), pointer,
          "amount " + node + " has a fraction, but it counts " + currency.getCurrencyCode()
              + " minor units, which are whole");
    }
    try {
      Money value = MinorUnits.toMoney(node.bigIntegerValue(), currency);
      consume(pointer);
      return Optional.of(value);
    } catch (ModelException e) {
      throw invalid(pointer, e.getMessage(), e);
    }
  }

  /** Returns the decimal amount at {@code pointer} in {@code currency}, consumed; as {@link #money(String, Currency)}. */
  public Money requireMoney(String pointer, Currency currency) {
    return money(pointer, currency).orElseThrow(() -> missing(pointer, "an amount"));
  }

  /**
   * Returns the decimal amount at {@code pointer} (as {@link #decimal(String)} reads it) as money
   * in {@code currency}, consumed; empty, and not consumed, if absent or {@code null}.
   *
   * @throws MappingException with reason {@link MappingException.Reason#INEXACT_AMOUNT} if the
   *     amount has more fraction digits than money holds
   */
  public Optional<Money> money(String pointer, Currency currency) {
    Objects.requireNonNull(currency, "currency");
    Optional<BigDecimal> amount = decimal(pointer);
    if (amount.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Money.of(amount.get(), currency));
    } catch (ModelException e) {
      throw new MappingException(e.reason() == ModelException.Reason.INEXACT_AMOUNT
          ? MappingException.Reason.INEXACT_AMOUNT : MappingException.Reason.INVALID_VALUE,
          context.systemId(), pointer, e.getMessage(), e);
    }
  }

  // --- enums ------------------------------------------------------------------------------

  /** Returns the constant the text at {@code pointer} stands for in {@code mapping}; as {@link #enumValue}. */
  public <E extends Enum<E>> E requireEnum(String pointer, EnumMapping<E> mapping) {
    return enumValue(pointer, mapping).orElseThrow(() -> missing(pointer, "a " + mapping.type().getSimpleName()));
  }

  /**
   * Returns the constant the text at {@code pointer} stands for in {@code mapping}; empty, and not
   * consumed, if absent or {@code null}. The field is consumed when the text is the constant's
   * preferred value; an alias is left unconsumed, so that it stays in the extensions and {@link
   * VendorWriter#putEnum} writes it back.
   *
   * @throws MappingException with reason {@link MappingException.Reason#UNKNOWN_VALUE} if the
   *     mapping does not know the text
   */
  public <E extends Enum<E>> Optional<E> enumValue(String pointer, EnumMapping<E> mapping) {
    Objects.requireNonNull(mapping, "mapping");
    JsonNode node = present(pointer);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw wrongType(pointer, "text", node);
    }
    String text = node.stringValue();
    E value = mapping.toCanonical(text).orElseThrow(() -> new MappingException(MappingException.Reason.UNKNOWN_VALUE,
        context.systemId(), pointer, "'" + quote(text) + "' is not a known value for "
            + mapping.type().getSimpleName() + "; known: " + mapping.vendorValues()));
    if (mapping.isPreferred(text)) {
      consume(pointer);
    }
    return Optional.of(value);
  }

  // --- what is left -----------------------------------------------------------------------

  /**
   * Returns the fields not consumed, whole or in part, as extensions of {@code namespace} (see
   * {@link VendorExtensions}); empty when every field was consumed.
   *
   * @throws IllegalArgumentException if the namespace is malformed
   */
  public Map<String, JsonNode> extensions(String namespace) {
    VendorExtensions.checkNamespace(namespace);
    return VendorExtensions.encode(namespace, unconsumed());
  }

  /** Returns the fields not consumed, whole or in part, as a new object. */
  public ObjectNode unconsumed() {
    JsonNode left = remainder(root, consumed.root);
    return left == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) left;
  }

  private static @Nullable JsonNode remainder(JsonNode json, Consumed.@Nullable Node node) {
    if (node == null) {
      return json.deepCopy();
    }
    if (node.whole) {
      return null;
    }
    if (json.isObject() && !json.isEmpty()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : json.properties()) {
        JsonNode left = remainder(e.getValue(), node.children.get(e.getKey()));
        if (left != null) {
          out.set(e.getKey(), left);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (json.isArray() && !json.isEmpty()) {
      var out = JsonNodeFactory.instance.arrayNode();
      boolean any = false;
      for (int i = 0; i < json.size(); i++) {
        JsonNode left = remainder(json.get(i), node.children.get(Integer.toString(i)));
        if (left == null) {
          out.add(JsonNodeFactory.instance.nullNode());
        } else {
          out.add(left);
          any = true;
        }
      }
      return any ? out : null;
    }
    return json.deepCopy();
  }

  // --- helpers ----------------------------------------------------------------------------

  private @Nullable JsonNode at(String pointer) {
    return Pointers.at(root, Pointers.segments(Objects.requireNonNull(pointer, "pointer")));
  }

  private @Nullable JsonNode present(String pointer) {
    JsonNode node = at(pointer);
    return node == null || node.isNull() ? null : node;
  }

  private BigDecimal plainDecimal(String pointer, String text) {
    if (text.length() > MAX_QUOTED || !PLAIN_DECIMAL.matcher(text).matches()) {
      throw invalid(pointer, "'" + quote(text) + "' is not a plain decimal such as 1234.50");
    }
    return new BigDecimal(text);
  }

  private MappingException missing(String pointer, String expected) {
    return new MappingException(MappingException.Reason.MISSING_FIELD, context.systemId(), pointer,
        "expected " + expected + ", but the field is " + (at(pointer) == null ? "absent" : "null"));
  }

  private MappingException wrongType(String pointer, String expected, JsonNode found) {
    return new MappingException(MappingException.Reason.WRONG_TYPE, context.systemId(), pointer,
        "expected " + expected + ", found " + typeName(found));
  }

  private MappingException invalid(String pointer, String problem) {
    return invalid(pointer, problem, null);
  }

  private MappingException invalid(String pointer, String problem, @Nullable Throwable cause) {
    return new MappingException(MappingException.Reason.INVALID_VALUE, context.systemId(), pointer, problem, cause);
  }

  private static String typeName(JsonNode node) {
    if (node.isNumber()) {
      return node.isIntegralNumber() ? "an integer" : "a number with a fraction";
    }
    if (node.isString()) {
      return "text";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String quote(String text) {
    return text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
  }

  /** The tree of consumed paths; a node marked whole covers everything below it. */
  private static final class Consumed {
    static final class Node {
      boolean whole;
      final Map<String, Node> children = new HashMap<>();
    }

    final Node root = new Node();

    void mark(List<String> segments) {
      Node node = root;
      for (String segment : segments) {
        if (node.whole) {
          return;
        }
        node = node.children.computeIfAbsent(segment, k -> new Node());
      }
      node.whole = true;
      node.children.clear();
    }

    boolean covers(List<String> segments) {
      Node node = root;
      for (String segment : segments) {
        if (node.whole) {
          return true;
        }
        node = node.children.get(segment);
        if (node == null) {
          return false;
        }
      }
      return node.whole;
    }
  }
}
