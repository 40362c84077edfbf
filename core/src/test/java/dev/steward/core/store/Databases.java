package dev.steward.core.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the JDBC store tests run against: H2 in memory or in a file, and the PostgreSQL
 * server at {@code STEWARD_TEST_PG_URL} (default {@value #DEFAULT_PG_URL}, user {@code postgres}).
 * When PostgreSQL cannot be reached its tests are skipped, or fail if {@code CI=true}.
 */
final class Databases {
  static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String PG_URL = System.getenv().getOrDefault("STEWARD_TEST_PG_URL", DEFAULT_PG_URL);
  static final String PG_USER = System.getenv().getOrDefault("STEWARD_TEST_PG_USER", "postgres");

  private static volatile String postgresProblem; // "" when reachable
  private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

  private Databases() {}

  /** Returns a data source for {@code url}, H2 or PostgreSQL. */
  static DataSource dataSource(String url, String user) {
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(url);
      ds.setUser(user);
      return ds;
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(user);
    ds.setConnectTimeout(3);
    return ds;
  }

  /** Returns a new, empty in-memory H2 database that lives until it is shut down. */
  static String h2MemoryUrl() {
    return "jdbc:h2:mem:" + uniqueName("steward") + ";DB_CLOSE_DELAY=-1";
  }

  /** Returns the H2 data source for {@code url}. */
  static DataSource h2(String url) {
    return dataSource(url, "sa");
  }

  /**
   * Returns the PostgreSQL data source, after checking the server answers: if not, skips the
   * calling test (or class), or fails it when the environment variable {@code CI} is {@code true}.
   */
  static DataSource postgres() {
    String problem = postgresProblem;
    if (problem == null) {
      try (Connection c = dataSource(PG_URL, PG_USER).getConnection()) {
        problem = c.isValid(3) ? "" : "the connection is not valid";
      } catch (SQLException e) {
        problem = String.valueOf(e.getMessage()).replaceAll("[.\\s]+$", "");
      }
      postgresProblem = problem;
    }
    if (!problem.isEmpty()) {
      String message = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + ": " + problem;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + ". CI=true, so the tests that need it fail rather than skip.");
      }
      message += ". Skipping the tests that need it; set CI=true to make them fail instead.";
      // A class aborted in @BeforeAll shows in Surefire as "Tests run: 0", without the reason.
      if (SKIP_REPORTED.compareAndSet(false, true)) {
        System.err.println("[steward tests] " + message);
      }
      Assumptions.abort(message);
    }
    return dataSource(PG_URL, PG_USER);
  }

  /** Returns a lower-case name unique to this run, for a schema or database. */
  static String uniqueName(String base) {
    return (base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
  }

  /**
   * Drops a PostgreSQL schema and everything in it, then closes the pool; does nothing when the
   * pool is null, as it is after {@link #postgres()} skipped the class.
   */
  static void dropSchemaAndClose(Pool pool, String schema) throws SQLException {
    if (pool != null) {
      execute(pool, "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
      pool.close();
    }
  }

  /** Empties a table between tests. */
  static void truncate(DataSource ds, String table) {
    try {
      execute(ds, "TRUNCATE " + table);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement in autocommit. */
  static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * A small connection pool for tests, since opening a PostgreSQL connection costs tens of
   * milliseconds. It checks what a host's pool would otherwise paper over: every connection must
   * come back with autocommit on, as the store found it. It can also fail statements on demand,
   * and counts the statements run and the commits asked for, each a round trip to PostgreSQL.
   */
  static final class Pool implements DataSource, AutoCloseable {
    private final DataSource target;
    private final Semaphore permits;
    private final LinkedBlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
    private final List<Connection> all = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private volatile Predicate<String> failing = sql -> false;
    private final AtomicInteger executions = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();

    Pool(DataSource target, int size) {
      this.target = target;
      this.permits = new Semaphore(size);
    }

    /** Returns what came back wrong so far. */
    List<String> violations() {
      return List.copyOf(violations);
    }

    /** Starts counting statements and commits from zero. */
    void resetCounts() {
      executions.set(0);
      commits.set(0);
    }

    /** Returns how many statements ran (a JDBC batch counts once) since {@link #resetCounts()}. */
    int executions() {
      return executions.get();
    }

    /** Returns how many times {@code commit()} was called since {@link #resetCounts()}. */
    int commits() {
      return commits.get();
    }

    /** Makes statements whose SQL {@code failing} accepts fail, as a broken connection would. */
    void failStatements(Predicate<String> failing) {
      this.failing = failing;
    }

    @Override
    public Connection getConnection() throws SQLException {
      try {
        if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
          throw new SQLException("the test pool had no free connection for 30 s", "08001");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted", "08001", e);
      }
      Connection physical = idle.poll();
      try {
        if (physical == null) {
          physical = target.getConnection();
          all.add(physical);
        }
      } catch (SQLException | RuntimeException e) {
        permits.release();
        throw e;
      }
      return lend(physical);
    }

    private Connection lend(Connection physical) {
      boolean[] closed = {false};
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "close":
                if (!closed[0]) {
                  closed[0] = true;
                  if (physical.isClosed()) { // the database was shut down
                    all.remove(physical);
                    permits.release();
                    return null;
                  }
                  if (!physical.getAutoCommit()) {
                    violations.add("a connection came back with autocommit off");
                    physical.rollback();
                    physical.setAutoCommit(true);
                  }
                  idle.add(physical);
                  permits.release();
                }
                return null;
              case "isClosed":
                return closed[0];
              case "toString":
                return "pooled " + physical;
              default:
                break;
            }
            if (closed[0]) {
              throw new SQLException("connection is closed", "08003");
            }
            if ((method.getName().equals("prepareStatement") || method.getName().equals("createStatement"))
                && args != null && args[0] instanceof String sql && failing.test(sql)) {
              throw new SQLException("injected failure", "08006");
            }
            if (method.getName().equals("commit")) {
              commits.incrementAndGet();
            }
            Object result;
            try {
              result = method.invoke(physical, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            return result instanceof Statement statement ? counted(statement) : result;
          });
    }

    private Statement counted(Statement statement) {
      Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
          : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
      return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
          (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
              executions.incrementAndGet();
            }
            try {
              return method.invoke(statement, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public void close() {
      for (Connection c : all) {
        try {
          c.close();
        } catch (SQLException e) {
          // the test is over; the server closes it too
        }
      }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
