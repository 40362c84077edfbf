/**
 * Validation pipelines: schema, bean validation, business rules, reference data and routing stages, producing violations with stable business reason codes.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.validation;

import org.jspecify.annotations.NullMarked;
