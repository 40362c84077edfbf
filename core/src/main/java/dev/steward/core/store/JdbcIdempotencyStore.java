package dev.steward.core.store;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.IdempotencyRecord;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.core.store.StoreException.Operation;
import dev.steward.core.store.internal.IdempotencySql;
import dev.steward.core.store.internal.Jdbc;
import dev.steward.core.store.internal.StoreTarget;
import dev.steward.model.Fingerprint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
 * A change that takes a single statement runs in autocommit when the connection is in it: on
 * PostgreSQL, claiming a fresh key is one {@code INSERT ... ON CONFLICT DO NOTHING} and
 * completing it one guarded {@code UPDATE}, one round trip each; only a key that already has a
 * row is locked and decided in a transaction of several statements. A database failure is a
 * {@link StoreException}; the transaction is then rolled back.
 *
 * <p>The store never creates or changes its tables by itself: call {@link #migrate()}, which
 * applies the versioned scripts shipped with Steward, records them in the table {@code
 * <prefix>schema_history}, and is safe to call from several processes at once. The JDBC stores of
 * one schema and prefix share that history: migrating creates the audit and sequence stores'
 * tables too. {@link JdbcStores} configures all three at once.
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
  /**
   * The default table prefix, {@value}: the table is {@code steward_idempotency}. The same as
   * {@link JdbcStores#DEFAULT_TABLE_PREFIX}.
   */
  public static final String DEFAULT_TABLE_PREFIX = JdbcStores.DEFAULT_TABLE_PREFIX;

  // A claim finds no row, inserts none (another claim's row), then finds it deleted (released or
  // purged): a rare race, given a few rounds before it counts as a failure.
  private static final int CLAIM_ROUNDS = 16;

  private final StoreTarget target;
  private final DataSource dataSource;
  private final IdempotencySql sql;

  JdbcIdempotencyStore(StoreTarget target) {
    this.target = target;
    this.dataSource = target.dataSource();
    this.sql = IdempotencySql.of(target.dialect(), target.names());
  }

  /** Starts a store over {@code dataSource}, a pooled data source of the host's. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Returns the dialect the store speaks. */
  public Dialect dialect() {
    return target.dialect();
  }

  /**
   * Creates or upgrades the tables of every JDBC store in the configured schema under the
   * configured prefix — this store's and the audit and sequence stores' — exactly as {@link
   * JdbcStores#migrate()} does: applies in one go the scripts the schema history does not record
   * yet, and returns how many it applied: 0 when the schema is up to date. Creates the configured
   * schema first if it does not exist.
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
    return target.migrate();
  }

  @Override
  public Claim claim(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(lease, "lease");
    Instant at = Jdbc.storable(now, "now");
    Instant leaseExpiresAt = Jdbc.storable(at.plus(lease), "now plus lease");
    Instant until = Jdbc.storable(expiresAt, "expiresAt");
    if (!sql.insertsFirst()) {
      return Jdbc.transaction(dataSource, Operation.CLAIM, key,
          c -> claimLocked(c, key, fingerprint, at, leaseExpiresAt, until, false));
    }
    // A fresh key, the common case, costs one statement, committed as it runs. Only a key that
    // has a row needs the transaction that locks it, decides and perhaps updates it.
    return Jdbc.statementThenTransaction(dataSource, Operation.CLAIM, key, c -> {
      String token = token();
      return sql.insert(c, key, fingerprint, token, leaseExpiresAt, at, until)
          ? Optional.of(new Claim.Acquired(key, token, leaseExpiresAt, 1))
          : Optional.empty();
    }, c -> claimLocked(c, key, fingerprint, at, leaseExpiresAt, until, false));
  }

  // Inside a transaction: locks the key's row and decides, or inserts one when there is none,
  // in the order insertFirst asks for, until one of the two succeeds.
  private Claim claimLocked(Connection c, IdempotencyKey key, Fingerprint fingerprint, Instant at,
      Instant leaseExpiresAt, Instant until, boolean insertFirst) throws SQLException {
    for (int round = 1; round <= CLAIM_ROUNDS; round++) {
      String token = token();
      if (insertFirst && sql.insert(c, key, fingerprint, token, leaseExpiresAt, at, until)) {
        return new Claim.Acquired(key, token, leaseExpiresAt, 1);
      }
      IdempotencyRecord r = sql.lock(c, key);
      if (r != null) {
        return decide(c, r, fingerprint, token, at, leaseExpiresAt, until);
      }
      if (!insertFirst && sql.insert(c, key, fingerprint, token, leaseExpiresAt, at, until)) {
        return new Claim.Acquired(key, token, leaseExpiresAt, 1);
      }
    }
    throw new StoreException(Operation.CLAIM, key, "its row appeared and disappeared " + CLAIM_ROUNDS
        + " times while claiming; something releases or purges it continually", null);
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
    // A takeover runs the work again: the outcome it records is kept a whole retention from now.
    Instant retained = r.expiresAt().isAfter(expiresAt) ? r.expiresAt() : expiresAt;
    changed(sql.takeOver(c, key, r.leaseToken(), token, leaseExpiresAt, r.attempt() + 1, retained),
        Operation.CLAIM, key);
    return new Claim.Acquired(key, token, leaseExpiresAt, r.attempt() + 1);
  }

  @Override
  public void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(leaseToken, "leaseToken");
    Objects.requireNonNull(outcome, "outcome");
    Instant completedAt = Jdbc.storable(outcome.completedAt(), "outcome.completedAt");
    // One guarded update: the outcome is recorded, or the claim was not held and nothing changed.
    Jdbc.statement(dataSource, Operation.COMPLETE, key, c -> {
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
    Jdbc.statement(dataSource, Operation.RELEASE, key, c -> {
      if (!sql.release(c, key, leaseToken)) {
        throw leaseLost(key, sql.find(c, key));
      }
      return null;
    });
  }

  @Override
  public Claim reopen(IdempotencyKey key, Fingerprint fingerprint, Instant now, Duration lease, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(lease, "lease");
    Instant leaseExpiresAt = Jdbc.storable(Jdbc.storable(now, "now").plus(lease), "now plus lease");
    Instant retainedUntil = Jdbc.storable(expiresAt, "expiresAt");
    return Jdbc.<Claim>transaction(dataSource, Operation.REOPEN, key, c -> {
      IdempotencyRecord r = sql.lock(c, key);
      if (r == null) {
        throw new IllegalStateException("idempotency key " + key + " has no record to replay");
      }
      if (r.outcome() == null) {
        throw new IllegalStateException("idempotency key " + key + " is in flight; only a completed key can be replayed");
      }
      if (!r.fingerprint().equals(fingerprint)) {
        return new Claim.Mismatch(key, r.fingerprint(), fingerprint);
      }
      String token = token();
      changed(sql.takeOver(c, key, r.leaseToken(), token, leaseExpiresAt, r.attempt() + 1, retainedUntil),
          Operation.REOPEN, key);
      return new Claim.Acquired(key, token, leaseExpiresAt, r.attempt() + 1);
    });
  }

  @Override
  public Optional<IdempotencyRecord> find(IdempotencyKey key) {
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(Jdbc.statement(dataSource, Operation.FIND, key, c -> sql.find(c, key)));
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
    return Jdbc.statement(dataSource, Operation.PURGE, null, c -> sql.purge(c, at, limit));
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
    return "JdbcIdempotencyStore[" + target.dialect() + ", " + target.names().table(IdempotencySql.TABLE) + "]";
  }

  /**
   * Configures a {@link JdbcIdempotencyStore}. Each setting may be given once; a bad value fails at
   * once, naming the setting. Not thread-safe.
   */
  public static final class Builder extends JdbcStoreBuilder<Builder> {
    private Builder(DataSource dataSource) {
      super(dataSource);
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
      return new JdbcIdempotencyStore(settings.connect("JDBC idempotency store"));
    }
  }
}
