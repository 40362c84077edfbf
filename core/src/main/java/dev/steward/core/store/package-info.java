/**
 * The persistence SPI with in-memory and JDBC (H2, PostgreSQL) implementations.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.store;

import org.jspecify.annotations.NullMarked;
