package dev.steward.core.store;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.IdempotencyRecord;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.core.store.StoreException.Operation;
import dev.steward.core.store.internal.IdempotencySql;
import dev.steward.core.store.internal.Jdbc;
import dev.steward.core.store.internal.Migrator;
import dev.steward.core.store.internal.TableNames;
import dev.steward.model.Fingerprint;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IdempotencyStore} in a relational database, shared by every instance of a service that
 * uses the same tables: PostgreSQL for a fleet, or an H2 file database for one durable process.
 *
 * <pre>{@code
 * JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(dataSource).schema("steward").build();
 * store.migrate();   // at deployment, or by a role allowed to create tables
 * }</pre>
 *
 * <p>The store borrows a connection from the host's {@link DataSource} (give it a pooled one) for
 * each operation and runs each operation that changes state as one transaction, under row locks
 * at the connection's isolation level, which should be READ COMMITTED, both databases' default.
 * A database failure is a {@link StoreException}; the transaction is then rolled back.
 *
 * <p>The store never creates or changes its tables by itself: call {@link #migrate()}, which
 * applies the versioned scripts shipped with Steward, records them in the table {@code
 * <prefix>schema_history}, and is safe to call from several processes at once.
 *
 * <p>Times are the caller's, stored as {@code TIMESTAMP WITH TIME ZONE} and truncated to
 * microseconds, the precision both databases hold; the database's clock is never read. An H2 file
 * database must be opened with {@code WRITE_DELAY=0}: by default H2 writes commits to the file up to
 * half a second late, and a crash would forget claims and outcomes, so {@link Builder#build()}
 * refuses it.
 *
 * <p>Immutable and thread-safe.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
  /** The default table prefix: the tables are {@code steward_idempotency} and {@code steward_schema_history}. */
  public static final String DEFAULT_TABLE_PREFIX = "steward_";

  // A claim finds no row, inserts none (another claim's row), then finds it deleted (released or
  // purged): a rare race, given a few rounds before it counts as a failure.
  private static final int CLAIM_ROUNDS = 16;

  /** The databases the store speaks to. */
  public enum Dialect {
    /** H2 2.x, in its regular mode. */
    H2,
    /** PostgreSQL 12 or later. */
    POSTGRESQL;

    static @Nullable Dialect of(String productName) {
      String name = productName.toLowerCase(Locale.ROOT);
      if (name.equals("h2")) {
        return H2;
      }
      if (name.equals("postgresql")) {
        return POSTGRESQL;
      }
      return null;
    }
  }

  private final DataSource dataSource;
  private final Dialect dialect;
  private final TableNames names;
  private final IdempotencySql sql;

  private JdbcIdempotencyStore(DataSource dataSource, Dialect dialect, TableNames names) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.names = names;
    this.sql = IdempotencySql.of(dialect, names);
  }

  /** Starts a store over {@code dataSource}, a pooled data source of the host's. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Returns the dialect the store speaks. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Creates or upgrades the store's tables, applying in one go the scripts the schema history does
   * not record yet, and returns how many it applied: 0 when the schema is up to date. Creates the
   * configured schema first if it does not exist.
   *
   * <p>Never called by the store itself: call it when deploying, with a role allowed to create
   * tables. Safe to call concurrently from several processes (PostgreSQL serializes them with an
   * advisory lock, H2 with a row lock held on a second connection, so give H2 a pool of two or
   * more). On PostgreSQL a failed migration changes nothing; on H2, whose DDL commits at once, a
   * script failing halfway leaves its earlier statements in place.
   *
   * @throws SchemaMigrationException if a script the history records has changed since it was
   *     applied, or a script is missing from the middle of the history; nothing is changed
   * @throws StoreException if the database fails
   */
  public int migrate() {
    return new Migrator(dataSource, dialect, names).migrate();
  }

  @Override
  public Claim claim(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(lease, "lease");
    Instant at = Jdbc.storable(now, "now");
    Instant leaseExpiresAt = Jdbc.storable(at.plus(lease), "now plus lease");
    Instant until = Jdbc.storable(expiresAt, "expiresAt");
    return Jdbc.transaction(dataSource, Operation.CLAIM, key, c -> {
      for (int round = 1; round <= CLAIM_ROUNDS; round++) {
        String token = token();
        if (sql.insertsFirst() && sql.insert(c, key, fingerprint, token, leaseExpiresAt, at, until)) {
          return new Claim.Acquired(key, token, leaseExpiresAt, 1);
        }
        IdempotencyRecord r = sql.lock(c, key);
        if (r != null) {
          return decide(c, r, fingerprint, token, at, leaseExpiresAt, until);
        }
        if (!sql.insertsFirst() && sql.insert(c, key, fingerprint, token, leaseExpiresAt, at, until)) {
          return new Claim.Acquired(key, token, leaseExpiresAt, 1);
        }
      }
      throw new StoreException(Operation.CLAIM, key, "its row appeared and disappeared " + CLAIM_ROUNDS
          + " times while claiming; something releases or purges it continually", null);
    });
  }

  // The record is locked: the rules of IdempotencyStore.claim, in their order.
  private Claim decide(Connection c, IdempotencyRecord r, Fingerprint fingerprint, String token, Instant now,
      Instant leaseExpiresAt, Instant expiresAt) throws SQLException {
    IdempotencyKey key = r.key();
    if (!r.expiresAt().isAfter(now) && !r.leaseExpiresAt().isAfter(now)) {
      changed(sql.restart(c, key, r.leaseToken(), fingerprint, token, leaseExpiresAt, now, expiresAt), Operation.CLAIM, key);
      return new Claim.Acquired(key, token, leaseExpiresAt, 1);
    }
    if (!r.fingerprint().equals(fingerprint)) {
      return new Claim.Mismatch(key, r.fingerprint(), fingerprint);
    }
    if (r.outcome() != null) {
      return new Claim.Completed(key, r.outcome());
    }
    if (r.leaseExpiresAt().isAfter(now)) {
      return new Claim.InFlight(key, r.leaseExpiresAt());
    }
    changed(sql.takeOver(c, key, r.leaseToken(), token, leaseExpiresAt, r.attempt() + 1), Operation.CLAIM, key);
    return new Claim.Acquired(key, token, leaseExpiresAt, r.attempt() + 1);
  }

  @Override
  public void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(leaseToken, "leaseToken");
    Objects.requireNonNull(outcome, "outcome");
    Instant completedAt = Jdbc.storable(outcome.completedAt(), "outcome.completedAt");
    Jdbc.transaction(dataSource, Operation.COMPLETE, key, c -> {
      if (!sql.complete(c, key, leaseToken, outcome, completedAt)) {
        throw leaseLost(key, sql.find(c, key));
      }
      return null;
    });
  }

  @Override
  public void release(IdempotencyKey key, String leaseToken) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(leaseToken, "leaseToken");
    Jdbc.transaction(dataSource, Operation.RELEASE, key, c -> {
      if (!sql.release(c, key, leaseToken)) {
        throw leaseLost(key, sql.find(c, key));
      }
      return null;
    });
  }

  @Override
  public Claim.Acquired reopen(IdempotencyKey key, Instant now, Duration lease) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lease, "lease");
    Instant leaseExpiresAt = Jdbc.storable(Jdbc.storable(now, "now").plus(lease), "now plus lease");
    return Jdbc.transaction(dataSource, Operation.REOPEN, key, c -> {
      IdempotencyRecord r = sql.lock(c, key);
      if (r == null) {
        throw new IllegalStateException("idempotency key " + key + " has no record to replay");
      }
      if (r.outcome() == null) {
        throw new IllegalStateException("idempotency key " + key + " is in flight; only a completed key can be replayed");
      }
      String token = token();
      changed(sql.takeOver(c, key, r.leaseToken(), token, leaseExpiresAt, r.attempt() + 1), Operation.REOPEN, key);
      return new Claim.Acquired(key, token, leaseExpiresAt, r.attempt() + 1);
    });
  }

  @Override
  public Optional<IdempotencyRecord> find(IdempotencyKey key) {
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(Jdbc.transaction(dataSource, Operation.FIND, key, c -> sql.find(c, key)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Rows another transaction holds locked (a claim taking an expired key over) are skipped,
   * so several instances may purge at once without waiting for each other.
   */
  @Override
  public int purgeExpired(Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive; was " + limit);
    }
    Instant at = Jdbc.storable(now, "now");
    return Jdbc.transaction(dataSource, Operation.PURGE, null, c -> sql.purge(c, at, limit));
  }

  private static LeaseLostException leaseLost(IdempotencyKey key, @Nullable IdempotencyRecord r) {
    if (r == null) {
      return new LeaseLostException(key, "it has no record (released, purged or never claimed)");
    }
    if (r.outcome() != null) {
      return new LeaseLostException(key, "it is already completed");
    }
    return new LeaseLostException(key, "another holder took it over after the lease expired (attempt " + r.attempt()
        + ")");
  }

  // The row is locked by this transaction, so the guarded update cannot miss; if it does, the
  // table is not behaving as a table should, and the claim must not be reported as acquired.
  private static void changed(boolean updated, Operation operation, IdempotencyKey key) {
    if (!updated) {
      throw new StoreException(operation, key, "its locked row changed under the lock", null);
    }
  }

  private static String token() {
    return UUID.randomUUID().toString();
  }

  @Override
  public String toString() {
    return "JdbcIdempotencyStore[" + dialect + ", " + names.table(IdempotencySql.TABLE) + "]";
  }

  /**
   * Configures a {@link JdbcIdempotencyStore}. Each setting may be given once; a bad value fails at
   * once, naming the setting. Not thread-safe.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable String schema;
    private @Nullable String tablePrefix;
    private @Nullable Dialect dialect;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Puts the tables in {@code schema}, which {@link JdbcIdempotencyStore#migrate()} creates if it
     * is missing; by default they are in the connection's current schema. Letters, digits and
     * underscores, not starting with a digit, at most 63 characters; folded to the case the
     * database gives unquoted names ({@code STEWARD} on H2, {@code steward} on PostgreSQL).
     *
     * @throws IllegalArgumentException if {@code schema} is not such a name
     * @throws IllegalStateException if the schema was already set
     */
    public Builder schema(String schema) {
      once(this.schema, "schema");
      this.schema = TableNames.checkSchema(schema);
      return this;
    }

    /**
     * Starts the table names with {@code tablePrefix} instead of {@value
     * JdbcIdempotencyStore#DEFAULT_TABLE_PREFIX}: empty, or letters, digits and underscores, not
     * starting with a digit, at most 30 characters.
     *
     * @throws IllegalArgumentException if {@code tablePrefix} is not such a prefix
     * @throws IllegalStateException if the prefix was already set
     */
    public Builder tablePrefix(String tablePrefix) {
      once(this.tablePrefix, "tablePrefix");
      this.tablePrefix = TableNames.checkPrefix(tablePrefix);
      return this;
    }

    /**
     * Speaks {@code dialect} whatever the database reports itself as; by default the dialect is
     * detected from the database's product name.
     *
     * @throws IllegalStateException if the dialect was already set
     */
    public Builder dialect(Dialect dialect) {
      once(this.dialect, "dialect");
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Connects once to detect the dialect and how the database folds names, and checks the
     * settings the store relies on; then returns the store. Does not create tables: see
     * {@link JdbcIdempotencyStore#migrate()}.
     *
     * @throws IllegalArgumentException if the database is neither H2 nor PostgreSQL
     * @throws IllegalStateException if an H2 database writes commits with a delay ({@code
     *     WRITE_DELAY} above 0)
     * @throws StoreException if the database cannot be reached
     */
    public JdbcIdempotencyStore build() {
      String prefix = tablePrefix == null ? DEFAULT_TABLE_PREFIX : tablePrefix;
      Dialect chosen = dialect;
      Connection c = Jdbc.open(dataSource, Operation.CONNECT, null);
      Throwable failure = null;
      try {
        DatabaseMetaData md = c.getMetaData();
        String product = md.getDatabaseProductName();
        Dialect detected = Dialect.of(product);
        if (chosen == null) {
          if (detected == null) {
            throw new IllegalArgumentException("the data source connects to " + product + ", which the JDBC"
                + " idempotency store does not support; it supports H2 and PostgreSQL");
          }
          chosen = detected;
        }
        TableNames.Folding folding = md.storesUpperCaseIdentifiers() ? TableNames.Folding.UPPER
            : md.storesLowerCaseIdentifiers() ? TableNames.Folding.LOWER
            : chosen == Dialect.H2 ? TableNames.Folding.UPPER : TableNames.Folding.LOWER;
        if (chosen == Dialect.H2 && detected == Dialect.H2) {
          checkWriteDelay(c);
        }
        return new JdbcIdempotencyStore(dataSource, chosen, TableNames.of(schema, prefix, folding));
      } catch (SQLException e) {
        failure = new StoreException(Operation.CONNECT, null, e);
        throw (StoreException) failure;
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        Jdbc.giveBack(c, false, failure, Operation.CONNECT, null);
      }
    }

    // H2 persists WRITE_DELAY in the database; an in-memory database reports 0.
    private static void checkWriteDelay(Connection c) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next() && Integer.parseInt(rs.getString(1).strip()) > 0) {
          throw new IllegalStateException("the H2 database writes commits to its file up to " + rs.getString(1).strip()
              + " ms late (WRITE_DELAY): a crash in that window would forget claims and outcomes, and work would run"
              + " twice. Open it with ;WRITE_DELAY=0 in the JDBC URL.");
        }
      }
    }

    private static void once(@Nullable Object current, String setting) {
      if (current != null) {
        throw new IllegalStateException(setting + " was already set to " + current);
      }
    }
  }
}
