package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.core.audit.AuditEvent;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.audit.AuditVerification;
import dev.steward.core.audit.AuditVerification.Kind;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC audit store adds to the contract, on each database: a row tampered with in SQL
 * shows in {@code AuditLog.verify()}, and the store's own failures are {@link StoreException}s.
 */
abstract class JdbcAuditStoreContract extends AuditStoreContract {
  /** Returns the pool the store borrows from. */
  protected abstract Databases.Pool pool();

  /** Returns the audit table, qualified and quoted, for statements of the test's own. */
  protected abstract String auditTable();

  /** Returns the audit head table, qualified and quoted. */
  protected abstract String headTable();

  void sql(String statement) {
    try {
      Databases.execute(pool(), statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void everyConnectionCameBackAsItWent() {
    pool().failStatements(sql -> false);
    assertThat(pool().violations()).isEmpty();
  }

  @Test
  void aRowAlteredInSql_isNamedAltered() {
    fiveEntries();

    sql("UPDATE " + auditTable() + " SET actor_id = 'mallory' WHERE sequence = 3");

    AuditVerification v = log.verify();
    assertThat(v.checked()).isEqualTo(5);
    assertThat(v.breaks()).singleElement().satisfies(b -> {
      assertThat(b.sequence()).isEqualTo(3);
      assertThat(b.kind()).isEqualTo(Kind.ALTERED);
      assertThat(b.message()).contains("entry 3");
    });
  }

  @Test
  void aRowsTimeAlteredBelowTheMicrosecond_isNamedAltered() {
    fiveEntries();

    sql("UPDATE " + auditTable() + " SET at_nanos = 0 WHERE sequence = 2");

    assertThat(log.verify().breaks()).extracting(AuditVerification.Break::sequence, AuditVerification.Break::kind)
        .containsExactly(tuple(2L, Kind.ALTERED));
  }

  @Test
  void aRowDeletedInSql_isNamedRemoved() {
    fiveEntries();

    sql("DELETE FROM " + auditTable() + " WHERE sequence = 3");

    AuditVerification v = log.verify();
    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence, AuditVerification.Break::kind)
        .containsExactly(tuple(4L, Kind.REMOVED));
    assertThat(v.breaks().get(0).message()).isEqualTo("entries 3 to 3 are missing before entry 4");
  }

  @Test
  void twoRowsWhoseContentIsSwappedInSql_areBothNamed() {
    fiveEntries();

    sql("UPDATE " + auditTable() + " SET sequence = 1000 WHERE sequence = 2");
    sql("UPDATE " + auditTable() + " SET sequence = 2 WHERE sequence = 4");
    sql("UPDATE " + auditTable() + " SET sequence = 4 WHERE sequence = 1000");

    AuditVerification v = log.verify();
    assertThat(v.checked()).isEqualTo(5);
    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence, AuditVerification.Break::kind)
        .contains(tuple(2L, Kind.ALTERED), tuple(4L, Kind.ALTERED));
    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence).doesNotContain(1L);
  }

  @Test
  void aRowThatNoLongerMakesAnEntry_failsReads_namingTheEntry_andVerifyReportsItAltered() {
    fiveEntries();

    sql("UPDATE " + auditTable() + " SET details = 'not json' WHERE sequence = 3");

    assertThatThrownBy(() -> store.read(1, 10)).isInstanceOf(UnreadableAuditEntryException.class)
        .hasMessageContaining("the audit store failed to read entries: entry 3 cannot be read back")
        .satisfies(e -> assertThat(((UnreadableAuditEntryException) e).sequence()).isEqualTo(3))
        .satisfies(e -> assertThat(((StoreException) e).operation()).isEqualTo(StoreException.Operation.READ));
    assertThat(sequences(store.read(4, 10))).containsExactly(4L, 5L);

    AuditVerification v = log.verify();
    assertThat(v.checked()).isEqualTo(5);
    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence, AuditVerification.Break::kind)
        .containsExactly(tuple(3L, Kind.ALTERED));
    assertThat(v.breaks().get(0).message()).contains("entry 3 cannot be read back");
  }

  @Test
  void twoUnreadableRows_andADeletedOne_areEachNamed() {
    fiveEntries();
    sql("UPDATE " + auditTable() + " SET details = 'not json' WHERE sequence = 2");
    sql("DELETE FROM " + auditTable() + " WHERE sequence = 3");
    sql("UPDATE " + auditTable() + " SET attributes = '{}' WHERE sequence = 4");

    AuditVerification v = log.verify();

    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence, AuditVerification.Break::kind)
        .containsExactly(tuple(2L, Kind.ALTERED), tuple(4L, Kind.REMOVED), tuple(4L, Kind.ALTERED));
    assertThat(v.checked()).isEqualTo(4);
  }

  @Test
  void unreadableFirstAndLastRows_andOnesAtAPageBoundary_areEachNamedOnce_andAnUnreadableAnchorToo() {
    AuditRecord last = null;
    for (int i = 0; i < 1_002; i++) {
      last = log.append(AuditEvent.of(AuditStoreContract.ERP, "ownership.decide").correlationId("c-" + i).build());
    }
    sql("UPDATE " + auditTable() + " SET details = 'not json' WHERE sequence IN (1, 1000, 1001, 1002)");

    AuditVerification v = log.verify();
    AuditVerification anchored = log.verify(last);

    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence, AuditVerification.Break::kind)
        .containsExactly(tuple(1L, Kind.ALTERED), tuple(1000L, Kind.ALTERED), tuple(1001L, Kind.ALTERED),
            tuple(1002L, Kind.ALTERED));
    assertThat(v.checked()).isEqualTo(1_002);
    assertThat(anchored).isEqualTo(v);
  }

  @Test
  void anEntityLongerThanItsColumn_isRefused_andNothingIsAppended() {
    String entity = "x".repeat(256);

    assertThatThrownBy(() -> log.append(AuditEvent.of(ERP, "ownership.decide").entity(entity).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity").hasMessageContaining("255");
    assertThat(store.read(1, 10)).isEmpty();
    assertThat(log.append(AuditEvent.of(ERP, "ownership.decide").entity("x".repeat(255)).build()).event().entity())
        .hasSize(255);
  }

  @Test
  void aFailingInsert_isAStoreException_namingTheOperation_andNothingIsAppended() {
    log.append(AuditEvent.of(ERP, "steward.start").build());
    pool().failStatements(sql -> sql.startsWith("INSERT"));

    assertThatThrownBy(() -> log.append(AuditEvent.of(ERP, "ownership.decide").build()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("the audit store failed to append an entry").hasMessageContaining("SQLState 08006")
        .satisfies(e -> assertThat(((StoreException) e).operation()).isEqualTo(StoreException.Operation.APPEND));
    pool().failStatements(sql -> false);
    assertThat(sequences(store.read(1, 10))).containsExactly(1L);
  }

  @Test
  void aMissingHeadRow_stopsAppends_sayingHowToRestoreIt() {
    log.append(AuditEvent.of(ERP, "steward.start").build());
    sql("DELETE FROM " + headTable());
    try {
      assertThatThrownBy(() -> log.append(AuditEvent.of(ERP, "ownership.decide").build()))
          .isInstanceOf(StoreException.class).hasMessageContaining("head row").hasMessageContaining("(id) VALUES (1)");
    } finally {
      sql("INSERT INTO " + headTable() + " (id) VALUES (1)");
    }
    List<AuditRecord> stored = store.read(1, 10);
    assertThat(sequences(stored)).containsExactly(1L);
  }
}
