package dev.steward.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.core.store.IdempotencyStore.ClaimRequest;
import dev.steward.core.store.IdempotencyStore.Completion;
import dev.steward.core.store.JdbcIdempotencyStore;
import dev.steward.core.store.JdbcStores;
import dev.steward.model.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The idempotency hot path on PostgreSQL: each operation claims a key never seen before and
 * records its outcome, as a consumer does for every new message, with every contender on the
 * same database and the same connection pool in the same run.
 *
 * <ul>
 *   <li>{@code claimComplete} runs {@link JdbcIdempotencyStore#claim} then {@link
 *       JdbcIdempotencyStore#complete} on a fresh key. Every call checks the claim was
 *       {@linkplain Claim.Acquired acquired}: a repeated key fails the run.
 *   <li>{@code claimCompleteBatched} does the same for {@value #BATCH} fresh keys at once with
 *       {@link JdbcIdempotencyStore#claimAll} and {@link JdbcIdempotencyStore#completeAll}; its
 *       figures are per key.
 *   <li>{@code baseline_insertOnConflict} is the floor the issue sets: a bare {@code INSERT ...
 *       ON CONFLICT DO NOTHING RETURNING} of the same key into a plain table of (namespace, key),
 *       one statement in autocommit, no fingerprint, lease or outcome.
 *   <li>{@code baseline_insertThenUpdate} is the floor of any claim protocol: the same bare
 *       insert, then a bare {@code UPDATE} of the row, each in autocommit. A claim must be durable
 *       before the work runs and the outcome is recorded after it, so two commits are the least
 *       a claim and a completion take.
 *   <li>{@code peer_camelJdbcRepository} is what a Camel user would pick: Camel's {@link
 *       JdbcMessageIdRepository} {@code add} then {@code confirm} of the same key string, over the
 *       same pool, into the table it creates. Its {@code add} is a {@code SELECT COUNT(*)} and an
 *       {@code INSERT} in one Spring transaction; its {@code confirm} does nothing. It records no
 *       fingerprint, lease or outcome.
 * </ul>
 *
 * <p>The benchmark creates its own schema ({@code steward_bench_} and a random suffix) with
 * Steward's tables, the floor's table and Camel's table ({@code camel_messageprocessed}), empties
 * them before each iteration and drops the schema at the end. Keys are a random prefix per trial,
 * the thread's index and a counter, so no key is repeated. Lease 30 s and retention 24 h: nothing
 * expires while measuring. The pool is HikariCP with {@value #POOL_SIZE} connections in
 * autocommit, each session with {@code synchronous_commit = on}, so that every commit waits until
 * it is durable (see {@link #synchronousCommit} for the diagnostic without). The server is {@code STEWARD_BENCH_PG_URL} (default {@value #DEFAULT_URL}), user
 * {@code STEWARD_BENCH_PG_USER} (default {@code postgres}); if it cannot be reached, setup fails.
 *
 * <p>Throughput, in operations per second summed over threads, at 1, 2 and 4 threads; then the
 * same in sample mode for the 99th percentile of latency:
 * {@code java -jar benchmarks/target/benchmarks.jar PostgresIdempotencyBenchmark -prof gc -t 1}
 * (then {@code -t 2}, {@code -t 4}), and again with {@code -bm sample}. In sample mode the
 * batched figures are per key: multiply by {@value #BATCH} for a batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostgresIdempotencyBenchmark {
  /** The server used when {@code STEWARD_BENCH_PG_URL} is not set. */
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  /** Keys claimed and completed by one batched call. */
  static final int BATCH = 32;
  /** Connections in the pool, at least the most threads the benchmark is run with. */
  static final int POOL_SIZE = 8;
  /** Distinct payload fingerprints, cycled through with the keys. */
  static final int FINGERPRINTS = 256;

  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final String NAMESPACE = "erp.post-invoice";
  private static final String OUTCOME = "{\"invoiceId\":\"inv-2026-000123\",\"status\":\"POSTED\"}";

  /**
   * The sessions' {@code synchronous_commit}: {@code on}, the scenario, makes every commit wait
   * for its WAL flush; {@code off} ({@code -p synchronousCommit=off}) is a diagnostic that shows
   * what is left of each contender's time without that wait. Commits are not durable then.
   */
  @Param("on")
  public String synchronousCommit;

  private final String url = System.getenv().getOrDefault("STEWARD_BENCH_PG_URL", DEFAULT_URL);
  private final String user = System.getenv().getOrDefault("STEWARD_BENCH_PG_USER", "postgres");
  private final Fingerprint[] payloadFingerprints = new Fingerprint[FINGERPRINTS];

  private String schema;
  private String run;
  private HikariDataSource pool;
  private JdbcIdempotencyStore store;
  private JdbcMessageIdRepository camel;
  private String floorInsert;
  private String floorUpdate;

  /** Each thread's keys: a random prefix per trial, the thread's index and a counter. */
  @State(Scope.Thread)
  public static class Keys {
    String prefix;
    long next;

    /** Gives the thread its own prefix. */
    @Setup(Level.Trial)
    public void start(ThreadParams thread) {
      prefix = "evt-" + UUID.randomUUID().toString().substring(0, 8) + "-" + thread.getThreadIndex() + "-";
    }

    String take() {
      return prefix + next++;
    }
  }

  /** Connects, creates the schema and the three contenders' tables, and checks the scenario. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    if (!synchronousCommit.equals("on") && !synchronousCommit.equals("off")) {
      throw new IllegalArgumentException("synchronousCommit must be on or off; was " + synchronousCommit);
    }
    run = UUID.randomUUID().toString().substring(0, 8);
    schema = "steward_bench_" + run;
    for (int i = 0; i < FINGERPRINTS; i++) {
      payloadFingerprints[i] = Fingerprint.sha256(("payload-" + i).getBytes(StandardCharsets.UTF_8));
    }
    pool = connect();
    store = JdbcIdempotencyStore.builder(pool).schema(schema).build();
    store.migrate();
    execute("CREATE TABLE " + schema + ".floor_keys (namespace varchar(255) NOT NULL, idem_key varchar(255) NOT NULL,"
        + " completed boolean NOT NULL DEFAULT false, PRIMARY KEY (namespace, idem_key))");
    floorInsert = "INSERT INTO " + schema + ".floor_keys (namespace, idem_key) VALUES (?, ?)"
        + " ON CONFLICT DO NOTHING RETURNING idem_key";
    floorUpdate = "UPDATE " + schema + ".floor_keys SET completed = true WHERE namespace = ? AND idem_key = ?";
    camel = new JdbcMessageIdRepository(pool, NAMESPACE);
    camel.setTableName(schema + ".camel_messageprocessed");
    camel.start();

    check(store.dialect() == JdbcStores.Dialect.POSTGRESQL, "runs on " + store.dialect());
    check(synchronousCommit.equals(query("SHOW synchronous_commit")), "runs with synchronous_commit "
        + query("SHOW synchronous_commit") + ", not " + synchronousCommit);
    check(pool.isAutoCommit(), "lends connections with autocommit off");
    // The scenario: a fresh key is acquired and completed; claiming it again replays the outcome.
    IdempotencyKey probe = IdempotencyKey.of(NAMESPACE, "probe-" + run);
    Instant now = Instant.now();
    Claim first = store.claim(probe, payloadFingerprints[0], now, LEASE, now.plus(RETENTION));
    check(first instanceof Claim.Acquired, "claims a fresh key as " + first);
    store.complete(probe, ((Claim.Acquired) first).leaseToken(), RecordedOutcome.success(OUTCOME, now));
    Claim again = store.claim(probe, payloadFingerprints[0], now, LEASE, now.plus(RETENTION));
    check(again instanceof Claim.Completed, "replays a completed key as " + again);
    List<ClaimRequest> batch = List.of(new ClaimRequest(IdempotencyKey.of(NAMESPACE, "probe-a-" + run),
        payloadFingerprints[1]), new ClaimRequest(IdempotencyKey.of(NAMESPACE, "probe-b-" + run), payloadFingerprints[2]));
    List<Completion> done = new ArrayList<>();
    for (Claim c : store.claimAll(batch, now, LEASE, now.plus(RETENTION))) {
      check(c instanceof Claim.Acquired, "claims a fresh batch as " + c);
      done.add(new Completion(c.key(), ((Claim.Acquired) c).leaseToken(), RecordedOutcome.success(OUTCOME, now)));
    }
    check(store.completeAll(done).isEmpty(), "loses a lease in a fresh batch");
    check(floor("probe-" + run) && !floor("probe-" + run), "lets the floor insert a key twice");
    check(camel.add("probe-" + run) && camel.confirm("probe-" + run) && !camel.add("probe-" + run),
        "lets Camel add a key twice");
  }

  private HikariDataSource connect() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(POOL_SIZE);
    config.setAutoCommit(true);
    config.setConnectionTimeout(3_000);
    config.setPoolName("steward-bench");
    config.setConnectionInitSql("SET synchronous_commit = " + synchronousCommit);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + url + " as " + user + " (" + e.getMessage()
          + "); start it, or point STEWARD_BENCH_PG_URL and STEWARD_BENCH_PG_USER at one", e);
    }
  }

  /** Empties the tables, so that every iteration of every contender starts from the same size. */
  @Setup(Level.Iteration)
  public void empty() throws SQLException {
    execute("TRUNCATE " + schema + ".steward_idempotency, " + schema + ".floor_keys, " + schema
        + ".camel_messageprocessed");
  }

  /** Stops Camel's repository, drops the schema with every table in it, and closes the pool. */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try {
      if (camel != null) {
        camel.stop();
      }
      if (pool != null && schema != null) {
        execute("DROP TABLE IF EXISTS " + schema + ".camel_messageprocessed");
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } finally {
      if (pool != null) {
        pool.close();
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private String query(String sql) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1).toLowerCase(Locale.ROOT);
    }
  }

  // Returns whether the floor's insert added the key.
  private boolean floor(String key) throws SQLException {
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(floorInsert)) {
      ps.setString(1, NAMESPACE);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("the benchmark scenario no longer holds: it " + what);
    }
  }

  private Fingerprint fingerprint(long n) {
    return payloadFingerprints[(int) (n & (FINGERPRINTS - 1))];
  }

  /** Claims a fresh key and records its outcome. */
  @Benchmark
  public Claim claimComplete(Keys keys) {
    long n = keys.next;
    IdempotencyKey key = IdempotencyKey.of(NAMESPACE, keys.take());
    Instant now = Instant.now();
    Claim claim = store.claim(key, fingerprint(n), now, LEASE, now.plus(RETENTION));
    if (!(claim instanceof Claim.Acquired acquired)) {
      throw new IllegalStateException("key " + key + " was not fresh: " + claim);
    }
    store.complete(key, acquired.leaseToken(), RecordedOutcome.success(OUTCOME, now));
    return claim;
  }

  /** Claims {@value #BATCH} fresh keys at once and records their outcomes at once. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<LeaseLostException> claimCompleteBatched(Keys keys) {
    List<ClaimRequest> requests = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      long n = keys.next;
      requests.add(new ClaimRequest(IdempotencyKey.of(NAMESPACE, keys.take()), fingerprint(n)));
    }
    Instant now = Instant.now();
    RecordedOutcome outcome = RecordedOutcome.success(OUTCOME, now);
    List<Completion> completions = new ArrayList<>(BATCH);
    for (Claim claim : store.claimAll(requests, now, LEASE, now.plus(RETENTION))) {
      if (!(claim instanceof Claim.Acquired acquired)) {
        throw new IllegalStateException("key " + claim.key() + " was not fresh: " + claim);
      }
      completions.add(new Completion(claim.key(), acquired.leaseToken(), outcome));
    }
    List<LeaseLostException> lost = store.completeAll(completions);
    if (!lost.isEmpty()) {
      throw new IllegalStateException("a fresh batch lost leases: " + lost);
    }
    return lost;
  }

  /** Inserts the same kind of fresh key into a plain table with one bare statement: the floor. */
  @Benchmark
  public String baseline_insertOnConflict(Keys keys) throws SQLException {
    String key = keys.take();
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(floorInsert)) {
      ps.setString(1, NAMESPACE);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("key " + key + " was not fresh");
        }
        return rs.getString(1);
      }
    }
  }

  /** Inserts a fresh key, then marks it done: two bare statements, each committed. */
  @Benchmark
  public int baseline_insertThenUpdate(Keys keys) throws SQLException {
    String key = keys.take();
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(floorInsert)) {
        ps.setString(1, NAMESPACE);
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("key " + key + " was not fresh");
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(floorUpdate)) {
        ps.setString(1, NAMESPACE);
        ps.setString(2, key);
        return ps.executeUpdate();
      }
    }
  }

  /** Adds and confirms the same kind of fresh key in Camel's JDBC repository. */
  @Benchmark
  public boolean peer_camelJdbcRepository(Keys keys) {
    String key = keys.take();
    if (!camel.add(key)) {
      throw new IllegalStateException("key " + key + " was not fresh");
    }
    return camel.confirm(key);
  }
}
