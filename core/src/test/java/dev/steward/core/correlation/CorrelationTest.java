package dev.steward.core.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.Envelope;
import dev.steward.model.IdGenerator;
import dev.steward.spi.CallContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationTest {
  private final IdGenerator ids = IdGenerator.create(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC), new Random(7));
  private final SplittableRandom random = new SplittableRandom(42);

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  private static Envelope.Builder envelope(String id) {
    return Envelope.builder().id(id).source(URI.create("/systems/crm")).type("steward.customer.changed");
  }

  @Test
  void newRoot_hasATimeOrderedCorrelationId_andARootTrace() {
    Correlation a = Correlation.newRoot(ids, random, true);
    Correlation b = Correlation.newRoot(ids, random, true);

    assertThat(a.correlationId()).hasSize(26);
    assertThat(a.correlationId()).isLessThan(b.correlationId());
    assertThat(a.causationId()).isNull();
    assertThat(a.trace().traceParent().sampled()).isTrue();
    assertThat(a.trace().traceParent().traceId()).isNotEqualTo(b.trace().traceParent().traceId());
  }

  @Test
  void travelsThroughEnvelopes_asCorrelationCausationAndTraceContext() {
    Correlation root = Correlation.newRoot(ids, random, true);
    Envelope first = root.writeTo(envelope("evt-1")).build();

    Correlation read = Correlation.of(first).orElseThrow();
    Correlation next = read.causedBy(first, random);
    Envelope second = next.writeTo(envelope("evt-2")).build();

    assertThat(read).isEqualTo(root);
    assertThat(second.correlationId()).isEqualTo(root.correlationId());
    assertThat(second.causationId()).isEqualTo("evt-1");
    assertThat(TraceParent.parse(second.traceparent())).hasValueSatisfying(p -> {
      assertThat(p.traceId()).isEqualTo(root.trace().traceParent().traceId());
      assertThat(p.parentId()).isNotEqualTo(root.trace().traceParent().parentId());
    });
    assertThat(next.headers()).containsEntry("X-Correlation-ID", root.correlationId())
        .containsEntry("traceparent", second.traceparent());
    CallContext call = next.writeTo(CallContext.builder(Instant.parse("2026-11-27T10:00:00Z"))).build();
    assertThat(call.headers()).isEqualTo(next.headers());
    assertThat(call.header("TRACEPARENT")).contains(second.traceparent());
  }

  @Test
  void anEnvelopeWithoutCorrelation_hasNone_andAMalformedTraceparentRestartsTheTrace() {
    assertThat(Correlation.of(envelope("evt-1").build())).isEmpty();
    Envelope bad = envelope("evt-2").correlationId("c-1").traceparent("00-00000000000000000000000000000000-1234567890123456-01")
        .tracestate("vendor=1").build();

    assertThat(Correlation.of(bad)).hasValueSatisfying(c -> {
      assertThat(c.correlationId()).isEqualTo("c-1");
      assertThat(c.trace()).isNull();
    });
  }

  @Test
  void scope_setsTheMdc_andRestoresItOnClose_nested() {
    MDC.put(CorrelationScope.MDC_CORRELATION_ID, "host-value");
    Correlation outer = Correlation.newRoot(ids, random, false);
    Correlation inner = outer.causedBy(envelope("evt-9").build(), random);

    try (CorrelationScope o = CorrelationScope.open(outer)) {
      assertThat(MDC.get(CorrelationScope.MDC_CORRELATION_ID)).isEqualTo(outer.correlationId());
      assertThat(MDC.get(CorrelationScope.MDC_CAUSATION_ID)).isNull();
      try (CorrelationScope i = CorrelationScope.open(inner)) {
        assertThat(CorrelationScope.current()).contains(inner);
        assertThat(MDC.get(CorrelationScope.MDC_CAUSATION_ID)).isEqualTo("evt-9");
        assertThat(MDC.get(CorrelationScope.MDC_SPAN_ID)).isEqualTo(inner.trace().traceParent().parentId());
      }
      assertThat(CorrelationScope.current()).contains(outer);
      assertThat(MDC.get(CorrelationScope.MDC_CAUSATION_ID)).isNull();
      assertThat(MDC.get(CorrelationScope.MDC_TRACE_ID)).isEqualTo(outer.trace().traceParent().traceId());
    }
    assertThat(CorrelationScope.current()).isEmpty();
    assertThat(MDC.get(CorrelationScope.MDC_CORRELATION_ID)).isEqualTo("host-value");
    assertThat(MDC.get(CorrelationScope.MDC_TRACE_ID)).isNull();
  }

  @Test
  void scope_mustBeClosedInOrder_onItsThread() throws Exception {
    CorrelationScope outer = CorrelationScope.open(Correlation.newRoot(ids, random, false));
    CorrelationScope inner = CorrelationScope.open(Correlation.newRoot(ids, random, false));

    Throwable elsewhere = CompletableFuture.supplyAsync(() -> {
      try {
        inner.close();
        return null;
      } catch (IllegalStateException e) {
        return e;
      }
    }).get();
    assertThat(elsewhere).hasMessageContaining("thread that opened it");
    // closing the outer scope with the inner one leaked closes both, restores the thread, and says so
    assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 correlation scope(s) opened inside this one were not closed");
    assertThat(CorrelationScope.current()).isEmpty();
    assertThat(MDC.get(CorrelationScope.MDC_CORRELATION_ID)).isNull();
    inner.close(); // already closed with the outer one: harmless
    outer.close(); // closing twice is harmless
    assertThat(CorrelationScope.current()).isEmpty();
  }

  @Test
  void ids_areChecked() {
    assertThatThrownBy(() -> new Correlation(" ", null, null)).hasMessageContaining("correlationId");
    assertThatThrownBy(() -> new Correlation("c", "x".repeat(256), null)).hasMessageContaining("causationId");
    assertThatThrownBy(() -> new Correlation("c\n1", null, null)).hasMessageContaining("control character");
  }
}
