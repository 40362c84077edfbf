/**
 * Cross-system drift detection and correction plans.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.reconcile;

import org.jspecify.annotations.NullMarked;
