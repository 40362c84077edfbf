/**
 * Bean Validation constraints of the canonical model that the standard ones do not express:
 * typed identifier references and ISO country codes.
 *
 * <p>Public API.
 */
@NullMarked
package dev.steward.model.constraint;

import org.jspecify.annotations.NullMarked;
