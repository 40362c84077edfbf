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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * microseconds, the precision both databases hold; the database's clock is read only by {@link
 * #clockSkew}, which tells how far a caller's clock is from it. An H2 file
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
          c -> claimLocked(c, key, fingerprint, at, leaseExpiresAt, until, false).claim());
    }
    // A fresh key, the common case, costs one statement, committed as it runs. Only a key that
    // has a row needs the transaction that locks it, decides and perhaps updates it.
    return Jdbc.statementThenTransaction(dataSource, Operation.CLAIM, key, c -> {
      String token = token();
      return sql.insert(c, key, fingerprint, token, leaseExpiresAt, at, until)
          ? Optional.of(new Claim.Acquired(key, token, leaseExpiresAt, 1))
          : Optional.empty();
    }, c -> claimLocked(c, key, fingerprint, at, leaseExpiresAt, until, false).claim());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The batch is one transaction: all of it is claimed, or, if the database fails, none. On
   * PostgreSQL the fresh keys of a batch are inserted by one statement ({@code INSERT ... ON
   * CONFLICT DO NOTHING RETURNING}), and the keys that already had a row are then locked by one
   * more; only a row whose claim changes it (an expired lease or retention) costs a statement of
   * its own. A batch of fresh keys is thus two round trips, the insert and the commit. On H2,
   * which runs in the process, each key is locked or inserted by statements of its own. Keys are
   * inserted and locked in one order, so that concurrent batches and {@link #completeAll} over the
   * same keys do not deadlock; they wait for each other instead, and a batch that waits longer
   * than the database's lock timeout (H2's {@code LOCK_TIMEOUT}, PostgreSQL's {@code
   * lock_timeout}) fails with a {@link StoreException} and claims nothing.
   */
  @Override
  public List<Claim> claimAll(List<ClaimRequest> requests, Instant now, Duration lease, Instant expiresAt) {
    StoreChecks.batch(requests, "requests");
    Objects.requireNonNull(lease, "lease");
    Instant at = Jdbc.storable(now, "now");
    Instant leaseExpiresAt = Jdbc.storable(at.plus(lease), "now plus lease");
    Instant until = Jdbc.storable(expiresAt, "expiresAt");
    if (requests.isEmpty()) {
      return List.of();
    }
    return Jdbc.transaction(dataSource, Operation.CLAIM_BATCH, null,
        c -> claimBatch(c, requests, at, leaseExpiresAt, until));
  }

  private List<Claim> claimBatch(Connection c, List<ClaimRequest> requests, Instant at, Instant leaseExpiresAt,
      Instant until) throws SQLException {
    // The first request of each key decides what the database does; later requests of a key are
    // answered from the row as the requests before them left it.
    Map<IdempotencyKey, Integer> firstOf = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      firstOf.putIfAbsent(requests.get(i).key(), i);
    }
    List<Integer> firsts = new ArrayList<>(firstOf.values());
    firsts.sort(Comparator.comparing(i -> requests.get(i).key(), IdempotencySql.KEY_ORDER));

    Claim[] claims = new Claim[requests.size()];
    Map<IdempotencyKey, IdempotencyRecord> rows = new HashMap<>();
    if (sql.insertsFirst()) {
      List<ClaimRequest> inserting = new ArrayList<>(firsts.size());
      List<String> tokens = new ArrayList<>(firsts.size());
      for (int i : firsts) {
        inserting.add(requests.get(i));
        tokens.add(token());
      }
      Set<IdempotencyKey> inserted = sql.insertAll(c, inserting, tokens, leaseExpiresAt, at, until);
      List<Integer> existing = new ArrayList<>(firsts.size() - inserted.size());
      List<IdempotencyKey> keys = new ArrayList<>(firsts.size() - inserted.size());
      for (int n = 0; n < firsts.size(); n++) {
        int i = firsts.get(n);
        ClaimRequest r = requests.get(i);
        if (inserted.contains(r.key())) {
          Step fresh = acquired(r.key(), r.fingerprint(), tokens.get(n), at, leaseExpiresAt, until);
          claims[i] = fresh.claim();
          rows.put(r.key(), fresh.row());
        } else {
          existing.add(i);
          keys.add(r.key());
        }
      }
      if (!keys.isEmpty()) {
        rows.putAll(sql.lockAll(c, keys));
      }
      // A row released or purged since the insert found it: claimed on its own, like claim() does.
      for (int i : existing) {
        ClaimRequest r = requests.get(i);
        if (!rows.containsKey(r.key())) {
          Step step = claimLocked(c, r.key(), r.fingerprint(), at, leaseExpiresAt, until, true);
          claims[i] = step.claim();
          rows.put(r.key(), step.row());
        }
      }
    } else {
      // H2: key after key in key order, each locked or inserted before the next, so that this
      // transaction takes its locks in the order concurrent batches and completions take theirs.
      for (int i : firsts) {
        ClaimRequest r = requests.get(i);
        Step step = claimLocked(c, r.key(), r.fingerprint(), at, leaseExpiresAt, until, false);
        claims[i] = step.claim();
        rows.put(r.key(), step.row());
      }
    }
    for (int i = 0; i < requests.size(); i++) {
      if (claims[i] == null) {
        ClaimRequest r = requests.get(i);
        IdempotencyRecord row = rows.get(r.key());
        if (row == null) {
          throw new IllegalStateException("no row for " + r.key() + " after it was locked or inserted");
        }
        Step step = decide(c, row, r.fingerprint(), token(), at, leaseExpiresAt, until);
        claims[i] = step.claim();
        rows.put(r.key(), step.row());
      }
    }
    return List.of(claims);
  }

  // A claim decided, and the key's row as it leaves it.
  private record Step(Claim claim, IdempotencyRecord row) {}

  private static Step acquired(IdempotencyKey key, Fingerprint fingerprint, String token, Instant at,
      Instant leaseExpiresAt, Instant until) {
    return new Step(new Claim.Acquired(key, token, leaseExpiresAt, 1),
        new IdempotencyRecord(key, fingerprint, token, leaseExpiresAt, 1, null, at, until));
  }

  // Inside a transaction: locks the key's row and decides, or inserts one when there is none,
  // in the order insertFirst asks for, until one of the two succeeds.
  private Step claimLocked(Connection c, IdempotencyKey key, Fingerprint fingerprint, Instant at,
      Instant leaseExpiresAt, Instant until, boolean insertFirst) throws SQLException {
    for (int round = 1; round <= CLAIM_ROUNDS; round++) {
      String token = token();
      if (insertFirst && sql.insert(c, key, fingerprint, token, leaseExpiresAt, at, until)) {
        return acquired(key, fingerprint, token, at, leaseExpiresAt, until);
      }
      IdempotencyRecord r = sql.lock(c, key);
      if (r != null) {
        return decide(c, r, fingerprint, token, at, leaseExpiresAt, until);
      }
      if (!insertFirst && sql.insert(c, key, fingerprint, token, leaseExpiresAt, at, until)) {
        return acquired(key, fingerprint, token, at, leaseExpiresAt, until);
      }
    }
    throw new StoreException(Operation.CLAIM, key, "its row appeared and disappeared " + CLAIM_ROUNDS
        + " times while claiming; something releases or purges it continually", null);
  }

  // The record is locked: the rules of IdempotencyStore.claim, in their order.
  private Step decide(Connection c, IdempotencyRecord r, Fingerprint fingerprint, String token, Instant now,
      Instant leaseExpiresAt, Instant expiresAt) throws SQLException {
    IdempotencyKey key = r.key();
    if (!r.expiresAt().isAfter(now) && !r.leaseExpiresAt().isAfter(now)) {
      changed(sql.restart(c, key, r.leaseToken(), fingerprint, token, leaseExpiresAt, now, expiresAt), Operation.CLAIM, key);
      return acquired(key, fingerprint, token, now, leaseExpiresAt, expiresAt);
    }
    if (!r.fingerprint().equals(fingerprint)) {
      return new Step(new Claim.Mismatch(key, r.fingerprint(), fingerprint), r);
    }
    if (r.outcome() != null) {
      return new Step(new Claim.Completed(key, r.outcome()), r);
    }
    if (r.leaseExpiresAt().isAfter(now)) {
      return new Step(new Claim.InFlight(key, r.leaseExpiresAt()), r);
    }
    // A takeover runs the work again: the outcome it records is kept a whole retention from now.
    Instant retained = r.expiresAt().isAfter(expiresAt) ? r.expiresAt() : expiresAt;
    int attempt = r.attempt() + 1;
    changed(sql.takeOver(c, key, r.leaseToken(), token, leaseExpiresAt, attempt, retained), Operation.CLAIM, key);
    return new Step(new Claim.Acquired(key, token, leaseExpiresAt, attempt),
        new IdempotencyRecord(key, r.fingerprint(), token, leaseExpiresAt, attempt, null, r.createdAt(), retained));
  }

  @Override
  public void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(leaseToken, "leaseToken");
    Objects.requireNonNull(outcome, "outcome");
    Instant completedAt = Jdbc.storable(outcome.completedAt(), "outcome.completedAt");
    // One guarded update: the outcome is recorded, or the claim was not held and nothing changed.
    held(Operation.COMPLETE, key, c -> sql.complete(c, key, leaseToken, outcome, completedAt));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The batch is one transaction: the outcomes it can record are all recorded, or, if the
   * database fails, none. Its guarded updates go to the database as one JDBC batch, in one round
   * trip, and the commit is a second; a completion that is not recorded costs a read more, to say
   * why. Rows are updated in the order {@link #claimAll} locks them in.
   */
  @Override
  public List<LeaseLostException> completeAll(List<Completion> completions) {
    StoreChecks.batch(completions, "completions");
    List<Instant> completedAt = new ArrayList<>(completions.size());
    for (int i = 0; i < completions.size(); i++) {
      completedAt.add(Jdbc.storable(completions.get(i).outcome().completedAt(),
          "completions[" + i + "].outcome.completedAt"));
    }
    if (completions.isEmpty()) {
      return List.of();
    }
    // A stable sort: the completions of one key stay in request order.
    List<Integer> order = new ArrayList<>(completions.size());
    for (int i = 0; i < completions.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> completions.get(i).key(), IdempotencySql.KEY_ORDER));
    List<Completion> sorted = new ArrayList<>(order.size());
    List<Instant> sortedAt = new ArrayList<>(order.size());
    for (int i : order) {
      sorted.add(completions.get(i));
      sortedAt.add(completedAt.get(i));
    }
    return Jdbc.transaction(dataSource, Operation.COMPLETE_BATCH, null, c -> {
      int[] counts = sql.completeAll(c, sorted, sortedAt);
      if (counts.length != sorted.size()) {
        throw new StoreException(Operation.COMPLETE_BATCH, null, "the database answered " + counts.length
            + " counts for " + sorted.size() + " updates; nothing is recorded", null);
      }
      boolean[] recorded = new boolean[completions.size()];
      for (int n = 0; n < counts.length; n++) {
        if (counts[n] != 0 && counts[n] != 1) {
          throw new StoreException(Operation.COMPLETE_BATCH, sorted.get(n).key(), "the database answered "
              + counts[n] + " for an update of at most one row, so which outcomes were recorded is unknown;"
              + " nothing is recorded", null);
        }
        recorded[order.get(n)] = counts[n] == 1;
      }
      List<LeaseLostException> lost = new ArrayList<>();
      for (int i = 0; i < recorded.length; i++) {
        if (!recorded[i]) {
          IdempotencyKey key = completions.get(i).key();
          lost.add(leaseLost(key, sql.find(c, key)));
        }
      }
      return Collections.unmodifiableList(lost);
    });
  }

  @Override
  public void release(IdempotencyKey key, String leaseToken) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(leaseToken, "leaseToken");
    held(Operation.RELEASE, key, c -> sql.release(c, key, leaseToken));
  }

  @Override
  public Instant renew(IdempotencyKey key, String leaseToken, Instant now, Duration lease) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(leaseToken, "leaseToken");
    Instant leaseExpiresAt = Jdbc.storable(Jdbc.storable(now, "now").plus(StoreChecks.positiveLease(lease)),
        "now plus lease");
    held(Operation.RENEW, key, c -> sql.renew(c, key, leaseToken, leaseExpiresAt));
    return leaseExpiresAt;
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
    StoreChecks.positiveLimit(limit);
    Instant at = Jdbc.storable(now, "now");
    return Jdbc.statement(dataSource, Operation.PURGE, null, c -> sql.purge(c, at, limit));
  }

  // Runs one guarded statement that changes the key's row only while the caller holds its claim;
  // when it changed nothing, says why.
  private void held(Operation operation, IdempotencyKey key, Jdbc.Work<Boolean> guarded) {
    Jdbc.statement(dataSource, operation, key, c -> {
      if (!guarded.run(c)) {
        throw leaseLost(key, sql.find(c, key));
      }
      return null;
    });
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
