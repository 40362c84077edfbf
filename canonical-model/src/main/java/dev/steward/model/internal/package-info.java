/**
 * Implementation detail of the canonical model: collection copies and constraint validators.
 *
 * <p>Internal: no compatibility promise; hosts must not use these types.
 */
@NullMarked
package dev.steward.model.internal;

import org.jspecify.annotations.NullMarked;
