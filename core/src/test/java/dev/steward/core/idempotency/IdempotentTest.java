package dev.steward.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.store.IdempotencyStore;
import dev.steward.core.store.InMemoryIdempotencyStore;
import dev.steward.core.testing.MutableClock;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Envelope;
import dev.steward.spi.CallContext;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdempotentTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final IdempotencyKey KEY = IdempotencyKey.of("erp.post-invoice", "billing:in_1QXyZ:3");

  /** What an ERP posting returns. */
  public record Posting(String document, int lines) {}

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final IdempotencyStore store = InMemoryIdempotencyStore.create(clock);
  private final Idempotent idempotent = Idempotent.builder(store).clock(clock).build();
  private final AtomicInteger postings = new AtomicInteger();

  private static JsonNode payload(String invoiceNumber) {
    return JSON.readTree("{\"invoiceNumber\":\"" + invoiceNumber + "\",\"total\":{\"amount\":\"10781.40\",\"currency\":\"EUR\"}}");
  }

  private Posting post(IdempotencyKey key) {
    postings.incrementAndGet();
    return new Posting("JE-" + (4710 + postings.get()), 2);
  }

  @Test
  void firstRun_doesTheWork_andARepeatReplaysItsResult_withoutDoingItAgain() throws Exception {
    Idempotent.Execution<Posting> first = idempotent.run(KEY, payload("INV-1"), Posting.class, this::post);
    // the same content, written another way: same canonical JSON, same fingerprint
    JsonNode reordered = JSON.readTree("{\"total\":{\"currency\":\"EUR\",\"amount\":\"10781.40\"},\"invoiceNumber\":\"INV-1\"}");
    Idempotent.Execution<Posting> again = idempotent.run(KEY, reordered, Posting.class, this::post);

    assertThat(first.replayed()).isFalse();
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(again.replayed()).isTrue();
    assertThat(again.result()).isEqualTo(first.result()).isEqualTo(new Posting("JE-4711", 2));
    assertThat(postings).hasValue(1);
  }

  @Test
  void longWork_renewsItsLease_soARepeatMeanwhileIsInFlight_notATakeover() throws Exception {
    Idempotent.Execution<Posting> done = idempotent.runLeased(KEY, payload("INV-1"), Posting.class, lease -> {
      for (int step = 0; step < 4; step++) {
        clock.advance(Duration.ofSeconds(20)); // each step takes two thirds of the 30 s lease
        assertThat(lease.renew()).isEqualTo(clock.instant().plus(Idempotent.DEFAULT_LEASE));
        assertThatThrownBy(() -> idempotent.run(KEY, payload("INV-1"), Posting.class, this::post))
            .isInstanceOf(IdempotencyConflictException.class);
      }
      assertThat(lease.key()).isEqualTo(KEY);
      return post(lease.key());
    });

    assertThat(done.result()).isEqualTo(new Posting("JE-4711", 2));
    assertThat(postings).hasValue(1);
  }

  @Test
  void aLeaseTakenOverWhileTheWorkRan_cannotBeRenewed_andItsCompletionIsRefused() {
    assertThatThrownBy(() -> idempotent.runLeased(KEY, payload("INV-1"), Posting.class, lease -> {
      clock.advance(Duration.ofSeconds(31));
      idempotent.run(KEY, payload("INV-1"), Posting.class, this::post); // takes the key over
      lease.renew();
      return post(lease.key());
    })).isInstanceOf(LeaseLostException.class);
    assertThat(postings).hasValue(1);
  }

  @Test
  void theKey_isHandedToTheWork_forDownstreamApis() throws Exception {
    AtomicReference<IdempotencyKey> seen = new AtomicReference<>();

    idempotent.run(KEY, payload("INV-1"), Void.class, k -> {
      seen.set(k);
      return null;
    });

    assertThat(seen.get()).isEqualTo(KEY);
  }

  @Test
  void reusingAKeyForOtherContent_isAConflict_namingBothFingerprints() throws Exception {
    idempotent.run(KEY, payload("INV-1"), Posting.class, this::post);

    assertThatThrownBy(() -> idempotent.run(KEY, payload("INV-2"), Posting.class, this::post))
        .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
          assertThat(e.reason()).isEqualTo(IdempotencyConflictException.Reason.MISMATCH);
          assertThat(e.code()).isEqualTo("STEWARD-IDEMPOTENCY-KEY_MISMATCH");
          assertThat(e.getMessage()).contains(e.recorded().toString()).contains(e.presented().toString());
          assertThat(e.recorded()).isNotEqualTo(e.presented());
        });
    assertThat(postings).hasValue(1);
  }

  @Test
  void aRepeatWhileTheFirstIsWorking_isInFlight() throws Exception {
    AtomicReference<Throwable> inner = new AtomicReference<>();

    idempotent.run(KEY, payload("INV-1"), Posting.class, k -> {
      try {
        idempotent.run(KEY, payload("INV-1"), Posting.class, this::post);
      } catch (Throwable e) {
        inner.set(e);
      }
      return post(k);
    });

    assertThat(inner.get()).isInstanceOfSatisfying(IdempotencyConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(IdempotencyConflictException.Reason.IN_FLIGHT));
    assertThat(postings).hasValue(1);
  }

  @Test
  void aFailure_isRecorded_andReplayed_notRunAgain() {
    assertThatThrownBy(() -> idempotent.run(KEY, payload("INV-1"), Posting.class, k -> {
      postings.incrementAndGet();
      throw new IllegalStateException("accounting period 2026-10 is closed");
    })).isInstanceOf(IllegalStateException.class);

    assertThatThrownBy(() -> idempotent.run(KEY, payload("INV-1"), Posting.class, this::post))
        .isInstanceOfSatisfying(ReplayedFailureException.class, e -> {
          assertThat(e.outcome().errorType()).isEqualTo("java.lang.IllegalStateException");
          assertThat(e.getMessage()).contains("accounting period 2026-10 is closed").contains("replayed, not run again");
        });
    assertThat(postings).hasValue(1);
  }

  @Test
  void aTransientFailure_releasesTheClaim_soTheNextCallRunsTheWork() throws Exception {
    Idempotent retrying = Idempotent.builder(store).clock(clock).releaseOn(e -> e instanceof IOException).build();

    assertThatThrownBy(() -> retrying.run(KEY, payload("INV-1"), Posting.class, k -> {
      postings.incrementAndGet();
      throw new IOException("connection reset by ERP");
    })).isInstanceOf(IOException.class);
    Idempotent.Execution<Posting> second = retrying.run(KEY, payload("INV-1"), Posting.class, this::post);

    assertThat(second.replayed()).isFalse();
    assertThat(postings).hasValue(2);
  }

  @Test
  void workThatOutlivesItsLease_andIsTakenOver_cannotRecordItsOutcome() {
    Idempotent slow = Idempotent.builder(store).clock(clock).lease(Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> slow.run(KEY, payload("INV-1"), Posting.class, k -> {
      clock.advance(Duration.ofSeconds(6));
      slow.run(KEY, payload("INV-1"), Posting.class, this::post); // a second worker takes the key over
      return post(k);
    })).isInstanceOf(LeaseLostException.class).hasMessageContaining(KEY.toString());
    assertThat(postings).as("the effect happened twice, which LeaseLostException reports").hasValue(2);
  }

  @Test
  void keysFromEnvelopes_useTheirIdempotencyKey_orSourceAndId() {
    Envelope withKey = Envelope.builder().id("evt-1").source(URI.create("/systems/billing")).type("steward.invoice.changed")
        .idempotencyKey("in_1QXyZ:3").build();
    Envelope withoutKey = Envelope.builder().id("evt-2").source(URI.create("/systems/crm")).type("steward.customer.changed")
        .build();

    assertThat(IdempotencyKey.of("erp.post-invoice", withKey).key()).isEqualTo("in_1QXyZ:3");
    assertThat(IdempotencyKey.of("crm.sync", withoutKey).key()).isEqualTo("12:/systems/crm#evt-2");
    Envelope a = Envelope.builder().id("1").source(URI.create("/crm#a")).type("t").build();
    Envelope b = Envelope.builder().id("a#1").source(URI.create("/crm")).type("t").build();
    assertThat(IdempotencyKey.of("crm.sync", a)).isNotEqualTo(IdempotencyKey.of("crm.sync", b));
  }

  @Test
  void downstreamKeys_fitDownstreamApis_andNeverCollide() {
    assertThat(IdempotencyKey.of("erp.post-invoice", "evt-1").downstream()).isEqualTo("erp.post-invoice:evt-1");
    String longKey = "k".repeat(250);
    String hashed = IdempotencyKey.of("erp.post-invoice", longKey).downstream();
    assertThat(hashed).startsWith("sha256:").hasSize(7 + 64);
    assertThat(IdempotencyKey.of("erp.post-invoice", "rechnung-größe").downstream()).startsWith("sha256:")
        .isNotEqualTo(IdempotencyKey.of("erp.post-invoice", "rechnung-grösse").downstream());
    CallContext call = CallContext.builder(Instant.parse("2026-11-27T10:00:00Z")).idempotencyKey(hashed).build();
    assertThat(call.idempotencyKey()).contains(hashed);
    // Both parts long: the split between namespace and key still tells them apart.
    assertThat(IdempotencyKey.of("a".repeat(200), "b".repeat(100)).downstream())
        .isNotEqualTo(IdempotencyKey.of("a".repeat(201), "b".repeat(99)).downstream())
        .isEqualTo(IdempotencyKey.of("a".repeat(200), "b".repeat(100)).downstream());
  }

  @Test
  void keys_areOneTo255PrintableCharacters() {
    assertThat(IdempotencyKey.of("ns", "k".repeat(255)).key()).hasSize(255);
    assertThatThrownBy(() -> IdempotencyKey.of("ns", "")).hasMessageContaining("1 to 255");
    assertThatThrownBy(() -> IdempotencyKey.of("ns", "k".repeat(256))).hasMessageContaining("was 256");
    assertThatThrownBy(() -> IdempotencyKey.of("ns", "a\nb")).hasMessageContaining("U+000A").hasMessageContaining("index 1");
    assertThatThrownBy(() -> IdempotencyKey.of("", "k")).hasMessageContaining("namespace");
    assertThatThrownBy(() -> IdempotencyKey.of("ns", "   ")).hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> IdempotencyKey.of("ns", (String) null)).isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThatThrownBy(() -> idempotent.run(KEY, (JsonNode) null, Posting.class, this::post))
        .isInstanceOf(NullPointerException.class).hasMessage("payload");
    assertThat(IdempotencyKey.of("ns", "Zürich 🙂").toString()).isEqualTo("ns:Zürich 🙂");
    assertThatThrownBy(() -> IdempotencyKey.of("ns", "x\uD800")).hasMessageContaining("U+D800");
  }

  @Test
  void subsetFingerprints_ignoreWhatIsNotDeclared() {
    PayloadFingerprints fp = PayloadFingerprints.using(JSON);
    JsonNode a = JSON.readTree("{\"invoiceNumber\":\"INV-1\",\"sentAt\":\"2026-11-27T10:00:00Z\"}");
    JsonNode b = JSON.readTree("{\"invoiceNumber\":\"INV-1\",\"sentAt\":\"2026-11-27T10:05:00Z\"}");
    JsonNode c = JSON.readTree("{\"sentAt\":\"2026-11-27T10:05:00Z\"}");

    assertThat(fp.of(a, List.of("/invoiceNumber"))).isEqualTo(fp.of(b, List.of("/invoiceNumber")));
    assertThat(fp.of(a)).isNotEqualTo(fp.of(b));
    assertThat(fp.of(c, List.of("/invoiceNumber"))).isNotEqualTo(fp.of(a, List.of("/invoiceNumber")));
    assertThatThrownBy(() -> fp.of(a, List.of("invoiceNumber"))).hasMessageContaining("not a JSON Pointer");
  }

  @Test
  void anOperatorsReplay_runsTheWorkAgain_isAudited_andNeedsAReason() throws Exception {
    dev.steward.core.audit.AuditLog audit = dev.steward.core.audit.AuditLog.of(
        dev.steward.core.store.InMemoryAuditStore.create(), clock);
    Idempotent audited = Idempotent.builder(store).clock(clock).audit(audit).build();
    dev.steward.core.audit.Actor ops = dev.steward.core.audit.Actor.user("ops.lead@acme.example");
    assertThatThrownBy(() -> audited.run(KEY, payload("INV-1"), Posting.class, k -> {
      postings.incrementAndGet();
      throw new IllegalStateException("accounting period 2026-10 is closed");
    })).isInstanceOf(IllegalStateException.class);

    Idempotent.Execution<Posting> replayed = audited.replay(KEY, payload("INV-1"), Posting.class, this::post, ops,
        "period 2026-10 reopened by finance");
    Idempotent.Execution<Posting> afterwards = audited.run(KEY, payload("INV-1"), Posting.class, this::post);

    assertThat(replayed.replayed()).isFalse();
    assertThat(replayed.attempt()).isEqualTo(2);
    assertThat(afterwards.replayed()).isTrue();
    assertThat(afterwards.result()).isEqualTo(replayed.result());
    assertThat(postings).hasValue(2);
    assertThat(audit.find(dev.steward.core.audit.AuditQuery.all().withAction("idempotency.replay"))).singleElement()
        .satisfies(r -> {
          assertThat(r.event().actor()).isEqualTo(ops);
          assertThat(r.event().details()).containsEntry("reason", "period 2026-10 reopened by finance")
              .containsEntry("key", KEY.toString());
        });
    assertThatThrownBy(() -> idempotent.replay(KEY, payload("INV-1"), Posting.class, this::post, ops, "again"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit log");
    assertThatThrownBy(() -> audited.replay(KEY, payload("INV-1"), Posting.class, this::post, ops, " "))
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> audited.replay(KEY, payload("INV-2"), Posting.class, this::post, ops, "wrong payload"))
        .isInstanceOf(IdempotencyConflictException.class);
  }

  /** A result the work returns after its effect happened, which cannot be written as JSON. */
  public record Unrecordable(String document) {
    @Override
    public String document() {
      throw new IllegalStateException("lazy field not initialized");
    }
  }

  /** A store whose completions fail as often as told. */
  private static IdempotencyStore failingCompletions(IdempotencyStore real, AtomicInteger failures) {
    return new IdempotencyStore() {
      @Override
      public Claim claim(IdempotencyKey key, dev.steward.model.Fingerprint f, Instant now, Duration lease, Instant exp) {
        return real.claim(key, f, now, lease, exp);
      }

      @Override
      public void complete(IdempotencyKey key, String leaseToken, RecordedOutcome outcome) {
        if (failures.getAndDecrement() > 0) {
          throw new IllegalStateException("connection reset");
        }
        real.complete(key, leaseToken, outcome);
      }

      @Override
      public void release(IdempotencyKey key, String leaseToken) {
        real.release(key, leaseToken);
      }

      @Override
      public Instant renew(IdempotencyKey key, String leaseToken, Instant now, Duration lease) {
        return real.renew(key, leaseToken, now, lease);
      }

      @Override
      public Claim reopen(IdempotencyKey key, dev.steward.model.Fingerprint f, Instant now, Duration lease, Instant exp) {
        return real.reopen(key, f, now, lease, exp);
      }

      @Override
      public java.util.Optional<IdempotencyRecord> find(IdempotencyKey key) {
        return real.find(key);
      }

      @Override
      public int purgeExpired(Instant now, int limit) {
        return real.purgeExpired(now, limit);
      }
    };
  }

  @Test
  void aResultThatCannotBeRecorded_isReportedWithTheResult_andTheWorkNeverRunsAgain() {
    assertThatThrownBy(() -> idempotent.run(KEY, payload("INV-1"), Unrecordable.class, k -> {
      postings.incrementAndGet();
      return new Unrecordable("JE-4711");
    })).isInstanceOfSatisfying(OutcomeNotRecordedException.class, e -> {
      assertThat(e.result()).isInstanceOf(Unrecordable.class);
      assertThat(e.getMessage()).contains("ran, but its outcome was not recorded");
    });
    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(() -> idempotent.run(KEY, payload("INV-1"), Unrecordable.class, k -> {
      postings.incrementAndGet();
      return new Unrecordable("JE-4712");
    })).isInstanceOfSatisfying(ReplayedFailureException.class,
        e -> assertThat(e.getMessage()).contains("the work succeeded, but its"));
    assertThat(postings).hasValue(1);
  }

  @Test
  void aStoreBlipWhileRecordingASuccess_isRetried_andAPersistentFailureCarriesTheResult() throws Exception {
    AtomicInteger failures = new AtomicInteger(2);
    Idempotent blips = Idempotent.builder(failingCompletions(store, failures)).clock(clock).build();

    Idempotent.Execution<Posting> posted = blips.run(KEY, payload("INV-1"), Posting.class, this::post);
    failures.set(10);
    IdempotencyKey other = IdempotencyKey.of("erp.post-invoice", "billing:in_2:1");

    assertThat(posted.replayed()).isFalse();
    assertThat(blips.run(KEY, payload("INV-1"), Posting.class, this::post).replayed()).isTrue();
    assertThatThrownBy(() -> blips.run(other, payload("INV-2"), Posting.class, this::post))
        .isInstanceOfSatisfying(OutcomeNotRecordedException.class,
            e -> assertThat(e.result()).isEqualTo(new Posting("JE-4712", 2)));
    assertThat(postings).hasValue(2);
  }

  @Test
  void aReleasePredicateThatThrows_neitherHidesTheWorksFailure_norLeavesTheClaimInFlight() {
    Idempotent careless = Idempotent.builder(store).clock(clock).releaseOn(e -> e.getMessage().contains("timeout")).build();
    IllegalStateException closed = new IllegalStateException();

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> careless.run(KEY, payload("INV-1"), Posting.class, k -> {
          throw closed;
        }));

    assertThat(thrown).isSameAs(closed);
    assertThat(thrown.getSuppressed()).hasSize(1);
    assertThat(store.find(KEY)).hasValueSatisfying(r -> assertThat(r.completed()).isTrue());
  }

  @Test
  void aReplayThatCannotBeAudited_doesNotHappen() throws Exception {
    idempotent.run(KEY, payload("INV-1"), Posting.class, this::post);
    dev.steward.core.audit.AuditLog broken = dev.steward.core.audit.AuditLog.of(new dev.steward.core.store.AuditStore() {
      @Override
      public dev.steward.core.audit.AuditRecord append(
          java.util.function.Function<java.util.Optional<dev.steward.core.audit.AuditRecord>, dev.steward.core.audit.AuditRecord> next) {
        throw new IllegalStateException("audit database down");
      }

      @Override
      public List<dev.steward.core.audit.AuditRecord> read(long from, int limit) {
        return List.of();
      }

      @Override
      public List<dev.steward.core.audit.AuditRecord> query(dev.steward.core.audit.AuditQuery query) {
        return List.of();
      }
    }, clock);
    Idempotent audited = Idempotent.builder(store).clock(clock).audit(broken).build();

    assertThatThrownBy(() -> audited.replay(KEY, payload("INV-1"), Posting.class, this::post,
        dev.steward.core.audit.Actor.user("ops@acme.example"), "fix deployed")).hasMessageContaining("audit database down");
    assertThat(store.find(KEY)).hasValueSatisfying(r -> assertThat(r.completed()).isTrue());
    assertThat(postings).hasValue(1);
  }

  @Test
  void anInterruptedWork_releasesTheClaim_byDefault_andKeepsTheInterrupt() throws Exception {
    assertThatThrownBy(() -> idempotent.run(KEY, payload("INV-1"), Posting.class, k -> {
      throw new InterruptedException("shutting down");
    })).isInstanceOf(InterruptedException.class);

    assertThat(Thread.interrupted()).as("the interrupt is kept (and cleared here)").isTrue();
    assertThat(store.find(KEY)).isEmpty();
    assertThat(idempotent.run(KEY, payload("INV-1"), Posting.class, this::post).replayed()).isFalse();
  }

  @Test
  void aSubsetFingerprint_letsTwoSendsThatDifferOnlyInWhatIsNotDeclaredBeOneOperation() throws Exception {
    PayloadFingerprints fp = PayloadFingerprints.using(JSON);
    JsonNode first = JSON.readTree("{\"invoiceNumber\":\"INV-1\",\"sentAt\":\"2026-11-27T10:00:00Z\"}");
    JsonNode resent = JSON.readTree("{\"invoiceNumber\":\"INV-1\",\"sentAt\":\"2026-11-27T10:05:00Z\"}");

    idempotent.run(KEY, fp.of(first, List.of("/invoiceNumber")), Posting.class, this::post);
    Idempotent.Execution<Posting> again = idempotent.run(KEY, fp.of(resent, List.of("/invoiceNumber")), Posting.class,
        this::post);

    assertThat(again.replayed()).isTrue();
    assertThat(postings).hasValue(1);
  }
}
