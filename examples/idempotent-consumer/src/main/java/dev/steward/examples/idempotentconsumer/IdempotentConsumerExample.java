package dev.steward.examples.idempotentconsumer;

import dev.steward.core.audit.Actor;
import dev.steward.core.audit.AuditEvent;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.audit.AuditVerification;
import dev.steward.core.correlation.Correlation;
import dev.steward.core.correlation.CorrelationScope;
import dev.steward.core.idempotency.IdempotencyConflictException;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.Idempotent;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.core.idempotency.ReplayedFailureException;
import dev.steward.core.idempotency.Sequencer;
import dev.steward.core.store.AuditStore;
import dev.steward.core.store.IdempotencyStore;
import dev.steward.core.store.InMemoryAuditStore;
import dev.steward.core.store.InMemoryIdempotencyStore;
import dev.steward.core.store.InMemorySequenceStore;
import dev.steward.core.store.JdbcStores;
import dev.steward.core.store.SequenceStore;
import dev.steward.examples.idempotentconsumer.StandInErp.Posting;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Envelope;
import dev.steward.spi.CallContext;
import dev.steward.spi.ConnectorException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.jdbcx.JdbcDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts invoices finalized in billing to the ERP exactly once, as the consumer of a broker that
 * delivers at least once would. Each delivery is an {@code invoice.finalized} envelope; the
 * consumer:
 *
 * <ol>
 *   <li>opens the correlation of its own step, caused by the envelope and a child span of its
 *       trace (MDC keys for the logs, headers for the ERP call);
 *   <li>claims the envelope's idempotency key with {@link Idempotent}: a repeat replays the
 *       recorded posting and calls nothing, a changed payload under a used key is refused;
 *   <li>offers the invoice's version to a {@link Sequencer}: a version older than one already
 *       posted is stale and is never posted; a version that skips one is escalated to a person
 *       rather than posted around the gap;
 *   <li>posts to the ERP with the key (for an ERP that honours one) and the trace headers, appends
 *       an audit entry, and commits the version; a 503 from the ERP releases the claim, so the
 *       redelivery posts.
 * </ol>
 *
 * <p>With no arguments everything is in memory. With {@code --h2 <file>} the keys, versions and
 * audit log live in an H2 file database, so a second run replays every delivery and calls the ERP
 * not once.
 */
public final class IdempotentConsumerExample {
  /** The namespace of the consumer's idempotency keys: one operation, one consumer. */
  static final String NAMESPACE = "erp.post-invoice";
  /** A trace started in billing, as its W3C {@code traceparent} header. */
  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** What became of one delivery. */
  enum Result {
    /** Posted to the ERP now. */
    POSTED,
    /** A repeat of a posted key: the recorded posting, the ERP not called. */
    REPLAYED,
    /**
     * The ERP was unavailable, and the claim was released for the redelivery; or another consumer
     * holds the key: the redelivery replays what it posted.
     */
    HELD_FOR_RETRY,
    /** The key was used before with another payload (HTTP 422): for a person to look at. */
    REFUSED_MISMATCH,
    /** An older version than one already posted: never posted. */
    STALE,
    /**
     * A version that skips one: not posted around the gap, but handed to a person, who replays
     * the key once the missing version is posted.
     */
    ESCALATED,
    /** The work failed in another way, and the failure was recorded: for a person to look at. */
    FAILED
  }

  private final Clock clock;
  private final PrintStream out;
  private final StandInErp erp;
  private final Idempotent idempotent;
  private final Sequencer<String> sequencer;
  private final AuditLog audit;

  IdempotentConsumerExample(Clock clock, PrintStream out, StandInErp erp, IdempotencyStore keys,
      SequenceStore versions, AuditStore auditStore) {
    this.clock = clock;
    this.out = out;
    this.erp = erp;
    this.audit = AuditLog.of(auditStore, clock);
    this.idempotent = Idempotent.builder(keys)
        .clock(clock)
        .audit(audit)
        // A failure worth retrying releases the key; any other is recorded and replayed.
        .releaseOn(e -> e instanceof ConnectorException failure && failure.retryable())
        .build();
    // No reorder window: a version that skips one is escalated at once rather than held. A consumer
    // that waits uses a window, calls expire() on a schedule, and posts every change of each ticket
    // in order (a ticket holds the released versions too) before it commits the ticket.
    this.sequencer = Sequencer.of(versions, clock, Duration.ZERO, 100, Sequencer.GapPolicy.ESCALATE);
  }

  /**
   * Runs the example.
   *
   * @param args none, or {@code --h2 <file>} to keep keys, versions and audit in an H2 file
   */
  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    StandInErp erp = new StandInErp(Set.of("INV-2026-0002"));
    if (args.length == 2 && args[0].equals("--h2")) {
      JdbcStores stores = h2(Path.of(args[1]));
      stores.migrate();
      new IdempotentConsumerExample(clock, System.out, erp, stores.idempotencyStore(), stores.sequenceStore(),
          stores.auditStore()).run(deliveries(clock.instant()));
    } else if (args.length == 0) {
      new IdempotentConsumerExample(clock, System.out, erp, InMemoryIdempotencyStore.create(clock),
          InMemorySequenceStore.create(), InMemoryAuditStore.create()).run(deliveries(clock.instant()));
    } else {
      System.err.println("usage: IdempotentConsumerExample [--h2 <file>]");
      System.exit(2);
    }
  }

  /** The stores over an H2 file database at {@code file} (H2 adds {@code .mv.db}). */
  static JdbcStores h2(Path file) {
    JdbcDataSource dataSource = new JdbcDataSource();
    // Every commit reaches the file before the store answers; Steward refuses H2's default delay.
    dataSource.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0");
    return JdbcStores.builder(dataSource).build();
  }

  /** What the deliveries came to. */
  record Summary(Map<Result, Integer> results, int erpCalls, long auditEntries, boolean auditIntact) {}

  /** Handles each delivery in turn, prints what became of it and a summary, and returns the summary. */
  Summary run(List<Envelope> deliveries) {
    Map<Result, Integer> results = new EnumMap<>(Result.class);
    int callsBefore = erp.calls().size();
    for (Envelope delivery : deliveries) {
      Result result = handle(delivery);
      results.merge(result, 1, Integer::sum);
    }
    AuditVerification verification = audit.verify();
    out.printf("%d deliveries: %s; the ERP was called %d times; audit log: %d entries, %s%n", deliveries.size(),
        results, erp.calls().size() - callsBefore, verification.checked(),
        verification.intact() ? "chain intact" : "BROKEN " + verification.breaks());
    return new Summary(results, erp.calls().size() - callsBefore, verification.checked(), verification.intact());
  }

  /** Handles one delivery. */
  @SuppressWarnings("try") // the scope only sets and restores the MDC around the block
  Result handle(Envelope delivery) {
    // This step's correlation: the delivery as its cause, and a child span of billing's trace, so
    // the ERP's span hangs under this consumer rather than beside it under billing's span.
    Correlation correlation = Correlation.of(delivery)
        .orElseThrow(() -> new IllegalArgumentException("delivery " + delivery.id() + " has no correlation id"))
        .causedBy(delivery, ThreadLocalRandom.current());
    try (CorrelationScope scope = CorrelationScope.open(correlation)) {
      IdempotencyKey key = IdempotencyKey.of(NAMESPACE, delivery);
      String line = delivery.id() + "  " + delivery.subject() + " v" + delivery.entityVersion() + "  ";
      try {
        Idempotent.Execution<Posting> done = idempotent.run(key, Objects.requireNonNull(delivery.data()),
            Posting.class, k -> post(delivery, k, correlation));
        Posting posting = Objects.requireNonNull(done.result());
        Result result = done.replayed() ? Result.REPLAYED : Result.POSTED;
        out.println(line + result + "  " + posting.documentNumber() + " " + posting.amount() + " "
            + posting.currency() + (done.replayed() ? " (recorded; the ERP was not called)" : ""));
        return result;
      } catch (IdempotencyConflictException conflict) {
        if (conflict.reason() == IdempotencyConflictException.Reason.IN_FLIGHT) {
          // Another consumer is posting this delivery now: redeliver later, to replay what it posted.
          out.println(line + Result.HELD_FOR_RETRY + "  " + conflict.getMessage());
          return Result.HELD_FOR_RETRY;
        }
        out.println(line + Result.REFUSED_MISMATCH + "  " + conflict.getMessage());
        return Result.REFUSED_MISMATCH;
      } catch (StaleVersionException stale) {
        out.println(line + Result.STALE + "  " + stale.getMessage());
        return Result.STALE;
      } catch (VersionGapException gap) {
        out.println(line + Result.ESCALATED + "  " + gap.getMessage());
        return Result.ESCALATED;
      } catch (ReplayedFailureException recorded) {
        // The key's work failed before and was recorded: replayed as what it was, nothing called.
        RecordedOutcome outcome = recorded.outcome();
        Result result = StaleVersionException.class.getName().equals(outcome.errorType()) ? Result.STALE
            : VersionGapException.class.getName().equals(outcome.errorType()) ? Result.ESCALATED
            : Result.FAILED;
        out.println(line + result + "  (recorded) " + (result == Result.FAILED ? outcome.errorType() + ": " : "")
            + outcome.errorMessage());
        return result;
      } catch (ConnectorException failure) {
        // As the releaseOn predicate: a retryable failure freed the key, any other was recorded.
        if (failure.retryable()) {
          out.println(line + Result.HELD_FOR_RETRY + "  " + failure.getMessage() + "; the key is free again");
          return Result.HELD_FOR_RETRY;
        }
        out.println(line + Result.FAILED + "  " + failure.getMessage() + "; recorded, the ERP is not called again");
        return Result.FAILED;
      } catch (Exception unexpected) {
        throw new IllegalStateException("delivery " + delivery.id() + " failed unexpectedly", unexpected);
      }
    }
  }

  /** The work done once per key: sequence the version, post, audit, move the version on. */
  private Posting post(Envelope delivery, IdempotencyKey key, Correlation correlation) {
    String invoiceId = Objects.requireNonNull(delivery.subject());
    long version = Objects.requireNonNull(delivery.entityVersion());
    Sequencer.Decision<String> decision =
        sequencer.offer(Sequencer.stream("invoice/" + invoiceId, "billing"), version, invoiceId);
    if (decision instanceof Sequencer.Decision.Stale<String> stale) {
      throw new StaleVersionException(stale.describe());
    }
    if (decision instanceof Sequencer.Decision.Held<String> held) {
      // The window is zero: end it now, which hands the change back instead of holding it.
      sequencer.expire(clock.instant());
      throw new VersionGapException("version " + held.offered() + " of " + invoiceId + " skips version "
          + held.expected() + ": not posted; replay this key once version " + held.expected() + " is posted");
    }
    if (!(decision instanceof Sequencer.Decision.Apply<String> ticket) || ticket.changes().size() != 1) {
      // An overflow, or a ticket with released changes, which a zero window never gives.
      throw new IllegalStateException("version " + version + " of " + invoiceId + " cannot be posted: " + decision);
    }
    JsonNode total = Objects.requireNonNull(delivery.data()).required("total");
    CallContext call = correlation.writeTo(CallContext.builder(clock.instant().plusSeconds(10)))
        .idempotencyKey(key.downstream())
        .build();
    Posting posting;
    try {
      posting = erp.post(invoiceId, new BigDecimal(total.required("amount").asString()),
          total.required("currency").asString(), call);
    } catch (RuntimeException failed) {
      sequencer.abandon(ticket);
      throw failed;
    }
    try {
      audit.append(AuditEvent.of(Actor.system("invoice-consumer"), "erp.invoice.posted")
          .entity(invoiceId)
          .correlationId(correlation.correlationId())
          .details(Map.of("document", posting.documentNumber(), "key", key.toString(), "version",
              Long.toString(version)))
          .build());
    } finally {
      // The ERP has posted this version: move the stream on even if the audit entry failed. A
      // ticket left open would refuse or hold every later version of the invoice.
      sequencer.commit(ticket);
    }
    return posting;
  }

  /** A version that skips one, escalated rather than posted around the gap. */
  static final class VersionGapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VersionGapException(String message) {
      super(message);
    }
  }

  /** A version older than one already posted. */
  static final class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleVersionException(String message) {
      super(message);
    }
  }

  /**
   * The broker's deliveries: a posting, its redelivery, an invoice the ERP refuses once and its
   * redelivery, an amended invoice, a changed payload under a used event id, a late old version,
   * and a version that skips one.
   */
  static List<Envelope> deliveries(Instant now) {
    List<Envelope> deliveries = new ArrayList<>();
    Envelope first = invoice("evt-1001", "INV-2026-0001", 1, "1190.00", now);
    deliveries.add(first);
    deliveries.add(first); // the broker redelivers it
    Envelope refusedOnce = invoice("evt-1002", "INV-2026-0002", 1, "2380.00", now);
    deliveries.add(refusedOnce);
    deliveries.add(refusedOnce); // the redelivery after the 503
    deliveries.add(invoice("evt-1003", "INV-2026-0001", 2, "1071.00", now)); // amended
    deliveries.add(invoice("evt-1001", "INV-2026-0001", 1, "1200.00", now)); // same event id, other total
    deliveries.add(invoice("evt-1004", "INV-2026-0001", 1, "1190.00", now)); // version 1 again, exported late
    deliveries.add(invoice("evt-1006", "INV-2026-0001", 4, "1000.00", now)); // version 3 never came
    return deliveries;
  }

  static Envelope invoice(String eventId, String invoiceId, long version, String amount, Instant now) {
    ObjectNode data = CanonicalJson.ofDefaults().mapper().createObjectNode();
    data.put("invoiceId", invoiceId);
    ObjectNode total = data.putObject("total");
    total.put("amount", amount);
    total.put("currency", "EUR");
    return Envelope.builder()
        .id(eventId)
        .sourceSystem("billing")
        .type("invoice.finalized")
        .subject(invoiceId)
        .time(now)
        .data(data)
        .correlationId("corr-" + invoiceId)
        .traceparent(TRACEPARENT)
        .entityVersion(version)
        .build();
  }
}
