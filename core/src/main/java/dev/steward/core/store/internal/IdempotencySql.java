package dev.steward.core.store.internal;

import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.IdempotencyRecord;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.core.store.IdempotencyStore.ClaimRequest;
import dev.steward.core.store.IdempotencyStore.Completion;
import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.model.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The statements of the idempotency table, in one dialect. Each method runs inside the caller's
 * transaction; none commits. Immutable and thread-safe.
 *
 * <p>Claiming differs by dialect. PostgreSQL inserts first, on its own, with {@code ON CONFLICT
 * DO NOTHING}, which waits for a concurrent insert of the same key to commit or roll back and
 * never fails on a duplicate; only when a row exists does a transaction lock it with {@code
 * SELECT ... FOR UPDATE}. H2 has no {@code ON CONFLICT} outside its PostgreSQL mode, but a failed
 * statement there leaves the transaction usable: it locks the row first and inserts only when
 * there is none, treating a duplicate key (a concurrent first claim that committed in between)
 * as "look again".
 */
public final class IdempotencySql {
  /** The name of the idempotency table, before the prefix. */
  public static final String TABLE = "idempotency";

  private static final String COLUMNS = "namespace, idem_key, fingerprint, lease_token, lease_expires_at, attempt,"
      + " succeeded, result, error_type, error_message, completed_at, created_at, expires_at";
  private static final String BY_KEY = " WHERE namespace = ? AND idem_key = ?";
  private static final String UNIQUE_VIOLATION = "23505";
  // The values of one inserted row, a first claim (attempt 1), and how many parameters they take.
  private static final String ROW_VALUES = "(?, ?, ?, ?, ?, 1, ?, ?)";
  private static final int ROW_PARAMETERS = 7;

  /**
   * The order in which a batch inserts and locks its keys, so that concurrent batches over the
   * same keys wait on each other in one order instead of deadlocking: by namespace, then key, as
   * {@link String#compareTo} orders them. PostgreSQL sorts the rows it locks by code point
   * ({@code COLLATE "C"}): the same order except between characters above U+FFFF and those from
   * U+E000 to U+FFFF, where PostgreSQL may detect a deadlock and fail one batch, which then
   * changed nothing.
   */
  public static final Comparator<IdempotencyKey> KEY_ORDER =
      Comparator.comparing(IdempotencyKey::namespace).thenComparing(IdempotencyKey::key);

  private final Dialect dialect;
  private final String table;
  private final String insertRow;
  private final String insert;
  private final String select;
  private final String selectForUpdate;
  private final String restart;
  private final String takeOver;
  private final String complete;
  private final String release;
  private final String renew;
  private final String purge;

  private IdempotencySql(Dialect dialect, String table) {
    this.dialect = dialect;
    this.table = table;
    this.insertRow = "INSERT INTO " + table + " (namespace, idem_key, fingerprint, lease_token, lease_expires_at,"
        + " attempt, created_at, expires_at) VALUES " + ROW_VALUES;
    this.insert = dialect == Dialect.POSTGRESQL ? insertRow + " ON CONFLICT (namespace, idem_key) DO NOTHING" : insertRow;
    this.select = "SELECT " + COLUMNS + " FROM " + table + BY_KEY;
    this.selectForUpdate = select + " FOR UPDATE";
    this.restart = "UPDATE " + table + " SET fingerprint = ?, lease_token = ?, lease_expires_at = ?, attempt = 1,"
        + " succeeded = NULL, result = NULL, error_type = NULL, error_message = NULL, completed_at = NULL,"
        + " created_at = ?, expires_at = ?" + BY_KEY + " AND lease_token = ?";
    this.takeOver = "UPDATE " + table + " SET lease_token = ?, lease_expires_at = ?, attempt = ?, succeeded = NULL,"
        + " result = NULL, error_type = NULL, error_message = NULL, completed_at = NULL, expires_at = ?" + BY_KEY
        + " AND lease_token = ?";
    this.complete = "UPDATE " + table + " SET succeeded = ?, result = ?, error_type = ?, error_message = ?,"
        + " completed_at = ?" + BY_KEY + " AND lease_token = ? AND completed_at IS NULL";
    this.release = "DELETE FROM " + table + BY_KEY + " AND lease_token = ? AND completed_at IS NULL";
    this.renew = "UPDATE " + table + " SET lease_expires_at = ?" + BY_KEY + " AND lease_token = ? AND completed_at IS NULL";
    // The row lock taken by the subquery skips rows other transactions hold (a claim taking an
    // expired key over); the outer condition is checked again on the locked, current row.
    String expired = " WHERE expires_at <= ? AND lease_expires_at <= ?";
    String limit = Jdbc.limit(dialect);
    this.purge = "DELETE FROM " + table + " WHERE (namespace, idem_key) IN (SELECT namespace, idem_key FROM " + table
        + expired + limit + " FOR UPDATE SKIP LOCKED) AND expires_at <= ? AND lease_expires_at <= ?";
  }

  /** Returns the statements for {@code dialect} over the table {@code names} gives. */
  public static IdempotencySql of(Dialect dialect, TableNames names) {
    Objects.requireNonNull(dialect, "dialect");
    return new IdempotencySql(dialect, names.table(TABLE));
  }

  /**
   * Returns whether a claim tries one insert on its own before it locks (PostgreSQL), or locks
   * first and inserts after finding no row (H2).
   */
  public boolean insertsFirst() {
    return dialect == Dialect.POSTGRESQL;
  }

  /**
   * Inserts a first claim, attempt 1, unless a row for the key exists; returns whether it did.
   * Waits for a concurrent insert of the same key to end.
   */
  public boolean insert(Connection c, IdempotencyKey key, Fingerprint fingerprint, String token, Instant leaseExpiresAt,
      Instant now, Instant expiresAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      bindRow(ps, 1, key, fingerprint, token, leaseExpiresAt, now, expiresAt);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      if (dialect == Dialect.H2 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // H2 rolled back only this statement; the caller looks again
      }
      throw e;
    }
  }

  /**
   * Inserts first claims, attempt 1, for those of {@code requests} whose key has no row, in one
   * statement, and returns the keys it inserted; PostgreSQL only ({@code ON CONFLICT}). The keys
   * must be distinct, and in {@link #KEY_ORDER}, so that concurrent batches wait on each other's
   * new rows in one order. Waits for concurrent inserts of the same keys to end.
   *
   * @param tokens the lease token of each request, by index
   */
  public Set<IdempotencyKey> insertAll(Connection c, List<ClaimRequest> requests, List<String> tokens,
      Instant leaseExpiresAt, Instant now, Instant expiresAt) throws SQLException {
    if (dialect != Dialect.POSTGRESQL) {
      throw new IllegalStateException("a multi-row insert that skips existing keys needs PostgreSQL");
    }
    StringBuilder text = new StringBuilder(insertRow);
    for (int i = 1; i < requests.size(); i++) {
      text.append(", ").append(ROW_VALUES);
    }
    text.append(" ON CONFLICT (namespace, idem_key) DO NOTHING RETURNING namespace, idem_key");
    Set<IdempotencyKey> inserted = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(text.toString())) {
      for (int i = 0; i < requests.size(); i++) {
        ClaimRequest r = requests.get(i);
        bindRow(ps, 1 + i * ROW_PARAMETERS, r.key(), r.fingerprint(), tokens.get(i), leaseExpiresAt, now, expiresAt);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(IdempotencyKey.of(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return inserted;
  }

  /**
   * Returns the records of {@code keys} that exist, locked until the transaction ends, in one
   * statement that sorts the rows before it locks them, in {@link #KEY_ORDER}, so that concurrent
   * batches lock them in one order; PostgreSQL only. The keys must be distinct.
   */
  public Map<IdempotencyKey, IdempotencyRecord> lockAll(Connection c, List<IdempotencyKey> keys) throws SQLException {
    if (dialect != Dialect.POSTGRESQL) {
      throw new IllegalStateException("a locked read of many keys in key order needs PostgreSQL");
    }
    Map<IdempotencyKey, IdempotencyRecord> records = new HashMap<>();
    StringBuilder text = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ").append(table)
        .append(" WHERE (namespace, idem_key) IN (");
    for (int i = 0; i < keys.size(); i++) {
      text.append(i == 0 ? "(?, ?)" : ", (?, ?)");
    }
    text.append(") ORDER BY namespace COLLATE \"C\", idem_key COLLATE \"C\" FOR UPDATE");
    try (PreparedStatement ps = c.prepareStatement(text.toString())) {
      int p = 1;
      for (IdempotencyKey key : keys) {
        ps.setString(p++, key.namespace());
        ps.setString(p++, key.key());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          IdempotencyKey key = IdempotencyKey.of(rs.getString("namespace"), rs.getString("idem_key"));
          records.put(key, record(rs, key));
        }
      }
    }
    return records;
  }

  /** Returns the key's record, locked until the transaction ends, or null if there is none. */
  public @Nullable IdempotencyRecord lock(Connection c, IdempotencyKey key) throws SQLException {
    return read(c, key, selectForUpdate);
  }

  /** Returns the key's record without locking it, or null if there is none. */
  public @Nullable IdempotencyRecord find(Connection c, IdempotencyKey key) throws SQLException {
    return read(c, key, select);
  }

  /**
   * Starts a locked record afresh for a new claim, attempt 1, replacing what it held; returns
   * whether the row still had {@code previousToken}.
   */
  public boolean restart(Connection c, IdempotencyKey key, String previousToken, Fingerprint fingerprint, String token,
      Instant leaseExpiresAt, Instant now, Instant expiresAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(restart)) {
      ps.setString(1, fingerprint.toString());
      ps.setString(2, token);
      Jdbc.setTime(ps, 3, leaseExpiresAt);
      Jdbc.setTime(ps, 4, now);
      Jdbc.setTime(ps, 5, expiresAt);
      ps.setString(6, key.namespace());
      ps.setString(7, key.key());
      ps.setString(8, previousToken);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Gives a locked record a new holder: new token and lease, attempt {@code attempt}, no outcome,
   * retention until {@code expiresAt}; returns whether the row still had {@code previousToken}.
   */
  public boolean takeOver(Connection c, IdempotencyKey key, String previousToken, String token, Instant leaseExpiresAt,
      int attempt, Instant expiresAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(takeOver)) {
      ps.setString(1, token);
      Jdbc.setTime(ps, 2, leaseExpiresAt);
      ps.setInt(3, attempt);
      Jdbc.setTime(ps, 4, expiresAt);
      ps.setString(5, key.namespace());
      ps.setString(6, key.key());
      ps.setString(7, previousToken);
      return ps.executeUpdate() == 1;
    }
  }

  /** Records {@code outcome} if {@code token} holds the key in flight; returns whether it did. */
  public boolean complete(Connection c, IdempotencyKey key, String token, RecordedOutcome outcome, Instant completedAt)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(complete)) {
      bindCompletion(ps, key, token, outcome, completedAt);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Records each outcome whose token holds its key in flight, one guarded update per completion
   * sent as one JDBC batch in the given order, and returns the driver's count for each: 1 if it
   * recorded the outcome, 0 if not (or {@link java.sql.Statement#SUCCESS_NO_INFO} from a driver
   * that does not tell).
   */
  public int[] completeAll(Connection c, List<Completion> completions, List<Instant> completedAt)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(complete)) {
      for (int i = 0; i < completions.size(); i++) {
        Completion done = completions.get(i);
        bindCompletion(ps, done.key(), done.leaseToken(), done.outcome(), completedAt.get(i));
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  /** Moves the lease's expiry if {@code token} holds the key in flight; returns whether it did. */
  public boolean renew(Connection c, IdempotencyKey key, String token, Instant leaseExpiresAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(renew)) {
      Jdbc.setTime(ps, 1, leaseExpiresAt);
      ps.setString(2, key.namespace());
      ps.setString(3, key.key());
      ps.setString(4, token);
      return ps.executeUpdate() == 1;
    }
  }

  /** Deletes the record if {@code token} holds the key in flight; returns whether it did. */
  public boolean release(Connection c, IdempotencyKey key, String token) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(release)) {
      ps.setString(1, key.namespace());
      ps.setString(2, key.key());
      ps.setString(3, token);
      return ps.executeUpdate() == 1;
    }
  }

  /** Deletes up to {@code limit} records whose retention and lease both ended by {@code now}. */
  public int purge(Connection c, Instant now, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(purge)) {
      Jdbc.setTime(ps, 1, now);
      Jdbc.setTime(ps, 2, now);
      ps.setInt(3, limit);
      Jdbc.setTime(ps, 4, now);
      Jdbc.setTime(ps, 5, now);
      return ps.executeUpdate();
    }
  }

  // The parameters of one inserted row, from index first on.
  private static void bindRow(PreparedStatement ps, int first, IdempotencyKey key, Fingerprint fingerprint, String token,
      Instant leaseExpiresAt, Instant now, Instant expiresAt) throws SQLException {
    ps.setString(first, key.namespace());
    ps.setString(first + 1, key.key());
    ps.setString(first + 2, fingerprint.toString());
    ps.setString(first + 3, token);
    Jdbc.setTime(ps, first + 4, leaseExpiresAt);
    Jdbc.setTime(ps, first + 5, now);
    Jdbc.setTime(ps, first + 6, expiresAt);
  }

  // The parameters of the guarded update that records an outcome, one completion's worth.
  private static void bindCompletion(PreparedStatement ps, IdempotencyKey key, String token, RecordedOutcome outcome,
      Instant completedAt) throws SQLException {
    ps.setBoolean(1, outcome.succeeded());
    ps.setString(2, outcome.result());
    ps.setString(3, outcome.errorType());
    ps.setString(4, outcome.errorMessage());
    Jdbc.setTime(ps, 5, completedAt);
    ps.setString(6, key.namespace());
    ps.setString(7, key.key());
    ps.setString(8, token);
  }

  private static @Nullable IdempotencyRecord read(Connection c, IdempotencyKey key, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key.namespace());
      ps.setString(2, key.key());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? record(rs, key) : null;
      }
    }
  }

  private static IdempotencyRecord record(ResultSet rs, IdempotencyKey key) throws SQLException {
    Instant completedAt = Jdbc.getTime(rs, "completed_at");
    RecordedOutcome outcome = null;
    if (completedAt != null) {
      outcome = new RecordedOutcome(rs.getBoolean("succeeded"), rs.getString("result"), rs.getString("error_type"),
          rs.getString("error_message"), completedAt);
    }
    return new IdempotencyRecord(key, Fingerprint.parse(rs.getString("fingerprint")), rs.getString("lease_token"),
        Jdbc.getRequiredTime(rs, "lease_expires_at"), rs.getInt("attempt"), outcome,
        Jdbc.getRequiredTime(rs, "created_at"), Jdbc.getRequiredTime(rs, "expires_at"));
  }
}
