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
 * polled, not when the change is written.
 *
 * <p>Held as parallel arrays, not an object per change, and with as few references as may be: a
 * million changes kept for a while are what generational garbage collectors handle worst (each
 * one copied until promoted, each reference stored into an old array a card to scan), and an
 * append that allocates nothing keeps writes close to a map put. Not thread-safe; the owning
 * system guards it.
 */
final class ChangeLog {
  private static final int INITIAL_CAPACITY = 1024;
  private static final EntityType[] TYPES = EntityType.values();

  private final int retention;
  private byte[] types;
  private String[] externalIds;
  private @Nullable CanonicalEntity[] records;
  private long[] seconds;
  private int[] nanos;
  private @Nullable Envelope[] envelopes;
  private long first = 1;
  private long last;

  ChangeLog(int retention) {
    this.retention = retention;
    int capacity = Math.min(retention, INITIAL_CAPACITY);
    this.types = new byte[capacity];
    this.externalIds = new String[capacity];
    this.records = new CanonicalEntity[capacity];
    this.seconds = new long[capacity];
    this.nanos = new int[capacity];
    this.envelopes = new Envelope[capacity];
  }

  /** Appends a change to the record {@code record} (null: deleted) and returns its number. */
  long append(EntityType type, String externalId, @Nullable CanonicalEntity record, Instant time) {
    long seq = last + 1;
    int capacity = types.length;
    if (seq - first == capacity) {
      if (capacity < retention) {
        grow((int) Math.min(retention, 2L * capacity));
      } else {
        first++;
      }
    }
    int i = slot(seq);
    types[i] = (byte) type.ordinal();
    externalIds[i] = externalId;
    records[i] = record;
    seconds[i] = time.getEpochSecond();
    nanos[i] = time.getNano();
    envelopes[i] = null;
    last = seq;
    return seq;
  }

  private void grow(int capacity) {
    // Only before the first drop, so change n still sits at n - 1 after the copy.
    types = Arrays.copyOf(types, capacity);
    externalIds = Arrays.copyOf(externalIds, capacity);
    records = Arrays.copyOf(records, capacity);
    seconds = Arrays.copyOf(seconds, capacity);
    nanos = Arrays.copyOf(nanos, capacity);
    envelopes = Arrays.copyOf(envelopes, capacity);
  }

  private int slot(long seq) {
    return (int) ((seq - 1) % types.length);
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

  /** Returns the entity type of change {@code seq}, which must be held. */
  EntityType type(long seq) {
    return TYPES[types[held(seq)]];
  }

  /** Returns the external id of the record change {@code seq} is about. */
  String externalId(long seq) {
    return externalIds[held(seq)];
  }

  /** Returns the record as change {@code seq} wrote it, or null if the change deleted it. */
  @Nullable CanonicalEntity record(long seq) {
    return records[held(seq)];
  }

  /** Returns when change {@code seq} was made. */
  Instant time(long seq) {
    int i = held(seq);
    return Instant.ofEpochSecond(seconds[i], nanos[i]);
  }

  /** Returns the envelope built for change {@code seq}, or null if none was built yet. */
  @Nullable Envelope envelope(long seq) {
    return envelopes[held(seq)];
  }

  /** Keeps the envelope built for change {@code seq}, so that every delivery of it is the same. */
  void envelope(long seq, Envelope envelope) {
    envelopes[held(seq)] = envelope;
  }

  private int held(long seq) {
    if (seq < first || seq > last) {
      throw new IndexOutOfBoundsException("change " + seq + " is not held; held are " + first + " to " + last);
    }
    return slot(seq);
  }
}
