package dev.steward.spi.mapping;

import dev.steward.model.CanonicalEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps one kind of vendor object (a Stripe customer, a Business Central sales invoice) to its
 * canonical record and back, which is most of what a connector's operations do per entity type.
 *
 * <p>The contract, which the testkit's sample mappers demonstrate and test:
 *
 * <ul>
 *   <li>Every vendor field that a canonical field has a place for is mapped to it; every other
 *       field lands in the record's extensions under the mapper's namespace ({@link
 *       VendorReader#extensions(String)}), so nothing the vendor sent is dropped.
 *   <li>{@code toVendor(toCanonical(x))} gives back every field of {@code x} with an equal value,
 *       apart from normalizations the mapper documents (the casing of case-insensitive names, the
 *       shortest form of a number).
 *   <li>What a vendor object lacks and the record requires (the issuing legal entity, a currency)
 *       comes from the {@link MappingContext}, as the mapper documents.
 *   <li>Bad input is a {@link MappingException} naming the vendor field by JSON Pointer.
 * </ul>
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <T> the canonical record type
 */
public interface RecordMapper<T extends CanonicalEntity> {
  /** Returns the canonical record type this mapper produces, such as {@code Customer.class}. */
  Class<T> recordType();

  /**
   * Maps a vendor object to its canonical record.
   *
   * @param vendorObject the object as the vendor's API returns it
   * @param context the system, clock, id map and defaults to map with
   * @throws MappingException if the object cannot be mapped; its pointer names the field
   */
  T toCanonical(JsonNode vendorObject, MappingContext context);

  /**
   * Maps a canonical record to the vendor's object: the fields it maps, and the vendor fields its
   * extensions keep.
   *
   * @param record the canonical record
   * @param context the system, clock, id map and defaults to map with
   * @throws MappingException if the record cannot be expressed in the vendor's terms (an amount
   *     finer than the vendor's minor unit, a reference the vendor system does not know yet)
   */
  ObjectNode toVendor(T record, MappingContext context);
}
