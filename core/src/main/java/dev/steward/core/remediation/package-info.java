/**
 * The exception queue: retries, parking, manual resolution and approvals.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.remediation;

import org.jspecify.annotations.NullMarked;
