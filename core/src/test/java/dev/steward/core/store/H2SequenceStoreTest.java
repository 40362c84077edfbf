package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class H2SequenceStoreTest extends SequenceStoreContract {
  private static final String SCHEMA = Databases.uniqueName("steward_sequence").toUpperCase(java.util.Locale.ROOT);
  private static Databases.Pool pool;
  private static JdbcSequenceStore shared;

  @BeforeAll
  static void createSchema() {
    pool = new Databases.Pool(Databases.h2(Databases.h2MemoryUrl()), 20);
    shared = JdbcSequenceStore.builder(pool).schema(SCHEMA).build();
    shared.migrate();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    Databases.execute(pool, "DROP SCHEMA \"" + SCHEMA + "\" CASCADE");
    Databases.execute(pool, "SHUTDOWN");
    pool.close();
  }

  @Override
  protected SequenceStore newStore() {
    pool.failStatements(sql -> false);
    try {
      Databases.execute(pool, "DELETE FROM \"" + SCHEMA + "\".\"STEWARD_SEQUENCE\"");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return shared;
  }

  @AfterEach
  void everyConnectionCameBackAsItWent() {
    pool.failStatements(sql -> false);
    assertThat(pool.violations()).isEmpty();
  }

  @Test
  void dialect_isDetected_andNamesAreFoldedToH2sUpperCase() {
    assertThat(shared.dialect()).isEqualTo(JdbcStores.Dialect.H2);
    assertThat(shared).hasToString("JdbcSequenceStore[H2, \"" + SCHEMA + "\".\"STEWARD_SEQUENCE\"]");
  }

  @Test
  void streamNames_areHeldUpTo512Characters() {
    String longest = "s".repeat(512);

    assertThat(store.advance(longest, OptionalLong.empty(), 1)).isTrue();
    assertThat(store.current(longest)).hasValue(1);
    assertThatThrownBy(() -> store.advance(longest + "s", OptionalLong.empty(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
  }

  @Test
  void aFailingUpdate_isAStoreException_namingTheOperationAndTheStream_andThePositionIsUnchanged() {
    store.advance(STREAM, OptionalLong.empty(), 1);
    pool.failStatements(sql -> sql.startsWith("UPDATE"));

    assertThatThrownBy(() -> store.advance(STREAM, OptionalLong.of(1), 2)).isInstanceOf(StoreException.class)
        .hasMessageContaining("the sequence store failed to advance a stream's position (stream " + STREAM + "): SQLState")
        .satisfies(e -> assertThat(((StoreException) e).operation()).isEqualTo(StoreException.Operation.ADVANCE))
        .satisfies(e -> assertThat(((StoreException) e).stream()).hasValue(STREAM))
        .satisfies(e -> assertThat(((StoreException) e).key()).isEmpty());
    pool.failStatements(sql -> false);
    assertThat(store.current(STREAM)).hasValue(1);
  }

  @Test
  void aFailingRead_namesTheStreamToo() {
    pool.failStatements(sql -> sql.startsWith("SELECT"));

    assertThatThrownBy(() -> store.current(STREAM)).isInstanceOf(StoreException.class)
        .hasMessageContaining("the sequence store failed to read a stream's position (stream " + STREAM + ")")
        .satisfies(e -> assertThat(((StoreException) e).stream()).hasValue(STREAM));
    pool.failStatements(sql -> false);
  }
}
