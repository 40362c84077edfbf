package dev.steward.core.store.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The schema and table prefix of a JDBC store, checked, folded to the case the database stores
 * unquoted identifiers in, and quoted. Folding keeps the names what an unquoted {@code steward}
 * would be (upper case on H2, lower case on PostgreSQL); quoting keeps a schema named like a
 * keyword working. Immutable.
 */
public final class TableNames {
  /** The longest schema name, in characters: PostgreSQL's limit for any identifier. */
  public static final int MAX_SCHEMA_LENGTH = 63;
  /** The longest table prefix, in characters, leaving room for the longest name it prefixes. */
  public static final int MAX_PREFIX_LENGTH = 30;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** How the database stores unquoted identifiers. */
  public enum Folding {
    /** As H2 does by default. */
    UPPER,
    /** As PostgreSQL does. */
    LOWER
  }

  private final @Nullable String schema;
  private final String prefix;
  private final Folding folding;

  private TableNames(@Nullable String schema, String prefix, Folding folding) {
    this.schema = schema == null ? null : fold(schema, folding);
    this.prefix = prefix;
    this.folding = folding;
  }

  /**
   * Returns the names for {@code schema} (null for the connection's current schema) and
   * {@code prefix}, folded as {@code folding} says; both must have passed the checks.
   */
  public static TableNames of(@Nullable String schema, String prefix, Folding folding) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(folding, "folding");
    return new TableNames(schema, prefix, folding);
  }

  /**
   * Checks a schema name: a letter or underscore, then letters, digits and underscores, at most
   * {@value #MAX_SCHEMA_LENGTH} in all.
   *
   * @throws IllegalArgumentException naming the parameter and the bad value
   */
  public static String checkSchema(String schema) {
    Objects.requireNonNull(schema, "schema");
    if (schema.isEmpty() || schema.length() > MAX_SCHEMA_LENGTH || !IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema must be 1 to " + MAX_SCHEMA_LENGTH
          + " letters, digits or underscores, not starting with a digit; was '" + shorten(schema) + "'");
    }
    return schema;
  }

  /**
   * Checks a table prefix: empty, or a letter or underscore, then letters, digits and
   * underscores, at most {@value #MAX_PREFIX_LENGTH} in all.
   *
   * @throws IllegalArgumentException naming the parameter and the bad value
   */
  public static String checkPrefix(String prefix) {
    Objects.requireNonNull(prefix, "tablePrefix");
    if (prefix.length() > MAX_PREFIX_LENGTH || !prefix.isEmpty() && !IDENTIFIER.matcher(prefix).matches()) {
      throw new IllegalArgumentException("tablePrefix must be empty or up to " + MAX_PREFIX_LENGTH
          + " letters, digits or underscores, not starting with a digit; was '" + shorten(prefix) + "'");
    }
    return prefix;
  }

  /** Returns the schema as the database stores it, or null for the connection's current schema. */
  public @Nullable String schema() {
    return schema;
  }

  /** Returns the quoted schema. */
  public String quotedSchema() {
    if (schema == null) {
      throw new IllegalStateException("no schema is configured");
    }
    return quote(schema);
  }

  /** Returns the prefixed, quoted and, if a schema is configured, qualified name of a table. */
  public String table(String name) {
    return schema == null ? unqualified(name) : quote(schema) + "." + unqualified(name);
  }

  /** Returns the prefixed, quoted name of a table, constraint or index, without the schema. */
  public String unqualified(String name) {
    return quote(stored(name));
  }

  /** Returns the prefixed, unquoted name of a table, as the database stores it. */
  public String stored(String name) {
    return fold(prefix + name, folding);
  }

  private static String fold(String identifier, Folding folding) {
    return folding == Folding.UPPER ? identifier.toUpperCase(Locale.ROOT) : identifier.toLowerCase(Locale.ROOT);
  }

  private static String quote(String identifier) {
    return '"' + identifier + '"'; // checked identifiers hold no quote
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  @Override
  public String toString() {
    return table("");
  }
}
