package dev.steward.core.reference;

import static dev.steward.core.reference.AcmeReference.ACME_GMBH;
import static dev.steward.core.reference.AcmeReference.ACME_INC;
import static dev.steward.core.reference.AcmeReference.ACME_LTD;
import static dev.steward.core.reference.AcmeReference.CONSULT_SR;
import static dev.steward.core.reference.AcmeReference.RATES_2027;
import static dev.steward.core.reference.AcmeReference.UNKNOWN_LE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.steward.model.CanonicalId;
import dev.steward.model.RateCard;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cache asks its delegate once per key and period, caches empty answers, and remembers failures
 * only for the failure back-off.
 */
class CachedReferenceDataTest {
  private static final Logger CAFFEINE_LOG = Logger.getLogger("com.github.benmanes.caffeine");
  private static Level caffeineLevel;

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final CountingReferenceData counting = new CountingReferenceData(AcmeReference.yaml());

  /** A delegate that counts calls per lookup and fails on demand: a real implementation, not a mock. */
  static class CountingReferenceData implements ReferenceData {
    private final ReferenceData data;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();
    final AtomicReference<String> down = new AtomicReference<>(); // the outage's detail, when down

    CountingReferenceData(ReferenceData data) {
      this.data = data;
    }

    int calls(String key) {
      AtomicInteger n = calls.get(key);
      return n == null ? 0 : n.get();
    }

    private <T> T ask(ReferenceKind kind, String key, Function<ReferenceData, T> lookup) {
      total.incrementAndGet();
      calls.computeIfAbsent(kind + ":" + key, k -> new AtomicInteger()).incrementAndGet();
      String outage = down.get();
      if (outage != null) {
        throw new ReferenceDataUnavailableException(kind, key, outage, null);
      }
      return lookup.apply(data);
    }

    @Override
    public Optional<LegalEntityRef> legalEntity(CanonicalId id) {
      return ask(ReferenceKind.LEGAL_ENTITY, id.toString(), d -> d.legalEntity(id));
    }

    @Override
    public List<TaxCode> taxCodes(String jurisdiction) {
      return ask(ReferenceKind.TAX_CODES, jurisdiction, d -> new ArrayList<>(d.taxCodes(jurisdiction)));
    }

    @Override
    public Optional<Currency> currency(String isoCode) {
      return ask(ReferenceKind.CURRENCY, isoCode, d -> d.currency(isoCode));
    }

    @Override
    public Optional<ServiceCatalogueItem> serviceItem(CanonicalId id) {
      return ask(ReferenceKind.SERVICE_ITEM, id.toString(), d -> d.serviceItem(id));
    }

    @Override
    public Optional<DimensionSet> dimensionSet(String projectCode) {
      return ask(ReferenceKind.DIMENSION_SET, projectCode, d -> d.dimensionSet(projectCode));
    }

    @Override
    public Optional<RateCard> rateCard(CanonicalId id) {
      return ask(ReferenceKind.RATE_CARD, id.toString(), d -> d.rateCard(id));
    }
  }

  // Caffeine logs a failed refresh as a warning; the refresh tests provoke one on purpose.
  @BeforeAll
  static void quietCaffeine() {
    caffeineLevel = CAFFEINE_LOG.getLevel();
    CAFFEINE_LOG.setLevel(Level.OFF);
  }

  @AfterAll
  static void restoreCaffeine() {
    CAFFEINE_LOG.setLevel(caffeineLevel);
  }

  private CachedReferenceData.Builder cache() {
    return CachedReferenceData.builder(counting)
        .maximumSize(100)
        .refreshAfterWrite(Duration.ofMinutes(5))
        .expireAfterWrite(Duration.ofHours(1))
        .ticker(nanos::get)
        .executor(Runnable::run);
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void secondLookup_isAHit_andDoesNotCallTheDelegate() {
    CachedReferenceData cache = cache().build();

    Optional<LegalEntityRef> first = cache.legalEntity(ACME_GMBH);
    Optional<LegalEntityRef> second = cache.legalEntity(ACME_GMBH);

    assertThat(second).isEqualTo(first).isPresent();
    assertThat(counting.total.get()).isEqualTo(1);
    assertThat(cache.stats()).isEqualTo(new ReferenceCacheStats(1, 1, 0, 0));
  }

  @Test
  void everyLookupKind_isCachedSeparately() {
    CachedReferenceData cache = cache().build();
    for (int i = 0; i < 3; i++) {
      assertThat(cache.legalEntity(ACME_GMBH)).isPresent();
      assertThat(cache.taxCodes("DE")).hasSize(5);
      assertThat(cache.taxCode("DE", "DE-S-16", LocalDate.of(2020, 7, 1))).isPresent();
      assertThat(cache.taxCode("DE", "DE-S-16", LocalDate.of(2021, 1, 1))).isEmpty();
      assertThat(cache.currency("EUR")).contains(Currency.getInstance("EUR"));
      assertThat(cache.serviceItem(CONSULT_SR)).isPresent();
      assertThat(cache.dimensionSet("PRJ-DE-1001")).isPresent();
      assertThat(cache.rateCard(RATES_2027)).isPresent();
    }

    // Six keys, each asked once; taxCode is answered from the cached taxCodes of DE.
    assertThat(counting.total.get()).isEqualTo(6);
    assertThat(counting.calls).containsOnlyKeys("LEGAL_ENTITY:" + ACME_GMBH, "TAX_CODES:DE", "CURRENCY:EUR",
        "SERVICE_ITEM:" + CONSULT_SR, "DIMENSION_SET:PRJ-DE-1001", "RATE_CARD:" + RATES_2027);
    assertThat(cache.stats()).isEqualTo(new ReferenceCacheStats(3 * 8 - 6, 6, 0, 0));
    assertThat(cache.taxCodes("DE")).as("copied from the delegate's list").isUnmodifiable();
  }

  @Test
  void emptyAnswers_areCachedToo() {
    CachedReferenceData cache = cache().build();

    for (int i = 0; i < 5; i++) {
      assertThat(cache.legalEntity(UNKNOWN_LE)).isEmpty();
      assertThat(cache.currency("SEK")).isEmpty();
      assertThat(cache.taxCodes("FR")).isEmpty();
    }

    assertThat(counting.total.get()).isEqualTo(3);
    assertThat(cache.stats()).isEqualTo(new ReferenceCacheStats(12, 3, 0, 0));
  }

  @Test
  void failingDelegate_onAMiss_propagates_isRememberedForTheBackoff_andAskedAgainAfterIt() {
    CachedReferenceData cache = cache().build();
    counting.down.set("ERP timed out after 5 s");

    Throwable original = catchThrowable(() -> cache.legalEntity(ACME_GMBH));
    assertThat(original)
        .isInstanceOf(ReferenceDataUnavailableException.class)
        .hasMessage("reference data unavailable: cannot look up legal entity 'le_01J0ACME000000000000000001':"
            + " ERP timed out after 5 s")
        .extracting(e -> ((ReferenceDataUnavailableException) e).code())
        .isEqualTo(ReferenceDataUnavailableException.CODE);
    advance(Duration.ofMillis(1_200));
    assertThatThrownBy(() -> cache.legalEntity(ACME_GMBH))
        .isInstanceOf(ReferenceDataUnavailableException.class)
        .hasMessage("reference data unavailable: cannot look up legal entity 'le_01J0ACME000000000000000001':"
            + " ERP timed out after 5 s (remembered from a failure 1200 ms ago; not asked again within the failure"
            + " back-off of 5000 ms)")
        .hasCause(original);
    assertThat(counting.calls("LEGAL_ENTITY:" + ACME_GMBH)).as("remembered, not asked").isEqualTo(1);

    counting.down.set(null);
    assertThatThrownBy(() -> cache.legalEntity(ACME_GMBH)).as("still within the back-off")
        .isInstanceOf(ReferenceDataUnavailableException.class);
    advance(Duration.ofMillis(3_800)); // 5 s after the failure
    assertThat(cache.legalEntity(ACME_GMBH)).isPresent();
    assertThat(cache.legalEntity(ACME_GMBH)).isPresent();

    assertThat(counting.calls("LEGAL_ENTITY:" + ACME_GMBH)).isEqualTo(2);
    assertThat(cache.stats()).isEqualTo(new ReferenceCacheStats(1, 2, 1, 0, 2));
  }

  @Test
  void aSuccessfulLoad_forgetsTheFailure() {
    CachedReferenceData cache = cache().refreshAfterWrite(Duration.ofSeconds(1)).build();
    counting.down.set("ERP is down");
    assertThatThrownBy(() -> cache.currency("EUR")).isInstanceOf(ReferenceDataUnavailableException.class);
    advance(Duration.ofSeconds(5));
    counting.down.set(null);
    cache.currency("EUR");

    counting.down.set("ERP is down again");
    advance(Duration.ofSeconds(2)); // due for refresh; the earlier failure is no longer remembered
    assertThat(cache.currency("EUR")).isPresent();

    assertThat(counting.calls("CURRENCY:EUR")).isEqualTo(3);
    assertThat(cache.stats().rememberedFailures()).isZero();
  }

  @Test
  void failureBackoffOfZero_remembersNothing_soEveryLookupAsks() {
    CachedReferenceData cache = cache().failureBackoff(Duration.ZERO).build();
    counting.down.set("ERP timed out after 5 s");

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> cache.legalEntity(ACME_GMBH)).isInstanceOf(ReferenceDataUnavailableException.class)
          .hasMessageNotContaining("remembered");
    }

    assertThat(counting.calls("LEGAL_ENTITY:" + ACME_GMBH)).isEqualTo(3);
    assertThat(cache.stats()).isEqualTo(new ReferenceCacheStats(0, 3, 3, 0, 0));
  }

  @Test
  void invalidateAll_forgetsRememberedFailures() {
    CachedReferenceData cache = cache().build();
    counting.down.set("ERP is down");
    assertThatThrownBy(() -> cache.taxCodes("DE")).isInstanceOf(ReferenceDataUnavailableException.class);
    counting.down.set(null);

    cache.invalidateAll();

    assertThat(cache.taxCodes("DE")).isNotEmpty();
    assertThat(counting.calls("TAX_CODES:DE")).isEqualTo(2);
  }

  @Test
  void whileTheSourceIsDown_aStaleValueIsServed_andTheSourceIsAskedOncePerBackoff_notPerRecord() {
    AtomicInteger calls = new AtomicInteger();
    ReferenceData data = InMemoryReferenceData.builder().currency(Currency.getInstance("EUR"))
        .legalEntity(new LegalEntityRef(ACME_GMBH, "ACME-DE", "DE", "EU", Currency.getInstance("EUR"), Set.of(),
            VatCheckPolicy.HOLD))
        .build();
    boolean[] down = {false};
    ReferenceData source = new ReferenceData() {
      @Override
      public Optional<LegalEntityRef> legalEntity(CanonicalId id) {
        calls.incrementAndGet();
        if (down[0]) {
          throw new ReferenceDataUnavailableException(ReferenceKind.LEGAL_ENTITY, id.toString(), "refused", null);
        }
        return data.legalEntity(id);
      }

      @Override
      public List<TaxCode> taxCodes(String jurisdiction) {
        return List.of();
      }

      @Override
      public Optional<Currency> currency(String isoCode) {
        return Optional.empty();
      }

      @Override
      public Optional<ServiceCatalogueItem> serviceItem(CanonicalId id) {
        return Optional.empty();
      }

      @Override
      public Optional<DimensionSet> dimensionSet(String projectCode) {
        return Optional.empty();
      }

      @Override
      public Optional<RateCard> rateCard(CanonicalId id) {
        return Optional.empty();
      }
    };
    CachedReferenceData cache = CachedReferenceData.builder(source).ticker(nanos::get).executor(Runnable::run).build();
    Optional<LegalEntityRef> loaded = cache.legalEntity(ACME_GMBH);
    down[0] = true;
    advance(Duration.ofMinutes(6)); // due for refresh, not expired

    for (int record = 0; record < 100; record++) {
      assertThat(cache.legalEntity(ACME_GMBH)).isEqualTo(loaded); // the stale value, refreshed at most once
    }

    assertThat(calls.get() - 1).as("calls of the down source for 100 records").isLessThanOrEqualTo(5);
    assertThat(calls.get() - 1).as("one refresh within the back-off").isEqualTo(1);
  }

  @Test
  void refreshAfterWrite_reloadsInTheBackground_servingTheOldValueMeanwhile() {
    CachedReferenceData cache = cache().build();
    cache.currency("EUR");

    advance(Duration.ofMinutes(4));
    cache.currency("EUR");
    assertThat(counting.calls("CURRENCY:EUR")).as("not yet due").isEqualTo(1);

    advance(Duration.ofMinutes(2));
    assertThat(cache.currency("EUR")).isPresent(); // served, and triggers the refresh
    assertThat(counting.calls("CURRENCY:EUR")).isEqualTo(2);
    cache.currency("EUR");
    assertThat(counting.calls("CURRENCY:EUR")).as("refreshed: fresh again").isEqualTo(2);
    assertThat(cache.stats()).isEqualTo(new ReferenceCacheStats(3, 1, 0, 0));
  }

  @Test
  void failedRefresh_keepsServingTheStaleValue_retryingOncePerBackoff_untilItExpires() {
    CachedReferenceData cache = cache().build();
    Optional<LegalEntityRef> loaded = cache.legalEntity(ACME_LTD);
    counting.down.set("ERP is down for maintenance");

    advance(Duration.ofMinutes(6));
    assertThat(cache.legalEntity(ACME_LTD)).isEqualTo(loaded); // triggers a refresh, which fails
    assertThat(cache.legalEntity(ACME_LTD)).isEqualTo(loaded); // stale, within the back-off: not asked
    assertThat(counting.calls("LEGAL_ENTITY:" + ACME_LTD)).isEqualTo(2);
    advance(Duration.ofSeconds(5));
    assertThat(cache.legalEntity(ACME_LTD)).isEqualTo(loaded); // stale, and tries again
    assertThat(counting.calls("LEGAL_ENTITY:" + ACME_LTD)).isEqualTo(3);
    assertThat(cache.stats().loadFailures()).isEqualTo(2);

    advance(Duration.ofMinutes(55)); // 61 minutes after the load: expired
    assertThatThrownBy(() -> cache.legalEntity(ACME_LTD)).isInstanceOf(ReferenceDataUnavailableException.class);
    assertThatThrownBy(() -> cache.legalEntity(ACME_LTD)).as("expired: never served stale, even in the back-off")
        .isInstanceOf(ReferenceDataUnavailableException.class).hasMessageContaining("remembered");

    counting.down.set(null);
    advance(Duration.ofSeconds(5));
    assertThat(cache.legalEntity(ACME_LTD)).isEqualTo(loaded);
    assertThat(cache.stats()).isEqualTo(new ReferenceCacheStats(3, 3, 3, 1, 1));
  }

  @Test
  void maximumSize_boundsTheCache_evictingEntries() {
    CachedReferenceData cache = cache().maximumSize(2).build();

    cache.legalEntity(ACME_GMBH);
    cache.legalEntity(ACME_LTD);
    cache.legalEntity(ACME_INC);

    assertThat(cache.estimatedSize()).isEqualTo(2);
    assertThat(cache.stats().evictions()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(3);

    // One of the three was evicted, so asking for all three again loads it (and so evicts another).
    for (int i = 0; i < 3; i++) {
      assertThat(cache.legalEntity(ACME_GMBH)).isPresent();
      assertThat(cache.legalEntity(ACME_LTD)).isPresent();
      assertThat(cache.legalEntity(ACME_INC)).isPresent();
    }
    assertThat(counting.total.get()).isGreaterThan(3);
    assertThat(cache.estimatedSize()).isEqualTo(2);
    assertThat(cache.stats().evictions()).as("every load past the bound evicts one").isEqualTo(counting.total.get() - 2);
    assertThat(cache.stats().misses()).isEqualTo(counting.total.get());
  }

  @Test
  void invalidateAll_asksAgain() {
    CachedReferenceData cache = cache().build();
    cache.serviceItem(CONSULT_SR);
    cache.invalidateAll();
    cache.serviceItem(CONSULT_SR);

    assertThat(counting.calls("SERVICE_ITEM:" + CONSULT_SR)).isEqualTo(2);
    assertThat(cache.stats().evictions()).as("explicit removal is no eviction").isZero();
  }

  @Test
  void builder_refusesNonsense() {
    CachedReferenceData.Builder b = CachedReferenceData.builder(counting);
    assertThatThrownBy(() -> b.maximumSize(0)).hasMessage("maximumSize must be positive; was 0");
    assertThatThrownBy(() -> b.refreshAfterWrite(Duration.ZERO)).hasMessage("refreshAfterWrite must be positive; was PT0S");
    assertThatThrownBy(() -> b.expireAfterWrite(Duration.ofSeconds(-1)))
        .hasMessage("expireAfterWrite must be positive; was PT-1S");
    b.refreshAfterWrite(Duration.ofHours(1)).expireAfterWrite(Duration.ofMinutes(30));
    assertThatThrownBy(b::build).hasMessageStartingWith("refreshAfterWrite (PT1H) must be shorter than expireAfterWrite");
    assertThatThrownBy(() -> b.failureBackoff(Duration.ofMillis(-1)))
        .hasMessage("failureBackoff must not be negative; was PT-0.001S");
  }

  @Test
  void nullAnswerFromADelegate_isRefused() {
    ReferenceData broken = new CountingReferenceData(AcmeReference.yaml()) {
      @Override
      public Optional<Currency> currency(String isoCode) {
        return null;
      }
    };
    CachedReferenceData cache = CachedReferenceData.builder(broken).executor(Runnable::run).build();

    assertThatThrownBy(() -> cache.currency("EUR")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("answered null to the lookup of currency 'EUR'");
    assertThatThrownBy(() -> cache.currency("EUR")).as("a bug, not an outage: not remembered")
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void concurrentLookups_loadEachKeyOnce() throws Exception {
    int threads = 8;
    int lookups = 10_000;
    List<String> projects = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      projects.add("PRJ-" + i); // absent: empty answers, cached all the same
    }
    List<String> currencies = List.of("EUR", "USD", "GBP", "CHF", "JPY", "BHD", "SEK", "NOK");
    List<CanonicalId> entities = List.of(AcmeReference.ACME_GMBH, ACME_LTD, ACME_INC, AcmeReference.ACME_KK,
        AcmeReference.ACME_WLL, UNKNOWN_LE);
    int distinct = projects.size() + currencies.size() + entities.size();
    CachedReferenceData cache = CachedReferenceData.builder(counting).maximumSize(1_000).build();

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        results.add(pool.submit(() -> {
          start.await();
          int found = 0;
          for (int i = 0; i < lookups; i++) {
            int k = (i * 31 + seed * 7) % distinct;
            if (k < projects.size()) {
              found += cache.dimensionSet(projects.get(k)).isPresent() ? 1 : 0;
            } else if (k < projects.size() + currencies.size()) {
              found += cache.currency(currencies.get(k - projects.size())).isPresent() ? 1 : 0;
            } else {
              found += cache.legalEntity(entities.get(k - projects.size() - currencies.size())).isPresent() ? 1 : 0;
            }
          }
          return found;
        }));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counting.calls).hasSize(distinct);
    assertThat(counting.calls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(counting.total.get()).isEqualTo(distinct);
    ReferenceCacheStats stats = cache.stats();
    assertThat(stats.misses()).isEqualTo(distinct);
    assertThat(stats.requests()).isEqualTo((long) threads * lookups);
    assertThat(Set.copyOf(counting.calls.keySet())).contains("CURRENCY:SEK", "DIMENSION_SET:PRJ-0");
  }
}
