/**
 * A runnable example of an idempotent consumer: invoices finalized in billing are posted to the
 * ERP exactly once, though the broker redelivers, sends versions late and once sends a changed
 * payload under a used key. Idempotency keys, version sequencing, correlation carried into the
 * ERP call, and a hash-chained audit log; in memory, or durable in an H2 file.
 *
 * <p>Example code: copy it, do not depend on it.
 */
@NullMarked
package dev.steward.examples.idempotentconsumer;

import org.jspecify.annotations.NullMarked;
