package dev.steward.core.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file database is the durable store of one process: killed after a claim, the process
 * leaves the claim on disk for its successor, because the database writes each commit at once.
 */
class H2FileCrashTest {
  private static final String SCHEMA = "steward";

  @Test
  void aProcessKilledAfterItsClaim_leavesTheClaimOnDisk_forItsSuccessorToTakeOverAfterTheLease(@TempDir Path dir)
      throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("steward") + ";WRITE_DELAY=0";
    try (Databases.Pool pool = new Databases.Pool(Databases.h2(url), 4)) {
      JdbcIdempotencyStore.builder(pool).schema(SCHEMA).build().migrate();
      CrashAfterClaim.createEffects(pool, SCHEMA);
    } // the last connection closes the database, so that the child can open the file

    String held;
    try (ChildJvm child = ChildJvm.start(StoreProcess.class, "crash", url, "sa", SCHEMA,
        CrashAfterClaim.CLAIMED_AT.toString())) {
      held = child.awaitLine("HOLDING ", Duration.ofSeconds(60)).substring("HOLDING ".length());
      child.kill();
    }

    try (Databases.Pool pool = new Databases.Pool(Databases.h2(url), 4)) {
      JdbcIdempotencyStore successor = JdbcIdempotencyStore.builder(pool).schema(SCHEMA).build();
      CrashAfterClaim.verify(successor, pool, SCHEMA, held);
      shutdown(pool);
    }
  }

  private static void shutdown(Databases.Pool pool) throws SQLException {
    Databases.execute(pool, "SHUTDOWN");
  }
}
