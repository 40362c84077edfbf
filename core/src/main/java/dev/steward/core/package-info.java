/**
 * Steward's governance layer. Each capability is a sub-package with a small public face: ownership, validation, reference, idempotency, correlation, audit, remediation, process, reconcile, schema, store and security; the facade composing them is added beside this package.
 *
 * <p>Public API.
 */
@NullMarked
package dev.steward.core;

import org.jspecify.annotations.NullMarked;
