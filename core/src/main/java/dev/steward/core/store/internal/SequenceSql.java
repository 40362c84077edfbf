package dev.steward.core.store.internal;

import dev.steward.core.store.JdbcStores.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The statements of the stream position table, in one dialect. Each method runs inside the
 * caller's transaction; none commits. Immutable and thread-safe.
 *
 * <p>A position moves only by compare-and-set. The first one is inserted: PostgreSQL with {@code ON
 * CONFLICT DO NOTHING}, which waits for a concurrent insert of the same stream to commit or roll
 * back; H2, which has no {@code ON CONFLICT} outside its PostgreSQL mode, by a plain insert whose
 * duplicate key (a concurrent first position that committed first) counts as "lost": H2 rolls
 * back only the failed statement. A later position is an {@code UPDATE ... WHERE stream = ? AND
 * position = ?}, which both databases check again on the current row after waiting for a
 * concurrent update, so of racing advances from one position exactly one succeeds.
 */
public final class SequenceSql {
  /** The name of the position table, before the prefix. */
  public static final String TABLE = "sequence";
  /** The longest stream name the table holds. */
  public static final int MAX_STREAM_LENGTH = 512;

  private static final String UNIQUE_VIOLATION = "23505";

  private final Dialect dialect;
  private final String select;
  private final String insert;
  private final String update;

  private SequenceSql(Dialect dialect, String table) {
    this.dialect = dialect;
    this.select = "SELECT position FROM " + table + " WHERE stream = ?";
    String insertRow = "INSERT INTO " + table + " (stream, position) VALUES (?, ?)";
    this.insert = dialect == Dialect.POSTGRESQL ? insertRow + " ON CONFLICT (stream) DO NOTHING" : insertRow;
    this.update = "UPDATE " + table + " SET position = ? WHERE stream = ? AND position = ?";
  }

  /** Returns the statements for {@code dialect} over the table {@code names} gives. */
  public static SequenceSql of(Dialect dialect, TableNames names) {
    Objects.requireNonNull(dialect, "dialect");
    return new SequenceSql(dialect, names.table(TABLE));
  }

  /** Returns the stream's position, if it has one. */
  public OptionalLong current(Connection c, String stream) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select)) {
      ps.setString(1, stream);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /** Gives the stream its first position unless it has one; returns whether it did. */
  public boolean insert(Connection c, String stream, long position) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setString(1, stream);
      ps.setLong(2, position);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      if (dialect == Dialect.H2 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // H2 rolled back only this statement
      }
      throw e;
    }
  }

  /** Moves the stream from {@code expected} to {@code next}; returns whether it was at {@code expected}. */
  public boolean update(Connection c, String stream, long expected, long next) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(update)) {
      ps.setLong(1, next);
      ps.setString(2, stream);
      ps.setLong(3, expected);
      return ps.executeUpdate() == 1;
    }
  }
}
