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
   * database's {@code CURRENT_TIMESTAMP} against the midpoint of {@code clock}'s readings before
   * and after the query, so that the round trip is halved out.
   */
  public Duration clockSkew(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return Jdbc.statement(dataSource, Operation.CLOCK, null, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP AS db_now")) {
        Instant before = clock.instant();
        ResultSet rs = ps.executeQuery();
        if (!rs.next()) {
          throw new SQLException("SELECT CURRENT_TIMESTAMP returned no row", "02000");
        }
        Instant databaseNow = Jdbc.getRequiredTime(rs, "db_now");
        Instant after = clock.instant();
        Instant midpoint = before.plus(Duration.between(before, after).dividedBy(2));
        return Duration.between(midpoint, databaseNow);
      }
    });
  }
}
