package dev.steward.core.reference;

import dev.steward.core.reference.internal.Checks;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What validation needs to know about one of the firm's legal entities: where it is, which
 * currencies it may transact in, and how to treat its records while the VAT check is down.
 *
 * @param id the legal entity's canonical id, an {@code le_} id
 * @param code the company code ERP and PSA know it by, such as {@code ACME-DE}; at most 32
 *     characters
 * @param country the ISO 3166-1 alpha-2 code of its country, such as {@code DE}
 * @param region the routing or tax region it belongs to, such as {@code EU} or {@code NA}, if any;
 *     at most 32 characters
 * @param functionalCurrency the currency it keeps its books in
 * @param allowedCurrencies further currencies it may quote, contract and invoice in; sorted by
 *     code, unmodifiable
 * @param vatCheckUnavailable what validation does when the online VAT check is unavailable
 */
public record LegalEntityRef(
    CanonicalId id,
    String code,
    String country,
    @Nullable String region,
    Currency functionalCurrency,
    Set<Currency> allowedCurrencies,
    VatCheckPolicy vatCheckUnavailable) {

  /**
   * Checks the values and copies the allowed currencies into an unmodifiable set sorted by code.
   *
   * @throws IllegalArgumentException if the id is no legal entity id, the code or region is blank
   *     or too long, or the country is no ISO 3166-1 alpha-2 code
   * @throws NullPointerException if a value other than the region is null
   */
  public LegalEntityRef {
    Checks.id(id, EntityType.LEGAL_ENTITY, "legal entity id");
    Checks.text(code, "legal entity code", 32);
    Checks.country(country, "country of legal entity " + code);
    if (region != null) {
      Checks.text(region, "region of legal entity " + code, 32);
    }
    Objects.requireNonNull(functionalCurrency, "functionalCurrency");
    Objects.requireNonNull(allowedCurrencies, "allowedCurrencies");
    Objects.requireNonNull(vatCheckUnavailable, "vatCheckUnavailable");
    TreeSet<Currency> sorted = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
    for (Currency c : allowedCurrencies) {
      sorted.add(Objects.requireNonNull(c, "allowed currency of legal entity " + code));
    }
    allowedCurrencies = Collections.unmodifiableSet(sorted);
  }

  /** Returns whether the entity may transact in {@code currency}: its functional or an allowed one. */
  public boolean allows(Currency currency) {
    Objects.requireNonNull(currency, "currency");
    return functionalCurrency.equals(currency) || allowedCurrencies.contains(currency);
  }
}
