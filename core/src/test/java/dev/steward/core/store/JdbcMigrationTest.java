package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.audit.Actor;
import dev.steward.core.audit.AuditEvent;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.idempotency.Claim;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link JdbcStores#migrate()} and the stores' {@code migrate()} on each database, each test in a
 * schema of its own.
 */
class JdbcMigrationTest {
  enum Backend {
    H2, POSTGRESQL
  }

  private Databases.Pool pool;
  private Backend backend;
  private String schema;

  private JdbcIdempotencyStore store(Backend backend) {
    this.backend = backend;
    this.schema = Databases.uniqueName("steward_migrate");
    this.pool = new Databases.Pool(backend == Backend.H2 ? Databases.h2(Databases.h2MemoryUrl()) : Databases.postgres(),
        8);
    return JdbcIdempotencyStore.builder(pool).schema(schema).build();
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (pool == null) {
      return;
    }
    try {
      assertThat(pool.violations()).isEmpty();
      Databases.execute(pool, backend == Backend.H2 ? "SHUTDOWN" : "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    } finally {
      pool.close();
    }
  }

  private String history() {
    return backend == Backend.H2 ? "\"" + schema.toUpperCase(java.util.Locale.ROOT) + "\".\"STEWARD_SCHEMA_HISTORY\""
        : "\"" + schema + "\".steward_schema_history";
  }

  private List<String> historyRows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, description, checksum, applied_at FROM " + history()
            + " ORDER BY version")) {
      while (rs.next()) {
        assertThat(rs.getObject(4)).isNotNull();
        rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void migrate_createsTheSchemaAndTables_andRecordsEachScript_thenIsANoOp(Backend backend) throws SQLException {
    JdbcIdempotencyStore store = store(backend);

    assertThat(store.migrate()).isEqualTo(3);
    List<String> history = historyRows();
    assertThat(store.migrate()).isZero();
    assertThat(store.migrate()).isZero();

    assertThat(historyRows()).isEqualTo(history).hasSize(3);
    assertThat(history.get(0)).matches("1 idempotency [0-9a-f]{64}");
    assertThat(history.get(1)).matches("2 audit [0-9a-f]{64}");
    assertThat(history.get(2)).matches("3 sequence [0-9a-f]{64}");
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(store.claim(IdempotencyStoreContract.key("k1"), IdempotencyStoreContract.PAYLOAD, now,
        Duration.ofSeconds(30), now.plusSeconds(60))).isInstanceOf(Claim.Acquired.class);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void migrate_refusesAnAppliedScriptWhoseChecksumChanged_andChangesNothing(Backend backend) throws SQLException {
    JdbcIdempotencyStore store = store(backend);
    store.migrate();
    Databases.execute(pool, "UPDATE " + history() + " SET checksum = '" + "0".repeat(64) + "' WHERE version = 1");
    List<String> tampered = historyRows();

    assertThatThrownBy(store::migrate)
        .isInstanceOf(SchemaMigrationException.class)
        .hasMessageContaining("V1__idempotency.sql").hasMessageContaining("0".repeat(64))
        .hasMessageContaining("an applied script must never change")
        .satisfies(e -> {
          assertThat(((SchemaMigrationException) e).code()).isEqualTo("STEWARD-STORE-MIGRATION_REFUSED");
          assertThat(((SchemaMigrationException) e).version()).isEqualTo(1);
        });
    assertThat(historyRows()).isEqualTo(tampered);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void migrate_fromTwoThreadsAtOnce_appliesEachScriptOnce(Backend backend) throws Exception {
    JdbcIdempotencyStore first = store(backend);
    JdbcIdempotencyStore second = JdbcIdempotencyStore.builder(pool).schema(schema).build();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = threads.submit(() -> {
        start.await();
        return first.migrate();
      });
      Future<Integer> b = threads.submit(() -> {
        start.await();
        return second.migrate();
      });

      assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(3);
    } finally {
      threads.shutdownNow();
    }
    assertThat(historyRows()).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void oneMigrate_createsEveryStoresTables_andStoresOfTheSamePrefixShareThem(Backend backend) {
    store(backend);
    JdbcStores stores = JdbcStores.builder(pool).schema(schema).tablePrefix("acme_").build();

    assertThat(stores.migrate()).isEqualTo(3);
    assertThat(JdbcAuditStore.builder(pool).schema(schema).tablePrefix("acme_").build().migrate()).isZero();
    assertThat(JdbcSequenceStore.builder(pool).schema(schema).tablePrefix("acme_").build().migrate()).isZero();
    assertThat(JdbcIdempotencyStore.builder(pool).schema(schema).tablePrefix("acme_").build().migrate()).isZero();

    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(stores.idempotencyStore().claim(IdempotencyStoreContract.key("k1"), IdempotencyStoreContract.PAYLOAD,
        now, Duration.ofSeconds(30), now.plusSeconds(60))).isInstanceOf(Claim.Acquired.class);
    AuditLog log = AuditLog.of(stores.auditStore(), Clock.fixed(now, ZoneOffset.UTC));
    log.append(AuditEvent.of(Actor.system("erp"), "ownership.decide").build());
    assertThat(AuditLog.of(JdbcAuditStore.builder(pool).schema(schema).tablePrefix("acme_").build(),
        Clock.systemUTC()).verify().checked()).isEqualTo(1);
    assertThat(stores.sequenceStore().advance("s@crm", OptionalLong.empty(), 1)).isTrue();
    assertThat(JdbcSequenceStore.builder(pool).schema(schema).tablePrefix("acme_").build().current("s@crm"))
        .hasValue(1);
    assertThat(stores.dialect().name()).isEqualTo(backend.name());
    assertThat(stores.toString()).startsWith("JdbcStores[" + backend.name() + ", ");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aDatabaseOfTheFirstRelease_isUpgradedInPlace_keepingItsRecords(Backend backend) throws SQLException {
    JdbcIdempotencyStore store = store(backend);
    store.migrate();
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    store.claim(IdempotencyStoreContract.key("k1"), IdempotencyStoreContract.PAYLOAD, now, Duration.ofSeconds(30),
        now.plusSeconds(60));
    // what the first release, which shipped V1 only, left behind
    String q = "\"" + (backend == Backend.H2 ? schema.toUpperCase(java.util.Locale.ROOT) : schema) + "\".";
    boolean h2 = backend == Backend.H2;
    Databases.execute(pool, "DROP TABLE " + q + (h2 ? "\"STEWARD_AUDIT\"" : "steward_audit"));
    Databases.execute(pool, "DROP TABLE " + q + (h2 ? "\"STEWARD_AUDIT_HEAD\"" : "steward_audit_head"));
    Databases.execute(pool, "DROP TABLE " + q + (h2 ? "\"STEWARD_SEQUENCE\"" : "steward_sequence"));
    Databases.execute(pool, "DELETE FROM " + history() + " WHERE version > 1");

    assertThat(JdbcStores.builder(pool).schema(schema).build().migrate()).isEqualTo(2);

    assertThat(historyRows()).hasSize(3);
    assertThat(store.find(IdempotencyStoreContract.key("k1"))).isPresent();
    assertThat(JdbcSequenceStore.builder(pool).schema(schema).build().advance("s@crm", OptionalLong.empty(), 1))
        .isTrue();
  }

  /**
   * A second migrator waits for the first, which holds the lock row, instead of failing after one
   * lock timeout.
   */
  @Test
  void h2_migrate_whileAnotherMigratorHoldsTheLock_waitsItsTurn() throws Exception {
    Databases.Pool pool = new Databases.Pool(Databases.h2(Databases.h2MemoryUrl() + ";LOCK_TIMEOUT=200"), 8);
    try {
      JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(pool).schema("steward").build();
      store.migrate();
      java.util.concurrent.ExecutorService second = java.util.concurrent.Executors.newSingleThreadExecutor();
      try (java.sql.Connection first = pool.getConnection()) {
        first.setAutoCommit(false);
        try (java.sql.Statement s = first.createStatement()) { // what a first migrator's lock holds
          s.executeQuery("SELECT id FROM \"STEWARD\".\"STEWARD_SCHEMA_LOCK\" WHERE id = 1 FOR UPDATE").close();
        }
        java.util.concurrent.Future<Integer> migrating = second.submit(store::migrate);
        Thread.sleep(1_000); // the first migrator is still applying a script
        first.rollback();
        first.setAutoCommit(true);

        assertThat(migrating.get(10, java.util.concurrent.TimeUnit.SECONDS))
            .as("the second migrator waits, then finds nothing to do").isZero();
      } finally {
        second.shutdownNow();
      }
    } finally {
      Databases.execute(pool, "SHUTDOWN");
      pool.close();
    }
  }
}
