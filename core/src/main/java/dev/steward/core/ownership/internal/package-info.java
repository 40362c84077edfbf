/**
 * Implementation detail of the ownership capability: the policy's JSON form and its compiled
 * index.
 *
 * <p>Internal: no compatibility promise; hosts must not use these types.
 */
@NullMarked
package dev.steward.core.ownership.internal;

import org.jspecify.annotations.NullMarked;
