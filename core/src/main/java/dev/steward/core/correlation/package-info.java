/**
 * Correlation and causation ids, W3C trace context, and the MDC scope that carries them.
 *
 * <p>{@link dev.steward.core.correlation.TraceParent}, {@link dev.steward.core.correlation.TraceState}
 * and {@link dev.steward.core.correlation.TraceContext} read and write the W3C Trace Context
 * {@code traceparent} and {@code tracestate} headers (Level 1, with the Level 2 random trace-id
 * flag) as the specification and its conformance harness require; randomness is always injected.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.correlation;

import org.jspecify.annotations.NullMarked;
