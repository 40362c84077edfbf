package dev.steward.core.store.internal;

import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.core.store.SchemaMigrationException;
import dev.steward.core.store.StoreException;
import dev.steward.core.store.StoreException.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Brings a database's store tables up to the scripts this version of Steward ships, recording each
 * script applied in the schema history table (version, description, checksum, applied_at). The
 * tables of all the JDBC stores in a schema under a prefix share one history and one line of
 * versions: every store's {@code migrate()} applies every missing script, whichever store asks.
 *
 * <p>Scripts are the resources {@code dev/steward/core/store/sql/<dialect>/V<n>__<description>.sql},
 * listed in {@link #SCRIPTS}. A script is SQL statements ended by {@code ;} at the end of a line,
 * with {@code --} comment lines and no {@code ;} inside literals; {@code ${table:x}} stands for
 * the configured schema-qualified table {@code <prefix>x} and {@code ${name:x}} for an
 * unqualified name (constraints, indexes). The checksum is the SHA-256 of the script as shipped,
 * line ends normalized, before substitution, so one checksum serves every schema and prefix.
 *
 * <p>Migrators of several processes are serialized: on PostgreSQL by a transaction-scoped advisory
 * lock, taken before anything else, in one transaction that also holds the DDL (PostgreSQL DDL is
 * transactional, so a failed script leaves nothing behind). H2 has no advisory locks and commits
 * on every DDL statement, so a second connection holds a row lock on a one-row lock table for the
 * whole migration; a script that fails halfway on H2 leaves its earlier statements applied.
 */
public final class Migrator {
  private static final Jdbc.Subject MIGRATING = Jdbc.Subject.of(Operation.MIGRATE, null);

  /** The scripts, in order; a new script is added at the end, with the next version. */
  public static final List<String> SCRIPTS = List.of("V1__idempotency.sql", "V2__audit.sql", "V3__sequence.sql");
  /** The name of the schema history table, before the prefix. */
  public static final String HISTORY = "schema_history";
  /** The name of H2's lock table, before the prefix. */
  public static final String LOCK = "schema_lock";

  private static final Pattern SCRIPT_NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(table|name):([a-z_]+)}");
  private static final String H2_LOCK_TIMEOUT = "HYT00";
  private static final int H2_LOCK_ATTEMPTS = 60;

  /**
   * One shipped script.
   *
   * @param version its version, from the file name
   * @param description its description, from the file name
   * @param file the file name
   * @param text the text as shipped
   * @param checksum the SHA-256 of the text as shipped, line ends normalized, in hex
   */
  public record Script(int version, String description, String file, String text, String checksum) {}

  private final DataSource dataSource;
  private final Dialect dialect;
  private final TableNames names;

  /** Creates a migrator of the tables {@code names} gives. */
  public Migrator(DataSource dataSource, Dialect dialect, TableNames names) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** Returns the scripts shipped for {@code dialect}, in version order. */
  public static List<Script> scripts(Dialect dialect) {
    List<Script> scripts = new ArrayList<>();
    for (String file : SCRIPTS) {
      Matcher m = SCRIPT_NAME.matcher(file);
      if (!m.matches()) {
        throw new IllegalStateException("script " + file + " is not named V<version>__<description>.sql");
      }
      String text = resource(dialect, file);
      scripts.add(new Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), file, text, checksum(text)));
    }
    return scripts;
  }

  /**
   * Applies the scripts the history does not record yet and returns how many.
   *
   * @throws SchemaMigrationException if an applied script's checksum changed, or a script is
   *     missing between applied ones
   * @throws StoreException if the database fails
   */
  public int migrate() {
    List<Script> scripts = scripts(dialect);
    return dialect == Dialect.POSTGRESQL ? migratePostgres(scripts) : migrateH2(scripts);
  }

  private int migratePostgres(List<Script> scripts) {
    return Jdbc.transaction(dataSource, Operation.MIGRATE, null, c -> {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, lockId());
        lock.executeQuery().close();
      }
      createSchema(c, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?");
      execute(c, "CREATE TABLE IF NOT EXISTS " + names.table(HISTORY) + " (version integer NOT NULL PRIMARY KEY,"
          + " description varchar(200) NOT NULL, checksum varchar(64) NOT NULL, applied_at timestamptz NOT NULL)");
      return apply(c, scripts);
    });
  }

  private int migrateH2(List<Script> scripts) {
    Jdbc.transaction(dataSource, Operation.MIGRATE, null, c -> {
      createSchema(c, "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?");
      execute(c, "CREATE TABLE IF NOT EXISTS " + names.table(LOCK) + " (id INTEGER NOT NULL PRIMARY KEY)");
      try {
        // Insert the lock row only where it is missing: a MERGE would wait on the row another
        // migrator holds locked, and fail after one lock timeout instead of waiting its turn.
        execute(c, "INSERT INTO " + names.table(LOCK) + " (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM "
            + names.table(LOCK) + " WHERE id = 1)");
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) { // another migrator inserted it first
          throw e;
        }
      }
      return null;
    });
    Connection lock = Jdbc.open(dataSource, MIGRATING);
    boolean restoreAutoCommit = false;
    Throwable failure = null;
    try {
      if (lock.getAutoCommit()) {
        lock.setAutoCommit(false);
        restoreAutoCommit = true;
      }
      lockH2(lock);
      return Jdbc.transaction(dataSource, Operation.MIGRATE, null, c -> {
        execute(c, "CREATE TABLE IF NOT EXISTS " + names.table(HISTORY) + " (version INTEGER NOT NULL PRIMARY KEY,"
            + " description CHARACTER VARYING(200) NOT NULL, checksum CHARACTER VARYING(64) NOT NULL,"
            + " applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
        return apply(c, scripts);
      });
    } catch (SQLException e) {
      failure = new StoreException(Operation.MIGRATE, null, e);
      throw (StoreException) failure;
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      releaseH2(lock, restoreAutoCommit, failure);
    }
  }

  // Rolling back the lock connection's transaction releases the lock; the work committed on the
  // other connection. A failure here is reported, not swallowed, even after a successful migration.
  private static void releaseH2(Connection lock, boolean restoreAutoCommit, @Nullable Throwable failure) {
    StoreException unlockFailed = null;
    try {
      lock.rollback();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        unlockFailed = new StoreException(Operation.MIGRATE, null, "the migration committed, but releasing its lock"
            + " failed (SQLState " + e.getSQLState() + "; see the cause)", e);
      }
    }
    Jdbc.giveBack(lock, restoreAutoCommit, failure != null ? failure : unlockFailed, MIGRATING);
    if (unlockFailed != null) {
      throw unlockFailed;
    }
  }

  private void lockH2(Connection lock) throws SQLException {
    String sql = "SELECT id FROM " + names.table(LOCK) + " WHERE id = 1 FOR UPDATE";
    for (int attempt = 1; ; attempt++) {
      try (Statement s = lock.createStatement()) {
        s.executeQuery(sql).close();
        return;
      } catch (SQLException e) {
        if (!H2_LOCK_TIMEOUT.equals(e.getSQLState()) || attempt == H2_LOCK_ATTEMPTS) {
          throw e; // waited H2_LOCK_ATTEMPTS lock timeouts for another migrator
        }
      }
    }
  }

  private void createSchema(Connection c, String exists) throws SQLException {
    String schema = names.schema();
    if (schema == null) {
      return;
    }
    // Look before creating: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas even
    // when the schema is there, which a role owning only its schema lacks.
    if (schemaExists(c, exists, schema)) {
      return;
    }
    try {
      execute(c, "CREATE SCHEMA IF NOT EXISTS " + names.quotedSchema());
    } catch (SQLException e) {
      // H2 can fail IF NOT EXISTS with "object already exists" when another migrator creates the
      // schema at the same moment; the schema being there is all this step needs.
      if (!schemaExists(c, exists, schema)) {
        throw e;
      }
    }
  }

  private static boolean schemaExists(Connection c, String exists, String schema) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(exists)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private int apply(Connection c, List<Script> scripts) throws SQLException {
    Map<Integer, String> history = new TreeMap<>(); // version to checksum
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + names.table(HISTORY))) {
      while (rs.next()) {
        history.put(rs.getInt(1), rs.getString(2));
      }
    }
    int latest = history.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Script> pending = new ArrayList<>();
    for (Script script : scripts) {
      String applied = history.get(script.version());
      if (applied == null) {
        if (script.version() < latest) {
          throw new SchemaMigrationException(script.version(), "the schema history " + names.table(HISTORY)
              + " records version " + latest + " but not " + script.file() + ", which comes before it; migrate()"
              + " applies scripts in order only and changed nothing. Check the history against the database.");
        }
        pending.add(script);
      } else if (!applied.equals(script.checksum())) {
        throw new SchemaMigrationException(script.version(), "the schema history " + names.table(HISTORY)
            + " records " + script.file() + " with checksum " + applied + ", but this Steward ships it"
            + " with checksum " + script.checksum() + ": an applied script must never change, so migrate() changed"
            + " nothing. Restore the history row or the script as released; put a change of your own in a table"
            + " of your own.");
      }
      // Versions recorded but not shipped come from a newer Steward: left alone, so that older
      // instances keep running during a rolling upgrade.
    }
    for (Script script : pending) {
      for (String statement : statements(script)) {
        execute(c, statement);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + names.table(HISTORY)
          + " (version, description, checksum, applied_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
        // applied_at is when the database applied the script, so its clock is the right one;
        // nothing reads it back.
        ps.setInt(1, script.version());
        ps.setString(2, script.description());
        ps.setString(3, script.checksum());
        ps.executeUpdate();
      }
    }
    return pending.size();
  }

  /** Returns the statements of {@code script}, placeholders replaced. */
  List<String> statements(Script script) {
    StringBuilder sql = new StringBuilder();
    for (String line : script.text().split("\n", -1)) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder replaced = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).equals("table") ? names.table(m.group(2)) : names.unqualified(m.group(2));
      m.appendReplacement(replaced, Matcher.quoteReplacement(name));
    }
    m.appendTail(replaced);
    if (replaced.indexOf("${") >= 0) {
      throw new IllegalStateException("script " + script.file() + " has a placeholder other than ${table:x} or ${name:x}");
    }
    List<String> statements = new ArrayList<>();
    for (String statement : replaced.toString().split(";\\s*\n")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  private long lockId() {
    return ByteBuffer.wrap(sha256("dev.steward.core.store.migrate " + names.table(HISTORY))).getLong();
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String resource(Dialect dialect, String file) {
    String path = "/dev/steward/core/store/sql/" + dialect.name().toLowerCase(java.util.Locale.ROOT) + "/" + file;
    try (InputStream in = Migrator.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the migration script " + path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the migration script " + path, e);
    }
  }

  private static String checksum(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
