package dev.steward.core.store.internal;

import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.core.store.StoreException.Operation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  /**
   * Returns how far the database's clock is ahead of {@code clock} (negative when behind): the
   * database's time as the query runs against the midpoint of {@code clock}'s readings before
   * and after it, so that the round trip is halved out. PostgreSQL's {@code CURRENT_TIMESTAMP} is
   * the start of the transaction, which on a connection lent with autocommit off may have begun
   * long before, so it is read with {@code clock_timestamp()}; H2's is fixed at its first use in a
   * transaction, which is this query, since the stores read it nowhere else.
   */
  public Duration clockSkew(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    String sql = dialect == Dialect.POSTGRESQL
        ? "SELECT clock_timestamp() AS db_now"
        : "SELECT CURRENT_TIMESTAMP AS db_now";
    return Jdbc.statement(dataSource, Operation.CLOCK, null, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        Instant before = clock.instant();
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException(sql + " returned no row", "02000");
          }
          Instant databaseNow = Jdbc.getRequiredTime(rs, "db_now");
          Instant after = clock.instant();
          Instant midpoint = before.plus(Duration.between(before, after).dividedBy(2));
          return Duration.between(midpoint, databaseNow);
        }
      }
    });
  }
}
