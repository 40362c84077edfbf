package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every JDBC idempotency store does beyond the contract of all stores. */
abstract class JdbcIdempotencyStoreContract extends IdempotencyStoreContract {

  @Test
  void clockSkew_measuresACallersClockAgainstTheDatabases() {
    JdbcIdempotencyStore jdbc = (JdbcIdempotencyStore) store;

    Duration againstSystem = jdbc.clockSkew(Clock.systemUTC());
    Duration fiveMinutesBehind = jdbc.clockSkew(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));

    assertThat(againstSystem.abs()).as("the database runs on this machine").isLessThan(Duration.ofSeconds(2));
    assertThat(fiveMinutesBehind).as("a clock 5 min behind sees the database 5 min ahead")
        .isBetween(Duration.ofMinutes(5).minusSeconds(2), Duration.ofMinutes(5).plusSeconds(2));
  }
}
