package dev.steward.model;

import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one canonical JSON schema: an entity type (or the envelope, where {@code type} is empty)
 * and a schema version. Its {@linkplain #uri() URI} is what an envelope's {@code dataschema}
 * carries and the schema's {@code $id}.
 *
 * @param type the entity type, or empty for the envelope schema
 * @param version the schema version, starting at 1
 */
public record SchemaRef(Optional<EntityType> type, @Positive int version) {
  /** The base of every canonical schema URI. */
  public static final String BASE_URI = "https://schemas.steward.dev/";

  private static final Pattern FORM =
      Pattern.compile("https://schemas\\.steward\\.dev/v([1-9][0-9]{0,5})/([a-z-]{1,40})\\.schema\\.json");
  private static final String ENVELOPE = "envelope";

  /** Checks the version is positive. */
  public SchemaRef {
    Objects.requireNonNull(type, "type");
    if (version < 1) {
      throw new IllegalArgumentException("schema version must be at least 1, was " + version);
    }
  }

  /** Returns the reference to an entity type's schema at a version. */
  public static SchemaRef of(EntityType type, int version) {
    return new SchemaRef(Optional.of(type), version);
  }

  /** Returns the reference to the envelope schema at a version. */
  public static SchemaRef envelope(int version) {
    return new SchemaRef(Optional.empty(), version);
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
    int version = Integer.parseInt(m.group(1));
    if (m.group(2).equals(ENVELOPE)) {
      return Optional.of(envelope(version));
    }
    return EntityType.fromSchemaName(m.group(2)).map(t -> of(t, version));
  }

  /** Returns the schema's name: the entity type's schema name, or {@code envelope}. */
  public String name() {
    return type.map(EntityType::schemaName).orElse(ENVELOPE);
  }

  /** Returns the schema's URI, its {@code $id}. */
  public URI uri() {
    return URI.create(BASE_URI + "v" + version + "/" + name() + ".schema.json");
  }

  @Override
  public String toString() {
    return name() + " v" + version;
  }
}
