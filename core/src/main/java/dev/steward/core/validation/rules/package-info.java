/**
 * Steward's built-in business rules for contracts, projects, time entries, invoices and customer VAT numbers, each a
 * {@link dev.steward.core.validation.BusinessRule} reporting stable reason codes from
 * {@link dev.steward.core.validation.ReasonCodes}; {@link dev.steward.core.validation.rules.StandardRules} adds them
 * to a pipeline under fixed stage names.
 *
 * <p>Public API; every rule is immutable and thread-safe.
 */
@NullMarked
package dev.steward.core.validation.rules;

import org.jspecify.annotations.NullMarked;
