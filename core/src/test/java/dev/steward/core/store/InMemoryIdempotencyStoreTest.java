package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
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

  @Test
  void anAbandonedClaim_isDroppedOnceItsLeaseAndRetentionEnd_byCleanUp() {
    InMemoryIdempotencyStore memory = InMemoryIdempotencyStore.create(clock);
    memory.claim(key("abandoned"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION));
    memory.claim(key("held"), PAYLOAD, clock.instant(), RETENTION.plusHours(1), clock.instant().plus(RETENTION));

    clock.advance(RETENTION.plusSeconds(1));
    assertThat(memory.find(key("abandoned"))).as("held until something drops it").isPresent();
    assertThat(memory.claimsInFlight()).isEqualTo(2);
    memory.cleanUp();

    assertThat(memory.claimsInFlight()).as("the claim whose lease still runs stays").isEqualTo(1);
    assertThat(memory.find(key("abandoned"))).isEmpty();
    assertThat(memory.find(key("held"))).isPresent();
  }

  @Test
  void abandonedClaims_arePurged_andCounted() {
    InMemoryIdempotencyStore memory = InMemoryIdempotencyStore.create(clock);
    for (int i = 0; i < 5; i++) {
      memory.claim(key("abandoned-" + i), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION));
    }
    clock.advance(RETENTION.plusSeconds(1));

    assertThat(memory.purgeExpired(clock.instant(), 3)).isEqualTo(3);
    assertThat(memory.purgeExpired(clock.instant(), 3)).isEqualTo(2);
    assertThat(memory.claimsInFlight()).isZero();
  }

  @Test
  void abandonedClaims_areSwept_asClaimsGoOn_withoutAnyPurge() {
    InMemoryIdempotencyStore memory = InMemoryIdempotencyStore.create(clock);
    memory.claim(key("abandoned"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION));
    clock.advance(RETENTION.plusSeconds(1));

    for (int i = 0; i < InMemoryIdempotencyStore.SWEEP_EVERY; i++) {
      Claim.Acquired a = (Claim.Acquired) memory.claim(key("k-" + i), PAYLOAD, clock.instant(), LEASE,
          clock.instant().plus(RETENTION));
      memory.complete(key("k-" + i), a.leaseToken(), posted());
    }

    assertThat(memory.claimsInFlight()).isZero();
  }

  @Test
  void abandonedClaims_areSwept_evenWhenAReplayDrawsTheTokenThatCallsForIt() {
    InMemoryIdempotencyStore memory = InMemoryIdempotencyStore.create(clock);
    memory.claim(key("abandoned"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION)); // token 1
    Claim.Acquired replayed = (Claim.Acquired) memory.claim(key("replayed"), PAYLOAD, clock.instant(), LEASE,
        clock.instant().plus(RETENTION.multipliedBy(2))); // token 2
    memory.complete(key("replayed"), replayed.leaseToken(), posted());
    clock.advance(RETENTION.minusSeconds(1));
    for (int i = 3; i < InMemoryIdempotencyStore.SWEEP_EVERY; i++) {
      Claim.Acquired a = (Claim.Acquired) memory.claim(key("k-" + i), PAYLOAD, clock.instant(), LEASE,
          clock.instant().plus(RETENTION));
      memory.complete(key("k-" + i), a.leaseToken(), posted());
    }
    clock.advance(Duration.ofSeconds(2)); // the abandoned claim's lease and retention have ended
    memory.reopen(key("replayed"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION)); // token SWEEP_EVERY

    memory.claim(key("next"), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION));

    assertThat(memory.claimsInFlight()).as("the replayed key and the next claim, not the abandoned one").isEqualTo(2);
  }

  @Test
  void keysTheBoundEvictsBeforeTheirRetention_areCounted_andNamedInAWarning() {
    InMemoryIdempotencyStore small = InMemoryIdempotencyStore.builder(clock).maximumSize(100)
        .maintenanceExecutor(Runnable::run).build();
    for (int i = 0; i < 1_000; i++) {
      Claim.Acquired a = (Claim.Acquired) small.claim(key("k-" + i), PAYLOAD, clock.instant(), LEASE,
          clock.instant().plus(RETENTION));
      small.complete(key("k-" + i), a.leaseToken(), posted());
    }

    assertThat(small.evictedEarly()).isEqualTo(900);
    assertThat(small.evictionWarning(900)).contains("evicted 900 completed key(s) before their retention ended")
        .contains("at most 100 (maximumSize)").contains("runs its work again");
  }

  @Test
  void keysDroppedWhenTheirRetentionEnds_areNotCountedAsEvictedEarly() {
    InMemoryIdempotencyStore memory = InMemoryIdempotencyStore.builder(clock).maximumSize(100)
        .maintenanceExecutor(Runnable::run).build();
    for (int i = 0; i < 50; i++) {
      Claim.Acquired a = (Claim.Acquired) memory.claim(key("k-" + i), PAYLOAD, clock.instant(), LEASE,
          clock.instant().plus(RETENTION));
      memory.complete(key("k-" + i), a.leaseToken(), posted());
    }
    clock.advance(RETENTION.plusSeconds(1));
    memory.cleanUp();

    assertThat(memory.find(key("k-0"))).isEmpty();
    assertThat(memory.evictedEarly()).isZero();
  }

  @Test
  void builder_checksEachSetting_andTakesItOnce() {
    assertThatThrownBy(() -> InMemoryIdempotencyStore.builder(clock).maximumSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maximumSize must be positive; was 0");
    assertThatThrownBy(() -> InMemoryIdempotencyStore.builder(clock).maximumSize(10).maximumSize(20))
        .isInstanceOf(IllegalStateException.class).hasMessage("maximumSize was already set to 10");
    assertThatThrownBy(() -> InMemoryIdempotencyStore.builder(clock).maintenanceExecutor(Runnable::run)
        .maintenanceExecutor(Runnable::run)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maintenanceExecutor was already set");
    assertThatThrownBy(() -> InMemoryIdempotencyStore.builder(clock).maintenanceExecutor(null))
        .isInstanceOf(NullPointerException.class).hasMessage("executor");
    assertThatThrownBy(() -> InMemoryIdempotencyStore.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
  }

  @Test
  void builder_leftAtItsDefaultBound_canStillBeGivenOneAfterABuild() {
    InMemoryIdempotencyStore.Builder builder = InMemoryIdempotencyStore.builder(clock);
    builder.build();

    builder.maximumSize(10);
    assertThatThrownBy(() -> builder.maximumSize(20)).isInstanceOf(IllegalStateException.class)
        .hasMessage("maximumSize was already set to 10");
  }

  @Test
  void upkeep_runsOnTheGivenExecutor_andInTheCallingThreadEvictsAtOnce() {
    AtomicInteger tasks = new AtomicInteger();
    InMemoryIdempotencyStore sameThread = InMemoryIdempotencyStore.builder(clock).maximumSize(100)
        .maintenanceExecutor(task -> {
          tasks.incrementAndGet();
          task.run();
        })
        .build();
    for (int i = 0; i < 1_000; i++) {
      Claim.Acquired a = (Claim.Acquired) sameThread.claim(key("k-" + i), PAYLOAD, clock.instant(), LEASE,
          clock.instant().plus(RETENTION));
      sameThread.complete(key("k-" + i), a.leaseToken(), posted());
    }

    assertThat(tasks).as("upkeep went through the executor").hasPositiveValue();
    long held = IntStream.range(0, 1_000).filter(i -> sameThread.find(key("k-" + i)).isPresent()).count();
    assertThat(held).as("evicted without a cleanUp").isLessThanOrEqualTo(100);
  }

  /**
   * A key an operator replays again and again always has a record, completed or in flight: find
   * never answers that it has none while the key moves between the store's two places.
   */
  @Test
  void find_alwaysSeesAKey_whileReplaysMoveItBetweenCompletedAndInFlight() throws Exception {
    InMemoryIdempotencyStore memory = InMemoryIdempotencyStore.create(clock);
    Claim.Acquired first = (Claim.Acquired) memory.claim(key("k1"), PAYLOAD, clock.instant(), LEASE,
        clock.instant().plus(RETENTION));
    memory.complete(key("k1"), first.leaseToken(), posted());
    java.util.concurrent.atomic.AtomicBoolean replaying = new java.util.concurrent.atomic.AtomicBoolean(true);
    AtomicInteger misses = new AtomicInteger();
    int finders = 3;
    ExecutorService pool = Executors.newFixedThreadPool(finders);
    try {
      List<Future<?>> finding = new java.util.ArrayList<>();
      for (int t = 0; t < finders; t++) {
        finding.add(pool.submit(() -> {
          while (replaying.get()) {
            if (memory.find(key("k1")).isEmpty()) {
              misses.incrementAndGet();
            }
          }
        }));
      }
      for (int i = 0; i < 200_000 && misses.get() == 0; i++) {
        Claim.Acquired replay = (Claim.Acquired) memory.reopen(key("k1"), PAYLOAD, clock.instant(), LEASE,
            clock.instant().plus(RETENTION));
        memory.complete(key("k1"), replay.leaseToken(), posted());
      }
      replaying.set(false);
      for (Future<?> f : finding) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(misses).as("finds that answered no record").hasValue(0);
  }

  /**
   * A claim of a key whose outcome was recorded before the claim began answers the outcome,
   * never in flight and never a second acquisition, while completions move keys between the
   * store's two places under the claimers.
   */
  @Test
  void aClaimAfterACompletion_seesIt_whileKeysMoveUnderConcurrentClaimers() throws Exception {
    InMemoryIdempotencyStore memory = InMemoryIdempotencyStore.create(clock);
    int keys = 20_000;
    int claimers = 4;
    AtomicIntegerArray acquired = new AtomicIntegerArray(keys);
    AtomicIntegerArray completedAt = new AtomicIntegerArray(keys);
    List<String> wrongAnswers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    try {
      List<Future<?>> running = new java.util.ArrayList<>();
      for (int t = 0; t < claimers; t++) {
        running.add(pool.submit(() -> {
          for (int k = 0; k < keys; k++) {
            for (int round = 0; round < 10; round++) {
              boolean doneBefore = completedAt.get(k) == 1;
              Claim c = memory.claim(key("k-" + k), PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION));
              if (c instanceof Claim.Acquired a) {
                acquired.incrementAndGet(k);
                memory.complete(key("k-" + k), a.leaseToken(), posted());
                completedAt.set(k, 1);
              } else if (doneBefore && !(c instanceof Claim.Completed)) {
                wrongAnswers.add("k-" + k + ": " + c);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    for (int k = 0; k < keys; k++) {
      assertThat(acquired.get(k)).as("acquisitions of k-" + k).isEqualTo(1);
    }
    assertThat(wrongAnswers).as("claims after a completion answered otherwise").isEmpty();
    assertThat(memory.claimsInFlight()).isZero();
  }
}
