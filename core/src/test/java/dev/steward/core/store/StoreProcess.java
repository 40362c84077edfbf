package dev.steward.core.store;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.RecordedOutcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The second process of the multi-process tests: a separate JVM sharing the parent's database.
 * It reports on its standard output, one line per event, and does what its first argument says:
 *
 * <ul>
 *   <li>{@code race <url> <user> <schema> <keys> <threads> <now>}: prints {@code READY}, waits for
 *       {@code GO} on its input, claims keys {@code k-0..k-(keys-1)} from {@code threads} threads,
 *       completing each it acquires and printing {@code ACQUIRED <key>}, then prints {@code DONE};
 *   <li>{@code crash <url> <user> <schema> <now>}: runs the work of keys {@code c-0..c-4} (an effect
 *       row, then the outcome), claims {@code c-5}, prints {@code HOLDING <token>} and waits to be
 *       killed before doing its work.
 * </ul>
 */
public final class StoreProcess {
  static final Duration LEASE = Duration.ofSeconds(1);
  static final Duration RETENTION = Duration.ofHours(24);
  static final int CRASH_DONE = 5;

  private StoreProcess() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    DataSource raw = Databases.dataSource(args[1], args[2]);
    try (Databases.Pool pool = new Databases.Pool(raw, 8)) {
      JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(pool).schema(args[3]).build();
      if (mode.equals("race")) {
        int keys = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        Instant now = Instant.parse(args[6]);
        store.find(IdempotencyKey.of("warm-up", "k")); // load the classes before the start
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"GO".equals(in.readLine())) {
          throw new IllegalStateException("expected GO");
        }
        for (String key : race(store, keys, threads, now)) {
          System.out.println("ACQUIRED " + key);
        }
        System.out.println("DONE");
      } else if (mode.equals("crash")) {
        Instant now = Instant.parse(args[4]);
        for (int i = 0; i < CRASH_DONE; i++) {
          Claim.Acquired a = (Claim.Acquired) claim(store, crashKey(i), now);
          effect(pool, args[3], crashKey(i), a.attempt());
          store.complete(crashKey(i), a.leaseToken(), RecordedOutcome.success("{\"n\":" + i + "}", now));
        }
        Claim.Acquired held = (Claim.Acquired) claim(store, crashKey(CRASH_DONE), now);
        System.out.println("HOLDING " + held.leaseToken());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5)); // killed here, after the claim, before the work
        throw new IllegalStateException("not killed");
      } else {
        throw new IllegalArgumentException("unknown mode " + mode);
      }
    }
    System.out.flush();
  }

  static IdempotencyKey crashKey(int i) {
    return IdempotencyKey.of("erp.post-invoice", "c-" + i);
  }

  static Claim claim(IdempotencyStore store, IdempotencyKey key, Instant now) {
    return store.claim(key, IdempotencyStoreContract.PAYLOAD, now, LEASE, now.plus(RETENTION));
  }

  /** The work's visible effect: one row per run, so that a run twice shows as two rows. */
  static void effect(DataSource ds, String schema, IdempotencyKey key, int attempt) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + effects(c, schema) + " VALUES (?, ?, ?)")) {
      ps.setString(1, key.key());
      ps.setInt(2, attempt);
      ps.setLong(3, ProcessHandle.current().pid());
      ps.executeUpdate();
    }
  }

  static String effects(Connection c, String schema) throws SQLException {
    return c.getMetaData().storesUpperCaseIdentifiers() ? "\"" + schema.toUpperCase(java.util.Locale.ROOT) + "\".EFFECTS"
        : "\"" + schema + "\".effects";
  }

  /**
   * Claims keys {@code k-0..k-(keys-1)} in order from {@code threads} threads, completing each one
   * acquired; returns the keys this process acquired.
   */
  static Set<String> race(IdempotencyStore store, int keys, int threads, Instant now) throws Exception {
    Set<String> acquired = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < keys; i++) {
            IdempotencyKey key = IdempotencyKey.of("erp.post-invoice", "k-" + i);
            if (claim(store, key, now) instanceof Claim.Acquired a) {
              if (!acquired.add(key.key())) {
                throw new IllegalStateException(key + " acquired twice in one process");
              }
              store.complete(key, a.leaseToken(), RecordedOutcome.success(null, now));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return acquired;
  }
}
