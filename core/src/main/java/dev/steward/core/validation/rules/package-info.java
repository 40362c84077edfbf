/**
 * Steward's built-in business rules for contracts, projects and time entries, each a
 * {@link dev.steward.core.validation.BusinessRule} reporting stable reason codes from
 * {@link dev.steward.core.validation.ReasonCodes}.
 *
 * <p>Public API; every rule is immutable and thread-safe.
 */
@NullMarked
package dev.steward.core.validation.rules;

import org.jspecify.annotations.NullMarked;
