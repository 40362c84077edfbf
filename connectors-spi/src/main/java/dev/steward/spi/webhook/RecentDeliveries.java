package dev.steward.spi.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Recognises webhook deliveries repeated by their sender, by delivery id (Stripe's event {@code
 * id}, GitHub's {@code X-GitHub-Delivery}, Shopify's {@code X-Shopify-Webhook-Id}): the first
 * delivery of an id is to be {@linkplain Verdict#PROCESS processed}, a repeat less than the
 * window after it is a {@linkplain Verdict#DUPLICATE duplicate}.
 *
 * <p>This is a bounded, in-memory filter for one process: it holds at most {@code maxEntries}
 * ids, forgets the oldest beyond that and any older than the window, and knows nothing of other
 * instances. It spares the common repeat cheaply; durable de-duplication across instances and
 * restarts is the job of Steward's idempotency store, which every change passes through anyway.
 * When processing a delivery fails, call {@link #forget(String)} so that the sender's retry is
 * processed rather than dropped.
 *
 * <p>Build one with {@link #builder(Clock)}. Thread-safe.
 */
public final class RecentDeliveries {
  /** The default window: three days, as long as Stripe retries a delivery. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(3);
  /** The default number of ids held. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  /** The longest delivery id accepted. */
  public static final int MAX_DELIVERY_ID_LENGTH = 255;

  /** What to do with a delivery. */
  public enum Verdict {
    /** The first delivery of its id within the window: process it. */
    PROCESS,
    /** A repeat within the window: acknowledge it and do nothing. */
    DUPLICATE
  }

  private final Clock clock;
  private final Duration window;
  private final int maxEntries;
  // Insertion order is arrival order, so the eldest entries are the first to expire or be evicted.
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  private RecentDeliveries(Builder b) {
    this.clock = b.clock;
    this.window = b.window == null ? DEFAULT_WINDOW : b.window;
    this.maxEntries = b.maxEntries == null ? DEFAULT_MAX_ENTRIES : b.maxEntries;
  }

  /** Returns a builder reading time from {@code clock}. */
  public static Builder builder(Clock clock) {
    return new Builder(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Records the delivery of {@code deliveryId} and says whether to process it: {@link
   * Verdict#PROCESS} if the id was not seen within the window (and it is now remembered from
   * now), {@link Verdict#DUPLICATE} if it was.
   *
   * @throws IllegalArgumentException if the id is empty or longer than {@value #MAX_DELIVERY_ID_LENGTH} characters
   */
  public Verdict check(String deliveryId) {
    checkId(deliveryId);
    Instant now = clock.instant();
    synchronized (seen) {
      expire(now);
      Instant first = seen.get(deliveryId);
      if (first != null && within(first, now)) {
        return Verdict.DUPLICATE;
      }
      seen.remove(deliveryId);
      seen.put(deliveryId, now);
      if (seen.size() > maxEntries) {
        Iterator<String> eldest = seen.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
      return Verdict.PROCESS;
    }
  }

  /**
   * Forgets {@code deliveryId}, so that its next delivery is processed: call it when processing
   * the delivery failed and the sender will retry.
   *
   * @return whether the id was held
   */
  public boolean forget(String deliveryId) {
    checkId(deliveryId);
    synchronized (seen) {
      return seen.remove(deliveryId) != null;
    }
  }

  /** Returns how many ids are held now, expired ones not counted. */
  public int size() {
    Instant now = clock.instant();
    synchronized (seen) {
      expire(now);
      return seen.size();
    }
  }

  /** Returns the window. */
  public Duration window() {
    return window;
  }

  /** Returns the most ids held. */
  public int maxEntries() {
    return maxEntries;
  }

  private void expire(Instant now) {
    Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Instant> e = it.next();
      if (within(e.getValue(), now)) {
        return; // arrival order: the rest arrived later (a clock set back only delays their expiry)
      }
      it.remove();
    }
  }

  /**
   * Returns whether {@code now} lies less than the window after {@code first}: measured as the
   * time between them, since {@code first.plus(window)} overflows for a window as long as {@link
   * java.time.temporal.ChronoUnit#FOREVER}. A clock set back before {@code first} is within.
   */
  private boolean within(Instant first, Instant now) {
    return Duration.between(first, now).compareTo(window) < 0;
  }

  private static void checkId(String deliveryId) {
    Objects.requireNonNull(deliveryId, "deliveryId");
    if (deliveryId.isEmpty() || deliveryId.length() > MAX_DELIVERY_ID_LENGTH) {
      throw new IllegalArgumentException("a delivery id is 1 to " + MAX_DELIVERY_ID_LENGTH
          + " characters; was " + deliveryId.length());
    }
  }

  @Override
  public String toString() {
    return "RecentDeliveries{window=" + window + ", maxEntries=" + maxEntries + "}";
  }

  /**
   * Builds {@link RecentDeliveries}. Each setter checks its argument at once; setting a value
   * twice is an {@link IllegalStateException}. Not thread-safe.
   */
  public static final class Builder {
    private final Clock clock;
    private @Nullable Duration window;
    private @Nullable Integer maxEntries;

    private Builder(Clock clock) {
      this.clock = clock;
    }

    /** Sets how long after its first delivery a repeat counts as a duplicate; default {@link #DEFAULT_WINDOW}. */
    public Builder window(Duration window) {
      Objects.requireNonNull(window, "window");
      if (this.window != null) {
        throw new IllegalStateException("window is already set to " + this.window);
      }
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive; was " + window);
      }
      this.window = window;
      return this;
    }

    /** Sets the most ids held, at least 1; default {@value #DEFAULT_MAX_ENTRIES}. */
    public Builder maxEntries(int maxEntries) {
      if (this.maxEntries != null) {
        throw new IllegalStateException("maxEntries is already set to " + this.maxEntries);
      }
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1; was " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /** Returns the filter. */
    public RecentDeliveries build() {
      return new RecentDeliveries(this);
    }
  }
}
