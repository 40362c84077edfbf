package dev.steward.core.store.internal;

import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.core.store.StoreException;
import dev.steward.core.store.StoreException.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs work in one transaction on a connection from the host's data source, converts times, and
 * holds the few SQL fragments every store's statements share.
 *
 * <p>A transaction turns autocommit off, commits, rolls back on any failure and then gives the
 * connection back as it came (autocommit on again if it was on). Work that changes state with a
 * single statement runs in autocommit instead, where the connection is in it: the database then
 * commits the statement as it runs it, in one round trip rather than three (the statement, its
 * {@code COMMIT}, and the {@code BEGIN} the driver sends with the first). An {@link SQLException}
 * becomes a {@link StoreException} naming the operation and key; other exceptions pass through
 * after the rollback. Nothing is swallowed: a failed rollback or restore is added to the failure
 * as suppressed, or, after a commit, is itself reported.
 */
public final class Jdbc {
  /** The earliest time the store takes: both databases hold 0001-01-01 to 9999-12-31. */
  public static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
  /** The latest time the store takes. */
  public static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** Work on a connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work; the caller commits or rolls back. */
    T run(Connection connection) throws SQLException;
  }

  private Jdbc() {}

  /**
   * What a store works on when its database fails: the operation, and the idempotency key or the
   * sequence stream where it has one. Makes the {@link StoreException} that names them.
   *
   * @param operation what the store is doing
   * @param key the idempotency key it works on, or null
   * @param stream the sequence stream it works on, or null
   */
  public record Subject(Operation operation, @Nullable IdempotencyKey key, @Nullable String stream) {
    /** Checks the parts. */
    public Subject {
      Objects.requireNonNull(operation, "operation");
    }

    /** An operation on {@code key}, or on no key if it is null. */
    public static Subject of(Operation operation, @Nullable IdempotencyKey key) {
      return new Subject(operation, key, null);
    }

    /** An operation on a sequence stream. */
    public static Subject onStream(Operation operation, String stream) {
      return new Subject(operation, null, Objects.requireNonNull(stream, "stream"));
    }

    StoreException failure(SQLException cause) {
      return stream != null ? StoreException.onStream(operation, stream, cause) : new StoreException(operation, key, cause);
    }

    StoreException failure(String detail, @Nullable SQLException cause) {
      return stream != null ? StoreException.onStream(operation, stream, detail, cause)
          : new StoreException(operation, key, detail, cause);
    }
  }

  /** Runs {@code work} as one transaction on a connection from {@code dataSource}. */
  public static <T> T transaction(DataSource dataSource, Operation operation, @Nullable IdempotencyKey key,
      Work<T> work) {
    return transaction(dataSource, Subject.of(operation, key), work);
  }

  /** Runs {@code work} as one transaction on a connection from {@code dataSource}. */
  public static <T> T transaction(DataSource dataSource, Subject subject, Work<T> work) {
    Connection c = open(dataSource, subject);
    boolean restoreAutoCommit = false;
    Throwable failure = null;
    try {
      if (c.getAutoCommit()) {
        c.setAutoCommit(false);
        restoreAutoCommit = true;
      }
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException e) {
      failure = rollback(c, subject.failure(e));
      throw (StoreException) failure;
    } catch (RuntimeException | Error e) {
      failure = rollback(c, e);
      throw e;
    } finally {
      giveBack(c, restoreAutoCommit, failure, subject);
    }
  }

  /**
   * Runs {@code work}, which changes state with one statement at most (reads may come before or
   * after it), on a connection from {@code dataSource}: in autocommit if the connection is in it,
   * so that the statement is its own transaction, and otherwise as one transaction this method
   * commits.
   */
  public static <T> T statement(DataSource dataSource, Operation operation, @Nullable IdempotencyKey key,
      Work<T> work) {
    Subject subject = Subject.of(operation, key);
    Connection c = open(dataSource, subject);
    boolean inTransaction = false;
    Throwable failure = null;
    try {
      inTransaction = !c.getAutoCommit();
      T result = work.run(c);
      if (inTransaction) {
        c.commit();
      }
      return result;
    } catch (SQLException e) {
      failure = undo(c, inTransaction, subject.failure(e));
      throw (StoreException) failure;
    } catch (RuntimeException | Error e) {
      failure = undo(c, inTransaction, e);
      throw e;
    } finally {
      giveBack(c, false, failure, subject);
    }
  }

  /**
   * Runs {@code first} as {@link #statement} does and returns its answer if it has one; if not,
   * runs {@code rest} as one transaction on the same connection. For an operation whose common
   * case takes one statement and whose other cases need a transaction of several.
   */
  public static <T> T statementThenTransaction(DataSource dataSource, Operation operation,
      @Nullable IdempotencyKey key, Work<Optional<T>> first, Work<T> rest) {
    Subject subject = Subject.of(operation, key);
    Connection c = open(dataSource, subject);
    boolean inTransaction = false;
    boolean restoreAutoCommit = false;
    Throwable failure = null;
    try {
      inTransaction = !c.getAutoCommit();
      Optional<T> answer = first.run(c);
      if (inTransaction) {
        c.commit();
      }
      if (answer.isPresent()) {
        return answer.get();
      }
      if (!inTransaction) {
        c.setAutoCommit(false);
        restoreAutoCommit = true;
        inTransaction = true;
      }
      T result = rest.run(c);
      c.commit();
      return result;
    } catch (SQLException e) {
      failure = undo(c, inTransaction, subject.failure(e));
      throw (StoreException) failure;
    } catch (RuntimeException | Error e) {
      failure = undo(c, inTransaction, e);
      throw e;
    } finally {
      giveBack(c, restoreAutoCommit, failure, subject);
    }
  }

  // In autocommit there is nothing to roll back: the failed statement was its own transaction.
  private static <X extends Throwable> X undo(Connection c, boolean inTransaction, X failure) {
    return inTransaction ? rollback(c, failure) : failure;
  }

  /** Returns a connection from {@code dataSource}, or throws a {@link StoreException} naming {@code subject}. */
  public static Connection open(DataSource dataSource, Subject subject) {
    try {
      Connection c = dataSource.getConnection();
      if (c == null) {
        throw subject.failure("the data source returned no connection", null);
      }
      return c;
    } catch (SQLException e) {
      throw subject.failure(e);
    }
  }

  /**
   * Restores autocommit if {@code restoreAutoCommit} and closes {@code c}. A failure is added to
   * {@code failure} if there is one, and otherwise thrown: the work committed, but the connection
   * may be broken.
   */
  public static void giveBack(Connection c, boolean restoreAutoCommit, @Nullable Throwable failure, Subject subject) {
    SQLException problem = null;
    try {
      if (restoreAutoCommit) {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      problem = e;
    }
    try {
      c.close();
    } catch (SQLException e) {
      if (problem == null) {
        problem = e;
      } else {
        problem.addSuppressed(e);
      }
    }
    if (problem == null) {
      return;
    }
    if (failure != null) {
      failure.addSuppressed(problem);
    } else {
      throw subject.failure("the transaction committed, but giving the connection back failed"
          + " (SQLState " + problem.getSQLState() + "; see the cause)", problem);
    }
  }

  /** Rolls {@code c} back, adding a failure to roll back to {@code failure}, and returns {@code failure}. */
  public static <X extends Throwable> X rollback(Connection c, X failure) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
    return failure;
  }

  /**
   * Checks {@code t} is in the range the databases hold and truncates it to microseconds, their
   * precision, so that what the store returns equals what it later reads back.
   *
   * @throws IllegalArgumentException naming {@code what} if {@code t} is out of range
   */
  public static Instant storable(Instant t, String what) {
    Objects.requireNonNull(t, what);
    if (t.isBefore(MIN_TIME) || t.isAfter(MAX_TIME)) {
      throw new IllegalArgumentException(what + " must be between " + MIN_TIME + " and " + MAX_TIME + "; was " + t);
    }
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  /** Returns the clause that limits a query to a bound number of rows, leading space included. */
  public static String limit(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL ? " LIMIT ?" : " FETCH FIRST ? ROWS ONLY";
  }

  /** Binds a time as a {@code TIMESTAMP WITH TIME ZONE} in UTC. */
  public static void setTime(PreparedStatement ps, int index, Instant t) throws SQLException {
    ps.setObject(index, t.atOffset(ZoneOffset.UTC));
  }

  /** Reads a {@code TIMESTAMP WITH TIME ZONE} column, or null if it is null. */
  public static @Nullable Instant getTime(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** Reads a {@code TIMESTAMP WITH TIME ZONE} column that may not be null. */
  public static Instant getRequiredTime(ResultSet rs, String column) throws SQLException {
    Instant t = getTime(rs, column);
    if (t == null) {
      throw new SQLException("column " + column + " is null", "22004");
    }
    return t;
  }
}
