/**
 * A runnable example that reads canonical JSON, validates it against its schema and bean
 * constraints, and prints the result: the smallest starting point for an integration service.
 *
 * <p>Example code: copy it, do not depend on it.
 */
@NullMarked
package dev.steward.examples.canonicaljson;

import org.jspecify.annotations.NullMarked;
