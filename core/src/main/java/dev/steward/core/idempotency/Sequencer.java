package dev.steward.core.idempotency;

import dev.steward.core.store.SequenceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each stream of changes — one entity from one source system — moving forward: a change
 * whose version is not after the last applied one is {@linkplain Decision.Stale stale}; a change
 * that skips versions is {@linkplain Decision.Held held} for a bounded reorder window until the
 * missing ones arrive, then released in order; when the window ends first, {@link
 * #expire(Instant)} releases what is held in order past the gaps, or escalates it, as configured.
 *
 * <p>A stream's position moves only when the host says the changes were applied: an {@link
 * Decision.Apply} is a ticket the host {@linkplain #commit commits} after applying its changes,
 * or {@linkplain #abandon abandons} when applying failed, so that a redelivery is not mistaken for
 * a stale change. While a ticket is open, further changes of its stream are held.
 *
 * <p>Sources without versions are sequenced by timestamp ({@link #offerByTimestamp}), to the
 * nanosecond: only forward, with no gaps to wait for. Positions live in a {@link SequenceStore};
 * held changes and open tickets live in this object, so sequence each stream in one instance.
 * Thread-safe.
 *
 * @param <T> the changes sequenced
 */
public final class Sequencer<T> {
  /** What to do with held changes when the reorder window ends before the gaps are filled. */
  public enum GapPolicy {
    /** Release the held changes in order, past the gaps, and report the gaps. */
    RELEASE_IN_ORDER,
    /** Release nothing; hand the held changes over for a person to decide. */
    ESCALATE
  }

  /** The decision about one offered change. */
  public sealed interface Decision<T> {
    /** The stream, such as {@code cus_01J...@crm}. */
    String stream();

    /**
     * Apply these changes, in this order, then {@linkplain Sequencer#commit commit} the ticket (or
     * {@linkplain Sequencer#abandon abandon} it if applying failed).
     *
     * @param stream the stream
     * @param changes the changes to apply, oldest first
     * @param from the stream's position before them (empty for a new stream)
     * @param position the stream's position after them
     */
    record Apply<T>(String stream, List<T> changes, OptionalLong from, long position) implements Decision<T> {
      /** Copies the changes. */
      public Apply {
        changes = List.copyOf(changes);
      }
    }

    /**
     * The change is not after the last applied (or being applied) one: reject it, naming both.
     *
     * @param stream the stream
     * @param current the last applied position, or the position being applied
     * @param offered the change's position
     */
    record Stale<T>(String stream, long current, long offered) implements Decision<T> {
      /** Returns the reason in one sentence. */
      public String describe() {
        return "STALE: " + stream + " is at " + current + "; a change at " + offered + " comes too late";
      }
    }

    /**
     * The change waits: it skips positions, or its stream has changes being applied.
     *
     * @param stream the stream
     * @param expected the position awaited next
     * @param offered the change's position
     * @param until when the reorder window ends
     */
    record Held<T>(String stream, long expected, long offered, Instant until) implements Decision<T> {}

    /**
     * The stream's reorder buffer is full: the change is not taken; redeliver it later.
     *
     * @param stream the stream
     * @param offered the change's position
     * @param maxHeld the buffer's size
     */
    record Overflow<T>(String stream, long offered, int maxHeld) implements Decision<T> {}
  }

  /**
   * Positions that never arrived.
   *
   * @param from the first missing position
   * @param to the last missing position
   */
  public record Gap(long from, long to) {}

  /**
   * What ending a reorder window did for one stream.
   *
   * @param stream the stream
   * @param gaps the positions that never arrived
   * @param changes the held changes, oldest first
   * @param release for {@link GapPolicy#RELEASE_IN_ORDER}, the ticket to apply and commit them;
   *     empty when escalated
   * @param stale held changes that were no longer after the stream's position, dropped
   */
  public record GapOutcome<T>(String stream, List<Gap> gaps, List<T> changes, Optional<Decision.Apply<T>> release,
      List<T> stale) {
    /** Copies the lists. */
    public GapOutcome {
      gaps = List.copyOf(gaps);
      changes = List.copyOf(changes);
      stale = List.copyOf(stale);
    }
  }

  private static final class StreamState<T> {
    final TreeMap<Long, T> held = new TreeMap<>();
    Instant until = Instant.MAX;
    Decision.@org.jspecify.annotations.Nullable Apply<T> open;
    List<Long> openVersions = List.of();
  }

  private final SequenceStore store;
  private final Clock clock;
  private final Duration window;
  private final int maxHeld;
  private final GapPolicy gapPolicy;
  private final Map<String, StreamState<T>> streams = new ConcurrentHashMap<>();
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
   * @param maxHeld the most changes held per stream; the window of a full buffer ends at once,
   *     and a change beyond it is an {@link Decision.Overflow}
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
   * Offers a change at {@code version} of a versioned stream (versions count up by one). The first
   * change a stream sees starts it, whatever its version.
   */
  public Decision<T> offer(String stream, long version, T change) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(change, "change");
    synchronized (lock(stream)) {
      StreamState<T> state = streams.computeIfAbsent(stream, s -> new StreamState<>());
      OptionalLong current = store.current(stream);
      long reached = state.open != null ? state.open.position() : current.orElse(Long.MIN_VALUE);
      if ((current.isPresent() || state.open != null) && version <= reached) {
        forgetIfIdle(stream, state);
        return new Decision.Stale<>(stream, reached, version);
      }
      boolean next = state.open == null && (current.isEmpty() || version == current.getAsLong() + 1);
      if (next) {
        List<T> apply = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        apply.add(change);
        versions.add(version);
        long position = version;
        while (state.held.containsKey(position + 1)) {
          position++;
          apply.add(state.held.remove(position));
          versions.add(position);
        }
        if (state.held.isEmpty()) {
          state.until = Instant.MAX;
        }
        state.open = new Decision.Apply<>(stream, apply, current, position);
        state.openVersions = versions;
        return state.open;
      }
      if (state.held.size() >= maxHeld && !state.held.containsKey(version)) {
        state.until = clock.instant(); // the buffer is full: its window ends now
        return new Decision.Overflow<>(stream, version, maxHeld);
      }
      if (state.held.isEmpty()) {
        state.until = clock.instant().plus(window);
      }
      state.held.put(version, change);
      if (state.held.size() >= maxHeld) {
        state.until = clock.instant();
      }
      return new Decision.Held<>(stream, reached == Long.MIN_VALUE ? version : reached + 1, version, state.until);
    }
  }

  /**
   * Says the changes of {@code applied} were applied: the stream moves to its position. Returns
   * the next ticket when held changes have become next in line, to be applied and committed the
   * same way.
   *
   * @throws IllegalStateException if the ticket is not the stream's open one, or another instance
   *     moved the stream meanwhile
   */
  public Optional<Decision.Apply<T>> commit(Decision.Apply<T> applied) {
    Objects.requireNonNull(applied, "applied");
    String stream = applied.stream();
    synchronized (lock(stream)) {
      StreamState<T> state = streams.get(stream);
      if (state == null || state.open != applied) {
        throw new IllegalStateException("the ticket for " + stream + " up to " + applied.position()
            + " is not open: commit each ticket once");
      }
      state.open = null;
      if (!store.advance(stream, applied.from(), applied.position())) {
        throw new IllegalStateException("stream " + stream + " was moved by another instance while this one sequenced it;"
            + " sequence each stream in one place");
      }
      long position = applied.position();
      if (!state.held.containsKey(position + 1)) {
        forgetIfIdle(stream, state);
        return Optional.empty();
      }
      List<T> apply = new ArrayList<>();
      List<Long> versions = new ArrayList<>();
      long last = position;
      while (state.held.containsKey(last + 1)) {
        last++;
        apply.add(state.held.remove(last));
        versions.add(last);
      }
      if (state.held.isEmpty()) {
        state.until = Instant.MAX;
      }
      state.open = new Decision.Apply<>(stream, apply, OptionalLong.of(position), last);
      state.openVersions = versions;
      return Optional.of(state.open);
    }
  }

  /**
   * Says applying {@code failed} did not succeed: the stream stays where it was, its changes after
   * the first are held again, and the first may be offered again (a redelivery).
   */
  public void abandon(Decision.Apply<T> failed) {
    Objects.requireNonNull(failed, "failed");
    String stream = failed.stream();
    synchronized (lock(stream)) {
      StreamState<T> state = streams.get(stream);
      if (state == null || state.open != failed) {
        throw new IllegalStateException("the ticket for " + stream + " up to " + failed.position() + " is not open");
      }
      state.open = null;
      List<T> changes = failed.changes();
      for (int i = 1; i < changes.size(); i++) {
        if (state.held.isEmpty()) {
          state.until = clock.instant().plus(window);
        }
        state.held.put(state.openVersions.get(i), changes.get(i));
      }
      state.openVersions = List.of();
      forgetIfIdle(stream, state);
    }
  }

  /**
   * Offers a change stamped {@code sourceTime} by a source without versions: applied (on commit)
   * when after the last applied one, to the nanosecond; stale otherwise. Nothing is held.
   */
  public Decision<T> offerByTimestamp(String stream, Instant sourceTime, T change) {
    Objects.requireNonNull(sourceTime, "sourceTime");
    long at = Math.addExact(Math.multiplyExact(sourceTime.getEpochSecond(), 1_000_000_000L), sourceTime.getNano());
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(change, "change");
    synchronized (lock(stream)) {
      StreamState<T> state = streams.computeIfAbsent(stream, s -> new StreamState<>());
      OptionalLong current = store.current(stream);
      long reached = state.open != null ? state.open.position() : current.orElse(Long.MIN_VALUE);
      if ((current.isPresent() || state.open != null) && at <= reached) {
        forgetIfIdle(stream, state);
        return new Decision.Stale<>(stream, reached, at);
      }
      if (state.open != null) {
        return new Decision.Overflow<>(stream, at, 0); // one change at a time: redeliver after the commit
      }
      state.open = new Decision.Apply<>(stream, List.of(change), current, at);
      state.openVersions = List.of(at);
      return state.open;
    }
  }

  /**
   * Ends the reorder windows that are over at {@code now}, for streams with no open ticket: held
   * changes no longer after the stream's position are dropped as stale; the rest are released in
   * order past the gaps (a ticket to apply and commit) or escalated (handed over and no longer
   * held), as the gap policy says.
   */
  public List<GapOutcome<T>> expire(Instant now) {
    List<GapOutcome<T>> out = new ArrayList<>();
    for (String stream : List.copyOf(streams.keySet())) {
      synchronized (lock(stream)) {
        StreamState<T> state = streams.get(stream);
        if (state == null || state.open != null || state.held.isEmpty() || state.until.isAfter(now)) {
          continue;
        }
        OptionalLong current = store.current(stream);
        List<T> stale = new ArrayList<>();
        while (!state.held.isEmpty() && current.isPresent() && state.held.firstKey() <= current.getAsLong()) {
          stale.add(state.held.pollFirstEntry().getValue());
        }
        List<Gap> gaps = new ArrayList<>();
        long expected = current.isPresent() ? current.getAsLong() + 1 : state.held.isEmpty() ? 0 : state.held.firstKey();
        for (long v : state.held.keySet()) {
          if (v > expected) {
            gaps.add(new Gap(expected, v - 1));
          }
          expected = v + 1;
        }
        List<T> changes = new ArrayList<>(state.held.values());
        Optional<Decision.Apply<T>> release = Optional.empty();
        if (!changes.isEmpty() && gapPolicy == GapPolicy.RELEASE_IN_ORDER) {
          state.open = new Decision.Apply<>(stream, changes, current, state.held.lastKey());
          state.openVersions = List.copyOf(state.held.keySet());
          release = Optional.of(state.open);
        }
        state.held.clear();
        state.until = Instant.MAX;
        forgetIfIdle(stream, state);
        out.add(new GapOutcome<>(stream, gaps, changes, release, stale));
      }
    }
    return out;
  }

  /** Returns how many changes are held for {@code stream}. */
  public int heldFor(String stream) {
    synchronized (lock(stream)) {
      StreamState<T> state = streams.get(stream);
      return state == null ? 0 : state.held.size();
    }
  }

  private void forgetIfIdle(String stream, StreamState<T> state) {
    if (state.open == null && state.held.isEmpty()) {
      streams.remove(stream);
    }
  }

  // Striped locks: streams are many (one per entity and source), so none is kept per stream.
  private Object lock(String stream) {
    return locks[(stream.hashCode() & 0x7fffffff) % locks.length];
  }
}
