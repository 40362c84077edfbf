package dev.steward.core.store;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The embedded default {@link SequenceStore}: positions in memory, one process. Thread-safe. */
public final class InMemorySequenceStore implements SequenceStore {
  private final ConcurrentMap<String, Long> positions = new ConcurrentHashMap<>();

  /** Returns an empty store. */
  public static InMemorySequenceStore create() {
    return new InMemorySequenceStore();
  }

  private InMemorySequenceStore() {}

  @Override
  public OptionalLong current(String stream) {
    Long p = positions.get(Objects.requireNonNull(stream, "stream"));
    return p == null ? OptionalLong.empty() : OptionalLong.of(p);
  }

  @Override
  public boolean advance(String stream, OptionalLong expected, long next) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(expected, "expected");
    StoreChecks.forward(expected, next);
    if (expected.isEmpty()) {
      return positions.putIfAbsent(stream, next) == null;
    }
    return positions.replace(stream, expected.getAsLong(), next);
  }
}
