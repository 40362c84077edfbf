/**
 * Idempotency keys, payload fingerprints, the claim protocol, version sequencing and audited replay.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.idempotency;

import org.jspecify.annotations.NullMarked;
