package dev.steward.core.store.internal;

import dev.steward.core.store.JdbcStores.Dialect;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a JDBC store keeps its tables: the host's data source, the dialect it speaks and the
 * checked, folded table names. Every store built over the same target shares one schema history,
 * so {@link #migrate()} creates all of Steward's tables at once. Immutable.
 *
 * @param dataSource the host's data source
 * @param dialect the dialect
 * @param names the schema and prefix
 */
public record StoreTarget(DataSource dataSource, Dialect dialect, TableNames names) {
  /** Checks the parts. */
  public StoreTarget {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(names, "names");
  }

  /** Applies the scripts the schema history does not record yet; see {@link Migrator#migrate()}. */
  public int migrate() {
    return new Migrator(dataSource, dialect, names).migrate();
  }
}
