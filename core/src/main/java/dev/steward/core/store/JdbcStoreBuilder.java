package dev.steward.core.store;

import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.core.store.internal.StoreSettings;
import javax.sql.DataSource;

/**
 * The settings every JDBC store builder shares — schema, table prefix, dialect — written once.
 * Each setting may be given once; a bad value fails at once, naming the setting. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by each setting
 */
abstract class JdbcStoreBuilder<B extends JdbcStoreBuilder<B>> {
  final StoreSettings settings;

  JdbcStoreBuilder(DataSource dataSource) {
    this.settings = new StoreSettings(dataSource);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Puts the tables in {@code schema}, which {@code migrate()} creates if it is missing; by default
   * they are in the connection's current schema. Letters, digits and underscores, not starting
   * with a digit, at most 63 characters; folded to the case the database gives unquoted names
   * ({@code STEWARD} on H2, {@code steward} on PostgreSQL).
   *
   * @throws IllegalArgumentException if {@code schema} is not such a name
   * @throws IllegalStateException if the schema was already set
   */
  public B schema(String schema) {
    settings.schema(schema);
    return self();
  }

  /**
   * Starts the table names with {@code tablePrefix} instead of {@value
   * JdbcStores#DEFAULT_TABLE_PREFIX}: empty, or letters, digits and underscores, not starting with
   * a digit, at most 30 characters.
   *
   * @throws IllegalArgumentException if {@code tablePrefix} is not such a prefix
   * @throws IllegalStateException if the prefix was already set
   */
  public B tablePrefix(String tablePrefix) {
    settings.tablePrefix(tablePrefix);
    return self();
  }

  /**
   * Speaks {@code dialect} whatever the database reports itself as; by default the dialect is
   * detected from the database's product name.
   *
   * @throws IllegalStateException if the dialect was already set
   */
  public B dialect(Dialect dialect) {
    settings.dialect(dialect);
    return self();
  }
}
