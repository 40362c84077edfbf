/**
 * Sensitivity classes, redaction and input limits.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.security;

import org.jspecify.annotations.NullMarked;
