/**
 * Reference data that validation rules consult: the firm's legal entities, tax codes, active
 * currencies, service catalogue, GL dimension sets and rate cards.
 *
 * <p>Rules read it through the {@link dev.steward.core.reference.ReferenceData} SPI, which tells
 * "no such value" (an empty answer: the record is wrong) from "the source cannot answer" ({@link
 * dev.steward.core.reference.ReferenceDataUnavailableException}: the record cannot be judged now).
 * A host implements it over its source of truth and wraps that in {@link
 * dev.steward.core.reference.CachedReferenceData}, so that no rule calls a slow source per record;
 * or it uses {@link dev.steward.core.reference.InMemoryReferenceData}, built in code or loaded
 * from a YAML or JSON file.
 *
 * <p>Public API; implementation detail lives in the {@code internal} sub-package, which has no
 * compatibility promise.
 */
@NullMarked
package dev.steward.core.reference;

import org.jspecify.annotations.NullMarked;
