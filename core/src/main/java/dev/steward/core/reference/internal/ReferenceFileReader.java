package dev.steward.core.reference.internal;

import dev.steward.core.internal.ConfigText;
import dev.steward.core.internal.LocatedTree;
import dev.steward.core.internal.LocatedTree.Mark;
import dev.steward.core.reference.DimensionSet;
import dev.steward.core.reference.InMemoryReferenceData;
import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.reference.ReferenceDataLoadException;
import dev.steward.core.reference.ServiceCatalogueItem;
import dev.steward.core.reference.TaxCode;
import dev.steward.core.reference.VatCheckPolicy;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.CanonicalJsonException;
import dev.steward.model.CanonicalSchemas;
import dev.steward.model.Dimension;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.JsonPointers;
import dev.steward.model.RateCard;
import dev.steward.model.SchemaViolation;
import dev.steward.model.StewardException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a reference data file (the format {@link InMemoryReferenceData} documents) into {@link
 * InMemoryReferenceData}. It parses the text into a tree while noting where each value and key
 * starts, then reads each section, so that every failure is a {@link ReferenceDataLoadException}
 * at the line and column of the offending value or key.
 *
 * <p>One instance reads one file and is then discarded; not thread-safe. The static methods are.
 */
public final class ReferenceFileReader {
  // Schema keywords refusing a key that is written; the violation's pointer names the key.
  private static final Set<String> REFUSED_KEY = Set.of("propertyNames", "additionalProperties", "unevaluatedProperties");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> SECTIONS =
      List.of("currencies", "legalEntities", "taxCodes", "serviceItems", "dimensionSets", "rateCards");
  private static final LocatedTree.Wording WORDING = new LocatedTree.Wording("reference data",
      "an object with any of " + String.join(", ", SECTIONS), "one document per file", "reference data files",
      InMemoryReferenceData.MAX_NESTING_DEPTH, "InMemoryReferenceData.MAX_NESTING_DEPTH");
  private static final List<String> LEGAL_ENTITY_KEYS =
      List.of("id", "code", "country", "region", "functionalCurrency", "allowedCurrencies", "vatCheckUnavailable");
  private static final List<String> LEGAL_ENTITY_REQUIRED = List.of("id", "code", "country", "functionalCurrency");
  private static final List<String> TAX_CODE_KEYS = List.of("jurisdiction", "code", "ratePercent", "validFrom", "validTo");
  private static final List<String> TAX_CODE_REQUIRED = List.of("jurisdiction", "code", "ratePercent", "validFrom");
  private static final List<String> SERVICE_ITEM_KEYS = List.of("id", "code", "serviceLine", "usageBased");
  private static final List<String> SERVICE_ITEM_REQUIRED = List.of("id", "code", "serviceLine");
  private static final List<String> DIMENSION_SET_KEYS = List.of("projectCode", "dimensions");

  private final String source;
  private LocatedTree tree;
  private final InMemoryReferenceData.Builder builder = InMemoryReferenceData.builder();
  private final Set<String> active = new LinkedHashSet<>();

  private ReferenceFileReader(String source) {
    this.source = source;
  }

  /**
   * Reads reference data from the whole text of a file, already checked against {@link
   * InMemoryReferenceData#MAX_FILE_BYTES}. A source name ending in {@code .json} is read as JSON,
   * one ending in {@code .yaml} or {@code .yml} as YAML, any other as JSON if the text starts with
   * <code>{</code> and as YAML otherwise.
   *
   * @param source the file name, for messages
   * @param text the whole file
   * @throws ReferenceDataLoadException for anything wrong with the file
   */
  public static InMemoryReferenceData read(String source, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    ReferenceFileReader reader = new ReferenceFileReader(source);
    JsonNode root = reader.parse(body, ConfigText.isJson(source, body));
    return reader.build(root);
  }

  /**
   * Decodes strict UTF-8.
   *
   * @throws ReferenceDataLoadException at the first byte that is not UTF-8
   */
  public static String decode(String source, byte[] bytes) {
    try {
      return ConfigText.decode(bytes);
    } catch (ConfigText.NotUtf8Exception e) {
      throw new ReferenceDataLoadException(source, e.at().line(), e.at().column(), "", e.at().message(), null);
    }
  }

  /** Returns the failure for a file over {@link InMemoryReferenceData#MAX_FILE_BYTES}. */
  public static ReferenceDataLoadException tooLarge(String source, String size) {
    return new ReferenceDataLoadException(source, 0, 0, "", "the file has " + size + "; expected at most "
        + InMemoryReferenceData.MAX_FILE_BYTES + " bytes (InMemoryReferenceData.MAX_FILE_BYTES)", null);
  }

  // ---------------------------------------------------------------------------------------------
  // Syntax: text to a tree, noting where each value and key starts.

  private JsonNode parse(String text, boolean json) {
    tree = LocatedTree.read(text, json, WORDING, (at, pointer, message, expected, cause) ->
        new ReferenceDataLoadException(source, at.line(), at.column(), pointer, message, cause));
    return tree.root();
  }

  // ---------------------------------------------------------------------------------------------
  // Meaning: the tree to reference data.

  private InMemoryReferenceData build(JsonNode root) {
    ObjectNode top = object(root, "", "an object with any of " + String.join(", ", SECTIONS));
    closed(top, "", SECTIONS, List.of(), "the reference data");
    // Currencies first: legal entities must transact only in active ones, wherever they appear.
    section(top, "currencies", this::currency);
    section(top, "legalEntities", this::legalEntity);
    section(top, "taxCodes", this::taxCode);
    section(top, "serviceItems", this::serviceItem);
    section(top, "dimensionSets", this::dimensionSet);
    section(top, "rateCards", this::rateCard);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      // The legal entities' currencies were checked above, each where it is written.
      throw new ReferenceDataLoadException(source, 1, 1, "", e.getMessage(), e);
    }
  }

  private interface Item {
    void read(JsonNode node, String pointer);
  }

  private void section(ObjectNode top, String name, Item item) {
    JsonNode node = top.get(name);
    if (node == null || node.isNull()) {
      return;
    }
    String pointer = "/" + name;
    ArrayNode list = list(node, pointer);
    for (int i = 0; i < list.size(); i++) {
      item.read(list.get(i), pointer + "/" + i);
    }
  }

  private void currency(JsonNode node, String pointer) {
    Currency currency = currencyAt(node, pointer, "currency");
    add(pointer, () -> builder.currency(currency));
    active.add(currency.getCurrencyCode());
  }

  private void legalEntity(JsonNode node, String pointer) {
    ObjectNode o = object(node, pointer, "a legal entity: an object with " + String.join(", ", LEGAL_ENTITY_REQUIRED));
    closed(o, pointer, LEGAL_ENTITY_KEYS, LEGAL_ENTITY_REQUIRED, "a legal entity");
    CanonicalId id = id(o, pointer, "id", EntityType.LEGAL_ENTITY);
    String code = text(o, pointer, "code");
    String country = parsed(o, pointer, "country", t -> Checks.country(t, "country"));
    String region = optionalText(o, pointer, "region");
    Currency functional = activeCurrency(o.get("functionalCurrency"), pointer + "/functionalCurrency", code);
    Set<Currency> allowed = new LinkedHashSet<>();
    JsonNode allowedNode = o.get("allowedCurrencies");
    if (allowedNode != null && !allowedNode.isNull()) {
      ArrayNode list = list(allowedNode, pointer + "/allowedCurrencies");
      for (int i = 0; i < list.size(); i++) {
        String at = pointer + "/allowedCurrencies/" + i;
        if (!allowed.add(activeCurrency(list.get(i), at, code))) {
          throw atValue(at, "currency " + list.get(i).stringValue() + " is listed twice; expected each currency once");
        }
      }
    }
    VatCheckPolicy vat = VatCheckPolicy.HOLD;
    JsonNode vatNode = o.get("vatCheckUnavailable");
    if (vatNode != null && !vatNode.isNull()) {
      String text = string(vatNode, pointer + "/vatCheckUnavailable", "HOLD or PASS_WITH_WARNING");
      try {
        vat = VatCheckPolicy.valueOf(text);
      } catch (IllegalArgumentException e) {
        throw atValue(pointer + "/vatCheckUnavailable",
            "expected HOLD or PASS_WITH_WARNING, found '" + Checks.shorten(text) + "'");
      }
    }
    VatCheckPolicy policy = vat;
    LegalEntityRef entity = construct(pointer,
        () -> new LegalEntityRef(id, code, country, region, functional, allowed, policy));
    add(pointer + "/code", () -> builder.legalEntity(entity), pointer + "/id");
  }

  private void taxCode(JsonNode node, String pointer) {
    ObjectNode o = object(node, pointer, "a tax code: an object with " + String.join(", ", TAX_CODE_REQUIRED));
    closed(o, pointer, TAX_CODE_KEYS, TAX_CODE_REQUIRED, "a tax code");
    String jurisdiction = parsed(o, pointer, "jurisdiction", t -> Checks.jurisdiction(t, "jurisdiction"));
    String code = text(o, pointer, "code");
    BigDecimal rate = decimal(o.get("ratePercent"), pointer + "/ratePercent");
    try {
      Checks.percent(rate, "rate of tax code " + jurisdiction + "/" + code);
    } catch (IllegalArgumentException e) {
      throw atValue(pointer + "/ratePercent", e.getMessage(), e);
    }
    LocalDate from = date(o.get("validFrom"), pointer + "/validFrom");
    JsonNode toNode = o.get("validTo");
    LocalDate to = toNode == null || toNode.isNull() ? null : date(toNode, pointer + "/validTo");
    TaxCode taxCode = construct(pointer + (to != null ? "/validTo" : ""),
        () -> new TaxCode(jurisdiction, code, rate, from, to));
    add(pointer + "/code", () -> builder.taxCode(taxCode));
  }

  private void serviceItem(JsonNode node, String pointer) {
    ObjectNode o = object(node, pointer, "a service item: an object with " + String.join(", ", SERVICE_ITEM_REQUIRED));
    closed(o, pointer, SERVICE_ITEM_KEYS, SERVICE_ITEM_REQUIRED, "a service item");
    CanonicalId id = id(o, pointer, "id", EntityType.SERVICE_ITEM);
    String code = text(o, pointer, "code");
    String serviceLine = text(o, pointer, "serviceLine");
    boolean usageBased = false;
    JsonNode usage = o.get("usageBased");
    if (usage != null && !usage.isNull()) {
      if (!usage.isBoolean()) {
        throw atValue(pointer + "/usageBased", "expected true or false, found " + describe(usage));
      }
      usageBased = usage.booleanValue();
    }
    boolean usageBasedItem = usageBased;
    ServiceCatalogueItem item = construct(pointer, () -> new ServiceCatalogueItem(id, code, serviceLine, usageBasedItem));
    add(pointer + "/code", () -> builder.serviceItem(item), pointer + "/id");
  }

  private void dimensionSet(JsonNode node, String pointer) {
    ObjectNode o = object(node, pointer, "a dimension set: an object with projectCode and dimensions");
    closed(o, pointer, DIMENSION_SET_KEYS, DIMENSION_SET_KEYS, "a dimension set");
    String projectCode = text(o, pointer, "projectCode");
    String at = pointer + "/dimensions";
    ObjectNode map = object(o.get("dimensions"), at, "an object from dimension name to value, such as {department: consulting-emea}");
    List<Dimension> dimensions = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      String value = string(e.getValue(), at + "/" + JsonPointers.escape(e.getKey()), "the dimension's value as text");
      dimensions.add(new Dimension(e.getKey(), value));
    }
    DimensionSet set = construct(at, () -> new DimensionSet(projectCode, dimensions));
    add(pointer + "/projectCode", () -> builder.dimensionSet(set));
  }

  private void rateCard(JsonNode node, String pointer) {
    object(node, pointer, "a rate card in canonical JSON form");
    List<SchemaViolation> violations =
        CanonicalSchemas.shared().validate(EntityType.RATE_CARD, schemaVersion(node, pointer), node);
    if (!violations.isEmpty()) {
      // The first problem in the file; at one object, a refused key before a missing one, which a
      // misspelt key explains.
      SchemaViolation first = violations.stream()
          .min(Comparator.<SchemaViolation, Mark>comparing(v -> holder(pointer, v), Mark::compare)
              .thenComparing(v -> !REFUSED_KEY.contains(v.keyword())))
          .orElseThrow();
      String at = pointer + first.pointer();
      String message = "the rate card breaks the canonical rate-card schema: " + first.message();
      // A refused key is reported where the key is written; a bad value where the value is.
      throw REFUSED_KEY.contains(first.keyword()) ? atKey(at, message) : atValue(at, message);
    }
    RateCard card;
    try {
      card = CanonicalJson.ofDefaults().fromTree(node, RateCard.class);
    } catch (CanonicalJsonException e) {
      String detail = e.getMessage() == null ? e.reason().name() : e.getMessage();
      // The message starts with the pointer within the card; the exception names the full one.
      String within = e.pointer().isEmpty() ? "document" : e.pointer();
      if (detail.startsWith(within)) {
        detail = detail.substring(within.length()).replaceFirst("^ \\(line -?\\d+, column -?\\d+\\)", "").replaceFirst("^: ", "");
      }
      throw new ReferenceDataLoadException(source, value(pointer + e.pointer()).line(), value(pointer + e.pointer()).column(),
          pointer + e.pointer(), "the rate card does not bind: " + detail, e);
    }
    Checks.Problem problem = Checks.rateCardProblem(card);
    if (problem != null) {
      throw atValue(pointer + problem.pointer(), problem.message());
    }
    add(pointer + "/meta/id", () -> builder.rateCard(card));
  }

  // Where the value a violation is about starts: for one about a key (its pointer names the key),
  // the object holding it.
  private Mark holder(String cardPointer, SchemaViolation v) {
    String at = cardPointer + v.pointer();
    boolean aboutAKey = REFUSED_KEY.contains(v.keyword()) || "required".equals(v.keyword());
    return value(aboutAKey ? at.substring(0, at.lastIndexOf('/')) : at);
  }

  // The schema version a rate card declares, which must be one this release ships; the current one
  // when it declares none or no whole number, which that version's schema then refuses.
  private int schemaVersion(JsonNode card, String pointer) {
    JsonNode declared = card.path("meta").path("schemaVersion");
    if (!declared.isIntegralNumber()) {
      return EntityMeta.CURRENT_SCHEMA_VERSION;
    }
    SortedSet<Integer> known = CanonicalSchemas.shared().versions(EntityType.RATE_CARD);
    if (declared.canConvertToInt() && known.contains(declared.intValue())) {
      return declared.intValue();
    }
    throw atValue(pointer + "/meta/schemaVersion", "schema version " + Checks.shorten(declared.toString())
        + " of " + EntityType.RATE_CARD.schemaName() + " is unknown; expected one this release knows: " + known);
  }

  // ---------------------------------------------------------------------------------------------
  // Values.

  private ObjectNode object(@Nullable JsonNode node, String pointer, String expected) {
    if (node instanceof ObjectNode o) {
      return o;
    }
    throw atValue(pointer, "expected " + expected + ", found " + describe(node));
  }

  private ArrayNode list(JsonNode node, String pointer) {
    if (node instanceof ArrayNode a) {
      return a;
    }
    throw atValue(pointer, "expected a list, found " + describe(node));
  }

  private void closed(ObjectNode o, String pointer, List<String> allowed, List<String> required, String what) {
    for (String name : o.propertyNames()) {
      if (!allowed.contains(name)) {
        throw atKey(pointer + "/" + JsonPointers.escape(name), "unknown key '" + Checks.shorten(name) + "' in " + what
            + "; expected one of " + String.join(", ", allowed));
      }
    }
    for (String name : required) {
      JsonNode v = o.get(name);
      if (v == null) {
        throw atValue(pointer, "missing key '" + name + "': " + what + " needs " + String.join(", ", required));
      }
    }
  }

  private String string(@Nullable JsonNode node, String pointer, String expected) {
    if (node != null && node.isString()) {
      return node.stringValue();
    }
    throw atValue(pointer, "expected " + expected + ", found " + describe(node)
        + (node != null && (node.isNumber() || node.isBoolean()) ? " (quote it to make it text)" : ""));
  }

  private String text(ObjectNode o, String pointer, String key) {
    return string(o.get(key), pointer + "/" + key, "text");
  }

  private @Nullable String optionalText(ObjectNode o, String pointer, String key) {
    JsonNode node = o.get(key);
    return node == null || node.isNull() ? null : string(node, pointer + "/" + key, "text");
  }

  private <T> T parsed(ObjectNode o, String pointer, String key, Function<String, T> parse) {
    String at = pointer + "/" + key;
    String text = string(o.get(key), at, "text");
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException | StewardException e) {
      throw atValue(at, e.getMessage(), e);
    }
  }

  private CanonicalId id(ObjectNode o, String pointer, String key, EntityType type) {
    CanonicalId id = parsed(o, pointer, key, CanonicalId::parse);
    try {
      return Checks.id(id, type, key);
    } catch (IllegalArgumentException e) {
      throw atValue(pointer + "/" + key, e.getMessage(), e);
    }
  }

  private Currency currencyAt(JsonNode node, String pointer, String field) {
    String code = string(node, pointer, "an ISO 4217 currency code such as EUR");
    try {
      return Checks.currency(code, field);
    } catch (IllegalArgumentException e) {
      throw atValue(pointer, e.getMessage(), e);
    }
  }

  private Currency activeCurrency(@Nullable JsonNode node, String pointer, String entityCode) {
    Currency c = currencyAt(node == null ? NODES.missingNode() : node, pointer, "currency of legal entity " + entityCode);
    if (!active.contains(c.getCurrencyCode())) {
      throw atValue(pointer, "legal entity " + entityCode + " transacts in " + c.getCurrencyCode()
          + ", which is not among the active currencies " + new TreeSet<>(active) + "; add it to currencies");
    }
    return c;
  }

  private BigDecimal decimal(@Nullable JsonNode node, String pointer) {
    if (node != null && node.isNumber() && !node.isDouble() && !node.isFloat()) {
      return node.decimalValue();
    }
    throw atValue(pointer, "expected a number of percent such as 19 or 13.5, found " + describe(node));
  }

  private LocalDate date(@Nullable JsonNode node, String pointer) {
    String text = string(node, pointer, "a date such as 2021-01-01");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw atValue(pointer, "expected a date such as 2021-01-01, found '" + Checks.shorten(text) + "'", e);
    }
  }

  private static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isString()) {
      return "text '" + Checks.shorten(node.stringValue()) + "'";
    }
    if (node.isBoolean()) {
      return String.valueOf(node.booleanValue());
    }
    if (node.isNumber()) {
      return "the number " + (node.isDouble() || node.isFloat() ? String.valueOf(node.doubleValue())
          : node.decimalValue().toPlainString());
    }
    return node.isArray() ? "a list" : "an object";
  }

  // ---------------------------------------------------------------------------------------------
  // Failures, each where it is written.

  private <T> T construct(String pointer, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw atValue(pointer, e.getMessage(), e);
    }
  }

  private void add(String pointer, Runnable add) {
    add(pointer, add, pointer);
  }

  // Where the builder refuses a duplicate: at the code, unless the message names the id.
  private void add(String codePointer, Runnable add, String idPointer) {
    try {
      add.run();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "refused" : e.getMessage();
      throw atValue(message.contains(" id ") ? idPointer : codePointer, message, e);
    }
  }

  private ReferenceDataLoadException atValue(String pointer, String message) {
    return atValue(pointer, message, null);
  }

  private ReferenceDataLoadException atValue(String pointer, String message, @Nullable Throwable cause) {
    Mark at = value(pointer);
    return new ReferenceDataLoadException(source, at.line(), at.column(), pointer, message, cause);
  }

  private ReferenceDataLoadException atKey(String pointer, String message) {
    Mark at = tree.key(pointer);
    return new ReferenceDataLoadException(source, at.line(), at.column(), pointer, message, null);
  }

  // Where the value at pointer starts, or its nearest enclosing value's start.
  private Mark value(String pointer) {
    return tree.value(pointer);
  }
}
