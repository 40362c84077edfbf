package dev.steward.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one canonical JSON schema: an entity type's schema (or the envelope's) at a schema
 * version. Its {@linkplain #uri() URI} is the schema's {@code $id} and what an envelope's {@code
 * dataschema} carries. Versions are per schema: one entity's schema may move to v2 while the
 * others stay at v1.
 *
 * @param name the schema name: an {@link EntityType#schemaName()} or {@value #ENVELOPE}
 * @param version the schema version, starting at 1
 */
public record SchemaRef(String name, int version) {
  /** The base of every canonical schema URI. */
  public static final String BASE_URI = "https://schemas.steward.dev/";

  /** The name of the envelope's schema. */
  public static final String ENVELOPE = "envelope";

  private static final Pattern FORM =
      Pattern.compile("https://schemas\\.steward\\.dev/v([1-9][0-9]{0,5})/([a-z-]{1,40})\\.schema\\.json");

  /**
   * Checks the name and version.
   *
   * @throws IllegalArgumentException if the name is neither an entity schema nor the envelope, or
   *     the version is below 1
   */
  public SchemaRef {
    Objects.requireNonNull(name, "name");
    if (!name.equals(ENVELOPE) && EntityType.fromSchemaName(name).isEmpty()) {
      throw new IllegalArgumentException("'" + name + "' names no canonical schema");
    }
    if (version < 1) {
      throw new IllegalArgumentException("schema version must be at least 1, was " + version);
    }
  }

  /** Returns the reference to an entity type's schema at a version. */
  public static SchemaRef of(EntityType type, int version) {
    return new SchemaRef(type.schemaName(), version);
  }

  /** Returns the reference to the envelope schema at a version. */
  public static SchemaRef envelope(int version) {
    return new SchemaRef(ENVELOPE, version);
  }

  /**
   * Parses a schema URI such as {@code https://schemas.steward.dev/v1/customer.schema.json}.
   *
   * @return the reference, or empty if the URI does not name a Steward canonical schema
   */
  public static Optional<SchemaRef> fromUri(URI uri) {
    Matcher m = FORM.matcher(uri.toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(2);
    if (!name.equals(ENVELOPE) && EntityType.fromSchemaName(name).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SchemaRef(name, Integer.parseInt(m.group(1))));
  }

  /** Returns the entity type whose schema this is, or empty for the envelope's. */
  public Optional<EntityType> entityType() {
    return EntityType.fromSchemaName(name);
  }

  /** Returns the schema's URI, its {@code $id}. */
  public URI uri() {
    return URI.create(BASE_URI + "v" + version + "/" + name + ".schema.json");
  }

  @Override
  public String toString() {
    return name + " v" + version;
  }
}
