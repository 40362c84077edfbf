package dev.steward.core.store;

import dev.steward.core.store.internal.StoreTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Steward's JDBC stores over one database, schema and table prefix, configured once, with the one
 * {@link #migrate()} that creates and upgrades all their tables.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource).schema("steward").build();
 * stores.migrate();   // at deployment, or by a role allowed to create tables
 * IdempotencyStore idempotency = stores.idempotencyStore();
 * AuditStore audit = stores.auditStore();
 * SequenceStore positions = stores.sequenceStore();
 * }</pre>
 *
 * <p>All of Steward's tables in a schema under a prefix share one schema history, {@code
 * <prefix>schema_history}, and one line of versioned scripts: {@code V1__idempotency}, {@code
 * V2__audit}, {@code V3__sequence}, and whatever later versions add. {@link #migrate()} applies the
 * ones missing, in order; so does the {@code migrate()} of each store, which is the same call: a
 * host may migrate through whichever it holds, and migrating once creates every store's tables.
 *
 * <p>Immutable and thread-safe.
 */
public final class JdbcStores {
  /**
   * The default table prefix: the tables are {@code steward_idempotency}, {@code steward_audit},
   * {@code steward_audit_head}, {@code steward_sequence} and {@code steward_schema_history}.
   */
  public static final String DEFAULT_TABLE_PREFIX = "steward_";

  /** The databases the JDBC stores speak to. */
  public enum Dialect {
    /** H2 2.x, in its regular mode. */
    H2,
    /** PostgreSQL 12 or later. */
    POSTGRESQL
  }

  private final StoreTarget target;

  private JdbcStores(StoreTarget target) {
    this.target = target;
  }

  /** Starts the stores over {@code dataSource}, a pooled data source of the host's. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Returns the dialect the stores speak. */
  public Dialect dialect() {
    return target.dialect();
  }

  /**
   * Creates or upgrades the tables of every JDBC store, applying in one go the scripts the schema
   * history does not record yet, and returns how many it applied: 0 when the schema is up to date.
   * Creates the configured schema first if it does not exist.
   *
   * <p>Never called by the stores themselves: call it when deploying, with a role allowed to create
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

  /**
   * Returns how far the database's clock is ahead of {@code clock}, negative when it is behind.
   * Leases are judged by the clock of each caller, not the database's: two instances whose clocks
   * differ by more than a lease can each see the other's live claim as expired and take it over,
   * and the work runs twice. Call this at start-up and on a schedule, with the clock the instances
   * claim by, and alert when it drifts beyond a small part of the lease (a few seconds against the
   * default 30 s); every instance measured against the same database is measured against one
   * reference. The round trip is halved out, so the answer is good to about half of it.
   *
   * @throws StoreException if the database fails
   */
  public Duration clockSkew(Clock clock) {
    return target.clockSkew(clock);
  }

  /** Returns the idempotency store over these tables. */
  public JdbcIdempotencyStore idempotencyStore() {
    return new JdbcIdempotencyStore(target);
  }

  /** Returns the audit store over these tables. */
  public JdbcAuditStore auditStore() {
    return new JdbcAuditStore(target);
  }

  /** Returns the sequence store over these tables. */
  public JdbcSequenceStore sequenceStore() {
    return new JdbcSequenceStore(target);
  }

  @Override
  public String toString() {
    return "JdbcStores[" + target.dialect() + ", " + target.names() + "]";
  }

  /**
   * Configures {@link JdbcStores}. Each setting may be given once; a bad value fails at once,
   * naming the setting. Not thread-safe.
   */
  public static final class Builder extends JdbcStoreBuilder<Builder> {
    private Builder(DataSource dataSource) {
      super(dataSource);
    }

    /**
     * Connects once to detect the dialect and how the database folds names, and checks the
     * settings the stores rely on; then returns the stores. Does not create tables: see {@link
     * JdbcStores#migrate()}.
     *
     * @throws IllegalArgumentException if the database is neither H2 nor PostgreSQL
     * @throws IllegalStateException if an H2 database writes commits with a delay ({@code
     *     WRITE_DELAY} above 0)
     * @throws StoreException if the database cannot be reached
     */
    public JdbcStores build() {
      return new JdbcStores(settings.connect("JDBC stores"));
    }
  }
}
