/**
 * What a connector author needs to map vendor JSON to canonical records and back without losing
 * a field: {@link dev.steward.spi.mapping.RecordMapper}, the {@link
 * dev.steward.spi.mapping.MappingContext} (ids, clock, defaults), a {@link
 * dev.steward.spi.mapping.VendorReader} that keeps every field it did not map in the record's
 * extensions and a {@link dev.steward.spi.mapping.VendorWriter} that puts them back, and typed
 * {@link dev.steward.spi.mapping.MappingException}s that name the vendor field by JSON Pointer.
 *
 * <p>Service provider interface: public API that connectors implement and call. Depends on the
 * canonical model and Jackson only.
 */
@NullMarked
package dev.steward.spi.mapping;

import org.jspecify.annotations.NullMarked;
