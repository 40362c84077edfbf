package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.testing.MutableClock;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresIdempotencyStoreTest extends IdempotencyStoreContract {
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
    if (pool != null) {
      Databases.dropSchema(pool, SCHEMA);
      pool.close();
    }
  }

  @Override
  protected IdempotencyStore newStore(MutableClock clock) {
    try {
      Databases.execute(pool, "TRUNCATE \"" + SCHEMA + "\".steward_idempotency");
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
  void dialect_isDetected_andNamesAreFoldedToPostgresLowerCase() {
    assertThat(shared.dialect()).isEqualTo(JdbcStores.Dialect.POSTGRESQL);
    assertThat(shared).hasToString("JdbcIdempotencyStore[POSTGRESQL, \"" + SCHEMA + "\".\"steward_idempotency\"]");
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
}
