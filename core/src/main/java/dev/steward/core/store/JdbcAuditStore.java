package dev.steward.core.store;

import dev.steward.core.audit.AuditLog;
import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.core.store.StoreException.Operation;
import dev.steward.core.store.internal.AuditSql;
import dev.steward.core.store.internal.Jdbc;
import dev.steward.core.store.internal.StoreTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * An {@link AuditStore} in a relational database, shared by every instance of a service that uses
 * the same tables: PostgreSQL for a fleet, or an H2 file database for one durable process.
 *
 * <pre>{@code
 * JdbcAuditStore store = JdbcAuditStore.builder(dataSource).schema("steward").build();
 * store.migrate();   // at deployment, or by a role allowed to create tables
 * AuditLog log = AuditLog.of(store, clock);
 * }</pre>
 *
 * <p>Entries live in the table {@code <prefix>audit}, one row per entry, keyed by sequence, with
 * indexes for the queries of {@link AuditQuery} (actor, action, entity, correlation id, time).
 * {@link #append} is one transaction that first locks the one row of {@code <prefix>audit_head},
 * then reads the last entry and inserts the next: appends of every thread and process take turns
 * there, so the chain {@link AuditLog} builds never forks. Nothing in the store updates or deletes
 * an entry; grant the application's role INSERT and SELECT on the audit table and UPDATE (for the
 * lock) on the head table only. A row changed behind Steward's back shows in {@link
 * AuditLog#verify()}; one changed so that it no longer makes an entry at all (an unknown actor
 * kind, details that are not JSON) fails reads with a {@link StoreException} naming the entry.
 *
 * <p>Like every JDBC store, it borrows a connection from the host's {@link DataSource} for each
 * operation and runs the operation as one transaction at the connection's isolation level, which
 * should be READ COMMITTED; a database failure is a {@link StoreException}, after a rollback. It
 * never creates its tables: call {@link #migrate()} or {@link JdbcStores#migrate()}.
 *
 * <p>Times are the caller's ({@link AuditLog}'s clock), held to the nanosecond, which the entry's
 * hash covers: the microseconds in a {@code TIMESTAMP WITH TIME ZONE} column, {@code at}, the
 * nanoseconds below them in {@code at_nanos}. The database's clock is never read. Entity,
 * correlation id and policy version are held up to {@value AuditSql#MAX_TEXT_LENGTH} characters;
 * a longer one is refused with an {@link IllegalArgumentException} and nothing is appended.
 *
 * <p>Immutable and thread-safe.
 */
public final class JdbcAuditStore implements AuditStore {
  private final StoreTarget target;
  private final DataSource dataSource;
  private final AuditSql sql;

  JdbcAuditStore(StoreTarget target) {
    this.target = target;
    this.dataSource = target.dataSource();
    this.sql = AuditSql.of(target.dialect(), target.names());
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
   * configured prefix, exactly as {@link JdbcStores#migrate()} does, and returns how many scripts
   * it applied: 0 when the schema is up to date.
   *
   * @throws SchemaMigrationException if a script the history records has changed since it was
   *     applied, or a script is missing from the middle of the history; nothing is changed
   * @throws StoreException if the database fails
   */
  public int migrate() {
    return target.migrate();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code next} runs inside the transaction, while the head row is locked: keep it short. If it
   * throws, nothing is appended and its exception passes through.
   *
   * @throws IllegalArgumentException if the entry has a field longer than its column, or a time
   *     outside 0001-01-01 to 9999-12-31
   */
  @Override
  public AuditRecord append(Function<Optional<AuditRecord>, AuditRecord> next) {
    Objects.requireNonNull(next, "next");
    return readable(Operation.APPEND, () -> Jdbc.transaction(dataSource, Operation.APPEND, null, c -> {
      if (!sql.lockHead(c)) {
        throw new StoreException(Operation.APPEND, null, "the head row of " + target.names().table(AuditSql.HEAD)
            + " is missing, so appends cannot take turns; restore it with INSERT INTO "
            + target.names().table(AuditSql.HEAD) + " (id) VALUES (1)", null);
      }
      AuditRecord record = Objects.requireNonNull(next.apply(Optional.ofNullable(sql.last(c))), "the next entry");
      sql.insert(c, record);
      return record;
    }));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  @Override
  public List<AuditRecord> read(long from, int limit) {
    StoreChecks.positiveLimit(limit);
    return readable(Operation.READ, () -> Jdbc.transaction(dataSource, Operation.READ, null,
        c -> sql.read(c, from, limit)));
  }

  @Override
  public List<AuditRecord> query(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    return readable(Operation.QUERY, () -> Jdbc.transaction(dataSource, Operation.QUERY, null,
        c -> sql.query(c, query)));
  }

  // A row that makes no entry is reported as the store failing, naming the entry.
  private static <T> T readable(Operation operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (AuditSql.UnreadableEntryException e) {
      UnreadableAuditEntryException failure = new UnreadableAuditEntryException(operation, e.sequence(), e.getMessage());
      failure.addSuppressed(e);
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "JdbcAuditStore[" + target.dialect() + ", " + target.names().table(AuditSql.TABLE) + "]";
  }

  /**
   * Configures a {@link JdbcAuditStore}. Each setting may be given once; a bad value fails at once,
   * naming the setting. Not thread-safe.
   */
  public static final class Builder extends JdbcStoreBuilder<Builder> {
    private Builder(DataSource dataSource) {
      super(dataSource);
    }

    /**
     * Connects once to detect the dialect and how the database folds names, and checks the
     * settings the store relies on; then returns the store. Does not create tables: see {@link
     * JdbcAuditStore#migrate()}.
     *
     * @throws IllegalArgumentException if the database is neither H2 nor PostgreSQL
     * @throws IllegalStateException if an H2 database writes commits with a delay ({@code
     *     WRITE_DELAY} above 0)
     * @throws StoreException if the database cannot be reached
     */
    public JdbcAuditStore build() {
      return new JdbcAuditStore(settings.connect("JDBC audit store"));
    }
  }
}
