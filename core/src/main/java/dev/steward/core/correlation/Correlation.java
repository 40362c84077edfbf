package dev.steward.core.correlation;

import dev.steward.model.Envelope;
import dev.steward.spi.CallContext;
import dev.steward.model.IdGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Where a piece of work sits in the flow of a business change: the correlation id every step of
 * the change shares, the id of the event that caused this step, and the W3C trace context. Read
 * it from an incoming envelope, make a child for each event sent on, and write it into outgoing
 * envelopes and connector calls, so that every record, log line and audit entry of one change can
 * be found together. Immutable.
 *
 * @param correlationId the id all steps of the business change share
 * @param causationId the id of the event that caused this step; null at the start of a flow
 * @param trace the trace context, if the flow is traced
 */
public record Correlation(String correlationId, @Nullable String causationId, @Nullable TraceContext trace) {
  /** The longest id, as the envelope's attributes allow. */
  public static final int MAX_ID_LENGTH = 255;

  /** Checks the ids. */
  public Correlation {
    id(correlationId, "correlationId");
    if (causationId != null) {
      id(causationId, "causationId");
    }
  }

  /**
   * Starts a flow: a new, time-ordered correlation id (a ULID from {@code ids}) and a new root
   * trace drawn from {@code random}.
   */
  public static Correlation newRoot(IdGenerator ids, RandomGenerator random, boolean sampled) {
    return new Correlation(ids.nextUlid(), null, TraceContext.newRoot(random, sampled));
  }

  /**
   * Returns the correlation an incoming envelope carries, or empty when it has no correlation id.
   * A malformed {@code traceparent} is dropped (the trace restarts), as the W3C specification
   * says; {@code tracestate} goes with it.
   */
  public static Optional<Correlation> of(Envelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    if (envelope.correlationId() == null) {
      return Optional.empty();
    }
    TraceContext trace = TraceParent.parse(envelope.traceparent())
        .map(parent -> new TraceContext(parent, envelope.tracestate() == null ? TraceState.empty()
            : TraceState.parse(envelope.tracestate())))
        .orElse(null);
    return Optional.of(new Correlation(envelope.correlationId(), envelope.causationId(), trace));
  }

  /**
   * Returns the correlation of work caused by {@code envelope}: the same correlation id, the
   * envelope's id as causation, and a child span of its trace.
   */
  public Correlation causedBy(Envelope envelope, RandomGenerator random) {
    Objects.requireNonNull(envelope, "envelope");
    return new Correlation(correlationId, envelope.id(), trace == null ? null : trace.child(random));
  }

  /** Writes the correlation into an outgoing envelope. */
  public Envelope.Builder writeTo(Envelope.Builder envelope) {
    envelope.correlationId(correlationId);
    if (causationId != null) {
      envelope.causationId(causationId);
    }
    if (trace != null) {
      envelope.traceparent(trace.traceParent().header());
      String state = trace.traceState().header();
      if (!state.isEmpty()) {
        envelope.tracestate(state);
      }
    }
    return envelope;
  }

  /**
   * Writes the correlation into the context of a connector call: the {@linkplain #headers()
   * headers} the connector sends with each request.
   */
  public CallContext.Builder writeTo(CallContext.Builder call) {
    return Objects.requireNonNull(call, "call").headers(headers());
  }

  /**
   * Returns the HTTP headers of a connector call: {@code traceparent} and {@code tracestate}
   * (as the W3C specification names them) and {@code X-Correlation-ID}.
   */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (trace != null) {
      trace.writeTo(headers::put);
    }
    headers.put("X-Correlation-ID", correlationId);
    return headers;
  }

  private static void id(String id, String name) {
    Objects.requireNonNull(id, name);
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(name + " must be 1 to " + MAX_ID_LENGTH + " characters, not blank; was '"
          + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "'");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException(name + " holds a control character at index " + i);
      }
    }
  }
}
