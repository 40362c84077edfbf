package dev.steward.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.IdempotencyRecord;
import dev.steward.core.idempotency.LeaseLostException;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.core.store.IdempotencyStore.ClaimRequest;
import dev.steward.core.store.IdempotencyStore.Completion;
import dev.steward.model.Fingerprint;
import dev.steward.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link IdempotencyStore} keeps: one suite, run against each backend by a
 * subclass that supplies a fresh, empty store reading the given clock.
 */
abstract class IdempotencyStoreContract {
  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration RETENTION = Duration.ofHours(24);
  static final Fingerprint PAYLOAD = Fingerprint.sha256("invoice INV-1".getBytes(StandardCharsets.UTF_8));
  static final Fingerprint OTHER_PAYLOAD = Fingerprint.sha256("invoice INV-2".getBytes(StandardCharsets.UTF_8));

  protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  protected IdempotencyStore store;

  /** Returns a fresh, empty store reading {@code clock}. */
  protected abstract IdempotencyStore newStore(MutableClock clock);

  /** Returns a store as small as the backend can be made, to provoke eviction; by default a fresh one. */
  protected IdempotencyStore newSmallStore(MutableClock clock) {
    return newStore(clock);
  }

  /** Returns whether the store drops expired records by itself, leaving purges nothing to count. */
  protected boolean expiresOnItsOwn() {
    return false;
  }

  @BeforeEach
  void setUpStore() {
    store = newStore(clock);
  }

  static IdempotencyKey key(String key) {
    return IdempotencyKey.of("erp.post-invoice", key);
  }

  Claim claim(IdempotencyKey key, Fingerprint fingerprint) {
    Instant now = clock.instant();
    return store.claim(key, fingerprint, now, LEASE, now.plus(RETENTION));
  }

  Claim.Acquired acquire(IdempotencyKey key) {
    Claim claim = claim(key, PAYLOAD);
    assertThat(claim).isInstanceOf(Claim.Acquired.class);
    return (Claim.Acquired) claim;
  }

  RecordedOutcome posted() {
    return RecordedOutcome.success("{\"erpDocument\":\"JE-4711\"}", clock.instant());
  }

  @Test
  void required_firstClaim_acquiresTheKey_withALease() {
    Claim.Acquired acquired = acquire(key("k1"));

    assertThat(acquired.attempt()).isEqualTo(1);
    assertThat(acquired.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
    assertThat(store.find(key("k1"))).hasValueSatisfying(r -> {
      assertThat(r.completed()).isFalse();
      assertThat(r.fingerprint()).isEqualTo(PAYLOAD);
      assertThat(r.expiresAt()).isEqualTo(clock.instant().plus(RETENTION));
    });
  }

  @Test
  void required_repeatWhileInFlight_isInFlight() {
    acquire(key("k1"));
    clock.advance(Duration.ofSeconds(10));

    assertThat(claim(key("k1"), PAYLOAD)).isEqualTo(new Claim.InFlight(key("k1"), clock.instant().plus(Duration.ofSeconds(20))));
  }

  @Test
  void required_repeatAfterCompletion_replaysTheRecordedOutcome_successOrFailure() {
    Claim.Acquired a = acquire(key("ok"));
    store.complete(key("ok"), a.leaseToken(), posted());
    Claim.Acquired b = acquire(key("failed"));
    RecordedOutcome failure = RecordedOutcome.failure("ClosedPeriodException", "period 2026-10 is closed", clock.instant());
    store.complete(key("failed"), b.leaseToken(), failure);

    assertThat(claim(key("ok"), PAYLOAD)).isEqualTo(new Claim.Completed(key("ok"), posted()));
    assertThat(claim(key("failed"), PAYLOAD)).isEqualTo(new Claim.Completed(key("failed"), failure));
  }

  @Test
  void required_repeatWithAnotherPayload_isAMismatch_namingBothFingerprints_inFlightOrCompleted() {
    Claim.Acquired a = acquire(key("k1"));

    assertThat(claim(key("k1"), OTHER_PAYLOAD)).isEqualTo(new Claim.Mismatch(key("k1"), PAYLOAD, OTHER_PAYLOAD));
    store.complete(key("k1"), a.leaseToken(), posted());
    assertThat(claim(key("k1"), OTHER_PAYLOAD)).isEqualTo(new Claim.Mismatch(key("k1"), PAYLOAD, OTHER_PAYLOAD));
  }

  @Test
  void required_aFailureWithAnyText_isRecorded_soTheWorkDoesNotRunAgain() {
    Claim.Acquired a = acquire(key("k1"));
    RecordedOutcome failure = RecordedOutcome.failure("com.acme.ErpException", "bad byte \u0000 and "
        + "x".repeat(5_000) + " \uD83D\uDE00", clock.instant());

    store.complete(key("k1"), a.leaseToken(), failure);

    Claim again = claim(key("k1"), PAYLOAD);
    assertThat(again).isInstanceOf(Claim.Completed.class);
    String message = ((Claim.Completed) again).outcome().errorMessage();
    assertThat(message).hasSize(RecordedOutcome.MAX_ERROR_LENGTH).startsWith("bad byte \uFFFD and ").endsWith("\u2026");
  }

  @Test
  void required_sameKeyInAnotherNamespace_isAnotherOperation() {
    acquire(key("k1"));

    assertThat(claim(IdempotencyKey.of("billing.create-invoice", "k1"), PAYLOAD)).isInstanceOf(Claim.Acquired.class);
  }

  @Test
  void required_expiredLease_canBeTakenOver_andTheLateHoldersCompletionIsRefused() {
    Claim.Acquired crashed = acquire(key("k1"));
    clock.advance(LEASE.plusSeconds(1));

    Claim.Acquired takeover = acquire(key("k1"));

    assertThat(takeover.attempt()).isEqualTo(2);
    assertThat(takeover.leaseToken()).isNotEqualTo(crashed.leaseToken());
    assertThatThrownBy(() -> store.complete(key("k1"), crashed.leaseToken(), posted()))
        .isInstanceOf(LeaseLostException.class).hasMessageContaining("attempt 2");
    store.complete(key("k1"), takeover.leaseToken(), posted());
    assertThat(claim(key("k1"), PAYLOAD)).isInstanceOf(Claim.Completed.class);
  }

  @Test
  void required_aTakeoverNearTheEndOfRetention_keepsItsOutcomeAWholeRetention() {
    acquire(key("k1"));
    clock.advance(RETENTION.minusSeconds(10)); // the first holder crashed long ago
    Claim.Acquired takeover = (Claim.Acquired) claim(key("k1"), PAYLOAD);
    store.complete(key("k1"), takeover.leaseToken(), posted());
    clock.advance(Duration.ofMinutes(1));

    assertThat(claim(key("k1"), PAYLOAD)).as("the repeat a minute later is a replay").isInstanceOf(Claim.Completed.class);
  }

  @Test
  void required_aClaimInFlight_isNeverEvicted_norPurged() {
    store = newSmallStore(clock);
    Claim.Acquired holder = acquire(key("k1"));
    for (int i = 0; i < 300; i++) {
      Claim.Acquired a = acquire(key("other-" + i));
      store.complete(key("other-" + i), a.leaseToken(), posted());
    }
    store.purgeExpired(clock.instant(), 1_000);

    assertThat(claim(key("k1"), PAYLOAD)).isInstanceOf(Claim.InFlight.class);
    store.complete(key("k1"), holder.leaseToken(), posted());
  }

  @Test
  void required_completionAfterTheLease_butBeforeAnyTakeover_isAccepted() {
    Claim.Acquired slow = acquire(key("k1"));
    clock.advance(LEASE.plusSeconds(5));

    store.complete(key("k1"), slow.leaseToken(), posted());

    assertThat(claim(key("k1"), PAYLOAD)).isInstanceOf(Claim.Completed.class);
  }

  @Test
  void required_release_letsTheKeyBeClaimedAgainAtOnce() {
    Claim.Acquired a = acquire(key("k1"));

    store.release(key("k1"), a.leaseToken());

    assertThat(store.find(key("k1"))).isEmpty();
    assertThat(acquire(key("k1")).attempt()).isEqualTo(1);
    assertThatThrownBy(() -> store.release(key("k1"), a.leaseToken())).isInstanceOf(LeaseLostException.class);
  }

  @Test
  void required_renew_extendsAHeldLease_soNoOneTakesTheKeyOver() {
    Claim.Acquired a = acquire(key("k1"));
    clock.advance(Duration.ofSeconds(20));

    Instant renewed = store.renew(key("k1"), a.leaseToken(), clock.instant(), LEASE);

    assertThat(renewed).isEqualTo(clock.instant().plus(LEASE));
    assertThat(store.find(key("k1")).orElseThrow().leaseExpiresAt()).isEqualTo(renewed);
    clock.advance(Duration.ofSeconds(20)); // past the first lease, inside the renewed one
    assertThat(claim(key("k1"), PAYLOAD)).isInstanceOf(Claim.InFlight.class);
    store.complete(key("k1"), a.leaseToken(), posted());
    assertThat(claim(key("k1"), PAYLOAD)).isInstanceOf(Claim.Completed.class);
  }

  @Test
  void required_renew_ofALostOrFinishedClaim_isRefused_andAnExpiredButUntakenLeaseRenews() {
    Claim.Acquired a = acquire(key("k1"));
    clock.advance(LEASE.plusSeconds(1));
    assertThat(store.renew(key("k1"), a.leaseToken(), clock.instant(), LEASE)).isEqualTo(clock.instant().plus(LEASE));

    clock.advance(LEASE.plusSeconds(1));
    Claim.Acquired takeover = (Claim.Acquired) claim(key("k1"), PAYLOAD);
    assertThatThrownBy(() -> store.renew(key("k1"), a.leaseToken(), clock.instant(), LEASE))
        .isInstanceOf(LeaseLostException.class);
    store.complete(key("k1"), takeover.leaseToken(), posted());
    assertThatThrownBy(() -> store.renew(key("k1"), takeover.leaseToken(), clock.instant(), LEASE))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.renew(key("never"), "no-token", clock.instant(), LEASE))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.renew(key("k1"), takeover.leaseToken(), clock.instant(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease must be positive");
  }

  @Test
  void required_completingTwice_orWithAWrongToken_isRefused() {
    Claim.Acquired a = acquire(key("k1"));

    assertThatThrownBy(() -> store.complete(key("k1"), "not-the-token", posted())).isInstanceOf(LeaseLostException.class);
    store.complete(key("k1"), a.leaseToken(), posted());
    assertThatThrownBy(() -> store.complete(key("k1"), a.leaseToken(), posted()))
        .isInstanceOf(LeaseLostException.class).hasMessageContaining("already completed");
    assertThatThrownBy(() -> store.complete(key("never"), "t", posted())).isInstanceOf(LeaseLostException.class);
  }

  @Test
  void required_reopen_makesACompletedKeyRunAgain_forAnOperatorsReplay() {
    Claim.Acquired a = acquire(key("k1"));
    store.complete(key("k1"), a.leaseToken(), posted());

    clock.advance(Duration.ofHours(20));
    assertThat(store.reopen(key("k1"), OTHER_PAYLOAD, clock.instant(), LEASE, clock.instant().plus(RETENTION)))
        .isEqualTo(new Claim.Mismatch(key("k1"), PAYLOAD, OTHER_PAYLOAD));
    Claim.Acquired replay = (Claim.Acquired) store.reopen(key("k1"), PAYLOAD, clock.instant(), LEASE,
        clock.instant().plus(RETENTION));

    assertThat(replay.attempt()).isEqualTo(2);
    assertThat(claim(key("k1"), PAYLOAD)).isInstanceOf(Claim.InFlight.class);
    store.complete(key("k1"), replay.leaseToken(), RecordedOutcome.success("{\"erpDocument\":\"JE-4712\"}", clock.instant()));
    assertThat(((Claim.Completed) claim(key("k1"), PAYLOAD)).outcome().result()).contains("JE-4712");
    Claim.Acquired inFlight = acquire(key("k2"));
    assertThat(store.find(key("k1"))).get().extracting(IdempotencyRecord::expiresAt)
        .as("a replay starts the retention again").isEqualTo(clock.instant().plus(RETENTION));
    Instant later = clock.instant().plus(RETENTION);
    assertThatThrownBy(() -> store.reopen(key("k2"), PAYLOAD, clock.instant(), LEASE, later)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.reopen(key("none"), PAYLOAD, clock.instant(), LEASE, later)).isInstanceOf(IllegalStateException.class);
    assertThat(inFlight.attempt()).isEqualTo(1);
  }

  @Test
  void required_afterItsRetention_aKeyIsForgotten_andClaimedAfresh() {
    Claim.Acquired a = acquire(key("k1"));
    store.complete(key("k1"), a.leaseToken(), posted());
    clock.advance(RETENTION.plusSeconds(1));

    Claim again = claim(key("k1"), OTHER_PAYLOAD);

    assertThat(again).isInstanceOf(Claim.Acquired.class);
    assertThat(((Claim.Acquired) again).attempt()).isEqualTo(1);
  }

  @Test
  void required_aKeyIsKeptToTheEndOfItsRetention_andOfARenewedLease_toTheMicrosecond() {
    clock.advance(Duration.ofNanos(500_000)); // half-way through a millisecond
    Claim.Acquired done = acquire(key("done"));
    store.complete(key("done"), done.leaseToken(), posted());
    Instant now = clock.instant();
    Claim.Acquired longWork = (Claim.Acquired) store.claim(key("long"), PAYLOAD, now, LEASE, now.plus(LEASE));
    Instant renewed = store.renew(key("long"), longWork.leaseToken(), now, LEASE.multipliedBy(2));

    clock.advance(LEASE.multipliedBy(2).minusNanos(100_000));
    assertThat(claim(key("long"), PAYLOAD)).as("100 µs before the renewed lease ends")
        .isEqualTo(new Claim.InFlight(key("long"), renewed));
    clock.advance(RETENTION.minus(LEASE.multipliedBy(2)));
    assertThat(claim(key("done"), PAYLOAD)).as("100 µs before the retention ends").isInstanceOf(Claim.Completed.class);
  }

  @Test
  void required_aCompletedKeyWhoseLeaseOutlastsItsRetention_isKeptToTheEndOfTheLease() {
    Instant start = clock.instant();
    Claim.Acquired a = (Claim.Acquired) store.claim(key("k1"), PAYLOAD, start, LEASE, start.plus(LEASE));
    store.renew(key("k1"), a.leaseToken(), start, LEASE.multipliedBy(3));
    clock.advance(LEASE.multipliedBy(2)); // past the retention, inside the renewed lease
    store.complete(key("k1"), a.leaseToken(), posted());

    assertThat(store.purgeExpired(clock.instant(), 10)).as("nothing to purge while the lease runs").isZero();
    assertThat(claim(key("k1"), PAYLOAD)).as("a repeat inside the lease is a replay")
        .isEqualTo(new Claim.Completed(key("k1"), posted()));
    clock.advance(LEASE);
    assertThat(claim(key("k1"), PAYLOAD)).as("once the lease ends too, the key is free")
        .isInstanceOfSatisfying(Claim.Acquired.class, c -> assertThat(c.attempt()).isEqualTo(1));
  }

  @Test
  void required_anAbandonedClaim_isStillFound_untilAPurgeDeletesIt() {
    Claim.Acquired abandoned = acquire(key("k1"));
    clock.advance(RETENTION.plusSeconds(1)); // past its lease and its retention; its holder may still renew

    assertThat(store.find(key("k1"))).as("not purged yet").get()
        .extracting(IdempotencyRecord::leaseToken, IdempotencyRecord::completed)
        .containsExactly(abandoned.leaseToken(), false);
    assertThat(store.purgeExpired(clock.instant(), 10)).isEqualTo(1);
    assertThat(store.find(key("k1"))).as("purged").isEmpty();
  }

  @Test
  void required_purge_deletesExpiredKeys_inBoundedBatches_andKeepsLiveOnes() {
    for (int i = 0; i < 25; i++) {
      Claim.Acquired a = acquire(key("old-" + i));
      store.complete(key("old-" + i), a.leaseToken(), posted());
    }
    clock.advance(RETENTION.plusSeconds(1));
    acquire(key("live"));

    List<Integer> batches = new ArrayList<>();
    int n;
    do {
      n = store.purgeExpired(clock.instant(), 10);
      batches.add(n);
    } while (n == 10);

    if (!expiresOnItsOwn()) {
      assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
    }
    assertThat(batches).allMatch(b -> b <= 10);
    assertThat(store.find(key("live"))).isPresent();
    assertThat(store.find(key("old-3"))).isEmpty();
  }

  List<Claim> claimAll(ClaimRequest... requests) {
    Instant now = clock.instant();
    return store.claimAll(List.of(requests), now, LEASE, now.plus(RETENTION));
  }

  static ClaimRequest request(String key, Fingerprint fingerprint) {
    return new ClaimRequest(key(key), fingerprint);
  }

  @Test
  void required_claimAll_ofFreshKeys_acquiresEach_inRequestOrder_andCompleteAllRecordsThem() {
    List<Claim> claims = claimAll(request("k3", PAYLOAD), request("k1", PAYLOAD), request("k2", OTHER_PAYLOAD));

    assertThat(claims).extracting(Claim::key).containsExactly(key("k3"), key("k1"), key("k2"));
    assertThat(claims).allSatisfy(c -> {
      assertThat(c).isInstanceOf(Claim.Acquired.class);
      assertThat(((Claim.Acquired) c).attempt()).isEqualTo(1);
      assertThat(((Claim.Acquired) c).leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
    });
    assertThat(claims).extracting(c -> ((Claim.Acquired) c).leaseToken()).doesNotHaveDuplicates();
    assertThat(store.find(key("k2"))).get().extracting(IdempotencyRecord::fingerprint).isEqualTo(OTHER_PAYLOAD);

    List<LeaseLostException> lost = store.completeAll(claims.stream()
        .map(c -> new Completion(c.key(), ((Claim.Acquired) c).leaseToken(), posted())).toList());

    assertThat(lost).isEmpty();
    assertThat(claimAll(request("k1", PAYLOAD), request("k2", OTHER_PAYLOAD), request("k3", PAYLOAD)))
        .containsExactly(new Claim.Completed(key("k1"), posted()), new Claim.Completed(key("k2"), posted()),
            new Claim.Completed(key("k3"), posted()));
  }

  @Test
  void required_claimAll_answersEachKeyAsClaimWould_freshCompletedInFlightMismatchedAndExpired() {
    Claim.Acquired done = acquire(key("completed"));
    RecordedOutcome outcome = posted();
    store.complete(key("completed"), done.leaseToken(), outcome);
    Claim.Acquired crashed = acquire(key("expired"));
    clock.advance(LEASE.plusSeconds(1));
    Claim.Acquired busy = acquire(key("in-flight"));
    Claim.Acquired other = acquire(key("mismatched"));

    List<Claim> claims = claimAll(request("in-flight", PAYLOAD), request("fresh", PAYLOAD),
        request("mismatched", OTHER_PAYLOAD), request("expired", PAYLOAD), request("completed", PAYLOAD));

    assertThat(claims.get(0)).isEqualTo(new Claim.InFlight(key("in-flight"), busy.leaseExpiresAt()));
    assertThat(claims.get(1)).isInstanceOfSatisfying(Claim.Acquired.class, a -> assertThat(a.attempt()).isEqualTo(1));
    assertThat(claims.get(2)).isEqualTo(new Claim.Mismatch(key("mismatched"), PAYLOAD, OTHER_PAYLOAD));
    assertThat(claims.get(3)).isInstanceOfSatisfying(Claim.Acquired.class, a -> {
      assertThat(a.attempt()).isEqualTo(2);
      assertThat(a.leaseToken()).isNotEqualTo(crashed.leaseToken());
    });
    assertThat(claims.get(4)).isEqualTo(new Claim.Completed(key("completed"), outcome));
    assertThat(store.find(key("mismatched"))).get().extracting(IdempotencyRecord::leaseToken)
        .as("a mismatch changes nothing").isEqualTo(other.leaseToken());
  }

  @Test
  void required_claimAll_withAKeyTwice_claimsThemOneAfterAnother_soTheLaterFindsTheFirstsClaim() {
    List<Claim> claims = claimAll(request("k1", PAYLOAD), request("k2", PAYLOAD), request("k1", PAYLOAD),
        request("k1", OTHER_PAYLOAD));

    assertThat(claims.get(0)).isInstanceOf(Claim.Acquired.class);
    assertThat(claims.get(1)).isInstanceOf(Claim.Acquired.class);
    assertThat(claims.get(2)).isEqualTo(new Claim.InFlight(key("k1"), clock.instant().plus(LEASE)));
    assertThat(claims.get(3)).isEqualTo(new Claim.Mismatch(key("k1"), PAYLOAD, OTHER_PAYLOAD));
    assertThat(store.find(key("k1"))).get().extracting(IdempotencyRecord::leaseToken)
        .isEqualTo(((Claim.Acquired) claims.get(0)).leaseToken());
  }

  @Test
  void required_completeAll_recordsEveryHeldClaim_andReturnsTheLostOnes_inRequestOrder() {
    Claim.Acquired held = acquire(key("held"));
    Claim.Acquired twice = acquire(key("twice"));
    acquire(key("taken"));

    List<LeaseLostException> lost = store.completeAll(List.of(
        new Completion(key("twice"), twice.leaseToken(), posted()),
        new Completion(key("taken"), "not-the-token", posted()),
        new Completion(key("held"), held.leaseToken(), posted()),
        new Completion(key("never"), "t", posted()),
        new Completion(key("twice"), twice.leaseToken(), RecordedOutcome.success("{\"second\":true}", clock.instant()))));

    assertThat(lost).extracting(LeaseLostException::key).containsExactly(key("taken"), key("never"), key("twice"));
    assertThat(lost.get(1)).hasMessageContaining("no record");
    assertThat(lost.get(2)).hasMessageContaining("already completed");
    assertThat(claim(key("held"), PAYLOAD)).isEqualTo(new Claim.Completed(key("held"), posted()));
    assertThat(claim(key("twice"), PAYLOAD)).as("the first completion of a key is the one recorded")
        .isEqualTo(new Claim.Completed(key("twice"), posted()));
    assertThat(claim(key("taken"), PAYLOAD)).isInstanceOf(Claim.InFlight.class);
  }

  @Test
  void required_emptyBatches_doNothing() {
    assertThat(claimAll()).isEmpty();
    assertThat(store.completeAll(List.of())).isEmpty();
  }

  @Test
  void required_aBatchOverTheMaximum_isRefused_withBatchTooLarge_andNothingIsDone() {
    List<ClaimRequest> requests = new ArrayList<>();
    List<Completion> completions = new ArrayList<>();
    for (int i = 0; i <= IdempotencyStore.MAX_BATCH_SIZE; i++) {
      requests.add(request("k-" + i, PAYLOAD));
      completions.add(new Completion(key("k-" + i), "t", posted()));
    }
    Instant now = clock.instant();

    assertThatThrownBy(() -> store.claimAll(requests, now, LEASE, now.plus(RETENTION)))
        .isInstanceOfSatisfying(BatchTooLargeException.class, e -> {
          assertThat(e.code()).isEqualTo("STEWARD-STORE-BATCH_TOO_LARGE");
          assertThat(e.size()).isEqualTo(IdempotencyStore.MAX_BATCH_SIZE + 1);
          assertThat(e.limit()).isEqualTo(IdempotencyStore.MAX_BATCH_SIZE);
        })
        .hasMessageContaining("MAX_BATCH_SIZE");
    assertThatThrownBy(() -> store.completeAll(completions)).isInstanceOf(BatchTooLargeException.class);
    assertThat(store.find(key("k-0"))).isEmpty();
    assertThat(store.claimAll(requests.subList(0, IdempotencyStore.MAX_BATCH_SIZE), now, LEASE, now.plus(RETENTION)))
        .as("a batch of the maximum is taken").hasSize(IdempotencyStore.MAX_BATCH_SIZE)
        .allMatch(c -> c instanceof Claim.Acquired);
  }

  @Test
  void required_aNullBatchOrItem_isRefused_namingIt_andNothingIsDone() {
    Instant now = clock.instant();
    List<ClaimRequest> withNull = new ArrayList<>(List.of(request("k1", PAYLOAD)));
    withNull.add(null);

    assertThatThrownBy(() -> store.claimAll(withNull, now, LEASE, now.plus(RETENTION)))
        .isInstanceOf(NullPointerException.class).hasMessage("requests[1]");
    assertThatThrownBy(() -> store.claimAll(null, now, LEASE, now.plus(RETENTION)))
        .isInstanceOf(NullPointerException.class).hasMessage("requests");
    assertThatThrownBy(() -> store.completeAll(null)).isInstanceOf(NullPointerException.class).hasMessage("completions");
    assertThatThrownBy(() -> new ClaimRequest(key("k1"), null)).isInstanceOf(NullPointerException.class)
        .hasMessage("fingerprint");
    assertThatThrownBy(() -> new Completion(key("k1"), null, posted())).isInstanceOf(NullPointerException.class)
        .hasMessage("leaseToken");
    assertThat(store.find(key("k1"))).isEmpty();
  }

  @Test
  void required_fourThreadsClaimingOverlappingBatches_runEachKeysWorkExactlyOnce() throws Exception {
    int keys = 200;
    ConcurrentHashMap<IdempotencyKey, AtomicInteger> runs = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Random random = new Random(t);
      done.add(pool.submit(() -> {
        start.await();
        for (int round = 0; round < 20; round++) {
          // Batches in differing orders, with a repeat of a key inside some of them.
          List<ClaimRequest> batch = new ArrayList<>();
          for (int i = 0; i < 32; i++) {
            batch.add(request("k-" + random.nextInt(keys), PAYLOAD));
          }
          Instant now = clock.instant();
          List<Completion> completions = new ArrayList<>();
          for (Claim claim : store.claimAll(batch, now, LEASE, now.plus(RETENTION))) {
            if (claim instanceof Claim.Acquired a) {
              runs.computeIfAbsent(a.key(), k -> new AtomicInteger()).incrementAndGet();
              completions.add(new Completion(a.key(), a.leaseToken(), posted()));
            }
          }
          assertThat(store.completeAll(completions)).isEmpty();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(runs).isNotEmpty();
    assertThat(runs.values()).allMatch(count -> count.get() == 1);
  }

  @Test
  void required_sixteenThreadsClaimingTheSameThousandKeys_runEachKeysWorkExactlyOnce() throws Exception {
    int keys = 1_000;
    ConcurrentHashMap<IdempotencyKey, AtomicInteger> runs = new ConcurrentHashMap<>();
    AtomicInteger replays = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < keys; i++) {
          IdempotencyKey key = key("k-" + i);
          Claim claim = claim(key, PAYLOAD);
          if (claim instanceof Claim.Acquired a) {
            runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            store.complete(key, a.leaseToken(), posted());
          } else if (claim instanceof Claim.Completed) {
            replays.incrementAndGet();
          } else {
            assertThat(claim).isInstanceOf(Claim.InFlight.class);
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(runs).hasSize(keys);
    assertThat(runs.values()).allMatch(count -> count.get() == 1);
    assertThat(replays.get()).isPositive();
    for (int i = 0; i < keys; i++) {
      assertThat(store.find(key("k-" + i))).get().extracting(IdempotencyRecord::completed).isEqualTo(true);
    }
  }
}
