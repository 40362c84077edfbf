package dev.steward.testkit.simulated;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The change log of one simulated system: every write appends a change numbered from 1, and the
 * oldest are dropped once more than the retention are held. Envelopes are built when the feed is
 * polled, not when the change is written. Not thread-safe; the owning system guards it.
 */
final class ChangeLog {
  private static final int INITIAL_CAPACITY = 1024;

  private final int retention;
  private Change[] ring;
  private long first = 1;
  private long last;

  ChangeLog(int retention) {
    this.retention = retention;
    this.ring = new Change[Math.min(retention, INITIAL_CAPACITY)];
  }

  /** Appends a change to the record {@code record} (null: deleted) and returns its number. */
  long append(EntityType type, String externalId, @Nullable CanonicalEntity record, Instant time) {
    long seq = last + 1;
    if (seq - first == ring.length) {
      if (ring.length < retention) {
        ring = Arrays.copyOf(ring, (int) Math.min(retention, 2L * ring.length));
      } else {
        first++;
      }
    }
    ring[(int) ((seq - 1) % ring.length)] = new Change(seq, type, externalId, record, time);
    last = seq;
    return seq;
  }

  /** Returns the number of the oldest change held, or {@code lastSeq() + 1} if none is. */
  long firstSeq() {
    return first;
  }

  /** Returns the number of the newest change, 0 before the first. */
  long lastSeq() {
    return last;
  }

  /** Returns the most changes held. */
  int retention() {
    return retention;
  }

  /** Returns change {@code seq}, which is from {@link #firstSeq()} to {@link #lastSeq()}. */
  Change get(long seq) {
    if (seq < first || seq > last) {
      throw new IndexOutOfBoundsException("change " + seq + " is not held; held are " + first + " to " + last);
    }
    return ring[(int) ((seq - 1) % ring.length)];
  }

  /** One change: which record, its version (the change's number) and its content. */
  static final class Change {
    final long seq;
    final EntityType type;
    final String externalId;
    final @Nullable CanonicalEntity record;
    final Instant time;
    @Nullable Envelope envelope;

    Change(long seq, EntityType type, String externalId, @Nullable CanonicalEntity record, Instant time) {
      this.seq = seq;
      this.type = type;
      this.externalId = externalId;
      this.record = record;
      this.time = time;
    }
  }
}
