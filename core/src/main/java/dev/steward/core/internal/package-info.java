/**
 * Helpers shared by Steward's capabilities, such as reading the YAML and JSON files a governance
 * board reviews (ownership policies, reference data).
 *
 * <p>Internal: no compatibility promise; do not use from outside Steward.
 */
@NullMarked
package dev.steward.core.internal;

import org.jspecify.annotations.NullMarked;
