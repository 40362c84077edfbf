package dev.steward.core.store;

import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.model.StewardException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A store's database failed an operation: it could not be reached, refused a statement, timed out
 * or broke off. The transaction was rolled back, so the operation did not happen — unless the
 * message says it committed and only giving the connection back failed. Code {@value #CODE}.
 *
 * <p>The message names the operation, the key or stream and the SQLState, never the driver's text,
 * which may quote connection details; that text is on the {@linkplain #getCause() cause}.
 */
public class StoreException extends StewardException {
  /** The stable code of this exception. */
  public static final String CODE = "STEWARD-STORE-FAILED";

  private static final long serialVersionUID = 1L;

  /** What the store was doing when its database failed. */
  public enum Operation {
    /** Opening a store: detecting the database and checking its settings. */
    CONNECT("JDBC store", "inspect the database"),
    /** {@link IdempotencyStore#claim}. */
    CLAIM("idempotency store", "claim"),
    /** {@link IdempotencyStore#claimAll}. */
    CLAIM_BATCH("idempotency store", "claim a batch of keys"),
    /** {@link IdempotencyStore#complete}. */
    COMPLETE("idempotency store", "complete"),
    /** {@link IdempotencyStore#completeAll}. */
    COMPLETE_BATCH("idempotency store", "complete a batch of keys"),
    /** {@link IdempotencyStore#release}. */
    RELEASE("idempotency store", "release"),
    /** {@link IdempotencyStore#renew}. */
    RENEW("idempotency store", "renew the lease of"),
    /** {@link IdempotencyStore#reopen}. */
    REOPEN("idempotency store", "reopen"),
    /** {@link IdempotencyStore#find}. */
    FIND("idempotency store", "find"),
    /** {@link IdempotencyStore#purgeExpired}. */
    PURGE("idempotency store", "purge expired records"),
    /** {@link JdbcStores#clockSkew}, or the idempotency store's. */
    CLOCK("JDBC store", "read the database's clock"),
    /** {@link JdbcStores#migrate()}, or a store's {@code migrate()}. */
    MIGRATE("JDBC store", "migrate its schema"),
    /** {@link AuditStore#append}. */
    APPEND("audit store", "append an entry"),
    /** {@link AuditStore#read}. */
    READ("audit store", "read entries"),
    /** {@link AuditStore#query}. */
    QUERY("audit store", "query entries"),
    /** {@link SequenceStore#current}. */
    CURRENT("sequence store", "read a stream's position"),
    /** {@link SequenceStore#advance}. */
    ADVANCE("sequence store", "advance a stream's position");

    private final String store;
    private final String verb;

    Operation(String store, String verb) {
      this.store = store;
      this.verb = verb;
    }
  }

  private final Operation operation;
  private final transient @Nullable IdempotencyKey key;
  private final @Nullable String stream;
  private final @Nullable String sqlState;

  /**
   * Creates the exception for a failure of the database.
   *
   * @param operation what the store was doing
   * @param key the key it was working on, if the operation has one
   * @param cause the driver's exception
   */
  public StoreException(Operation operation, @Nullable IdempotencyKey key, SQLException cause) {
    this(operation, key, detail(cause), cause);
  }

  /**
   * Creates the exception with a detail of the store's own.
   *
   * @param operation what the store was doing
   * @param key the key it was working on, if the operation has one
   * @param detail what went wrong, without credentials
   * @param cause the driver's exception, if any
   */
  public StoreException(Operation operation, @Nullable IdempotencyKey key, String detail, @Nullable SQLException cause) {
    this(operation, key, null, detail, cause);
  }

  private StoreException(Operation operation, @Nullable IdempotencyKey key, @Nullable String stream, String detail,
      @Nullable SQLException cause) {
    super(CODE, message(operation, key, stream, detail), cause);
    this.operation = operation;
    this.key = key;
    this.stream = stream;
    this.sqlState = cause == null ? null : cause.getSQLState();
  }

  /**
   * Creates the exception for a failure of the database while a sequence store worked on {@code
   * stream}.
   *
   * @param operation what the store was doing
   * @param stream the stream it was working on
   * @param cause the driver's exception
   */
  public static StoreException onStream(Operation operation, String stream, SQLException cause) {
    return new StoreException(operation, null, Objects.requireNonNull(stream, "stream"), detail(cause), cause);
  }

  /**
   * Creates the exception, with a detail of the store's own, for a failure while a sequence store
   * worked on {@code stream}.
   *
   * @param operation what the store was doing
   * @param stream the stream it was working on
   * @param detail what went wrong, without credentials
   * @param cause the driver's exception, if any
   */
  public static StoreException onStream(Operation operation, String stream, String detail,
      @Nullable SQLException cause) {
    return new StoreException(operation, null, Objects.requireNonNull(stream, "stream"), detail, cause);
  }

  /** Returns what the store was doing. */
  public Operation operation() {
    return operation;
  }

  /** Returns the key the store was working on, if the operation has one. */
  public Optional<IdempotencyKey> key() {
    return Optional.ofNullable(key);
  }

  /** Returns the sequence stream the store was working on, if the operation has one. */
  public Optional<String> stream() {
    return Optional.ofNullable(stream);
  }

  /** Returns the SQLState the driver reported, if any. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  private static String message(Operation operation, @Nullable IdempotencyKey key, @Nullable String stream,
      String detail) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(detail, "detail");
    return "the " + operation.store + " failed to " + operation.verb + (key == null ? "" : " key " + key)
        + (stream == null ? "" : " (stream " + stream + ")") + ": " + detail;
  }

  private static String detail(SQLException cause) {
    Objects.requireNonNull(cause, "cause");
    String state = cause.getSQLState();
    String detail = "SQLState " + state + ", vendor code " + cause.getErrorCode() + " ("
        + cause.getClass().getSimpleName() + "; the cause has the driver's message)";
    if (state != null && (state.equals("42P01") || state.equals("3F000") || state.startsWith("42S0"))) {
      detail += "; its table or schema is missing: run JdbcStores.migrate() (or any JDBC store's migrate()), which"
          + " the stores never run by themselves";
    }
    return detail;
  }
}
