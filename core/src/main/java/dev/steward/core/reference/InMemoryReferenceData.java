package dev.steward.core.reference;

import dev.steward.core.reference.internal.Checks;
import dev.steward.core.internal.ConfigText;
import dev.steward.core.reference.internal.ReferenceFileReader;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.RateCard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reference data held in memory: immutable, thread-safe and fast, for tests, for small firms and
 * as the snapshot a host refreshes from its source of truth. Build one with {@link #builder()} or
 * load a reference data file with {@link #load(Path)}.
 *
 * <p>Its contents are consistent: ids and codes are unique, one tax code's validity periods do not
 * overlap, every currency a legal entity transacts in is active, and a rate card has at most one
 * entry per role and currency. Lookups never throw {@link
 * ReferenceDataUnavailableException}.
 *
 * <h2>The file format</h2>
 *
 * <p>A reference data file is YAML or JSON in UTF-8 (a name ending in {@code .json} is read as
 * JSON, one ending in {@code .yaml} or {@code .yml} as YAML; otherwise a file whose first
 * character is <code>{</code> is JSON and any other is YAML). It holds one object whose keys, each
 * optional, are:
 *
 * <pre>{@code
 * currencies: [EUR, USD, CHF]            # ISO 4217 codes of the currencies active for the firm
 * legalEntities:
 *   - id: le_01J0ACME000000000000000001  # required
 *     code: ACME-DE                      # required
 *     country: DE                        # required, ISO 3166-1 alpha-2
 *     region: EU                         # optional
 *     functionalCurrency: EUR            # required, must be active
 *     allowedCurrencies: [CHF]           # optional, each must be active
 *     vatCheckUnavailable: HOLD          # optional: HOLD (the default) or PASS_WITH_WARNING
 * taxCodes:
 *   - jurisdiction: DE                   # required: country or subdivision such as US-CA
 *     code: DE-S-19                      # required
 *     ratePercent: 19                    # required, a number from 0 to 100
 *     validFrom: 2021-01-01              # required
 *     validTo: 2026-01-01                # optional, exclusive
 * serviceItems:
 *   - id: svc_01J0ACMESVC000000000000001 # required
 *     code: PS-CONSULT-SR                # required
 *     serviceLine: consulting            # required
 *     usageBased: false                  # optional, false by default
 * dimensionSets:
 *   - projectCode: PRJ-DE-1001           # required
 *     dimensions:                        # required: dimension name to value, at least one
 *       department: consulting-emea
 *       costCentre: CC-4100
 * rateCards:                             # each in canonical JSON form, as CanonicalJson reads it
 *   - { meta: {...}, name: ..., validity: {...}, entries: [...] }
 * }</pre>
 *
 * <p>Every object is closed: an unknown key is an error, and so is a duplicate key, a YAML alias,
 * a value of the wrong type (quote text YAML would read as a number), or anything the builder
 * refuses. Rate cards are checked against the canonical {@code rate-card} JSON schema and bound
 * with {@link dev.steward.model.CanonicalJson}, so money amounts are decimal strings. Every failure
 * is a {@link ReferenceDataLoadException} naming the file, line, column and JSON Pointer; no
 * partial data is ever returned.
 */
public final class InMemoryReferenceData implements ReferenceData {
  /** The largest reference data file accepted, in bytes: 32 MiB. */
  public static final int MAX_FILE_BYTES = 32 * 1024 * 1024;
  /** The deepest nesting of objects and lists accepted in a reference data file: 32 levels. */
  public static final int MAX_NESTING_DEPTH = 32;

  private final Map<CanonicalId, LegalEntityRef> legalEntities;
  private final Map<String, List<TaxCode>> taxCodes;
  private final Map<String, Currency> currencies;
  private final Map<CanonicalId, ServiceCatalogueItem> serviceItems;
  private final Map<String, DimensionSet> dimensionSets;
  private final Map<CanonicalId, RateCard> rateCards;

  private InMemoryReferenceData(Builder b) {
    this.legalEntities = Map.copyOf(b.legalEntities);
    Map<String, List<TaxCode>> codes = new HashMap<>();
    b.taxCodes.forEach((jurisdiction, list) -> {
      List<TaxCode> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparing(TaxCode::code).thenComparing(TaxCode::validFrom));
      codes.put(jurisdiction, List.copyOf(sorted));
    });
    this.taxCodes = Map.copyOf(codes);
    this.currencies = Map.copyOf(b.currencies);
    this.serviceItems = Map.copyOf(b.serviceItems);
    this.dimensionSets = Map.copyOf(b.dimensionSets);
    this.rateCards = Map.copyOf(b.rateCards);
  }

  /** Returns a new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a reference data file in the {@linkplain InMemoryReferenceData format above}.
   *
   * @param file the file; messages name it as given
   * @throws ReferenceDataLoadException if the file is too large, malformed, has an unknown key, a
   *     value of the wrong type or a value the reference types or the builder refuse
   * @throws UncheckedIOException if the file cannot be read
   */
  public static InMemoryReferenceData load(Path file) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw ReferenceFileReader.tooLarge(source, size + " bytes");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return load(source, in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the reference data file " + source, e);
    }
  }

  /**
   * Loads reference data from a stream. The stream is read to its end (or just past the size
   * limit) and not closed.
   *
   * @param sourceName the name messages give the source, such as its file name; its ending picks
   *     JSON or YAML as for a file
   * @param in the reference data, YAML or JSON in UTF-8
   * @throws ReferenceDataLoadException as {@link #load(Path)}
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static InMemoryReferenceData load(String sourceName, InputStream in) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(in, "in");
    byte[] bytes = ConfigText.readAtMost(in, MAX_FILE_BYTES, "the reference data " + sourceName);
    if (bytes == null) {
      throw ReferenceFileReader.tooLarge(sourceName, "more than " + MAX_FILE_BYTES + " bytes");
    }
    return ReferenceFileReader.read(sourceName, ReferenceFileReader.decode(sourceName, bytes));
  }

  /**
   * Loads reference data from its text; the size limit applies to the text's UTF-8 encoding.
   *
   * @param sourceName the name messages give the source, such as its file name; its ending picks
   *     JSON or YAML as for a file
   * @param text the reference data, YAML or JSON
   * @throws ReferenceDataLoadException as {@link #load(Path)}
   */
  public static InMemoryReferenceData load(String sourceName, String text) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_FILE_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
      throw ReferenceFileReader.tooLarge(sourceName, "more than " + MAX_FILE_BYTES + " bytes");
    }
    return ReferenceFileReader.read(sourceName, text);
  }

  @Override
  public Optional<LegalEntityRef> legalEntity(CanonicalId id) {
    return Optional.ofNullable(legalEntities.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public List<TaxCode> taxCodes(String jurisdiction) {
    return taxCodes.getOrDefault(Objects.requireNonNull(jurisdiction, "jurisdiction"), List.of());
  }

  @Override
  public Optional<Currency> currency(String isoCode) {
    return Optional.ofNullable(currencies.get(Objects.requireNonNull(isoCode, "isoCode")));
  }

  @Override
  public Optional<ServiceCatalogueItem> serviceItem(CanonicalId id) {
    return Optional.ofNullable(serviceItems.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public Optional<DimensionSet> dimensionSet(String projectCode) {
    return Optional.ofNullable(dimensionSets.get(Objects.requireNonNull(projectCode, "projectCode")));
  }

  @Override
  public Optional<RateCard> rateCard(CanonicalId id) {
    return Optional.ofNullable(rateCards.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public String toString() {
    int codes = taxCodes.values().stream().mapToInt(List::size).sum();
    return "InMemoryReferenceData[" + legalEntities.size() + " legal entities, " + codes + " tax codes, "
        + currencies.size() + " currencies, " + serviceItems.size() + " service items, "
        + dimensionSets.size() + " dimension sets, " + rateCards.size() + " rate cards]";
  }

  /**
   * Collects reference data and checks it as it comes: each method throws {@link
   * IllegalArgumentException} naming the duplicate at once. Not thread-safe; {@link #build()} may
   * be called more than once, each time taking a snapshot.
   */
  public static final class Builder {
    private final Map<CanonicalId, LegalEntityRef> legalEntities = new LinkedHashMap<>();
    private final Map<String, CanonicalId> legalEntityCodes = new HashMap<>();
    private final Map<String, List<TaxCode>> taxCodes = new LinkedHashMap<>();
    private final Map<String, Currency> currencies = new LinkedHashMap<>();
    private final Map<CanonicalId, ServiceCatalogueItem> serviceItems = new LinkedHashMap<>();
    private final Map<String, CanonicalId> serviceItemCodes = new HashMap<>();
    private final Map<String, DimensionSet> dimensionSets = new LinkedHashMap<>();
    private final Map<CanonicalId, RateCard> rateCards = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a legal entity.
     *
     * @throws IllegalArgumentException if a legal entity with the same id or code was added
     */
    public Builder legalEntity(LegalEntityRef entity) {
      Objects.requireNonNull(entity, "entity");
      if (legalEntities.containsKey(entity.id())) {
        throw new IllegalArgumentException("duplicate legal entity id " + entity.id());
      }
      CanonicalId other = legalEntityCodes.get(entity.code());
      if (other != null) {
        throw new IllegalArgumentException(
            "duplicate legal entity code " + entity.code() + ": legal entities " + other + " and " + entity.id());
      }
      legalEntities.put(entity.id(), entity);
      legalEntityCodes.put(entity.code(), entity.id());
      return this;
    }

    /**
     * Adds a tax code. One code of a jurisdiction may be added more than once, for periods that
     * do not overlap, to record changes of its rate.
     *
     * @throws IllegalArgumentException if the same code of the same jurisdiction was added with
     *     a validity that shares a day with this one's
     */
    public Builder taxCode(TaxCode taxCode) {
      Objects.requireNonNull(taxCode, "taxCode");
      List<TaxCode> codes = taxCodes.computeIfAbsent(taxCode.jurisdiction(), j -> new ArrayList<>());
      for (TaxCode t : codes) {
        if (t.code().equals(taxCode.code()) && t.overlaps(taxCode)) {
          throw new IllegalArgumentException("duplicate tax code " + taxCode.jurisdiction() + "/" + taxCode.code()
              + ": the one valid " + validity(taxCode) + " overlaps the one valid " + validity(t));
        }
      }
      codes.add(taxCode);
      return this;
    }

    /**
     * Adds a currency active for the firm.
     *
     * @throws IllegalArgumentException if the currency was added before
     */
    public Builder currency(Currency currency) {
      Objects.requireNonNull(currency, "currency");
      if (currencies.putIfAbsent(currency.getCurrencyCode(), currency) != null) {
        throw new IllegalArgumentException("duplicate currency " + currency.getCurrencyCode());
      }
      return this;
    }

    /**
     * Adds a service catalogue item.
     *
     * @throws IllegalArgumentException if an item with the same id or code was added
     */
    public Builder serviceItem(ServiceCatalogueItem item) {
      Objects.requireNonNull(item, "item");
      if (serviceItems.containsKey(item.serviceItemId())) {
        throw new IllegalArgumentException("duplicate service item id " + item.serviceItemId());
      }
      CanonicalId other = serviceItemCodes.get(item.code());
      if (other != null) {
        throw new IllegalArgumentException(
            "duplicate service item code " + item.code() + ": service items " + other + " and " + item.serviceItemId());
      }
      serviceItems.put(item.serviceItemId(), item);
      serviceItemCodes.put(item.code(), item.serviceItemId());
      return this;
    }

    /**
     * Adds the dimension set of a project code.
     *
     * @throws IllegalArgumentException if a set for the same project code was added
     */
    public Builder dimensionSet(DimensionSet set) {
      Objects.requireNonNull(set, "set");
      if (dimensionSets.putIfAbsent(set.projectCode(), set) != null) {
        throw new IllegalArgumentException("duplicate dimension set for project code " + set.projectCode());
      }
      return this;
    }

    /**
     * Adds a rate card, keyed by {@code meta.id}.
     *
     * @throws IllegalArgumentException if its id is no rate card id, its validity ends before it
     *     starts, a role has two entries in one currency, or a rate card with the same id was added
     */
    public Builder rateCard(RateCard rateCard) {
      Objects.requireNonNull(rateCard, "rateCard");
      Objects.requireNonNull(rateCard.meta(), "rateCard.meta");
      CanonicalId id = Checks.id(rateCard.meta().id(), EntityType.RATE_CARD, "rate card id");
      Checks.Problem problem = Checks.rateCardProblem(rateCard);
      if (problem != null) {
        throw new IllegalArgumentException(problem.message());
      }
      if (rateCards.putIfAbsent(id, rateCard) != null) {
        throw new IllegalArgumentException("duplicate rate card id " + id);
      }
      return this;
    }

    /**
     * Returns the reference data collected so far.
     *
     * @throws IllegalArgumentException if a legal entity's functional or allowed currency is not
     *     among the active currencies
     */
    public InMemoryReferenceData build() {
      for (LegalEntityRef e : legalEntities.values()) {
        List<Currency> used = new ArrayList<>();
        used.add(e.functionalCurrency());
        used.addAll(e.allowedCurrencies());
        for (Currency c : used) {
          if (!currencies.containsKey(c.getCurrencyCode())) {
            throw new IllegalArgumentException(inactiveCurrency(e.code(), c, currencies.keySet()));
          }
        }
      }
      return new InMemoryReferenceData(this);
    }

    private static String inactiveCurrency(String entityCode, Currency currency, Collection<String> active) {
      return "legal entity " + entityCode + " transacts in " + currency.getCurrencyCode()
          + ", which is not among the active currencies " + new TreeSet<>(active);
    }

    private static String validity(TaxCode t) {
      return "from " + t.validFrom() + (t.validTo() == null ? " on" : " to " + t.validTo());
    }
  }
}
