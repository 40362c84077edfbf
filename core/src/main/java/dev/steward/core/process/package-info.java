/**
 * Business processes (quote-to-project, project-to-bill, invoice-to-cash) as resumable steps with business status and SLAs.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.process;

import org.jspecify.annotations.NullMarked;
