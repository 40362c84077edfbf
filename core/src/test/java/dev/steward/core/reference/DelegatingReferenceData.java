package dev.steward.core.reference;

import dev.steward.model.CanonicalId;
import dev.steward.model.RateCard;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reference data that passes every lookup to another; tests subclass it to break one lookup (a source that is down,
 * a call to count) and leave the rest working. Thread-safe if the delegate is.
 */
public class DelegatingReferenceData implements ReferenceData {
  private final ReferenceData delegate;

  /** Passes every lookup to {@code delegate}. */
  public DelegatingReferenceData(ReferenceData delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Optional<LegalEntityRef> legalEntity(CanonicalId id) {
    return delegate.legalEntity(id);
  }

  @Override
  public List<TaxCode> taxCodes(String jurisdiction) {
    return delegate.taxCodes(jurisdiction);
  }

  @Override
  public Optional<Currency> currency(String isoCode) {
    return delegate.currency(isoCode);
  }

  @Override
  public Optional<ServiceCatalogueItem> serviceItem(CanonicalId id) {
    return delegate.serviceItem(id);
  }

  @Override
  public Optional<DimensionSet> dimensionSet(String projectCode) {
    return delegate.dimensionSet(projectCode);
  }

  @Override
  public Optional<RateCard> rateCard(CanonicalId id) {
    return delegate.rateCard(id);
  }
}
