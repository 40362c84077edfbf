package dev.steward.core.reference;

/**
 * Counts of what a {@link CachedReferenceData} did since it was built, over all kinds of lookup
 * together. A snapshot: immutable, and not updated as the cache goes on working.
 *
 * @param hits lookups answered from the cache, empty answers and stale values served during a
 *     failure back-off included
 * @param misses lookups the cache had no answer for, so asked the delegate
 * @param loadFailures asks of the delegate that threw, on a miss or a background refresh
 * @param evictions entries removed because the cache was full or they expired
 * @param rememberedFailures lookups the cache had no answer for and refused without asking the
 *     delegate, because it failed for the same key within the {@linkplain
 *     CachedReferenceData.Builder#failureBackoff(java.time.Duration) failure back-off}
 */
public record ReferenceCacheStats(long hits, long misses, long loadFailures, long evictions, long rememberedFailures) {

  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public ReferenceCacheStats {
    if (hits < 0 || misses < 0 || loadFailures < 0 || evictions < 0 || rememberedFailures < 0) {
      throw new IllegalArgumentException("cache statistics must not be negative; were hits " + hits + ", misses "
          + misses + ", loadFailures " + loadFailures + ", evictions " + evictions + ", rememberedFailures "
          + rememberedFailures);
    }
  }

  /**
   * Creates counts without remembered failures.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public ReferenceCacheStats(long hits, long misses, long loadFailures, long evictions) {
    this(hits, misses, loadFailures, evictions, 0);
  }

  /** Returns the number of lookups: hits, misses and remembered failures. */
  public long requests() {
    return hits + misses + rememberedFailures;
  }

  /** Returns the share of lookups answered from the cache, from 0 to 1; 1 when there were none. */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? 1.0 : (double) hits / requests;
  }
}
