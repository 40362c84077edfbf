package dev.steward.core.store;

import java.util.OptionalLong;

/**
 * Where the last applied position of each (entity, source system) stream is kept: a version, or
 * a source timestamp in epoch milliseconds where the source has no versions. Positions only move
 * forward. Thread-safe; shared stores are safe across processes.
 */
public interface SequenceStore {
  /** Returns the last applied position of {@code stream}, if any. */
  OptionalLong current(String stream);

  /**
   * Moves {@code stream} from {@code expected} (empty: no position yet) to {@code next}, atomically;
   * returns false, changing nothing, if its position is no longer {@code expected}.
   *
   * @throws IllegalArgumentException if {@code next} is not after {@code expected}
   */
  boolean advance(String stream, OptionalLong expected, long next);
}
