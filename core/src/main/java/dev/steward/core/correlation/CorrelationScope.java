package dev.steward.core.correlation;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Makes a {@link Correlation} current on this thread for a block of work, and puts it in the SLF4J
 * MDC so every log line carries it; closing the scope restores what was there before, so scopes
 * nest. Use with try-with-resources:
 *
 * <pre>{@code
 * try (CorrelationScope scope = CorrelationScope.open(correlation)) {
 *   process(change);               // logs carry correlationId, causationId, traceId, spanId
 * }
 * }</pre>
 *
 * <p>Not thread-safe: close a scope on the thread that opened it, in the reverse order of opening.
 */
public final class CorrelationScope implements AutoCloseable {
  /** The MDC key of the correlation id. */
  public static final String MDC_CORRELATION_ID = "correlationId";
  /** The MDC key of the causation id. */
  public static final String MDC_CAUSATION_ID = "causationId";
  /** The MDC key of the W3C trace id. */
  public static final String MDC_TRACE_ID = "traceId";
  /** The MDC key of the W3C parent (span) id. */
  public static final String MDC_SPAN_ID = "spanId";

  private static final String[] KEYS = {MDC_CORRELATION_ID, MDC_CAUSATION_ID, MDC_TRACE_ID, MDC_SPAN_ID};
  private static final ThreadLocal<@Nullable CorrelationScope> CURRENT = new ThreadLocal<>();

  private final Correlation correlation;
  private final @Nullable CorrelationScope outer;
  private final @Nullable String[] saved = new String[KEYS.length];
  private final Thread owner = Thread.currentThread();
  private boolean closed;

  private CorrelationScope(Correlation correlation, @Nullable CorrelationScope outer) {
    this.correlation = correlation;
    this.outer = outer;
  }

  /** Opens a scope making {@code correlation} current on this thread. */
  public static CorrelationScope open(Correlation correlation) {
    Objects.requireNonNull(correlation, "correlation");
    CorrelationScope scope = new CorrelationScope(correlation, CURRENT.get());
    for (int i = 0; i < KEYS.length; i++) {
      scope.saved[i] = MDC.get(KEYS[i]);
    }
    put(MDC_CORRELATION_ID, correlation.correlationId());
    put(MDC_CAUSATION_ID, correlation.causationId());
    put(MDC_TRACE_ID, correlation.trace() == null ? null : correlation.trace().traceParent().traceId());
    put(MDC_SPAN_ID, correlation.trace() == null ? null : correlation.trace().traceParent().parentId());
    CURRENT.set(scope);
    return scope;
  }

  /** Returns the correlation current on this thread, if a scope is open. */
  public static Optional<Correlation> current() {
    CorrelationScope scope = CURRENT.get();
    return scope == null ? Optional.empty() : Optional.of(scope.correlation);
  }

  /** Returns this scope's correlation. */
  public Correlation correlation() {
    return correlation;
  }

  /**
   * Restores the MDC and the current correlation to what they were when the scope opened. Scopes
   * opened inside this one and left open (a leak) are closed with it, so that a pooled thread
   * never keeps a finished change's correlation; the leak is then reported.
   *
   * @throws IllegalStateException if called on another thread, or after inner scopes were leaked
   *     (this scope is closed all the same)
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("a correlation scope must be closed on the thread that opened it (" + owner.getName() + ")");
    }
    int leaked = 0;
    for (CorrelationScope inner = CURRENT.get(); inner != null && inner != this; inner = inner.outer) {
      inner.closed = true; // restoring this scope's saved values undoes what the inner ones set
      leaked++;
    }
    for (int i = 0; i < KEYS.length; i++) {
      put(KEYS[i], saved[i]);
    }
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
    closed = true;
    if (leaked > 0) {
      throw new IllegalStateException(leaked + " correlation scope(s) opened inside this one were not closed; they are"
          + " closed now: close scopes in the reverse order of opening (try-with-resources)");
    }
  }

  private static void put(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
