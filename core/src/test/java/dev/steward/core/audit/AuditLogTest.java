package dev.steward.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.store.AuditStore;
import dev.steward.core.store.InMemoryAuditStore;
import dev.steward.core.testing.MutableClock;
import dev.steward.model.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  private static final Actor ANALYST = Actor.user("anna.schmidt@acme.example");
  private static final Actor ERP = Actor.system("erp");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

  /** A store whose stored entries someone changes behind Steward's back. */
  private static final class Tampered implements AuditStore {
    private final AuditStore real;
    private final UnaryOperator<List<AuditRecord>> tamper;

    Tampered(AuditStore real, UnaryOperator<List<AuditRecord>> tamper) {
      this.real = real;
      this.tamper = tamper;
    }

    @Override
    public AuditRecord append(Function<Optional<AuditRecord>, AuditRecord> next) {
      return real.append(next);
    }

    @Override
    public List<AuditRecord> read(long from, int limit) {
      return tamper.apply(new ArrayList<>(real.read(from, limit)));
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
      return real.query(query);
    }
  }

  private static Fingerprint fp(String s) {
    return Fingerprint.sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  private AuditLog logWithFiveEntries(AuditStore store) {
    AuditLog log = AuditLog.of(store, clock);
    log.append(AuditEvent.of(ERP, "ownership.decide").entity("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA")
        .attributes(List.of("/legalName")).fingerprints(fp("v6"), fp("v7")).correlationId("c-1").policyVersion("2026.11").build());
    clock.advance(Duration.ofMinutes(1));
    log.append(AuditEvent.of(ANALYST, "mapping.change").details(Map.of("mapping", "project-code->dimension", "reason", "new cost centre")).build());
    clock.advance(Duration.ofMinutes(1));
    log.append(AuditEvent.of(ANALYST, "override.approve").entity("inv_01JDQ6Z3M4X8E2T7V5K9W0B1NB").correlationId("c-2").build());
    clock.advance(Duration.ofMinutes(1));
    log.append(AuditEvent.of(Actor.user("ops.lead@acme.example"), "transaction.reprocess").entity("inv_01JDQ6Z3M4X8E2T7V5K9W0B1NB")
        .correlationId("c-2").build());
    clock.advance(Duration.ofMinutes(1));
    log.append(AuditEvent.of(ERP, "ownership.decide").entity("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA").correlationId("c-3").build());
    return log;
  }

  @Test
  void entries_areChained_andAnIntactLogVerifies() {
    AuditLog log = logWithFiveEntries(InMemoryAuditStore.create());

    List<AuditRecord> all = log.find(AuditQuery.all());
    AuditVerification verification = log.verify();

    assertThat(all).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(all.get(0).previousHash()).isEqualTo(AuditLog.GENESIS);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).previousHash()).isEqualTo(all.get(i - 1).hash());
    }
    assertThat(all).extracting(AuditRecord::hash).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
    assertThat(verification.intact()).isTrue();
    assertThat(verification.checked()).isEqualTo(5);
  }

  @Test
  void whoDidWhat_isAnsweredByQuery() {
    AuditLog log = logWithFiveEntries(InMemoryAuditStore.create());

    assertThat(log.find(AuditQuery.all().withAction("mapping.change"))).singleElement()
        .satisfies(r -> assertThat(r.event().actor()).isEqualTo(ANALYST));
    assertThat(log.find(AuditQuery.all().withAction("override.approve").onEntity("inv_01JDQ6Z3M4X8E2T7V5K9W0B1NB")))
        .extracting(r -> r.event().actor()).containsExactly(ANALYST);
    assertThat(log.find(AuditQuery.all().withAction("transaction.reprocess")))
        .extracting(r -> r.event().actor().id()).containsExactly("ops.lead@acme.example");
    assertThat(log.find(AuditQuery.all().inCorrelation("c-2"))).extracting(AuditRecord::sequence).containsExactly(3L, 4L);
    assertThat(log.find(AuditQuery.all().byActor(ERP).between(Instant.parse("2026-11-27T10:00:00Z"),
        Instant.parse("2026-11-27T10:04:00Z")))).extracting(AuditRecord::sequence).containsExactly(1L);
  }

  @Test
  void anAlteredEntry_isNamed() {
    AuditStore store = new Tampered(InMemoryAuditStore.create(), entries -> {
      AuditRecord r = entries.get(2);
      AuditEvent forged = AuditEvent.of(Actor.user("someone.else@acme.example"), r.event().action())
          .entity(r.event().entity()).correlationId(r.event().correlationId()).build();
      entries.set(2, new AuditRecord(r.sequence(), r.at(), forged, r.previousHash(), r.hash()));
      return entries;
    });

    AuditVerification v = logWithFiveEntries(store).verify();

    assertThat(v.breaks()).singleElement().satisfies(b -> {
      assertThat(b.sequence()).isEqualTo(3);
      assertThat(b.kind()).isEqualTo(AuditVerification.Kind.ALTERED);
      assertThat(b.message()).contains("entry 3");
    });
  }

  @Test
  void aRemovedEntry_isNamed() {
    AuditVerification v = logWithFiveEntries(new Tampered(InMemoryAuditStore.create(), entries -> {
      entries.remove(1);
      return entries;
    })).verify();

    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence, AuditVerification.Break::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, AuditVerification.Kind.REMOVED));
    assertThat(v.breaks().get(0).message()).isEqualTo("entries 2 to 2 are missing before entry 3");
  }

  @Test
  void removingTheNewestEntries_isFoundAgainstAnAnchorKeptOutsideTheLog() {
    AuditLog honest = logWithFiveEntries(InMemoryAuditStore.create());
    AuditRecord anchor = honest.find(AuditQuery.all()).get(4);
    AuditLog truncated = logWithFiveEntries(new Tampered(InMemoryAuditStore.create(), entries -> {
      entries.removeIf(r -> r.sequence() >= 4);
      return entries;
    }));

    assertThat(truncated.verify().intact()).as("the chain alone cannot tell").isTrue();
    assertThat(honest.verify(anchor).intact()).isTrue();
    assertThat(truncated.verify(anchor).breaks()).singleElement().satisfies(b -> {
      assertThat(b.sequence()).isEqualTo(5);
      assertThat(b.kind()).isEqualTo(AuditVerification.Kind.REMOVED);
      assertThat(b.message()).contains("newest entries were removed");
    });
  }

  @Test
  void reorderedEntries_areNamed() {
    AuditVerification v = logWithFiveEntries(new Tampered(InMemoryAuditStore.create(), entries -> {
      AuditRecord third = entries.get(2);
      entries.set(2, entries.get(3));
      entries.set(3, third);
      return entries;
    })).verify();

    assertThat(v.intact()).isFalse();
    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence).contains(3L, 4L);
    assertThat(v.breaks()).extracting(AuditVerification.Break::kind).contains(AuditVerification.Kind.REORDERED);
  }

  @Test
  void aRewrittenEntryWithAFreshHash_breaksTheLinkOfTheNext() {
    AuditStore store = new Tampered(InMemoryAuditStore.create(), entries -> {
      // a forger who recomputes entry 2's own hash still cannot make entry 3 point to it
      AuditRecord r = entries.get(1);
      AuditRecord forged = new AuditRecord(r.sequence(), r.at(), r.event(), r.previousHash(), r.hash().replace('a', 'b'));
      entries.set(1, forged);
      return entries;
    });

    AuditVerification v = logWithFiveEntries(store).verify();

    assertThat(v.breaks()).extracting(AuditVerification.Break::sequence).contains(2L);
  }

  @Test
  void concurrentAppends_makeOneChainWithoutForks() throws Exception {
    AuditLog log = AuditLog.of(InMemoryAuditStore.create(), clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 800; i++) {
      int n = i;
      pool.submit(() -> log.append(AuditEvent.of(ERP, "ownership.decide").correlationId("c-" + n).build()));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    AuditVerification v = log.verify();

    assertThat(v.intact()).isTrue();
    assertThat(v.checked()).isEqualTo(800);
  }

  @Test
  void badEventsAndQueries_areRefused() {
    assertThatThrownBy(() -> AuditEvent.of(ANALYST, " ").build()).hasMessageContaining("action");
    assertThatThrownBy(() -> Actor.user("")).hasMessageContaining("actor id");
    assertThatThrownBy(() -> AuditEvent.of(ANALYST, "a").correlationId("c".repeat(256)).build())
        .hasMessageContaining("correlationId must be 1 to 255");
    assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, null, 0, AuditQuery.Order.OLDEST_FIRST)).hasMessageContaining("limit");
  }
}
