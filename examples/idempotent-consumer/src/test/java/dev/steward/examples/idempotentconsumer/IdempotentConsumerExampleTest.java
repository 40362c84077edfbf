package dev.steward.examples.idempotentconsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.PayloadFingerprints;
import dev.steward.core.store.AuditStore;
import dev.steward.core.store.InMemoryAuditStore;
import dev.steward.core.store.InMemoryIdempotencyStore;
import dev.steward.core.store.InMemorySequenceStore;
import dev.steward.core.store.JdbcStores;
import dev.steward.examples.idempotentconsumer.IdempotentConsumerExample.Result;
import dev.steward.examples.idempotentconsumer.IdempotentConsumerExample.Summary;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Envelope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotentConsumerExampleTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private List<String> lines() {
    return List.of(printed.toString(StandardCharsets.UTF_8).split("\\R"));
  }

  private static StandInErp erp() {
    return new StandInErp(Set.of("INV-2026-0002"));
  }

  @Test
  void inMemory_eachInvoiceVersionIsPostedOnce_thoughTheBrokerRepeatsAndReorders() {
    StandInErp erp = erp();
    Summary summary = new IdempotentConsumerExample(CLOCK, out, erp, InMemoryIdempotencyStore.create(CLOCK),
        InMemorySequenceStore.create(), InMemoryAuditStore.create()).run(IdempotentConsumerExample.deliveries(CLOCK.instant()));

    assertThat(summary.results()).containsExactlyInAnyOrderEntriesOf(Map.of(Result.POSTED, 3, Result.REPLAYED, 1,
        Result.HELD_FOR_RETRY, 1, Result.REFUSED_MISMATCH, 1, Result.STALE, 1, Result.ESCALATED, 1));
    assertThat(summary.erpCalls()).as("three postings and the call refused with 503").isEqualTo(4);
    assertThat(erp.calls()).extracting(StandInErp.Call::invoiceId)
        .containsExactly("INV-2026-0001", "INV-2026-0002", "INV-2026-0002", "INV-2026-0001");
    assertThat(summary.auditEntries()).isEqualTo(3);
    assertThat(summary.auditIntact()).isTrue();
    assertThat(lines()).element(1).asString().contains("REPLAYED").contains("JE-2026-00001");
    assertThat(lines()).element(5).asString().contains("REFUSED_MISMATCH").contains("sha-256:")
        .contains("first used with a payload of fingerprint");
    assertThat(lines()).element(6).asString().contains("STALE").contains("is at 2; a change at 1");
    assertThat(lines()).element(7).asString().contains("ESCALATED")
        .contains("version 4 of INV-2026-0001 skips version 3: not posted");
  }

  @Test
  void aVersionThatSkipsOne_isEscalatedNotHeld_soTheMissingVersionStillPosts() {
    StandInErp erp = erp();
    IdempotentConsumerExample consumer = new IdempotentConsumerExample(CLOCK, out, erp,
        InMemoryIdempotencyStore.create(CLOCK), InMemorySequenceStore.create(), InMemoryAuditStore.create());
    consumer.run(IdempotentConsumerExample.deliveries(CLOCK.instant()));
    int before = erp.calls().size();

    Result missing = consumer.handle(IdempotentConsumerExample.invoice("evt-1005", "INV-2026-0001", 3, "1010.00",
        CLOCK.instant()));
    Result escalatedAgain = consumer.handle(IdempotentConsumerExample.invoice("evt-1006", "INV-2026-0001", 4,
        "1000.00", CLOCK.instant()));

    assertThat(missing).as("version 3, once it comes").isEqualTo(Result.POSTED);
    assertThat(escalatedAgain).as("the escalated key replays its outcome until a person replays it")
        .isEqualTo(Result.ESCALATED);
    assertThat(erp.calls().subList(before, erp.calls().size())).extracting(StandInErp.Call::invoiceId)
        .containsExactly("INV-2026-0001");
  }

  @Test
  void theErpCall_carriesTheKeyDownstream_andAChildSpanOfBillingsTrace() {
    StandInErp erp = erp();
    new IdempotentConsumerExample(CLOCK, out, erp, InMemoryIdempotencyStore.create(CLOCK),
        InMemorySequenceStore.create(), InMemoryAuditStore.create()).run(IdempotentConsumerExample.deliveries(CLOCK.instant()));

    StandInErp.Call first = erp.calls().get(0);
    assertThat(first.idempotencyKey()).isEqualTo("erp.post-invoice:16:/systems/billing#evt-1001");
    assertThat(first.headers()).containsEntry("X-Correlation-ID", "corr-INV-2026-0001");
    assertThat(first.headers().get("traceparent")).as("a child span of billing's trace")
        .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
        .isNotEqualTo(IdempotentConsumerExample.TRACEPARENT);
    assertThat(erp.calls().get(1).idempotencyKey()).as("the retry after the 503 sends the same key")
        .isEqualTo(erp.calls().get(2).idempotencyKey());
  }

  @Test
  void inAnH2File_aSecondRunReplaysEveryDelivery_andCallsTheErpNotOnce(@TempDir Path dir) {
    Path file = dir.resolve("consumer");
    Summary first = runOnH2(file, erp());
    assertThat(first.erpCalls()).isEqualTo(4);

    StandInErp afterRestart = erp();
    Summary second = runOnH2(file, afterRestart);

    assertThat(second.results()).containsExactlyInAnyOrderEntriesOf(Map.of(Result.REPLAYED, 5,
        Result.REFUSED_MISMATCH, 1, Result.STALE, 1, Result.ESCALATED, 1));
    assertThat(afterRestart.calls()).isEmpty();
    assertThat(second.auditEntries()).as("nothing posted, nothing audited again").isEqualTo(3);
    assertThat(second.auditIntact()).isTrue();
  }

  @Test
  void anAuditEntryThatFailsAfterThePosting_stillMovesTheInvoiceOn_soItsNextVersionPosts() {
    StandInErp erp = erp();
    IdempotentConsumerExample consumer = new IdempotentConsumerExample(CLOCK, out, erp,
        InMemoryIdempotencyStore.create(CLOCK), InMemorySequenceStore.create(), new FailingOnce(InMemoryAuditStore.create()));
    List<Envelope> deliveries = IdempotentConsumerExample.deliveries(CLOCK.instant());

    assertThatThrownBy(() -> consumer.handle(deliveries.get(0))).hasRootCauseMessage("audit store unavailable");
    assertThat(consumer.handle(deliveries.get(4))).as("version 2, after version 1 was posted").isEqualTo(Result.POSTED);
    assertThat(erp.calls()).hasSize(2);
  }

  @Test
  void aRedeliveryOfAKeyWhoseWorkFailed_isReportedAsFailed_notAsStale() {
    StandInErp erp = erp();
    IdempotentConsumerExample consumer = new IdempotentConsumerExample(CLOCK, out, erp,
        InMemoryIdempotencyStore.create(CLOCK), InMemorySequenceStore.create(), new FailingOnce(InMemoryAuditStore.create()));
    Envelope first = IdempotentConsumerExample.deliveries(CLOCK.instant()).get(0);
    assertThatThrownBy(() -> consumer.handle(first)).hasRootCauseMessage("audit store unavailable");

    assertThat(consumer.handle(first)).isEqualTo(Result.FAILED);
    assertThat(lines()).last().asString().contains("FAILED  (recorded) java.lang.IllegalStateException: audit store unavailable");
    assertThat(erp.calls()).as("the posting is not repeated").hasSize(1);
  }

  @Test
  void aDeliveryWhoseKeyAnotherConsumerHolds_isHeldForRetry_notRefused() {
    StandInErp erp = erp();
    InMemoryIdempotencyStore keys = InMemoryIdempotencyStore.create(CLOCK);
    Envelope first = IdempotentConsumerExample.deliveries(CLOCK.instant()).get(0);
    keys.claim(IdempotencyKey.of(IdempotentConsumerExample.NAMESPACE, first),
        PayloadFingerprints.using(CanonicalJson.ofDefaults()).of(Objects.requireNonNull(first.data())),
        CLOCK.instant(), Duration.ofSeconds(30), CLOCK.instant().plus(Duration.ofHours(24)));

    Result result = new IdempotentConsumerExample(CLOCK, out, erp, keys, InMemorySequenceStore.create(),
        InMemoryAuditStore.create()).handle(first);

    assertThat(result).isEqualTo(Result.HELD_FOR_RETRY);
    assertThat(lines()).last().asString().contains("is in flight");
    assertThat(erp.calls()).isEmpty();
  }

  /** An audit store whose first append fails. */
  private static final class FailingOnce implements AuditStore {
    private final AuditStore delegate;
    private boolean failed;

    FailingOnce(AuditStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public AuditRecord append(Function<Optional<AuditRecord>, AuditRecord> next) {
      if (!failed) {
        failed = true;
        throw new IllegalStateException("audit store unavailable");
      }
      return delegate.append(next);
    }

    @Override
    public List<AuditRecord> read(long from, int limit) {
      return delegate.read(from, limit);
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
      return delegate.query(query);
    }
  }

  private Summary runOnH2(Path file, StandInErp erp) {
    JdbcStores stores = IdempotentConsumerExample.h2(file);
    stores.migrate();
    return new IdempotentConsumerExample(CLOCK, out, erp, stores.idempotencyStore(), stores.sequenceStore(),
        stores.auditStore()).run(IdempotentConsumerExample.deliveries(CLOCK.instant()));
  }
}
