/**
 * Schema versions, compatibility checks and upcasters.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.schema;

import org.jspecify.annotations.NullMarked;
