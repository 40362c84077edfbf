package dev.steward.core.idempotency;

import dev.steward.core.store.SequenceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each stream of changes — one entity from one source system — moving forward: a change
 * whose version is not after the last applied one is {@linkplain Decision.Stale stale}; a change
 * that skips versions is {@linkplain Decision.Held held} for a bounded reorder window until the
 * missing ones arrive, then released in order; when the window ends first, {@link
 * #expire(Instant)} releases what is held in order past the gap or escalates it, as configured.
 *
 * <p>Sources without versions are sequenced by timestamp ({@link #offerByTimestamp}): only
 * forward, with no gaps to wait for. Positions live in a {@link SequenceStore}; held changes live
 * in this object, so a change is held by the instance that received it. Thread-safe.
 *
 * @param <T> the changes sequenced
 */
public final class Sequencer<T> {
  /** What to do with held changes when the reorder window ends before the gap is filled. */
  public enum GapPolicy {
    /** Apply the held changes in order, past the gap, and report the gap. */
    RELEASE_IN_ORDER,
    /** Apply nothing; hand the held changes over for a person to decide. */
    ESCALATE
  }

  /** The decision about one offered change. */
  public sealed interface Decision<T> {
    /** The stream, such as {@code cus_01J...@crm}. */
    String stream();

    /**
     * Apply these changes, in this order: the one offered and any held ones it made contiguous.
     *
     * @param stream the stream
     * @param changes the changes to apply now, oldest first
     * @param position the stream's position after them
     */
    record Apply<T>(String stream, List<T> changes, long position) implements Decision<T> {
      /** Copies the changes. */
      public Apply {
        changes = List.copyOf(changes);
      }
    }

    /**
     * The change is not after the last applied one: reject it, naming both.
     *
     * @param stream the stream
     * @param current the last applied position
     * @param offered the change's position
     */
    record Stale<T>(String stream, long current, long offered) implements Decision<T> {
      /** Returns the reason in one sentence. */
      public String describe() {
        return "STALE: " + stream + " is at " + current + "; a change at " + offered + " comes too late";
      }
    }

    /**
     * The change skips positions; it is held until they arrive or the window ends.
     *
     * @param stream the stream
     * @param expected the position awaited next
     * @param offered the change's position
     * @param until when the window ends
     */
    record Held<T>(String stream, long expected, long offered, Instant until) implements Decision<T> {}
  }

  /**
   * What ending a reorder window did for one stream.
   *
   * @param stream the stream
   * @param missingFrom the first missing position
   * @param missingTo the last missing position
   * @param changes the held changes, oldest first
   * @param released whether they were released (to apply, in this order) or escalated
   */
  public record GapOutcome<T>(String stream, long missingFrom, long missingTo, List<T> changes, boolean released) {
    /** Copies the changes. */
    public GapOutcome {
      changes = List.copyOf(changes);
    }
  }

  private static final class Held<T> {
    final TreeMap<Long, T> changes = new TreeMap<>();
    Instant until = Instant.MAX;
  }

  private final SequenceStore store;
  private final Clock clock;
  private final Duration window;
  private final int maxHeld;
  private final GapPolicy gapPolicy;
  private final Map<String, Held<T>> held = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[64];

  private Sequencer(SequenceStore store, Clock clock, Duration window, int maxHeld, GapPolicy gapPolicy) {
    this.store = store;
    this.clock = clock;
    this.window = window;
    this.maxHeld = maxHeld;
    this.gapPolicy = gapPolicy;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Returns a sequencer.
   *
   * @param window how long a change that skips versions waits for the missing ones
   * @param maxHeld the most changes held per stream; one more ends the window at once
   */
  public static <T> Sequencer<T> of(
      SequenceStore store, Clock clock, Duration window, int maxHeld, GapPolicy gapPolicy) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(gapPolicy, "gapPolicy");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative; was " + window);
    }
    if (maxHeld < 1) {
      throw new IllegalArgumentException("maxHeld must be at least 1; was " + maxHeld);
    }
    return new Sequencer<>(store, clock, window, maxHeld, gapPolicy);
  }

  /** Returns the stream name of an entity from a source system. */
  public static String stream(String entity, String sourceSystem) {
    return Objects.requireNonNull(entity, "entity") + "@" + Objects.requireNonNull(sourceSystem, "sourceSystem");
  }

  /**
   * Offers a change at {@code version} of a versioned stream (versions count up by one).
   * The first change a stream sees sets its position, whatever its version.
   */
  public Decision<T> offer(String stream, long version, T change) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(change, "change");
    synchronized (lock(stream)) {
      OptionalLong current = store.current(stream);
      if (current.isPresent() && version <= current.getAsLong()) {
        return new Decision.Stale<>(stream, current.getAsLong(), version);
      }
      if (current.isEmpty() || version == current.getAsLong() + 1) {
        advance(stream, current, version);
        List<T> apply = new ArrayList<>();
        apply.add(change);
        long position = version;
        Held<T> waiting = held.get(stream);
        while (waiting != null && waiting.changes.containsKey(position + 1)) {
          position++;
          apply.add(waiting.changes.remove(position));
        }
        if (position != version) {
          advance(stream, OptionalLong.of(version), position);
        }
        if (waiting != null && waiting.changes.isEmpty()) {
          held.remove(stream);
        }
        return new Decision.Apply<>(stream, apply, position);
      }
      Held<T> waiting = held.computeIfAbsent(stream, s -> new Held<>());
      if (waiting.changes.isEmpty()) {
        waiting.until = clock.instant().plus(window);
      }
      waiting.changes.put(version, change);
      if (waiting.changes.size() > maxHeld) {
        waiting.until = clock.instant(); // the buffer is full: the window ends now
      }
      return new Decision.Held<>(stream, current.getAsLong() + 1, version, waiting.until);
    }
  }

  /**
   * Offers a change stamped {@code sourceTime} by a source without versions: applied when after
   * the last applied one, stale otherwise. Nothing is held.
   */
  public Decision<T> offerByTimestamp(String stream, Instant sourceTime, T change) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(change, "change");
    long at = sourceTime.toEpochMilli();
    synchronized (lock(stream)) {
      OptionalLong current = store.current(stream);
      if (current.isPresent() && at <= current.getAsLong()) {
        return new Decision.Stale<>(stream, current.getAsLong(), at);
      }
      advance(stream, current, at);
      return new Decision.Apply<>(stream, List.of(change), at);
    }
  }

  /**
   * Ends the reorder windows that are over at {@code now}: per the gap policy, the held changes
   * are released in order past the gap (the stream moves to the last of them) or escalated (the
   * stream stays; the changes are handed over and no longer held).
   */
  public List<GapOutcome<T>> expire(Instant now) {
    List<GapOutcome<T>> out = new ArrayList<>();
    for (String stream : List.copyOf(held.keySet())) {
      synchronized (lock(stream)) {
        Held<T> waiting = held.get(stream);
        if (waiting == null || waiting.until.isAfter(now)) {
          continue;
        }
        held.remove(stream);
        OptionalLong current = store.current(stream);
        long first = current.getAsLong() + 1;
        long last = waiting.changes.firstKey() - 1;
        List<T> changes = new ArrayList<>(waiting.changes.values());
        boolean release = gapPolicy == GapPolicy.RELEASE_IN_ORDER;
        if (release) {
          advance(stream, current, waiting.changes.lastKey());
        }
        out.add(new GapOutcome<>(stream, first, last, changes, release));
      }
    }
    return out;
  }

  /** Returns how many changes are held for {@code stream}. */
  public int heldFor(String stream) {
    Held<T> waiting = held.get(stream);
    return waiting == null ? 0 : waiting.changes.size();
  }

  private void advance(String stream, OptionalLong expected, long next) {
    if (!store.advance(stream, expected, next)) {
      throw new IllegalStateException("stream " + stream + " was moved by another instance while this one sequenced it;"
          + " sequence each stream in one place");
    }
  }

  // Striped locks: streams are many (one per entity and source), so none is kept per stream.
  private Object lock(String stream) {
    return locks[(stream.hashCode() & 0x7fffffff) % locks.length];
  }
}
