package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  @Override
  protected IdempotencyStore newStore(MutableClock clock) {
    return InMemoryIdempotencyStore.create(clock);
  }

  @Override
  protected boolean expiresOnItsOwn() {
    return true; // Caffeine drops a record when its retention ends
  }

  @Override
  protected IdempotencyStore newSmallStore(MutableClock clock) {
    return InMemoryIdempotencyStore.create(clock, 100);
  }

  @Test
  void boundedStore_evictsCompletedKeysBeyondItsMaximumSize() {
    IdempotencyStore small = InMemoryIdempotencyStore.create(clock, 100);
    for (int i = 0; i < 1_000; i++) {
      Claim.Acquired a = (Claim.Acquired) small.claim(key("k-" + i), PAYLOAD, clock.instant(), LEASE,
          clock.instant().plus(RETENTION));
      small.complete(key("k-" + i), a.leaseToken(), posted());
    }
    ((InMemoryIdempotencyStore) small).cleanUp();

    long held = java.util.stream.IntStream.range(0, 1_000).filter(i -> small.find(key("k-" + i)).isPresent()).count();
    assertThat(held).isLessThanOrEqualTo(100);
    assertThat(small.claim(key("new"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION)))
        .isInstanceOf(Claim.Acquired.class);
  }
}
