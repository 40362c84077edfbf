package dev.steward.model;

import static dev.steward.model.ModelTestSupport.mandatory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Each entity's schema describes its record all the way down, not just at the top: the schema and
 * the record graph (nested records, lists of records, the sealed {@link CommercialTerm} and
 * enums) are walked side by side, following {@code $ref}s into {@code $defs} of the same or
 * another schema file, and at every nested record the schema must name exactly its components, in
 * order, require exactly the mandatory ones and be closed. Enums must list the Java constants, and
 * a sealed interface must have one {@code oneOf} branch per permitted record, told apart by its
 * {@code kind} constant. Leaves must have the JSON type their Java type is written as.
 *
 * <p>Failures name the entity, the path in the record graph ({@code *} is any list element,
 * {@code [kind=X]} the branch of a sealed type) and every mismatch found, not just the first.
 *
 * <p>If this fails, check: a component added to, renamed in or reordered in a record without the
 * same change in its schema {@code $defs} (or the reverse); a {@code @NotNull} added or removed
 * without touching {@code required}; an enum constant added in Java only; a new permitted
 * subtype without a {@code @JsonSubTypes} name or a {@code oneOf} branch.
 */
class SchemaRecordConsistencyTest {
  private static final int VERSION = EntityMeta.CURRENT_SCHEMA_VERSION;
  private static final String SCHEMA_ROOT = "dev/steward/model/schemas/v" + VERSION + "/";
  private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

  /** The JSON type each leaf Java type is written as in canonical JSON. */
  private static final Map<Class<?>, String> LEAF_TYPES =
      Map.ofEntries(
          Map.entry(String.class, "string"),
          Map.entry(LocalDate.class, "string"),
          Map.entry(Instant.class, "string"),
          Map.entry(Currency.class, "string"),
          Map.entry(CanonicalId.class, "string"),
          Map.entry(URI.class, "string"),
          Map.entry(Boolean.class, "boolean"),
          Map.entry(Integer.class, "integer"),
          Map.entry(Long.class, "integer"),
          Map.entry(BigDecimal.class, "number"),
          Map.entry(Money.class, "object"));

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void schema_describesTheWholeRecordGraph(EntityType type) {
    Walk walk = new Walk(type);

    walk.record(type.recordType(), "", List.of(new Located(fileOf(type), document(fileOf(type)))), null);

    assertThat(walk.problems)
        .as("mismatches between %s and %s", type.recordType().getSimpleName(), fileOf(type))
        .isEmpty();
    assertThat(walk.recordsVisited)
        .as("records of %s compared with a schema; the others were skipped by the walk", type)
        .containsAll(reachableRecords(type.recordType(), new LinkedHashSet<>()));
  }

  @Test
  void walk_reachesTheNestedRecordsEnumsAndSealedTerms() {
    // Guards the walk itself: were it to stop at the top level, every check above would pass.
    Walk walk = new Walk(EntityType.CONTRACT);
    walk.record(Contract.class, "", List.of(new Located(fileOf(EntityType.CONTRACT), document(fileOf(EntityType.CONTRACT)))), null);

    assertThat(walk.recordsVisited)
        .contains(
            Contract.class,
            EntityMeta.class,
            ExternalRef.class,
            Period.class,
            FixedFeeTerm.class,
            TimeAndMaterialsTerm.class,
            MilestonesTerm.class,
            ContractMilestone.class,
            RetainerTerm.class,
            UsageTerm.class,
            ContractAmendment.class);
    assertThat(walk.enumsVisited).contains(ContractStatus.class, RetainerFrequency.class);
    assertThat(walk.sealedVisited).contains("/terms/*", "/amendments/*/addedTerms/*");
  }

  @Test
  void walk_reportsAMismatchWithEntityPathAndDetail() {
    // A record checked against the schema of another record must fail, naming where and what.
    Walk walk = new Walk(EntityType.CUSTOMER);
    JsonNode common = document("common.schema.json");

    walk.record(TaxId.class, "/taxIds/*", List.of(new Located("common.schema.json", common.at("/$defs/Dimension"))), null);

    assertThat(walk.problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("CUSTOMER /taxIds/* (TaxId):")
                    .contains("properties [name, value]")
                    .contains("components [country, number]"));
  }

  /** A schema node and the file its relative {@code $ref}s resolve against. */
  private record Located(String file, JsonNode node) {}

  /** One side-by-side walk of an entity's record graph and its schema; collects every mismatch. */
  private static final class Walk {
    private final EntityType entity;
    private final Set<String> problems = new LinkedHashSet<>();
    private final Set<Class<?>> recordsVisited = new LinkedHashSet<>();
    private final Set<Class<?>> enumsVisited = new LinkedHashSet<>();
    private final Set<String> sealedVisited = new LinkedHashSet<>();
    private final Deque<Class<?>> stack = new ArrayDeque<>();

    Walk(EntityType entity) {
      this.entity = entity;
    }

    /**
     * Checks a record against the schemas that apply to it (a property's own schema and what it
     * {@code $ref}s all apply, as in draft 2020-12); {@code discriminator} is the property that
     * carries the kind of a sealed type's branch, or null.
     */
    void record(Class<?> type, String path, List<Located> schema, String discriminator) {
      if (stack.contains(type)) {
        return;
      }
      stack.push(type);
      recordsVisited.add(type);
      try {
        String where = type.getSimpleName();
        List<Located> all = expand(schema, path);
        checkJsonType(all, "object", path, where);

        Optional<Located> closed =
            all.stream()
                .filter(l -> l.node().path("additionalProperties").isBoolean()
                    && !l.node().get("additionalProperties").booleanValue())
                .findFirst();
        if (closed.isEmpty()) {
          problem(path, where, "the schema is not closed: no 'additionalProperties': false");
        }
        // Without a closed schema, the last one with properties (the $ref target) defines them.
        Optional<Located> defining =
            closed.isPresent() ? closed : all.stream().filter(l -> l.node().has("properties")).reduce((a, b) -> b);
        if (defining.isEmpty()) {
          problem(path, where, "the schema has no 'properties'");
          return;
        }
        List<String> properties = new ArrayList<>(defining.get().node().path("properties").propertyNames());
        List<String> components = new ArrayList<>();
        if (discriminator != null) {
          components.add(discriminator);
        }
        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(components::add);
        if (!properties.equals(components)) {
          problem(path, where, describeNames(properties, components));
        }
        for (Located l : all) {
          for (String name : l.node().path("properties").propertyNames()) {
            if (!properties.contains(name)) {
              problem(path, where, "'" + name + "' is narrowed in " + l.file() + " but is not among the properties " + properties);
            }
          }
        }

        Set<String> required = new TreeSet<>();
        all.forEach(l -> l.node().path("required").forEach(n -> required.add(n.asString())));
        Set<String> mandatory = new TreeSet<>();
        if (discriminator != null) {
          mandatory.add(discriminator);
        }
        for (RecordComponent c : type.getRecordComponents()) {
          if (mandatory(c)) {
            mandatory.add(c.getName());
          }
        }
        if (!required.equals(mandatory)) {
          problem(path, where, "schema requires " + required + " but the mandatory components are " + mandatory + difference(required, mandatory));
        }

        for (RecordComponent c : type.getRecordComponents()) {
          String childPath = path + "/" + c.getName();
          if (c.getType().isPrimitive()) {
            problem(childPath, type.getSimpleName() + "." + c.getName(),
                "is a primitive " + c.getType() + ": an absent property would bind to its default and escape both"
                    + " 'required' and bean validation; box it");
            continue;
          }
          List<Located> property = new ArrayList<>();
          for (Located l : all) {
            JsonNode p = l.node().path("properties").get(c.getName());
            if (p != null) {
              property.add(new Located(l.file(), p));
            }
          }
          if (!property.isEmpty()) {
            value(c.getType(), c.getGenericType(), childPath, property);
            if (c.getType() == BigDecimal.class) {
              digits(c, childPath, expand(property, childPath));
            }
          }
        }
      } finally {
        stack.pop();
      }
    }

    private void value(Class<?> raw, Type generic, String path, List<Located> schema) {
      if (raw.isRecord()) {
        record(raw, path, schema, null);
        return;
      }
      String where = raw.getSimpleName();
      List<Located> all = expand(schema, path);
      if (Collection.class.isAssignableFrom(raw)) {
        checkJsonType(all, "array", path, where);
        List<Located> items = new ArrayList<>();
        all.stream().filter(l -> l.node().has("items")).forEach(l -> items.add(new Located(l.file(), l.node().get("items"))));
        if (items.isEmpty()) {
          problem(path, where, "the array schema has no 'items'");
          return;
        }
        Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
        value(rawClass(element), element, path + "/*", items);
      } else if (Map.class.isAssignableFrom(raw)) {
        checkJsonType(all, "object", path, where);
      } else if (raw.isEnum()) {
        enumeration(raw, path, all);
      } else if (raw.isInterface() && raw.isSealed()) {
        sealed(raw, path, all);
      } else if (LEAF_TYPES.containsKey(raw)) {
        checkJsonType(all, LEAF_TYPES.get(raw), path, where);
      } else if (raw != JsonNode.class) {
        problem(path, where, "a Java type this test does not know how to compare with a schema; teach it");
      }
    }

    private void enumeration(Class<?> type, String path, List<Located> all) {
      enumsVisited.add(type);
      String where = type.getSimpleName();
      List<String> constants = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
      List<Located> enums = all.stream().filter(l -> l.node().has("enum")).toList();
      if (enums.isEmpty()) {
        problem(path, where, "the schema has no 'enum'; expected " + constants);
      }
      for (Located l : enums) {
        List<String> listed = new ArrayList<>();
        l.node().get("enum").forEach(n -> listed.add(n.isString() ? n.asString() : n.toString()));
        if (!listed.equals(constants)) {
          problem(path, where, "schema enum " + listed + " but the Java constants are " + constants + difference(new LinkedHashSet<>(listed), new LinkedHashSet<>(constants)));
        }
      }
      if (all.stream().anyMatch(l -> l.node().has("type"))) {
        checkJsonType(all, "string", path, where);
      }
    }

    private void sealed(Class<?> type, String path, List<Located> all) {
      sealedVisited.add(path);
      String where = type.getSimpleName();
      JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
      JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
      if (info == null || subTypes == null) {
        problem(path, where, "a sealed type in the model needs @JsonTypeInfo and @JsonSubTypes");
        return;
      }
      String discriminator = info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
      Map<Class<?>, String> names = new LinkedHashMap<>();
      for (JsonSubTypes.Type t : subTypes.value()) {
        names.put(t.value(), t.name());
      }

      List<Located> oneOfs = all.stream().filter(l -> l.node().has("oneOf")).toList();
      if (oneOfs.size() != 1) {
        problem(path, where, "expected exactly one 'oneOf' for the sealed type, found " + oneOfs.size());
        return;
      }
      Located oneOf = oneOfs.get(0);
      Map<String, List<Located>> branchesByKind = new LinkedHashMap<>();
      int index = 0;
      for (JsonNode branch : oneOf.node().get("oneOf")) {
        List<Located> expanded = expand(List.of(new Located(oneOf.file(), branch)), path + " oneOf[" + index + "]");
        Set<String> kinds = new LinkedHashSet<>();
        for (Located l : expanded) {
          JsonNode kind = l.node().path("properties").get(discriminator);
          if (kind != null) {
            for (Located k : expand(List.of(new Located(l.file(), kind)), path)) {
              if (k.node().has("const")) {
                kinds.add(k.node().get("const").asString());
              }
            }
          }
        }
        if (kinds.size() != 1) {
          problem(path, where, "oneOf[" + index + "] must fix '" + discriminator + "' with exactly one const, has " + kinds);
        } else {
          String kind = kinds.iterator().next();
          if (branchesByKind.containsKey(kind)) {
            problem(path, where, "more than one oneOf branch has " + discriminator + " " + kind);
          }
          branchesByKind.put(kind, List.of(new Located(oneOf.file(), branch)));
        }
        index++;
      }

      Set<String> expectedKinds = new LinkedHashSet<>();
      for (Class<?> permitted : type.getPermittedSubclasses()) {
        String name = names.get(permitted);
        if (name == null) {
          problem(path, where, "permitted subtype " + permitted.getSimpleName() + " has no @JsonSubTypes name");
          continue;
        }
        expectedKinds.add(name);
        List<Located> branch = branchesByKind.get(name);
        if (branch == null) {
          problem(path, where, "no oneOf branch has " + discriminator + " const " + name + " for " + permitted.getSimpleName());
        } else if (!permitted.isRecord()) {
          problem(path, where, "permitted subtype " + permitted.getSimpleName() + " is not a record");
        } else {
          record(permitted, path + "[" + discriminator + "=" + name + "]", branch, discriminator);
        }
      }
      for (String kind : branchesByKind.keySet()) {
        if (!expectedKinds.contains(kind)) {
          problem(path, where, "oneOf branch with " + discriminator + " " + kind + " names no permitted subtype");
        }
      }
    }

    /**
     * A decimal's {@code @Digits} must be stated in its schema too: {@code multipleOf} 10^-fraction
     * and a maximum no larger than 10^integer, or the schema accepts what bean validation refuses.
     */
    private void digits(RecordComponent c, String path, List<Located> all) {
      jakarta.validation.constraints.Digits d;
      try {
        d = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(jakarta.validation.constraints.Digits.class);
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
      if (d == null) {
        return; // DecimalPrecisionTest requires one on every decimal
      }
      String where = c.getDeclaringRecord().getSimpleName() + "." + c.getName();
      BigDecimal step = BigDecimal.ONE.movePointLeft(d.fraction());
      BigDecimal bound = BigDecimal.TEN.pow(d.integer());
      BigDecimal multipleOf = null;
      BigDecimal maximum = null;
      for (Located l : all) {
        JsonNode m = l.node().get("multipleOf");
        if (m != null) {
          multipleOf = m.decimalValue();
        }
        for (String keyword : List.of("maximum", "exclusiveMaximum")) {
          JsonNode x = l.node().get(keyword);
          if (x != null && (maximum == null || x.decimalValue().compareTo(maximum) < 0)) {
            maximum = x.decimalValue();
          }
        }
      }
      if (d.fraction() > 0 && (multipleOf == null || multipleOf.compareTo(step) != 0)) {
        problem(path, where, "@Digits(fraction = " + d.fraction() + ") but the schema's multipleOf is " + multipleOf + ", not " + step.toPlainString());
      }
      if (maximum == null || maximum.compareTo(bound) > 0) {
        problem(path, where, "@Digits(integer = " + d.integer() + ") but the schema's maximum is " + maximum + ", above " + bound);
      }
    }

    private void checkJsonType(List<Located> all, String expected, String path, String where) {
      Set<String> declared = new TreeSet<>();
      for (Located l : all) {
        JsonNode t = l.node().get("type");
        if (t == null) {
          continue;
        }
        if (t.isArray()) {
          t.forEach(n -> declared.add(n.asString()));
        } else {
          declared.add(t.asString());
        }
      }
      if (!declared.equals(Set.of(expected))) {
        problem(path, where, "schema type " + (declared.isEmpty() ? "is not declared" : declared) + " but the Java type is written as '" + expected + "'");
      }
    }

    /** Returns the schemas and everything they {@code $ref} or {@code allOf}, transitively. */
    private List<Located> expand(List<Located> schemas, String path) {
      List<Located> out = new ArrayList<>();
      Deque<Located> todo = new ArrayDeque<>(schemas);
      int guard = 0;
      while (!todo.isEmpty()) {
        Located l = todo.removeFirst();
        out.add(l);
        if (++guard > 64) {
          problem(path, "$ref", "more than 64 schemas after following $ref; is there a $ref cycle?");
          break;
        }
        JsonNode ref = l.node().get("$ref");
        if (ref != null) {
          resolve(l.file(), ref.asString(), path).ifPresent(todo::addLast);
        }
        JsonNode allOf = l.node().get("allOf");
        if (allOf != null) {
          allOf.forEach(n -> todo.addLast(new Located(l.file(), n)));
        }
      }
      return out;
    }

    private Optional<Located> resolve(String fromFile, String ref, String path) {
      int hash = ref.indexOf('#');
      String target = hash < 0 ? ref : ref.substring(0, hash);
      String fragment = hash < 0 ? "" : ref.substring(hash + 1);
      String file = target.isEmpty() ? fromFile : target.substring(target.lastIndexOf('/') + 1);
      JsonNode doc;
      try {
        doc = document(file);
      } catch (RuntimeException e) {
        problem(path, "$ref", "'" + ref + "' in " + fromFile + " names a schema file that cannot be loaded: " + e.getMessage());
        return Optional.empty();
      }
      JsonNode node = fragment.isEmpty() ? doc : doc.at(fragment);
      if (node.isMissingNode()) {
        problem(path, "$ref", "'" + ref + "' in " + fromFile + " points at nothing");
        return Optional.empty();
      }
      return Optional.of(new Located(file, node));
    }

    private void problem(String path, String where, String detail) {
      problems.add(entity + " " + (path.isEmpty() ? "/" : path) + " (" + where + "): " + detail);
    }
  }

  private static String describeNames(List<String> properties, List<String> components) {
    StringBuilder sb =
        new StringBuilder("schema properties ").append(properties).append(" but record components ").append(components);
    sb.append(difference(new LinkedHashSet<>(properties), new LinkedHashSet<>(components)));
    if (new TreeSet<>(properties).equals(new TreeSet<>(components))) {
      sb.append(" (same names, different order)");
    }
    return sb.toString();
  }

  private static String difference(Set<String> schema, Set<String> java) {
    Set<String> onlySchema = new LinkedHashSet<>(schema);
    onlySchema.removeAll(java);
    Set<String> onlyJava = new LinkedHashSet<>(java);
    onlyJava.removeAll(schema);
    StringBuilder sb = new StringBuilder();
    if (!onlySchema.isEmpty()) {
      sb.append("; only in the schema: ").append(onlySchema);
    }
    if (!onlyJava.isEmpty()) {
      sb.append("; only in Java: ").append(onlyJava);
    }
    return sb.toString();
  }

  /** The records reachable from {@code type} through components, list elements and sealed subtypes. */
  private static Set<Class<?>> reachableRecords(Class<?> type, Set<Class<?>> found) {
    if (type.isRecord() && found.add(type)) {
      for (RecordComponent c : type.getRecordComponents()) {
        reachableRecords(c.getType(), found);
        if (c.getGenericType() instanceof ParameterizedType p) {
          for (Type arg : p.getActualTypeArguments()) {
            reachableRecords(rawClass(arg), found);
          }
        }
      }
    } else if (type.isInterface() && type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        reachableRecords(sub, found);
      }
    }
    return found;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new AssertionError("unsupported element type " + type);
  }

  private static String fileOf(EntityType type) {
    return type.schemaName() + ".schema.json";
  }

  /** Entity schemas come from {@link CanonicalSchemas#document}; shared ones from the classpath. */
  private static JsonNode document(String file) {
    return DOCUMENTS.computeIfAbsent(
        file,
        f -> {
          Optional<EntityType> entity =
              f.endsWith(".schema.json")
                  ? EntityType.fromSchemaName(f.substring(0, f.length() - ".schema.json".length()))
                  : Optional.empty();
          if (entity.isPresent()) {
            return CanonicalSchemas.shared().document(SchemaRef.of(entity.get(), VERSION));
          }
          try (InputStream in = SchemaRecordConsistencyTest.class.getClassLoader().getResourceAsStream(SCHEMA_ROOT + f)) {
            if (in == null) {
              throw new IllegalArgumentException("no schema resource " + SCHEMA_ROOT + f);
            }
            return CanonicalJson.ofDefaults().readTree(in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
