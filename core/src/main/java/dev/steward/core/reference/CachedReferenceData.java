package dev.steward.core.reference;

import com.github.benmanes.caffeine.cache.Cache;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

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
 *       reload fails, the old value keeps being served; the delegate is asked again by the first
 *       read after the failure back-off (below), not by every read.
 *   <li><b>Expiry.</b> An entry {@linkplain Builder#expireAfterWrite(Duration) older than its
 *       lifetime} is dropped, so stale data is never served past it even while the delegate is
 *       down.
 *   <li><b>Failures.</b> A delegate that throws {@link ReferenceDataUnavailableException} on a
 *       miss is not cached as an answer: the exception propagates to the caller unchanged.
 *   <li><b>Failure back-off.</b> A failure is remembered for a short {@linkplain
 *       Builder#failureBackoff(Duration) back-off} (5 seconds unless set), so that while the
 *       source is down a stream of records naming one key does not ask it once per record.
 *       Within the back-off, lookups of that key do not ask the delegate: one with a cached value,
 *       stale or not, gets that value; one without throws a new {@link
 *       ReferenceDataUnavailableException} saying it is remembered from a failure so many
 *       milliseconds ago, with the original's detail and the original as its cause. The first
 *       lookup after the back-off asks again. A successful load forgets the failure. Only {@link
 *       ReferenceDataUnavailableException} is remembered; anything else the delegate throws (a
 *       bug, such as a null answer) propagates unchanged every time.
 * </ul>
 *
 * <p>Each key is loaded by one thread at a time: concurrent lookups of the same missing key wait
 * for one call of the delegate. {@link #stats()} counts hits, misses, load failures, evictions and
 * lookups refused from a remembered failure.
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
  /** The default time for which a failure of the delegate is remembered: 5 seconds. */
  public static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofSeconds(5);

  private final ReferenceData delegate;
  private final LongSupplier ticker;
  private final Duration failureBackoff;
  private final LoadingCache<Key<?>, Object> cache;
  // The last failure per key, each dropped after the back-off; null when the back-off is zero.
  private final @Nullable Cache<Key<?>, Failure> failures;
  private final LongAdder backoffHits = new LongAdder();
  private final LongAdder rememberedFailures = new LongAdder();

  private CachedReferenceData(Builder b) {
    this.delegate = b.delegate;
    this.ticker = b.nanoTicker;
    this.failureBackoff = b.failureBackoff;
    LongSupplier nanos = b.nanoTicker;
    this.failures = failureBackoff.isZero() ? null : Caffeine.newBuilder()
        .maximumSize(b.maximumSize)
        .expireAfterWrite(failureBackoff)
        .ticker(nanos::getAsLong)
        .executor(b.executor)
        .<Key<?>, Failure>build();
    this.cache = Caffeine.newBuilder()
        .maximumSize(b.maximumSize)
        .refreshAfterWrite(b.refreshAfterWrite)
        .expireAfterWrite(b.expireAfterWrite)
        .ticker(nanos::getAsLong)
        .executor(b.executor)
        .recordStats()
        .build(this::load);
  }

  /**
   * Returns a builder of a cache over {@code delegate}, with the default size, refresh, expiry and
   * failure back-off, the system's nanosecond ticker and the common fork-join pool for refreshes.
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

  /**
   * Returns the counts of hits, misses, load failures, evictions and lookups refused from a
   * remembered failure since the cache was built.
   */
  public ReferenceCacheStats stats() {
    CacheStats s = cache.stats();
    return new ReferenceCacheStats(s.hitCount() + backoffHits.sum(), s.missCount(), s.loadFailureCount(),
        s.evictionCount(), rememberedFailures.sum());
  }

  /** Returns about how many answers the cache holds now. */
  public long estimatedSize() {
    return cache.estimatedSize();
  }

  /**
   * Drops every cached answer and remembered failure, so that each next lookup asks the delegate:
   * for a host that knows its reference data changed or its source is back. Does not reset {@link
   * #stats()}.
   */
  public void invalidateAll() {
    cache.invalidateAll();
    if (failures != null) {
      failures.invalidateAll();
    }
  }

  @Override
  public String toString() {
    return "CachedReferenceData[" + delegate + ", " + stats() + "]";
  }

  @SuppressWarnings("unchecked") // each key's load returns its V
  private <V> V get(Key<V> key) {
    Failure failure = failures == null ? null : failures.getIfPresent(key);
    if (failure != null) {
      // Within the back-off: a cached value, even one due for refresh, without starting one.
      Object cached = cache.policy().getIfPresentQuietly(key);
      if (cached != null) {
        backoffHits.increment();
        return (V) cached;
      }
      rememberedFailures.increment();
      throw failure.remembered(ticker.getAsLong(), failureBackoff);
    }
    return (V) cache.get(key);
  }

  // Loads and reloads alike: a failure is remembered for the back-off, a success forgets it.
  private Object load(Key<?> key) {
    try {
      Object answer = key.load(delegate);
      if (failures != null) {
        failures.invalidate(key);
      }
      return answer;
    } catch (ReferenceDataUnavailableException e) {
      if (failures != null) {
        failures.put(key, new Failure(ticker.getAsLong(), e));
      }
      throw e;
    }
  }

  /** A failure of the delegate: when, and what it threw. */
  private record Failure(long atNanos, ReferenceDataUnavailableException exception) {
    ReferenceDataUnavailableException remembered(long nowNanos, Duration backoff) {
      long ago = TimeUnit.NANOSECONDS.toMillis(Math.max(0, nowNanos - atNanos));
      return new ReferenceDataUnavailableException(exception.kind(), exception.key(), exception.detail()
          + " (remembered from a failure " + ago + " ms ago; not asked again within the failure back-off of "
          + backoff.toMillis() + " ms)", exception);
    }
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
    private Duration failureBackoff = DEFAULT_FAILURE_BACKOFF;

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
     * Sets how long a {@link ReferenceDataUnavailableException} of the delegate is remembered for
     * its key: within it, lookups of the key do not ask the delegate, but get the cached value if
     * there is one (even one due for refresh) and otherwise a {@link
     * ReferenceDataUnavailableException} saying the failure is remembered. Defaults to 5 seconds;
     * {@link Duration#ZERO} remembers nothing, so that every lookup without a fresh value asks.
     *
     * @throws IllegalArgumentException if the duration is negative
     */
    public Builder failureBackoff(Duration failureBackoff) {
      Objects.requireNonNull(failureBackoff, "failureBackoff");
      if (failureBackoff.isNegative()) {
        throw new IllegalArgumentException("failureBackoff must not be negative; was " + failureBackoff);
      }
      this.failureBackoff = failureBackoff;
      return this;
    }

    /**
     * Sets the source of time for refresh, expiry and the failure back-off: a monotonic count of nanoseconds, such as
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
