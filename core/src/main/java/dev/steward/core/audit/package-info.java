/**
 * The append-only, hash-chained audit log.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.audit;

import org.jspecify.annotations.NullMarked;
