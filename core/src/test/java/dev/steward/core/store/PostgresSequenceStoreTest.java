package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresSequenceStoreTest extends SequenceStoreContract {
  private static final String SCHEMA = Databases.uniqueName("steward_sequence");
  private static Databases.Pool pool;
  private static JdbcSequenceStore shared;

  @BeforeAll
  static void createSchema() {
    pool = new Databases.Pool(Databases.postgres(), 20);
    shared = JdbcSequenceStore.builder(pool).schema(SCHEMA).build();
    shared.migrate();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    Databases.dropSchemaAndClose(pool, SCHEMA);
  }

  @Override
  protected SequenceStore newStore() {
    Databases.truncate(pool, "\"" + SCHEMA + "\".steward_sequence");
    return shared;
  }

  @AfterEach
  void everyConnectionCameBackAsItWent() {
    assertThat(pool.violations()).isEmpty();
  }

  @Test
  void dialect_isDetected_andNamesAreFoldedToPostgresLowerCase() {
    assertThat(shared.dialect()).isEqualTo(JdbcStores.Dialect.POSTGRESQL);
    assertThat(shared).hasToString("JdbcSequenceStore[POSTGRESQL, \"" + SCHEMA + "\".\"steward_sequence\"]");
  }
}
