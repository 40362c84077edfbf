package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyRecord;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.idempotency.RecordedOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a crash leaves behind, seen by the survivor: a {@link StoreProcess} in {@code crash} mode
 * did the work of {@code c-0..c-4}, claimed {@code c-5} at {@link #CLAIMED_AT} with a one-second
 * lease and was killed before its work. Times are passed in, so nothing sleeps.
 */
final class CrashAfterClaim {
  static final Instant CLAIMED_AT = Instant.parse("2026-11-27T10:00:00Z");

  private CrashAfterClaim() {}

  static void createEffects(DataSource ds, String schema) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + StoreProcess.effects(c, schema)
          + " (idem_key VARCHAR(255) NOT NULL, attempt INTEGER NOT NULL, pid BIGINT NOT NULL)");
    }
  }

  static void verify(IdempotencyStore store, DataSource ds, String schema, String heldToken) throws SQLException {
    Instant withinLease = CLAIMED_AT.plusMillis(500);
    Instant afterLease = CLAIMED_AT.plusSeconds(2);
    assertThat(StoreProcess.claim(store, StoreProcess.crashKey(StoreProcess.CRASH_DONE), withinLease))
        .as("the dead process's claim survived it, and holds the key until its lease ends")
        .isEqualTo(new Claim.InFlight(StoreProcess.crashKey(StoreProcess.CRASH_DONE), CLAIMED_AT.plus(StoreProcess.LEASE)));
    for (int i = 0; i < StoreProcess.CRASH_DONE; i++) {
      assertThat(StoreProcess.claim(store, StoreProcess.crashKey(i), afterLease))
          .as("work done before the crash is replayed, not run again")
          .isEqualTo(new Claim.Completed(StoreProcess.crashKey(i), RecordedOutcome.success("{\"n\":" + i + "}", CLAIMED_AT)));
    }

    Claim takeover = StoreProcess.claim(store, StoreProcess.crashKey(StoreProcess.CRASH_DONE), afterLease);

    assertThat(takeover).isInstanceOf(Claim.Acquired.class);
    Claim.Acquired a = (Claim.Acquired) takeover;
    assertThat(a.attempt()).isEqualTo(2);
    assertThat(a.leaseToken()).isNotEqualTo(heldToken);
    assertThatThrownBy(() -> store.complete(a.key(), heldToken, RecordedOutcome.success(null, afterLease)))
        .isInstanceOf(LeaseLostException.class).hasMessageContaining("attempt 2");
    StoreProcess.effect(ds, schema, a.key(), a.attempt());
    store.complete(a.key(), a.leaseToken(), RecordedOutcome.success("{\"n\":5}", afterLease));

    List<String> effects = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT idem_key, attempt FROM " + StoreProcess.effects(c, schema)
            + " ORDER BY idem_key")) {
      while (rs.next()) {
        effects.add(rs.getString(1) + "#" + rs.getInt(2));
      }
    }
    assertThat(effects).as("each key's work ran exactly once, across the crash")
        .containsExactly("c-0#1", "c-1#1", "c-2#1", "c-3#1", "c-4#1", "c-5#2");
    for (int i = 0; i <= StoreProcess.CRASH_DONE; i++) {
      assertThat(store.find(StoreProcess.crashKey(i))).get().extracting(IdempotencyRecord::completed).isEqualTo(true);
    }
  }
}
