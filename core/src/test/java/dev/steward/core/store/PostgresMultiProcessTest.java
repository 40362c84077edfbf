package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.IdempotencyRecord;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two JVMs sharing one PostgreSQL schema: the fleet case the JDBC store exists for. */
class PostgresMultiProcessTest {
  private static final String SCHEMA = Databases.uniqueName("steward_processes");
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static Databases.Pool pool;
  private static JdbcIdempotencyStore store;

  @BeforeAll
  static void createSchema() throws SQLException {
    pool = new Databases.Pool(Databases.postgres(), 8);
    store = JdbcIdempotencyStore.builder(pool).schema(SCHEMA).build();
    store.migrate();
    CrashAfterClaim.createEffects(pool, SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    Databases.dropSchemaAndClose(pool, SCHEMA);
  }

  @Test
  void twoProcesses_claimingTheSameThousandKeys_eachKeysWorkRunsInExactlyOneOfThem() throws Exception {
    int keys = 1_000;
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    try (ChildJvm child = ChildJvm.start(StoreProcess.class, "race", Databases.PG_URL, Databases.PG_USER, SCHEMA,
        String.valueOf(keys), "4", now.toString())) {
      child.awaitLine("READY", STARTUP);

      child.send("GO");
      Set<String> mine = StoreProcess.race(store, keys, 4, now);
      List<String> lines = child.linesUntil("DONE", STARTUP);

      assertThat(child.awaitExit(STARTUP)).as(child.stderr()).isZero();
      Set<String> theirs = lines.stream().filter(l -> l.startsWith("ACQUIRED "))
          .map(l -> l.substring("ACQUIRED ".length())).collect(Collectors.toSet());
      assertThat(theirs).as("keys the child acquired").hasSize((int) lines.stream()
          .filter(l -> l.startsWith("ACQUIRED ")).count());
      Set<String> intersection = new HashSet<>(mine);
      intersection.retainAll(theirs);
      Set<String> union = new HashSet<>(mine);
      union.addAll(theirs);
      assertThat(intersection).as("keys whose work ran in both processes").isEmpty();
      assertThat(union).hasSize(keys);
      for (int i = 0; i < keys; i++) {
        assertThat(store.find(IdempotencyKey.of("erp.post-invoice", "k-" + i))).get()
            .extracting(IdempotencyRecord::completed, IdempotencyRecord::attempt).containsExactly(true, 1);
      }
    }
  }

  @Test
  void aProcessKilledAfterItsClaim_leavesTheKeyHeldUntilItsLease_thenAttempt2TakesItOver_nothingLostOrDoubled()
      throws Exception {
    try (ChildJvm child = ChildJvm.start(StoreProcess.class, "crash", Databases.PG_URL, Databases.PG_USER, SCHEMA,
        CrashAfterClaim.CLAIMED_AT.toString())) {
      String held = child.awaitLine("HOLDING ", STARTUP).substring("HOLDING ".length());

      child.kill();

      CrashAfterClaim.verify(store, pool, SCHEMA, held);
    }
  }
}
