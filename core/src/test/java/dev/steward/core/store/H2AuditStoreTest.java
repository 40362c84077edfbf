package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class H2AuditStoreTest extends JdbcAuditStoreContract {
  private static final String SCHEMA = Databases.uniqueName("steward_audit").toUpperCase(java.util.Locale.ROOT);
  private static Databases.Pool pool;
  private static JdbcAuditStore shared;

  @BeforeAll
  static void createSchema() {
    pool = new Databases.Pool(Databases.h2(Databases.h2MemoryUrl()), 20);
    shared = JdbcAuditStore.builder(pool).schema(SCHEMA).build();
    shared.migrate();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    Databases.execute(pool, "DROP SCHEMA \"" + SCHEMA + "\" CASCADE");
    Databases.execute(pool, "SHUTDOWN");
    pool.close();
  }

  @Override
  protected AuditStore newStore() {
    pool.failStatements(sql -> false);
    sql("DELETE FROM " + auditTable());
    return shared;
  }

  @Override
  protected Databases.Pool pool() {
    return pool;
  }

  @Override
  protected String auditTable() {
    return "\"" + SCHEMA + "\".\"STEWARD_AUDIT\"";
  }

  @Override
  protected String headTable() {
    return "\"" + SCHEMA + "\".\"STEWARD_AUDIT_HEAD\"";
  }

  @Test
  void dialect_isDetected_andNamesAreFoldedToH2sUpperCase() {
    assertThat(shared.dialect()).isEqualTo(JdbcStores.Dialect.H2);
    assertThat(shared).hasToString("JdbcAuditStore[H2, " + auditTable() + "]");
  }

  @Test
  void aStoreWhoseTablesAreMissing_saysToRunMigrate() {
    DataSource empty = Databases.h2("jdbc:h2:mem:" + Databases.uniqueName("empty"));
    JdbcAuditStore unmigrated = JdbcAuditStore.builder(empty).build();

    assertThatThrownBy(() -> unmigrated.read(1, 10)).isInstanceOf(StoreException.class)
        .hasMessageContaining("the audit store failed to read entries").hasMessageContaining("migrate()");
  }
}
