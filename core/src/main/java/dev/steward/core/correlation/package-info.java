/**
 * Correlation and causation ids, W3C trace context, and the MDC scope that carries them.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.correlation;

import org.jspecify.annotations.NullMarked;
