/**
 * The canonical model of a professional-services firm: immutable records for customers,
 * contracts, projects, time, billing and revenue, the value types they are built from
 * ({@link dev.steward.model.Money}, {@link dev.steward.model.CanonicalId}, ...), the change
 * {@link dev.steward.model.Envelope}, the versioned JSON schemas and {@link dev.steward.model.CanonicalJson}.
 *
 * <p>Public API. Records are data whose shape is governed by the versioned JSON schemas; their
 * accessors are permanent API.
 */
@NullMarked
package dev.steward.model;

import org.jspecify.annotations.NullMarked;
