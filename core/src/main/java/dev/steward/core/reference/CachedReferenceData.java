package dev.steward.core.reference;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.steward.model.CanonicalId;
import dev.steward.model.RateCard;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;

/**
 * A {@link ReferenceData} that answers from a bounded in-memory cache and asks its delegate (the
 * host's slow source) only on a miss or to refresh, so that validation never calls the source
 * once per record.
 *
 * <p>One cache holds every kind of lookup, bounded by {@linkplain Builder#maximumSize(long) a
 * number of entries}; {@link #taxCode(String, String, LocalDate)} is answered from the cached
 * {@link #taxCodes(String)} of the jurisdiction. Entries behave as follows:
 *
 * <ul>
 *   <li><b>Negative caching.</b> Empty answers (no such legal entity, no such currency) are cached
 *       like any other, so a stream of records naming an unknown id asks the delegate once per
 *       refresh period, not once per record.
 *   <li><b>Refresh.</b> An entry read {@linkplain Builder#refreshAfterWrite(Duration) a while}
 *       after it was loaded is reloaded in the background on the {@linkplain Builder#executor
 *       executor}; the read, and reads until the reload completes, get the old value. If the
 *       reload fails, the old value keeps being served and the next read after that tries again.
 *   <li><b>Expiry.</b> An entry {@linkplain Builder#expireAfterWrite(Duration) older than its
 *       lifetime} is dropped, so stale data is never served past it even while the delegate is
 *       down.
 *   <li><b>Failures.</b> A delegate that throws (normally {@link
 *       ReferenceDataUnavailableException}) on a miss is not cached: the exception propagates to
 *       the caller unchanged and the next lookup asks again.
 * </ul>
 *
 * <p>Each key is loaded by one thread at a time: concurrent lookups of the same missing key wait
 * for one call of the delegate. {@link #stats()} counts hits, misses, load failures and evictions.
 *
 * <p>Thread-safe, if the delegate is.
 */
public final class CachedReferenceData implements ReferenceData {
  /** The default bound on the number of cached answers: 10,000. */
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
  /** The default age after which an entry read is refreshed: 5 minutes. */
  public static final Duration DEFAULT_REFRESH_AFTER_WRITE = Duration.ofMinutes(5);
  /** The default age after which an entry is dropped: 1 hour. */
  public static final Duration DEFAULT_EXPIRE_AFTER_WRITE = Duration.ofHours(1);

  private final ReferenceData delegate;
  private final LoadingCache<Key<?>, Object> cache;

  private CachedReferenceData(Builder b) {
    this.delegate = b.delegate;
    LongSupplier ticker = b.nanoTicker;
    this.cache = Caffeine.newBuilder()
        .maximumSize(b.maximumSize)
        .refreshAfterWrite(b.refreshAfterWrite)
        .expireAfterWrite(b.expireAfterWrite)
        .ticker(ticker::getAsLong)
        .executor(b.executor)
        .recordStats()
        .build(key -> key.load(delegate));
  }

  /**
   * Returns a builder of a cache over {@code delegate}, with the default size, refresh and expiry,
   * the system's nanosecond ticker and the common fork-join pool for refreshes.
   */
  public static Builder builder(ReferenceData delegate) {
    return new Builder(delegate);
  }

  /** Returns the reference data this cache asks. */
  public ReferenceData delegate() {
    return delegate;
  }

  @Override
  public Optional<LegalEntityRef> legalEntity(CanonicalId id) {
    return get(new LegalEntityKey(Objects.requireNonNull(id, "id")));
  }

  @Override
  public List<TaxCode> taxCodes(String jurisdiction) {
    return get(new TaxCodesKey(Objects.requireNonNull(jurisdiction, "jurisdiction")));
  }

  @Override
  public Optional<Currency> currency(String isoCode) {
    return get(new CurrencyKey(Objects.requireNonNull(isoCode, "isoCode")));
  }

  @Override
  public Optional<ServiceCatalogueItem> serviceItem(CanonicalId id) {
    return get(new ServiceItemKey(Objects.requireNonNull(id, "id")));
  }

  @Override
  public Optional<DimensionSet> dimensionSet(String projectCode) {
    return get(new DimensionSetKey(Objects.requireNonNull(projectCode, "projectCode")));
  }

  @Override
  public Optional<RateCard> rateCard(CanonicalId id) {
    return get(new RateCardKey(Objects.requireNonNull(id, "id")));
  }

  /** Returns the counts of hits, misses, load failures and evictions since the cache was built. */
  public ReferenceCacheStats stats() {
    CacheStats s = cache.stats();
    return new ReferenceCacheStats(s.hitCount(), s.missCount(), s.loadFailureCount(), s.evictionCount());
  }

  /** Returns about how many answers the cache holds now. */
  public long estimatedSize() {
    return cache.estimatedSize();
  }

  /**
   * Drops every cached answer, so that each next lookup asks the delegate: for a host that knows
   * its reference data changed. Does not reset {@link #stats()}.
   */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  @Override
  public String toString() {
    return "CachedReferenceData[" + delegate + ", " + stats() + "]";
  }

  @SuppressWarnings("unchecked") // each key's load returns its V
  private <V> V get(Key<V> key) {
    return (V) cache.get(key);
  }

  /** A lookup: its kind, its argument, and how to ask the delegate. */
  private sealed interface Key<V> {
    V load(ReferenceData source);
  }

  private record LegalEntityKey(CanonicalId id) implements Key<Optional<LegalEntityRef>> {
    @Override
    public Optional<LegalEntityRef> load(ReferenceData source) {
      return answer(source.legalEntity(id), ReferenceKind.LEGAL_ENTITY, id.toString());
    }
  }

  private record TaxCodesKey(String jurisdiction) implements Key<List<TaxCode>> {
    @Override
    public List<TaxCode> load(ReferenceData source) {
      return List.copyOf(answer(source.taxCodes(jurisdiction), ReferenceKind.TAX_CODES, jurisdiction));
    }
  }

  private record CurrencyKey(String isoCode) implements Key<Optional<Currency>> {
    @Override
    public Optional<Currency> load(ReferenceData source) {
      return answer(source.currency(isoCode), ReferenceKind.CURRENCY, isoCode);
    }
  }

  private record ServiceItemKey(CanonicalId id) implements Key<Optional<ServiceCatalogueItem>> {
    @Override
    public Optional<ServiceCatalogueItem> load(ReferenceData source) {
      return answer(source.serviceItem(id), ReferenceKind.SERVICE_ITEM, id.toString());
    }
  }

  private record DimensionSetKey(String projectCode) implements Key<Optional<DimensionSet>> {
    @Override
    public Optional<DimensionSet> load(ReferenceData source) {
      return answer(source.dimensionSet(projectCode), ReferenceKind.DIMENSION_SET, projectCode);
    }
  }

  private record RateCardKey(CanonicalId id) implements Key<Optional<RateCard>> {
    @Override
    public Optional<RateCard> load(ReferenceData source) {
      return answer(source.rateCard(id), ReferenceKind.RATE_CARD, id.toString());
    }
  }

  private static <T> T answer(T answer, ReferenceKind kind, String key) {
    return Objects.requireNonNull(answer,
        () -> "the delegate ReferenceData answered null to the lookup of " + kind.description() + " '" + key
            + "'; expected a value or an empty answer");
  }

  /**
   * Configures a {@link CachedReferenceData}. Not thread-safe; {@link #build()} may be called more
   * than once, each time making a new, empty cache.
   */
  public static final class Builder {
    private final ReferenceData delegate;
    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private Duration refreshAfterWrite = DEFAULT_REFRESH_AFTER_WRITE;
    private Duration expireAfterWrite = DEFAULT_EXPIRE_AFTER_WRITE;
    private LongSupplier nanoTicker = System::nanoTime;
    private Executor executor = ForkJoinPool.commonPool();

    private Builder(ReferenceData delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Sets the most answers the cache holds, over all kinds of lookup; past it, the entries least
     * likely to be used again are evicted. Defaults to 10,000.
     *
     * @throws IllegalArgumentException if {@code maximumSize} is not positive
     */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize <= 0) {
        throw new IllegalArgumentException("maximumSize must be positive; was " + maximumSize);
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /**
     * Sets the age after which an entry that is read is reloaded in the background. Defaults to 5
     * minutes; must be shorter than {@link #expireAfterWrite(Duration)} when built.
     *
     * @throws IllegalArgumentException if the duration is not positive
     */
    public Builder refreshAfterWrite(Duration refreshAfterWrite) {
      this.refreshAfterWrite = positive(refreshAfterWrite, "refreshAfterWrite");
      return this;
    }

    /**
     * Sets the age after which an entry is dropped, whether or not a refresh succeeded. Defaults
     * to 1 hour.
     *
     * @throws IllegalArgumentException if the duration is not positive
     */
    public Builder expireAfterWrite(Duration expireAfterWrite) {
      this.expireAfterWrite = positive(expireAfterWrite, "expireAfterWrite");
      return this;
    }

    /**
     * Sets the source of time for refresh and expiry: a monotonic count of nanoseconds, such as
     * {@link System#nanoTime()} (the default). Tests pass a fake they advance by hand. Not a
     * {@link java.time.Clock}: wall-clock jumps must not expire or refresh entries.
     */
    public Builder ticker(LongSupplier nanoTicker) {
      this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
      return this;
    }

    /**
     * Sets the executor refreshes and cache maintenance run on. Defaults to {@link
     * ForkJoinPool#commonPool()}; tests pass {@code Runnable::run} to run them on the calling
     * thread.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Returns a new, empty cache over the delegate.
     *
     * @throws IllegalArgumentException if {@code refreshAfterWrite} is not shorter than {@code
     *     expireAfterWrite}
     */
    public CachedReferenceData build() {
      if (refreshAfterWrite.compareTo(expireAfterWrite) >= 0) {
        throw new IllegalArgumentException("refreshAfterWrite (" + refreshAfterWrite
            + ") must be shorter than expireAfterWrite (" + expireAfterWrite
            + "), or entries expire before they are ever refreshed");
      }
      return new CachedReferenceData(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive; was " + d);
      }
      return d;
    }
  }
}
