/**
 * Attribute ownership: the policy (Java builder and YAML file), its lint, per-attribute decisions with explanations, the outbound sync plan and the rendered ownership matrix.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no compatibility promise.
 */
@NullMarked
package dev.steward.core.ownership;

import org.jspecify.annotations.NullMarked;
