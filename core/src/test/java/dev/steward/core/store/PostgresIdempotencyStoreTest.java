package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.store.IdempotencyStore.ClaimRequest;
import dev.steward.core.store.IdempotencyStore.Completion;
import dev.steward.core.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresIdempotencyStoreTest extends JdbcIdempotencyStoreContract {
  private static final String SCHEMA = Databases.uniqueName("steward_contract");
  private static Databases.Pool pool;
  private static JdbcIdempotencyStore shared;

  @BeforeAll
  static void createSchema() {
    pool = new Databases.Pool(Databases.postgres(), 20);
    shared = JdbcIdempotencyStore.builder(pool).schema(SCHEMA).build();
    shared.migrate();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    Databases.dropSchemaAndClose(pool, SCHEMA);
  }

  @Override
  protected IdempotencyStore newStore(MutableClock clock) {
    Databases.truncate(pool, "\"" + SCHEMA + "\".steward_idempotency");
    return shared;
  }

  @AfterEach
  void everyConnectionCameBackAsItWent() {
    assertThat(pool.violations()).isEmpty();
  }

  @Test
  void dialect_isDetected_andNamesAreFoldedToPostgresLowerCase() {
    assertThat(shared.dialect()).isEqualTo(JdbcStores.Dialect.POSTGRESQL);
    assertThat(shared).hasToString("JdbcIdempotencyStore[POSTGRESQL, \"" + SCHEMA + "\".\"steward_idempotency\"]");
  }

  @Test
  void aFreshKey_isClaimedWithOneStatement_andCompletedWithOne_eachCommittedAsItRuns() {
    pool.resetCounts();
    Claim.Acquired a = acquire(key("fresh"));

    assertThat(pool.executions()).as("statements to claim a fresh key").isEqualTo(1);
    assertThat(pool.commits()).as("commits asked for; the statement ran in autocommit").isZero();

    pool.resetCounts();
    store.complete(key("fresh"), a.leaseToken(), posted());

    assertThat(pool.executions()).as("statements to complete it").isEqualTo(1);
    assertThat(pool.commits()).isZero();
  }

  @Test
  void aKeyWithARow_isLockedAndDecided_inATransaction() {
    acquire(key("k1"));
    pool.resetCounts();

    assertThat(claim(key("k1"), PAYLOAD)).isInstanceOf(Claim.InFlight.class);

    assertThat(pool.executions()).as("the insert that found a row, then the locked read").isEqualTo(2);
    assertThat(pool.commits()).isEqualTo(1);
  }

  @Test
  void aBatchOfFreshKeys_isClaimedWithOneStatement_andCompletedWithOneJdbcBatch_eachInOneTransaction() {
    List<ClaimRequest> requests = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      requests.add(new ClaimRequest(key("batch-" + i), PAYLOAD));
    }
    Instant now = clock.instant();
    pool.resetCounts();

    List<Claim> claims = store.claimAll(requests, now, LEASE, now.plus(RETENTION));

    assertThat(claims).allMatch(c -> c instanceof Claim.Acquired);
    assertThat(pool.executions()).as("statements to claim 32 fresh keys").isEqualTo(1);
    assertThat(pool.commits()).isEqualTo(1);

    List<Completion> completions = new ArrayList<>();
    for (Claim c : claims) {
      completions.add(new Completion(c.key(), ((Claim.Acquired) c).leaseToken(), posted()));
    }
    pool.resetCounts();

    assertThat(store.completeAll(completions)).isEmpty();
    assertThat(pool.executions()).as("round trips to complete them").isEqualTo(1);
    assertThat(pool.commits()).isEqualTo(1);

    requests.add(new ClaimRequest(key("fresh"), PAYLOAD));
    pool.resetCounts();

    assertThat(store.claimAll(requests, now, LEASE, now.plus(RETENTION))).last().isInstanceOf(Claim.Acquired.class);
    assertThat(pool.executions()).as("the insert, then one locked read of the 32 that had rows").isEqualTo(2);
  }

  @Test
  void aPoolLendingConnectionsWithAutocommitOff_stillHasEveryChangeCommitted() {
    DataSource manual = autocommitOff(pool);
    JdbcIdempotencyStore onManual = JdbcIdempotencyStore.builder(manual).schema(SCHEMA).build();
    Instant now = clock.instant();

    Claim.Acquired a = (Claim.Acquired) onManual.claim(key("manual"), PAYLOAD, now, LEASE, now.plus(RETENTION));
    assertThat(store.find(key("manual"))).as("the claim, seen on another connection").isPresent();
    assertThat(onManual.claim(key("manual"), PAYLOAD, now, LEASE, now.plus(RETENTION)))
        .isInstanceOf(Claim.InFlight.class);
    onManual.complete(key("manual"), a.leaseToken(), posted());

    assertThat(claim(key("manual"), PAYLOAD)).isInstanceOf(Claim.Completed.class);
  }

  // Lends the pool's connections with autocommit off, and rolls back whatever a store left
  // uncommitted when it gives one back, so that a missing commit loses the change.
  private static DataSource autocommitOff(DataSource pooled) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("getConnection") || args != null) {
            throw new UnsupportedOperationException(method.getName());
          }
          Connection c = pooled.getConnection();
          c.setAutoCommit(false);
          return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("close")) {
                  c.rollback();
                  c.setAutoCommit(true);
                }
                try {
                  return m.invoke(c, a);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
        });
  }

  @Test
  void purge_skipsARowAnotherTransactionHoldsLocked() throws Exception {
    Claim.Acquired a = acquire(key("locked"));
    store.complete(key("locked"), a.leaseToken(), posted());
    clock.advance(RETENTION.plusSeconds(1));
    try (var c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (var s = c.prepareStatement("SELECT 1 FROM \"" + SCHEMA + "\".steward_idempotency WHERE idem_key = 'locked'"
          + " FOR UPDATE")) {
        s.executeQuery().close();
      }

      assertThat(store.purgeExpired(clock.instant(), 10)).isZero();

      c.rollback();
      c.setAutoCommit(true);
    }
    assertThat(store.purgeExpired(clock.instant(), 10)).isEqualTo(1);
  }

  @Test
  void clockSkew_onAConnectionLentInsideATransactionBegunEarlier_readsTheDatabasesClockAsItIsNow() {
    DataSource late = transactionBegunBefore(autocommitOff(pool), Duration.ofMillis(1500));
    JdbcIdempotencyStore onLate = JdbcIdempotencyStore.builder(late).schema(SCHEMA).build();

    assertThat(onLate.clockSkew(Clock.systemUTC()).abs())
        .as("CURRENT_TIMESTAMP would be the transaction's start, 1.5 s before the query")
        .isLessThan(Duration.ofMillis(500));
  }

  @Test
  void clockSkew_whenTheDatabaseFails_isAStoreExceptionNamingTheClock() {
    pool.failStatements(sql -> sql.contains("clock_timestamp"));
    try {
      assertThatThrownBy(() -> JdbcStores.builder(pool).schema(SCHEMA).build().clockSkew(Clock.systemUTC()))
          .isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.operation()).isEqualTo(StoreException.Operation.CLOCK);
            assertThat(e.key()).isEmpty();
            assertThat(e.sqlState()).contains("08006");
          })
          .hasMessageStartingWith("the JDBC store failed to read the database's clock: SQLState 08006");
    } finally {
      pool.failStatements(sql -> false);
    }
  }

  // Lends connections from dataSource on which a transaction began `earlier` ago, as a host's
  // transaction or a pool that validated the connection without ending its transaction leaves it.
  private static DataSource transactionBegunBefore(DataSource dataSource, Duration earlier) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("getConnection") || args != null) {
            throw new UnsupportedOperationException(method.getName());
          }
          Connection c = dataSource.getConnection();
          try (var s = c.createStatement()) {
            s.execute("SELECT 1");
          }
          Thread.sleep(earlier.toMillis());
          return c;
        });
  }
}
