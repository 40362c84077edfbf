package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.testing.MutableClock;
import java.util.List;
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

  @Test
  void onlyTheTokenThisStoreIssued_holdsTheLease() {
    Claim.Acquired a = (Claim.Acquired) store.claim(key("k1"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION));
    String token = a.leaseToken();
    String prefix = token.substring(0, token.indexOf(':') + 1);
    String number = token.substring(prefix.length());
    IdempotencyStore other = InMemoryIdempotencyStore.create(clock);
    Claim.Acquired elsewhere = (Claim.Acquired) other.claim(key("k1"), PAYLOAD, clock.instant(), LEASE,
        clock.instant().plus(RETENTION));

    for (String forged : List.of(prefix + "+" + number, prefix + "0" + number + "0", prefix, "", token + " ",
        elsewhere.leaseToken(), prefix + "z".repeat(14))) {
      assertThatThrownBy(() -> store.complete(key("k1"), forged, posted())).as(forged)
          .isInstanceOf(LeaseLostException.class);
    }
    assertThat(store.find(key("k1")).orElseThrow().leaseToken()).isEqualTo(token);
    store.complete(key("k1"), token, posted());
    assertThat(store.find(key("k1")).orElseThrow().outcome()).isEqualTo(posted());
  }

  @Test
  void aTokenSpelledOtherwise_doesNotHoldTheLease_evenIfItNamesTheSameCounter() {
    for (int i = 0; i < 20; i++) { // to a counter with a letter in base 36
      store.claim(key("before-" + i), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION));
    }
    Claim.Acquired a = (Claim.Acquired) store.claim(key("k1"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION));
    String token = a.leaseToken();
    String prefix = token.substring(0, token.indexOf(':') + 1);
    String number = token.substring(prefix.length());
    assertThat(number).matches(".*[a-z].*");
    StringBuilder fullWidth = new StringBuilder();
    number.chars().forEach(c -> fullWidth.append((char) (Character.isDigit(c) ? c - '0' + '\uFF10' : c - 'a' + '\uFF41')));

    for (String forged : List.of(prefix + "0" + number, prefix + "00" + number, prefix + number.toUpperCase(java.util.Locale.ROOT),
        prefix + fullWidth)) {
      assertThatThrownBy(() -> store.complete(key("k1"), forged, posted())).as(forged)
          .isInstanceOf(LeaseLostException.class);
      assertThatThrownBy(() -> store.renew(key("k1"), forged, clock.instant(), LEASE)).as(forged)
          .isInstanceOf(LeaseLostException.class);
      assertThatThrownBy(() -> store.release(key("k1"), forged)).as(forged)
          .isInstanceOf(LeaseLostException.class);
    }
    store.complete(key("k1"), token, posted());
  }
}
