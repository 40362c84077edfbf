/**
 * Implementation detail of the reference data capability: the argument checks the value types
 * share and the reader of reference data files.
 *
 * <p>Internal: no compatibility promise; hosts must not use these types.
 */
@NullMarked
package dev.steward.core.reference.internal;

import org.jspecify.annotations.NullMarked;
