/**
 * Reference data (legal entities, tax codes, currencies, service catalogue, GL dimensions) behind an SPI, and its cache.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.reference;

import org.jspecify.annotations.NullMarked;
