package dev.steward.core.ownership;

import static org.instancio.Select.all;
import static org.instancio.Select.field;
import static org.instancio.Select.fields;
import static org.instancio.Select.root;

import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.JsonPointers;
import dev.steward.model.Money;
import dev.steward.model.Period;
import dev.steward.model.SystemIds;
import dev.steward.model.constraint.CountryCode;
import dev.steward.model.constraint.IdOf;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.instancio.InstancioApi;
import org.instancio.Random;
import org.instancio.settings.Keys;
import org.instancio.settings.Settings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Instancio set-up for ownership properties: valid canonical records (as canonical JSON), random
 * ownership policies over the canonical attribute catalogue, and random changes (merge patches)
 * derived from a second record of the same type.
 *
 * <p>The record half mirrors {@code dev.steward.model.CanonicalGenerators}, which core's tests
 * cannot see: Instancio honours the Bean Validation constraints, and this class supplies what it
 * cannot derive (typed ids, ISO codes, system ids, money, periods, namespaced extensions).
 */
final class OwnershipGenerators {
  static final List<String> SYSTEMS = List.of("crm", "psa", "erp", "billing");
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "JPY", "BHD", "CHF", "SEK");
  private static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "IE", "GB", "US", "CA", "JP", "BH");
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OwnershipGenerators() {}

  /**
   * One generated change and everything needed to decide it.
   *
   * @param type the entity type
   * @param policy the generated policy; always has rules for {@code type}
   * @param source the system the change comes from
   * @param golden the golden record, or null when the change creates the entity
   * @param incoming the merge patch sent (the whole record, for most creations)
   * @param strict whether the change is all-or-nothing
   * @param baseVersion the version the change is based on, or null
   * @param history last changes by concrete pointer (empty unless {@code baseVersion} is set)
   */
  record Case(
      EntityType type,
      OwnershipPolicy policy,
      String source,
      @Nullable JsonNode golden,
      JsonNode incoming,
      boolean strict,
      @Nullable Long baseVersion,
      Map<String, ChangeRequest.AttributeChange> history) {

    /** Returns the change request for {@code golden} (this case's, or another). */
    ChangeRequest request(@Nullable JsonNode currentGolden) {
      ChangeRequest.Builder b = ChangeRequest.builder(type, source, incoming).history(history);
      if (currentGolden != null) {
        b.golden(currentGolden);
      }
      if (baseVersion != null) {
        b.baseVersion(baseVersion);
      }
      if (strict) {
        b.strict();
      }
      return b.build();
    }

    ChangeRequest request() {
      return request(golden);
    }

    /** Returns everything needed to reproduce the case by hand. */
    String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(type).append(" change from ").append(source)
          .append(golden == null ? " creating the entity" : "")
          .append(strict ? ", strict" : "")
          .append(baseVersion == null ? "" : ", baseVersion " + baseVersion + ", history " + history)
          .append("\n  policy rules:");
      for (OwnershipRule r : policy.rules(type)) {
        sb.append("\n    ").append(r).append(" originators=").append(new TreeSet<>(r.originators()))
            .append(" proposers=").append(new TreeSet<>(r.proposers()))
            .append(" syncTo=").append(new TreeSet<>(r.syncTargets()));
      }
      sb.append("\n  golden:   ").append(golden);
      sb.append("\n  incoming: ").append(incoming);
      return sb.toString();
    }
  }

  /** Returns a seeded stream of cases for entities of {@code type}. */
  static Stream<Case> cases(EntityType type, long seed) {
    return Instancio.of(Case.class)
        .withSeed(seed)
        .supply(root(), r -> caseOf(type, r))
        .stream();
  }

  static Case caseOf(EntityType type, Random r) {
    OwnershipPolicy policy = policy(type, r);
    JsonNode other = record(type, r.longRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
    boolean creating = r.trueOrFalse(0.2);
    JsonNode golden = creating ? null : record(type, r.longRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
    JsonNode incoming = creating && r.trueOrFalse(0.7) ? withoutMeta(other) : patch(type, golden, other, r);
    String source = source(policy, type, r);
    boolean strict = r.trueOrFalse(0.1);
    Long baseVersion = null;
    Map<String, ChangeRequest.AttributeChange> history = Map.of();
    if (golden != null && r.trueOrFalse(0.2)) {
      baseVersion = 5L;
      history = history(type, incoming, r);
    }
    return new Case(type, policy, source, golden, incoming, strict, baseVersion, history);
  }

  // ---------------------------------------------------------------- records

  /** Returns a valid record of {@code type} in canonical JSON. */
  static JsonNode record(EntityType type, long seed) {
    CanonicalEntity entity = valid(type.recordType(), type).withSeed(seed).create();
    return JSON.readTree(JSON.writeBytes(entity));
  }

  static Settings settings() {
    return Settings.create()
        .set(Keys.BEAN_VALIDATION_ENABLED, true)
        .set(Keys.MODE, org.instancio.settings.Mode.LENIENT)
        .set(Keys.AFTER_GENERATE_HINT, org.instancio.generator.AfterGenerate.DO_NOT_MODIFY)
        .set(Keys.COLLECTION_MIN_SIZE, 0)
        .set(Keys.COLLECTION_MAX_SIZE, 3)
        .set(Keys.MAP_MIN_SIZE, 0)
        .set(Keys.MAP_MAX_SIZE, 3)
        .set(Keys.STRING_MAX_LENGTH, 24);
  }

  static <T> InstancioApi<T> valid(Class<T> type, EntityType entityType) {
    InstancioApi<T> api =
        Instancio.of(type)
            .withSettings(settings())
            .supply(field(EntityMeta.class, "id"), r -> id(r, entityType))
            .supply(field(EntityMeta.class, "schemaVersion"), () -> EntityMeta.CURRENT_SCHEMA_VERSION)
            .supply(fields(f -> f.isAnnotationPresent(CountryCode.class)), r -> r.oneOf(COUNTRIES))
            .supply(fields(OwnershipGenerators::isSystemId), r -> r.oneOf(SYSTEMS))
            .supply(fields(f -> f.getName().equals("extensions")), OwnershipGenerators::extensions)
            .supply(all(Currency.class), r -> Currency.getInstance(r.oneOf(CURRENCIES)))
            .supply(all(Money.class), OwnershipGenerators::money)
            .supply(all(Period.class), OwnershipGenerators::period);
    for (EntityType t : EntityType.values()) {
      api = api.supply(fields(f -> idOf(f, t)), r -> id(r, t));
    }
    return api;
  }

  private static CanonicalId id(Random r, EntityType type) {
    StringBuilder ulid = new StringBuilder(26).append((char) ('0' + r.intRange(0, 1)));
    for (int i = 1; i < 26; i++) {
      ulid.append(CROCKFORD.charAt(r.intRange(0, 31)));
    }
    return CanonicalId.parse(type.prefix() + "_" + ulid);
  }

  private static Money money(Random r) {
    Currency currency = Currency.getInstance(r.oneOf(CURRENCIES));
    int scale = currency.getDefaultFractionDigits();
    return Money.of(BigDecimal.valueOf(r.longRange(-1_000_000L, 50_000_000L), scale), currency);
  }

  private static Period period(Random r) {
    LocalDate start = LocalDate.of(2020, 1, 1).plusDays(r.intRange(0, 3650));
    return new Period(start, start.plusDays(r.intRange(0, 1095)));
  }

  private static Map<String, JsonNode> extensions(Random r) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    int n = r.intRange(0, 3);
    for (int i = 0; i < n; i++) {
      // Few distinct keys, so golden and change share some and differ in others.
      String key = r.oneOf("acme", "globex") + ":" + r.oneOf("costCenter", "tier") + r.intRange(0, 1);
      JsonNode value =
          switch (r.intRange(0, 3)) {
            case 0 -> NODES.stringNode(r.alphanumeric(6));
            case 1 -> NODES.numberNode(r.intRange(-3, 3));
            case 2 -> NODES.booleanNode(r.trueOrFalse());
            default -> NODES.numberNode(BigDecimal.valueOf(r.intRange(0, 300), 2));
          };
      map.put(key, value);
    }
    return map;
  }

  private static boolean isSystemId(Field f) {
    Pattern p = f.getAnnotation(Pattern.class);
    return p != null && p.regexp().equals(SystemIds.PATTERN);
  }

  private static boolean idOf(Field f, EntityType type) {
    IdOf idOf = f.getAnnotation(IdOf.class);
    return f.getType() == CanonicalId.class && idOf != null && idOf.value() == type;
  }

  // ---------------------------------------------------------------- policies

  /**
   * Returns a random policy with rules for {@code type} and perhaps other entity types: 0 to 2
   * defaults rules, and rules for a random subset of the catalogue's attributes, exact and as
   * subtrees, some conditional on an enum or country attribute. Lint is relaxed: random policies
   * leave attributes unowned, owned twice and so on, which is what the engine must survive.
   */
  static OwnershipPolicy policy(EntityType type, Random r) {
    OwnershipPolicy.Builder b = OwnershipPolicy.builder("generated-" + r.alphanumeric(6), "v" + r.intRange(1, 99))
        .systems(SYSTEMS.toArray(String[]::new))
        .relaxLint();
    Set<EntityType> types = new LinkedHashSet<>();
    types.add(type);
    for (int i = r.intRange(0, 2); i > 0; i--) {
      types.add(r.oneOf(EntityType.values()));
    }
    for (EntityType t : types) {
      b.entity(t, e -> entityRules(t, e, r));
    }
    return b.build();
  }

  private static void entityRules(EntityType type, OwnershipPolicy.EntityRules e, Random r) {
    AttributeCatalog catalog = AttributeCatalog.of(type);
    List<AttributePath> attributes = catalog.attributes();
    int defaults = r.trueOrFalse(0.08) ? 0 : r.trueOrFalse(0.7) ? 1 : 2;
    for (int i = 0; i < defaults; i++) {
      boolean last = i == defaults - 1;
      // The last defaults rule is mostly unconditional, so most attributes have some owner.
      Condition when = last && r.trueOrFalse(0.8) ? Condition.always() : condition(catalog, r);
      e.defaults(rule(when, r));
    }
    int n = r.intRange(0, Math.min(14, attributes.size()));
    for (int i = 0; i < n; i++) {
      AttributePath attribute = r.oneOf(attributes);
      String selector = attribute.toString();
      List<String> segments = attribute.segments();
      if (segments.size() > 1 && r.trueOrFalse(0.3)) {
        selector = text(segments.subList(0, r.intRange(1, segments.size() - 1))) + "/*";
      }
      int rules = r.trueOrFalse(0.35) ? 2 : 1;
      for (int k = 0; k < rules; k++) {
        Condition when = rules == 1 && r.trueOrFalse(0.6) ? Condition.always() : condition(catalog, r);
        e.attribute(selector, rule(when, r));
      }
    }
  }

  private static Consumer<OwnershipPolicy.RuleSpec> rule(Condition when, Random r) {
    String owner = r.oneOf(SYSTEMS);
    String[] originators = subset(r, 0.3);
    String[] proposers = subset(r, 0.3);
    String[] syncTo = subset(r, 0.5);
    String[] readers = subset(r, 0.2);
    return spec -> spec.when(when).owner(owner).originators(originators).proposers(proposers).syncTo(syncTo)
        .readers(readers);
  }

  private static String[] subset(Random r, double p) {
    return SYSTEMS.stream().filter(s -> r.trueOrFalse(p)).toArray(String[]::new);
  }

  /** A condition on an enum attribute (such as /status) or a country; combined now and then. */
  static Condition condition(AttributeCatalog catalog, Random r) {
    List<AttributePath> readable = new ArrayList<>();
    for (AttributePath a : catalog.attributes()) {
      if (!a.segments().contains(AttributePath.ANY) && !values(catalog, a).isEmpty()) {
        readable.add(a);
      }
    }
    if (readable.isEmpty()) {
      return Condition.always();
    }
    Condition one = in(catalog, r.oneOf(readable), r);
    return switch (r.intRange(0, 5)) {
      case 0 -> Condition.not(one);
      case 1 -> Condition.anyOf(one, in(catalog, r.oneOf(readable), r));
      case 2 -> Condition.allOf(one, Condition.not(in(catalog, r.oneOf(readable), r)));
      default -> one;
    };
  }

  private static Condition in(AttributeCatalog catalog, AttributePath attribute, Random r) {
    List<String> all = values(catalog, attribute);
    Set<String> chosen = new LinkedHashSet<>();
    for (String v : all) {
      if (r.trueOrFalse(0.4)) {
        chosen.add(v);
      }
    }
    if (chosen.isEmpty()) {
      chosen.add(r.oneOf(all));
    }
    return Condition.attribute(attribute.toString()).in(chosen);
  }

  private static List<String> values(AttributeCatalog catalog, AttributePath attribute) {
    Class<?> valueType = catalog.valueType(attribute).orElseThrow();
    if (valueType.isEnum()) {
      return Arrays.stream(valueType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }
    List<String> segments = attribute.segments();
    if (valueType == String.class && segments.get(segments.size() - 1).equals("country")) {
      return COUNTRIES;
    }
    return List.of();
  }

  private static String text(List<String> segments) {
    StringBuilder sb = new StringBuilder();
    for (String s : segments) {
      sb.append('/').append(s.equals(AttributePath.ANY) ? s : JsonPointers.escape(s));
    }
    return sb.toString();
  }

  /** Mostly a system that owns or originates something of the entity, so changes get accepted. */
  private static String source(OwnershipPolicy policy, EntityType type, Random r) {
    List<OwnershipRule> rules = policy.rules(type);
    if (!rules.isEmpty() && r.trueOrFalse(0.6)) {
      OwnershipRule rule = r.oneOf(rules);
      Set<String> candidates = new TreeSet<>(rule.originators()); // sorted: a rule's sets iterate in no fixed order
      candidates.add(rule.owner());
      candidates.addAll(rule.proposers());
      return r.oneOf(candidates);
    }
    return r.oneOf(SYSTEMS);
  }

  // ---------------------------------------------------------------- changes

  private static JsonNode withoutMeta(JsonNode record) {
    ObjectNode copy = (ObjectNode) record.deepCopy();
    copy.remove("meta");
    return copy;
  }

  /**
   * Returns a merge patch: a random subset of the top-level properties of {@code other} (or of
   * every top-level attribute name), some as explicit nulls, some restating the golden value,
   * some nested objects as partial merges, and now and then the governance metadata.
   */
  static JsonNode patch(EntityType type, @Nullable JsonNode golden, JsonNode other, Random r) {
    AttributeCatalog catalog = AttributeCatalog.of(type);
    Set<String> names = new LinkedHashSet<>();
    for (AttributePath a : catalog.attributes()) {
      names.add(a.segments().get(0));
    }
    ObjectNode patch = NODES.objectNode();
    for (String name : names) {
      JsonNode theirs = other.get(name);
      JsonNode ours = golden == null ? null : golden.get(name);
      double roll = r.doubleRange(0, 1);
      if (roll < 0.40) {
        if (theirs != null && theirs.isArray() && theirs.size() > 1 && r.trueOrFalse(0.4)) {
          patch.set(name, withHole(theirs, r));
        } else if (theirs != null) {
          patch.set(name, theirs.deepCopy());
        } else if (r.trueOrFalse(0.5)) {
          patch.putNull(name);
        }
      } else if (roll < 0.47) {
        patch.putNull(name);
      } else if (roll < 0.55 && ours != null) {
        patch.set(name, ours.deepCopy());
      } else if (roll < 0.62 && theirs != null && theirs.isObject() && ours != null && ours.isObject()
          && !catalog.contains(AttributePath.parse("/" + JsonPointers.escape(name)))) {
        // A nested record (an address), not a value that changes whole (money, a period).
        ObjectNode partial = NODES.objectNode();
        for (Map.Entry<String, JsonNode> p : theirs.properties()) {
          if (r.trueOrFalse(0.5)) {
            partial.set(p.getKey(), r.trueOrFalse(0.15) ? NODES.nullNode() : p.getValue().deepCopy());
          }
        }
        patch.set(name, partial);
      }
    }
    if (r.trueOrFalse(0.1)) {
      patch.set("meta", other.get("meta").deepCopy()); // not an attribute: the engine must leave it alone
    }
    return patch;
  }

  /**
   * Returns a copy of a list with one element before its last removed (an explicit null) or, for
   * objects, cut down to some of its values: changes that can leave a gap in the merged list.
   */
  private static JsonNode withHole(JsonNode list, Random r) {
    tools.jackson.databind.node.ArrayNode copy = (tools.jackson.databind.node.ArrayNode) list.deepCopy();
    int i = r.intRange(0, list.size() - 2);
    if (copy.get(i).isObject() && r.trueOrFalse(0.5)) {
      ObjectNode partial = NODES.objectNode();
      copy.get(i).properties().forEach(p -> {
        if (r.trueOrFalse(0.3)) {
          partial.set(p.getKey(), p.getValue());
        }
      });
      copy.set(i, partial.isEmpty() ? NODES.nullNode() : partial);
    } else {
      copy.set(i, NODES.nullNode());
    }
    return copy;
  }

  /** Records that random values of the change were last changed by some system at some version. */
  private static Map<String, ChangeRequest.AttributeChange> history(EntityType type, JsonNode incoming, Random r) {
    AttributeCatalog catalog = AttributeCatalog.of(type);
    List<String> pointers = new ArrayList<>();
    leafPointers(incoming, "", pointers);
    Map<String, ChangeRequest.AttributeChange> history = new LinkedHashMap<>();
    for (String pointer : pointers) {
      if (pointer.startsWith("/meta") || !r.trueOrFalse(0.3)) {
        continue;
      }
      catalog.attributeAt(pointer).ifPresent(attribute -> {
        List<String> concrete = JsonPointers.segments(pointer).subList(0, attribute.segments().size());
        StringBuilder at = new StringBuilder();
        concrete.forEach(s -> at.append('/').append(JsonPointers.escape(s)));
        history.put(at.toString(), new ChangeRequest.AttributeChange(r.longRange(3, 9), r.oneOf(SYSTEMS)));
      });
    }
    return history;
  }

  /** Collects the pointers of the scalar values (and nulls) in {@code node}. */
  static void leafPointers(JsonNode node, String at, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        leafPointers(e.getValue(), at + "/" + JsonPointers.escape(e.getKey()), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leafPointers(node.get(i), at + "/" + i, out);
      }
    } else {
      out.add(at);
    }
  }
}
