package dev.steward.spi.mapping;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A two-way table between a vendor's enum values (Stripe's {@code "open"}, Business Central's
 * {@code "In_x0020_Progress"}) and a canonical enum. Several vendor values may stand for one
 * constant: the first one {@linkplain Builder#map mapped} is the value written back, the others
 * are aliases. {@link VendorReader} keeps an alias it read verbatim in the record's extensions,
 * and {@link VendorWriter} writes it back while the constant is unchanged, so a many-to-one table
 * still round-trips.
 *
 * <p>Build one with {@link #builder(Class)}. Immutable and thread-safe; build once per mapper.
 *
 * @param <E> the canonical enum
 */
public final class EnumMapping<E extends Enum<E>> {
  private final Class<E> type;
  private final Map<String, E> toCanonical;
  private final Map<E, String> toVendor;

  private EnumMapping(Builder<E> b) {
    this.type = b.type;
    this.toCanonical = Collections.unmodifiableMap(new LinkedHashMap<>(b.toCanonical));
    this.toVendor = Collections.unmodifiableMap(new EnumMap<>(b.toVendor));
  }

  /** Returns a builder for a table onto {@code type}. */
  public static <E extends Enum<E>> Builder<E> builder(Class<E> type) {
    return new Builder<>(Objects.requireNonNull(type, "type"));
  }

  /** Returns the canonical enum type. */
  public Class<E> type() {
    return type;
  }

  /** Returns the constant a vendor value stands for; empty for a value the table does not know. */
  public Optional<E> toCanonical(String vendorValue) {
    return Optional.ofNullable(toCanonical.get(Objects.requireNonNull(vendorValue, "vendorValue")));
  }

  /** Returns the vendor value written for {@code constant}; empty if the vendor has none for it. */
  public Optional<String> toVendor(E constant) {
    return Optional.ofNullable(toVendor.get(Objects.requireNonNull(constant, "constant")));
  }

  /** Returns whether {@code vendorValue} is the value written back for its constant, not an alias. */
  public boolean isPreferred(String vendorValue) {
    E constant = toCanonical.get(Objects.requireNonNull(vendorValue, "vendorValue"));
    return constant != null && vendorValue.equals(toVendor.get(constant));
  }

  /** Returns the vendor values the table knows, in the order mapped. */
  public java.util.Set<String> vendorValues() {
    return toCanonical.keySet();
  }

  @Override
  public String toString() {
    return "EnumMapping[" + type.getSimpleName() + " " + toCanonical + "]";
  }

  /**
   * Builds an {@link EnumMapping}. Mapping one vendor value twice is an {@link
   * IllegalStateException}. Not thread-safe.
   *
   * @param <E> the canonical enum
   */
  public static final class Builder<E extends Enum<E>> {
    private final Class<E> type;
    private final Map<String, E> toCanonical = new LinkedHashMap<>();
    private final Map<E, String> toVendor;

    private Builder(Class<E> type) {
      this.type = type;
      this.toVendor = new EnumMap<>(type);
    }

    /**
     * Maps {@code vendorValue} to {@code constant}; the first value mapped to a constant is the
     * one written back, later ones are aliases.
     *
     * @throws IllegalStateException if {@code vendorValue} is already mapped
     */
    public Builder<E> map(String vendorValue, E constant) {
      Objects.requireNonNull(vendorValue, "vendorValue");
      Objects.requireNonNull(constant, "constant");
      if (toCanonical.containsKey(vendorValue)) {
        throw new IllegalStateException("vendor value '" + vendorValue + "' is already mapped to "
            + toCanonical.get(vendorValue));
      }
      toCanonical.put(vendorValue, constant);
      toVendor.putIfAbsent(constant, vendorValue);
      return this;
    }

    /**
     * Returns the table.
     *
     * @throws IllegalStateException if nothing was mapped
     */
    public EnumMapping<E> build() {
      if (toCanonical.isEmpty()) {
        throw new IllegalStateException("map at least one vendor value to a " + type.getSimpleName());
      }
      return new EnumMapping<>(this);
    }
  }
}
