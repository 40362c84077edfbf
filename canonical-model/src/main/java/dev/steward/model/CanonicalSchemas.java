package dev.steward.model;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;

/**
 * The registry of the canonical JSON schemas (draft 2020-12) this release ships: one per entity
 * type and one for the {@link Envelope}, per schema version.
 *
 * <p>Schemas are resources under {@code dev/steward/model/schemas/v<N>/}, published with the
 * {@code $id} {@code https://schemas.steward.dev/v<N>/<name>.schema.json} and resolved from the
 * classpath, never the network. Each is compiled once, on first use, and reused. Thread-safe;
 * {@link #shared()} returns the process-wide instance.
 */
public final class CanonicalSchemas {
  private static final String RESOURCE_ROOT = "dev/steward/model/schemas/";
  // Versions are looked for up to this bound when the registry starts.
  private static final int HIGHEST_VERSION_PROBED = 32;
  private static final CanonicalSchemas SHARED = new CanonicalSchemas();
  // Keywords whose error is about one property of the object at the instance location.
  private static final Set<String> NAMES_A_PROPERTY =
      Set.of("required", "propertyNames", "additionalProperties", "unevaluatedProperties");

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaIdResolvers(r -> r.mapPrefix(SchemaRef.BASE_URI, "classpath:" + RESOURCE_ROOT)));
  private final ConcurrentMap<SchemaRef, Schema> compiled = new ConcurrentHashMap<>();
  private final Map<String, SortedSet<Integer>> shipped = findShipped();

  private CanonicalSchemas() {}

  private static Map<String, SortedSet<Integer>> findShipped() {
    Map<String, SortedSet<Integer>> found = new HashMap<>();
    List<String> names = new ArrayList<>();
    names.add(SchemaRef.ENVELOPE);
    for (EntityType type : EntityType.values()) {
      names.add(type.schemaName());
    }
    ClassLoader loader = CanonicalSchemas.class.getClassLoader();
    for (String name : names) {
      SortedSet<Integer> versions = new TreeSet<>();
      for (int v = 1; v <= HIGHEST_VERSION_PROBED; v++) {
        if (loader.getResource(resource(new SchemaRef(name, v))) != null) {
          versions.add(v);
        }
      }
      found.put(name, Collections.unmodifiableSortedSet(versions));
    }
    return Map.copyOf(found);
  }

  /** Returns the versions of a schema this release ships, oldest first; empty for an unknown name. */
  public SortedSet<Integer> versions(String schemaName) {
    return shipped.getOrDefault(schemaName, Collections.emptySortedSet());
  }

  /** Returns the versions of an entity type's schema this release ships, oldest first. */
  public SortedSet<Integer> versions(EntityType type) {
    return versions(type.schemaName());
  }

  /** Returns the process-wide registry. */
  public static CanonicalSchemas shared() {
    return SHARED;
  }

  /**
   * Validates a document against the schema of an entity type at a version.
   *
   * @return the violations, empty if the document conforms
   * @throws UnknownSchemaException if this release ships no such schema version
   */
  public List<SchemaViolation> validate(EntityType type, int version, JsonNode document) {
    return validate(SchemaRef.of(type, version), document);
  }

  /**
   * Validates a document against the schema named by {@code ref}.
   *
   * @return the violations, empty if the document conforms
   * @throws UnknownSchemaException if this release ships no such schema
   */
  public List<SchemaViolation> validate(SchemaRef ref, JsonNode document) {
    Objects.requireNonNull(document, "document");
    List<Error> errors = schema(ref).validate(document);
    if (errors.isEmpty()) {
      return List.of();
    }
    List<SchemaViolation> out = new ArrayList<>(errors.size());
    for (Error e : errors) {
      String pointer = pointer(e.getInstanceLocation());
      // Name the missing property or the refused key, as bean validation does.
      if (NAMES_A_PROPERTY.contains(e.getKeyword()) && e.getProperty() != null) {
        pointer = pointer + "/" + JsonPointers.escape(e.getProperty());
      }
      out.add(new SchemaViolation(pointer, e.getKeyword(), e.getMessage()));
    }
    return List.copyOf(out);
  }

  /**
   * Returns the schema document itself, for publishing or inspection.
   *
   * @throws UnknownSchemaException if this release ships no such schema
   */
  public JsonNode document(SchemaRef ref) {
    String resource = resource(ref);
    try (InputStream in = CanonicalSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new UnknownSchemaException(ref.toString(), versions(ref.name()));
      }
      return CanonicalJson.ofDefaults().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema resource " + resource, e);
    }
  }

  private Schema schema(SchemaRef ref) {
    Objects.requireNonNull(ref, "ref");
    if (!versions(ref.name()).contains(ref.version())) {
      throw new UnknownSchemaException(ref.toString(), versions(ref.name()));
    }
    return compiled.computeIfAbsent(
        ref,
        r -> {
          Schema s = registry.getSchema(SchemaLocation.of(r.uri().toString()));
          s.initializeValidators();
          return s;
        });
  }

  private static String resource(SchemaRef ref) {
    return RESOURCE_ROOT + "v" + ref.version() + "/" + ref.name() + ".schema.json";
  }

  private static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      sb.append('/').append(element instanceof Integer ? element.toString() : JsonPointers.escape(String.valueOf(element)));
    }
    return sb.toString();
  }
}
