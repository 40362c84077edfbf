package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresAuditStoreTest extends JdbcAuditStoreContract {
  private static final String SCHEMA = Databases.uniqueName("steward_audit");
  private static Databases.Pool pool;
  private static JdbcAuditStore shared;

  @BeforeAll
  static void createSchema() {
    pool = new Databases.Pool(Databases.postgres(), 20);
    shared = JdbcAuditStore.builder(pool).schema(SCHEMA).build();
    shared.migrate();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    Databases.dropSchemaAndClose(pool, SCHEMA);
  }

  @Override
  protected AuditStore newStore() {
    pool.failStatements(sql -> false);
    sql("TRUNCATE " + auditTable());
    return shared;
  }

  @Override
  protected Databases.Pool pool() {
    return pool;
  }

  @Override
  protected String auditTable() {
    return "\"" + SCHEMA + "\".steward_audit";
  }

  @Override
  protected String headTable() {
    return "\"" + SCHEMA + "\".steward_audit_head";
  }

  @Test
  void dialect_isDetected_andNamesAreFoldedToPostgresLowerCase() {
    assertThat(shared.dialect()).isEqualTo(JdbcStores.Dialect.POSTGRESQL);
    assertThat(shared).hasToString("JdbcAuditStore[POSTGRESQL, \"" + SCHEMA + "\".\"steward_audit\"]");
  }
}
