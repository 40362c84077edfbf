package dev.steward.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Currency;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Every attribute of every canonical entity, derived from the records themselves: the addresses
 * that ownership rules, reconciliation and redaction may use, and nothing else.
 *
 * <p>An attribute is a scalar value (string, number, boolean, date, instant, enum, id, currency,
 * URI) or a value type that changes as a whole ({@link Money}, {@link Period}). Nested records
 * contribute their attributes under their own path; list elements and extension keys appear as
 * {@code *}, as in <code>/lines/&#42;/quantity</code> and <code>/extensions/&#42;</code>;
 * the kinds of a sealed type such as {@link CommercialTerm} contribute the union of their
 * attributes and the discriminator (<code>/terms/&#42;/kind</code>). Governance metadata ({@code
 * /meta}) is maintained by Steward and is not an attribute.
 *
 * <p>Obtain the catalogue with {@link #of(EntityType)}. Immutable and thread-safe.
 */
public final class AttributeCatalog {
  private static final Set<Class<?>> VALUES =
      Set.of(
          String.class, Boolean.class, Integer.class, Long.class, BigDecimal.class, LocalDate.class,
          Instant.class, Currency.class, CanonicalId.class, URI.class, Money.class, Period.class,
          JsonNode.class);
  private static final Map<EntityType, AttributeCatalog> CATALOGS = build();

  private final EntityType type;
  private final Map<AttributePath, Class<?>> attributes;

  private AttributeCatalog(EntityType type, Map<AttributePath, Class<?>> attributes) {
    this.type = type;
    this.attributes = Collections.unmodifiableMap(attributes);
  }

  /** Returns the catalogue of an entity type. */
  public static AttributeCatalog of(EntityType type) {
    return CATALOGS.get(type);
  }

  /** Returns the entity type this catalogue describes. */
  public EntityType entityType() {
    return type;
  }

  /** Returns the attributes in record declaration order. */
  public List<AttributePath> attributes() {
    return List.copyOf(attributes.keySet());
  }

  /** Returns whether {@code path} names an attribute of this entity type. */
  public boolean contains(AttributePath path) {
    return attributes.containsKey(path);
  }

  /**
   * Returns the Java type of an attribute's value ({@code String.class}, {@code Money.class}, an
   * enum class...), or empty if {@code path} names no attribute.
   */
  public Optional<Class<?>> valueType(AttributePath path) {
    return Optional.ofNullable(attributes.get(path));
  }

  /**
   * Returns the attribute a concrete JSON Pointer addresses, such as <code>/lines/&#42;/unitPrice</code>
   * for {@code /lines/2/unitPrice/amount}, or empty if it addresses none (a container, or
   * governance metadata).
   */
  public Optional<AttributePath> attributeAt(String pointer) {
    for (AttributePath path : attributes.keySet()) {
      if (path.covers(pointer)) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "AttributeCatalog[" + type + ", " + attributes.size() + " attributes]";
  }

  private static Map<EntityType, AttributeCatalog> build() {
    Map<EntityType, AttributeCatalog> all = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      Map<AttributePath, Class<?>> found = new LinkedHashMap<>();
      for (RecordComponent c : type.recordType().getRecordComponents()) {
        if (!c.getName().equals("meta")) {
          walk(List.of(c.getName()), c.getType(), c.getGenericType(), found, new ArrayDeque<>());
        }
      }
      all.put(type, new AttributeCatalog(type, found));
    }
    return all;
  }

  private static void walk(
      List<String> at, Class<?> raw, Type generic, Map<AttributePath, Class<?>> found, Deque<Class<?>> stack) {
    if (VALUES.contains(raw) || raw.isEnum()) {
      found.putIfAbsent(AttributePath.of(at), raw);
    } else if (List.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
      Type[] args = ((ParameterizedType) generic).getActualTypeArguments();
      Type element = args[args.length - 1];
      walk(append(at, AttributePath.ANY), rawClass(element), element, found, stack);
    } else if (raw.isRecord()) {
      if (stack.contains(raw)) {
        throw new IllegalStateException("the canonical model nests " + raw.getSimpleName() + " in itself at " + AttributePath.of(at));
      }
      stack.push(raw);
      for (RecordComponent c : raw.getRecordComponents()) {
        walk(append(at, c.getName()), c.getType(), c.getGenericType(), found, stack);
      }
      stack.pop();
    } else if (raw.isInterface() && raw.isSealed()) {
      JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
      if (info != null) {
        found.putIfAbsent(AttributePath.of(append(at, info.property())), String.class);
      }
      JsonSubTypes subtypes = raw.getAnnotation(JsonSubTypes.class);
      List<Class<?>> kinds = new ArrayList<>();
      if (subtypes != null) {
        for (JsonSubTypes.Type t : subtypes.value()) {
          kinds.add(t.value());
        }
      } else {
        kinds.addAll(List.of(raw.getPermittedSubclasses()));
      }
      for (Class<?> kind : kinds) {
        walk(at, kind, kind, found, stack);
      }
    } else {
      throw new IllegalStateException(
          "the attribute catalogue does not know how to address " + raw.getName() + " at " + AttributePath.of(at));
    }
  }

  private static List<String> append(List<String> at, String segment) {
    List<String> out = new ArrayList<>(at.size() + 1);
    out.addAll(at);
    out.add(segment);
    return out;
  }

  private static Class<?> rawClass(Type t) {
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
  }
}
