package dev.steward.core.store;

import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.core.store.StoreException.Operation;
import dev.steward.core.store.internal.Jdbc;
import dev.steward.core.store.internal.SequenceSql;
import dev.steward.core.store.internal.StoreTarget;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * A {@link SequenceStore} in a relational database, shared by every instance of a service that
 * uses the same tables: PostgreSQL for a fleet, or an H2 file database for one durable process.
 *
 * <pre>{@code
 * JdbcSequenceStore store = JdbcSequenceStore.builder(dataSource).schema("steward").build();
 * store.migrate();   // at deployment, or by a role allowed to create tables
 * }</pre>
 *
 * <p>Positions live in the table {@code <prefix>sequence}, one row per stream. {@link #advance} is
 * a compare-and-set in one statement: the first position an insert that does nothing if the stream
 * has one, a later one {@code UPDATE ... WHERE stream = ? AND position = ?}; of advances racing
 * from the same position, in any threads and processes, exactly one succeeds. Stream names are
 * held up to {@value SequenceSql#MAX_STREAM_LENGTH} characters.
 *
 * <p>Like every JDBC store, it borrows a connection from the host's {@link DataSource} for each
 * operation and runs the operation as one transaction at the connection's isolation level, which
 * should be READ COMMITTED; a database failure is a {@link StoreException}, after a rollback. It
 * never creates its table: call {@link #migrate()} or {@link JdbcStores#migrate()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class JdbcSequenceStore implements SequenceStore {
  private final StoreTarget target;
  private final DataSource dataSource;
  private final SequenceSql sql;

  JdbcSequenceStore(StoreTarget target) {
    this.target = target;
    this.dataSource = target.dataSource();
    this.sql = SequenceSql.of(target.dialect(), target.names());
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
   * @throws IllegalArgumentException if {@code stream} is longer than the table holds
   */
  @Override
  public OptionalLong current(String stream) {
    checkStream(stream);
    return Jdbc.transaction(dataSource, Jdbc.Subject.onStream(Operation.CURRENT, stream), c -> sql.current(c, stream));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code next} is not after {@code expected}, or {@code
   *     stream} is longer than the table holds
   */
  @Override
  public boolean advance(String stream, OptionalLong expected, long next) {
    checkStream(stream);
    Objects.requireNonNull(expected, "expected");
    StoreChecks.forward(expected, next);
    return Jdbc.transaction(dataSource, Jdbc.Subject.onStream(Operation.ADVANCE, stream), c -> expected.isEmpty()
        ? sql.insert(c, stream, next)
        : sql.update(c, stream, expected.getAsLong(), next));
  }

  private static void checkStream(String stream) {
    Objects.requireNonNull(stream, "stream");
    if (stream.length() > SequenceSql.MAX_STREAM_LENGTH) {
      throw new IllegalArgumentException("stream must be at most " + SequenceSql.MAX_STREAM_LENGTH
          + " characters; was " + stream.length() + " ('" + stream.substring(0, 40) + "...')");
    }
  }

  @Override
  public String toString() {
    return "JdbcSequenceStore[" + target.dialect() + ", " + target.names().table(SequenceSql.TABLE) + "]";
  }

  /**
   * Configures a {@link JdbcSequenceStore}. Each setting may be given once; a bad value fails at
   * once, naming the setting. Not thread-safe.
   */
  public static final class Builder extends JdbcStoreBuilder<Builder> {
    private Builder(DataSource dataSource) {
      super(dataSource);
    }

    /**
     * Connects once to detect the dialect and how the database folds names, and checks the
     * settings the store relies on; then returns the store. Does not create tables: see {@link
     * JdbcSequenceStore#migrate()}.
     *
     * @throws IllegalArgumentException if the database is neither H2 nor PostgreSQL
     * @throws IllegalStateException if an H2 database writes commits with a delay ({@code
     *     WRITE_DELAY} above 0)
     * @throws StoreException if the database cannot be reached
     */
    public JdbcSequenceStore build() {
      return new JdbcSequenceStore(settings.connect("JDBC sequence store"));
    }
  }
}
