package dev.steward.core.store.internal;

import dev.steward.core.store.JdbcStores;
import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.core.store.StoreException;
import dev.steward.core.store.StoreException.Operation;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The settings every JDBC store's builder takes — schema, table prefix, dialect — each given at
 * most once and checked at once, and the one connection that turns them into a {@link
 * StoreTarget}. The public builders delegate here, so the stores are configured, detected and
 * checked alike. Not thread-safe.
 */
public final class StoreSettings {
  private final DataSource dataSource;
  private @Nullable String schema;
  private @Nullable String tablePrefix;
  private @Nullable Dialect dialect;

  /** Starts the settings of stores over {@code dataSource}. */
  public StoreSettings(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Sets the schema, checked by {@link TableNames#checkSchema}.
   *
   * @throws IllegalStateException if the schema was already set
   */
  public void schema(String schema) {
    once(this.schema, "schema");
    this.schema = TableNames.checkSchema(schema);
  }

  /**
   * Sets the table prefix, checked by {@link TableNames#checkPrefix}.
   *
   * @throws IllegalStateException if the prefix was already set
   */
  public void tablePrefix(String tablePrefix) {
    once(this.tablePrefix, "tablePrefix");
    this.tablePrefix = TableNames.checkPrefix(tablePrefix);
  }

  /**
   * Sets the dialect, instead of detecting it.
   *
   * @throws IllegalStateException if the dialect was already set
   */
  public void dialect(Dialect dialect) {
    once(this.dialect, "dialect");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * Connects once to detect the dialect and how the database folds names, and checks the
   * settings the stores rely on.
   *
   * @param store what is being built, for messages, such as {@code "JDBC audit store"}
   * @throws IllegalArgumentException if the database is neither H2 nor PostgreSQL
   * @throws IllegalStateException if an H2 database writes commits with a delay
   * @throws StoreException if the database cannot be reached
   */
  public StoreTarget connect(String store) {
    String prefix = tablePrefix == null ? JdbcStores.DEFAULT_TABLE_PREFIX : tablePrefix;
    Dialect chosen = dialect;
    Connection c = Jdbc.open(dataSource, Jdbc.Subject.of(Operation.CONNECT, null));
    Throwable failure = null;
    try {
      DatabaseMetaData md = c.getMetaData();
      String product = md.getDatabaseProductName();
      Dialect detected = detect(product);
      if (chosen == null) {
        if (detected == null) {
          throw new IllegalArgumentException("the data source connects to " + product + ", which the " + store
              + " does not support; it supports H2 and PostgreSQL");
        }
        chosen = detected;
      }
      TableNames.Folding folding = md.storesUpperCaseIdentifiers() ? TableNames.Folding.UPPER
          : md.storesLowerCaseIdentifiers() ? TableNames.Folding.LOWER
          : chosen == Dialect.H2 ? TableNames.Folding.UPPER : TableNames.Folding.LOWER;
      if (chosen == Dialect.H2 && detected == Dialect.H2) {
        checkWriteDelay(c);
      }
      return new StoreTarget(dataSource, chosen, TableNames.of(schema, prefix, folding));
    } catch (SQLException e) {
      failure = new StoreException(Operation.CONNECT, null, e);
      throw (StoreException) failure;
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      Jdbc.giveBack(c, false, failure, Jdbc.Subject.of(Operation.CONNECT, null));
    }
  }

  private static @Nullable Dialect detect(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      return Dialect.H2;
    }
    if (name.equals("postgresql")) {
      return Dialect.POSTGRESQL;
    }
    return null;
  }

  // H2 persists WRITE_DELAY in the database; an in-memory database reports 0.
  private static void checkWriteDelay(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && Integer.parseInt(rs.getString(1).strip()) > 0) {
        throw new IllegalStateException("the H2 database writes commits to its file up to " + rs.getString(1).strip()
            + " ms late (WRITE_DELAY): a crash in that window would forget what the stores recorded (claims and"
            + " outcomes, audit entries, stream positions), and work would run twice. Open it with ;WRITE_DELAY=0 in"
            + " the JDBC URL.");
      }
    }
  }

  private static void once(@Nullable Object current, String setting) {
    if (current != null) {
      throw new IllegalStateException(setting + " was already set to " + current);
    }
  }
}
