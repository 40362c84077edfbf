package dev.steward.core.reference;

import dev.steward.model.CanonicalId;
import dev.steward.model.RateCard;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference data validation rules consult: the firm's legal entities, tax codes, active
 * currencies, service catalogue, GL dimension sets and rate cards. The host implements it over
 * its own source of truth (usually ERP), or uses {@link InMemoryReferenceData}; rules must never
 * call a slow source once per record, so a host's implementation over a remote source is wrapped
 * in a {@link CachedReferenceData}.
 *
 * <p>Every lookup answers one of three ways: the value; an empty answer ({@link Optional#empty()}
 * or an empty list), meaning the source has no such value and so the record that names it is
 * wrong; or a {@link ReferenceDataUnavailableException}, meaning the source could not answer and
 * the record cannot be judged now. Implementations must not signal absence by throwing, nor
 * unavailability by an empty answer, and never return null.
 *
 * <p>Implementations must be thread-safe: validation calls them from many threads at once. Values
 * returned must be immutable.
 */
public interface ReferenceData {

  /**
   * Returns the legal entity with canonical id {@code id}.
   *
   * @return the entity, or empty if the firm has none with that id (including an id of another
   *     entity type)
   * @throws ReferenceDataUnavailableException if the source cannot answer
   */
  Optional<LegalEntityRef> legalEntity(CanonicalId id);

  /**
   * Returns every tax code of a jurisdiction, whatever its validity, as an unmodifiable list.
   *
   * @param jurisdiction a country code such as {@code DE} or subdivision code such as {@code
   *     US-CA}, matched exactly
   * @return the codes, empty if the jurisdiction has none
   * @throws ReferenceDataUnavailableException if the source cannot answer
   */
  List<TaxCode> taxCodes(String jurisdiction);

  /**
   * Returns the tax code {@code code} of {@code jurisdiction} that applies on {@code on}: the
   * first of {@link #taxCodes(String)} with that code that is {@linkplain TaxCode#validOn valid
   * on} the date.
   *
   * @return the code, or empty if the jurisdiction has no such code valid on that day
   * @throws ReferenceDataUnavailableException if the source cannot answer
   */
  default Optional<TaxCode> taxCode(String jurisdiction, String code, LocalDate on) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(on, "on");
    for (TaxCode t : taxCodes(jurisdiction)) {
      if (t.code().equals(code) && t.validOn(on)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the currency with ISO 4217 code {@code isoCode} if it is active for the firm.
   *
   * @param isoCode the code, such as {@code EUR}, matched exactly (upper case)
   * @return the currency, or empty if the code is unknown or the currency is not active
   * @throws ReferenceDataUnavailableException if the source cannot answer
   */
  Optional<Currency> currency(String isoCode);

  /**
   * Returns the service catalogue item with canonical id {@code id}.
   *
   * @return the item, or empty if the catalogue has none with that id
   * @throws ReferenceDataUnavailableException if the source cannot answer
   */
  Optional<ServiceCatalogueItem> serviceItem(CanonicalId id);

  /**
   * Returns the GL dimension set a PSA project code maps to.
   *
   * @return the set, or empty if the project code has none
   * @throws ReferenceDataUnavailableException if the source cannot answer
   */
  Optional<DimensionSet> dimensionSet(String projectCode);

  /**
   * Returns the rate card with canonical id {@code id}.
   *
   * @return the rate card, or empty if there is none with that id
   * @throws ReferenceDataUnavailableException if the source cannot answer
   */
  Optional<RateCard> rateCard(CanonicalId id);
}
