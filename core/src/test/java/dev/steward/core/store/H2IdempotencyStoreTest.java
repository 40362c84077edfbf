package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.testing.MutableClock;
import dev.steward.core.idempotency.IdempotencyRecord;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2IdempotencyStoreTest extends JdbcIdempotencyStoreContract {
  private static Databases.Pool pool;
  private static JdbcIdempotencyStore shared;

  @BeforeAll
  static void createDatabase() {
    pool = new Databases.Pool(Databases.h2(Databases.h2MemoryUrl()), 20);
    shared = JdbcIdempotencyStore.builder(pool).schema("steward").build();
    shared.migrate();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    Databases.execute(pool, "SHUTDOWN");
    pool.close();
  }

  @Override
  protected IdempotencyStore newStore(MutableClock clock) {
    pool.failStatements(sql -> false);
    try {
      Databases.execute(pool, "DELETE FROM \"STEWARD\".\"STEWARD_IDEMPOTENCY\"");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return shared;
  }

  @AfterEach
  void everyConnectionCameBackAsItWent() {
    assertThat(pool.violations()).isEmpty();
  }

  @Test
  void dialect_isDetected_andNamesAreFoldedToH2sUpperCase() {
    assertThat(shared.dialect()).isEqualTo(JdbcStores.Dialect.H2);
    assertThat(shared).hasToString("JdbcIdempotencyStore[H2, \"STEWARD\".\"STEWARD_IDEMPOTENCY\"]");
  }

  @Test
  void times_areHeldToTheMicrosecond_andReadBackAsTheClaimReturnedThem() {
    Instant now = Instant.parse("2026-11-27T10:00:00.123456789Z");

    Claim.Acquired a = (Claim.Acquired) store.claim(key("micro"), PAYLOAD, now, LEASE, now.plus(RETENTION));

    assertThat(a.leaseExpiresAt()).isEqualTo(Instant.parse("2026-11-27T10:00:30.123456Z"));
    assertThat(store.find(key("micro"))).get().extracting(IdempotencyRecord::leaseExpiresAt, IdempotencyRecord::createdAt)
        .containsExactly(a.leaseExpiresAt(), Instant.parse("2026-11-27T10:00:00.123456Z"));
    assertThatThrownBy(() -> store.claim(key("far"), PAYLOAD, now, LEASE, Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiresAt");
  }

  @Test
  void aFailingStatement_isAStoreException_namingOperationAndKey_andTheRowIsUnchanged() {
    Claim.Acquired a = acquire(key("k1"));
    pool.failStatements(sql -> sql.startsWith("UPDATE"));

    assertThatThrownBy(() -> store.complete(key("k1"), a.leaseToken(), posted()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("failed to complete key erp.post-invoice:k1").hasMessageContaining("SQLState 08006")
        .satisfies(e -> {
          StoreException s = (StoreException) e;
          assertThat(s.code()).isEqualTo("STEWARD-STORE-FAILED");
          assertThat(s.operation()).isEqualTo(StoreException.Operation.COMPLETE);
          assertThat(s.key()).contains(key("k1"));
          assertThat(s.getCause()).isInstanceOf(SQLException.class);
        });
    pool.failStatements(sql -> false);
    assertThat(store.find(key("k1"))).get().extracting(IdempotencyRecord::completed).isEqualTo(false);
  }

  @Test
  void anUnreachableDatabase_isAStoreException_notARawSqlException() {
    org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
    nowhere.setServerNames(new String[] {"127.0.0.1"});
    nowhere.setPortNumbers(new int[] {1});
    nowhere.setDatabaseName("test");
    nowhere.setUser("postgres");
    nowhere.setConnectTimeout(2);

    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(nowhere).build())
        .isInstanceOf(StoreException.class)
        .hasCauseInstanceOf(java.sql.SQLException.class);
  }

  @Test
  void aStoreWhoseTablesAreMissing_saysToRunMigrate() {
    DataSource empty = Databases.h2("jdbc:h2:mem:" + Databases.uniqueName("empty"));
    JdbcIdempotencyStore unmigrated = JdbcIdempotencyStore.builder(empty).build();

    assertThatThrownBy(() -> unmigrated.claim(key("k1"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION)))
        .isInstanceOf(StoreException.class).hasMessageContaining("claim key erp.post-invoice:k1")
        .hasMessageContaining("migrate()");
  }

  @Test
  void builder_checksEachSetting_atOnce_namingIt() {
    DataSource ds = Databases.h2("jdbc:h2:mem:" + Databases.uniqueName("unused"));
    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(ds).schema("steward; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema").hasMessageContaining("DROP TABLE");
    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(ds).schema("1steward"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(ds).schema("s".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(ds).tablePrefix("st\"eward_"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix");
    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(ds).schema("a").schema("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("schema was already set");
  }

  @Test
  void aSchemaNamedLikeAKeyword_andAnEmptyPrefix_work() {
    JdbcIdempotencyStore keyword = JdbcIdempotencyStore.builder(pool).schema("order").tablePrefix("").build();
    keyword.migrate();

    assertThat(keyword.claim(key("k1"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION)))
        .isInstanceOf(Claim.Acquired.class);
    assertThat(keyword).hasToString("JdbcIdempotencyStore[H2, \"ORDER\".\"IDEMPOTENCY\"]");
  }

  @Test
  void anH2FileDatabase_thatWritesCommitsLate_isRefused(@TempDir Path dir) {
    DataSource late = Databases.h2("jdbc:h2:file:" + dir.resolve("late"));

    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(late).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("WRITE_DELAY=0");
    assertThat(JdbcIdempotencyStore.builder(Databases.h2("jdbc:h2:file:" + dir.resolve("prompt") + ";WRITE_DELAY=0"))
        .build().dialect()).isEqualTo(JdbcStores.Dialect.H2);
  }
}
