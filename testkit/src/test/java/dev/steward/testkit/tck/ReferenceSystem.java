package dev.steward.testkit.tck;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The remote system behind {@link ReferenceConnector}: an in-memory store of one record type with
 * its own ids ({@code ref-1}, {@code ref-2}...), per-record versions, a change log and a memory of
 * idempotency keys, as a platform's API would keep them. Several connectors may talk to one
 * system. Thread-safe: every method is synchronized.
 *
 * @param <T> the record type stored
 */
final class ReferenceSystem<T extends CanonicalEntity> {
  /** A stored record: the system's id and sequence, the record as written, its version and time. */
  record Stored<T>(String externalId, long seq, T record, long version, Instant modifiedAt) {}

  /** One entry of the change log; {@code stored} is null for a deletion. */
  record Change<T>(long seq, String externalId, @Nullable Stored<T> stored, long version, Instant at) {}

  /** What a write did, as the system answers it. */
  record Written(String externalId, boolean created, long version) {}

  /** An idempotency key sent again with another record than the first time. */
  static final class KeyReused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyReused(String key) {
      super("idempotency key " + key + " was first used for another record");
    }
  }

  private final Map<String, Stored<T>> byExternalId = new LinkedHashMap<>();
  private final List<Change<T>> log = new ArrayList<>();
  private final Map<String, Replay> replays = new HashMap<>();
  private final List<String> keysReceived = new ArrayList<>();
  private long nextSeq = 1;

  private record Replay(CanonicalId id, Written first) {}

  /** Notes a key the system received with a request. */
  synchronized void received(String idempotencyKey) {
    keysReceived.add(idempotencyKey);
  }

  /** Returns the idempotency keys received, in order. */
  synchronized List<String> keysReceived() {
    return List.copyOf(keysReceived);
  }

  /**
   * Creates or updates the record with {@code record}'s canonical id; a repeated key is answered
   * with the first answer.
   */
  synchronized Written upsert(@Nullable String key, T record, Instant now) {
    Optional<Written> replay = replay(key, record);
    if (replay.isPresent()) {
      return replay.orElseThrow();
    }
    Optional<Stored<T>> existing = find(record.id());
    Written written;
    if (existing.isPresent()) {
      Stored<T> old = existing.orElseThrow();
      Stored<T> updated = new Stored<>(old.externalId(), old.seq(), record, old.version() + 1, now);
      byExternalId.put(old.externalId(), updated);
      log(updated);
      written = new Written(old.externalId(), false, updated.version());
    } else {
      written = insert(record, now);
    }
    remember(key, record, written);
    return written;
  }

  /** Creates a new record; a repeated key, when given, is answered with the first answer. */
  synchronized Written create(@Nullable String key, T record, Instant now) {
    Optional<Written> replay = replay(key, record);
    if (replay.isPresent()) {
      return replay.orElseThrow();
    }
    Written written = insert(record, now);
    remember(key, record, written);
    return written;
  }

  synchronized Optional<Stored<T>> get(String externalId) {
    return Optional.ofNullable(byExternalId.get(externalId));
  }

  /** Returns the oldest record holding canonical id {@code id}. */
  synchronized Optional<Stored<T>> find(CanonicalId id) {
    for (Stored<T> s : byExternalId.values()) {
      if (s.record().id().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  synchronized boolean delete(String externalId, Instant now) {
    Stored<T> removed = byExternalId.remove(externalId);
    if (removed == null) {
      return false;
    }
    log.add(new Change<>(log.size() + 1L, externalId, null, removed.version() + 1, now));
    return true;
  }

  /** Returns up to {@code size} records with a sequence above {@code afterSeq}, in sequence order. */
  synchronized List<Stored<T>> listAfter(long afterSeq, int size) {
    List<Stored<T>> page = new ArrayList<>();
    for (Stored<T> s : byExternalId.values()) {
      if (s.seq() > afterSeq && page.size() < size) {
        page.add(s);
      }
    }
    return page;
  }

  /** Returns whether a record with a sequence above {@code afterSeq} exists. */
  synchronized boolean anyAfter(long afterSeq) {
    return byExternalId.values().stream().anyMatch(s -> s.seq() > afterSeq);
  }

  /** Returns the changes after the first {@code position}, at most {@code limit}. */
  synchronized List<Change<T>> changes(int position, int limit) {
    return List.copyOf(log.subList(position, Math.min(log.size(), position + limit)));
  }

  /** Returns how many changes the log holds. */
  synchronized int changeCount() {
    return log.size();
  }

  private Written insert(T record, Instant now) {
    long seq = nextSeq++;
    Stored<T> stored = new Stored<>("ref-" + seq, seq, record, 1, now);
    byExternalId.put(stored.externalId(), stored);
    log(stored);
    return new Written(stored.externalId(), true, stored.version());
  }

  private void log(Stored<T> stored) {
    log.add(new Change<>(log.size() + 1L, stored.externalId(), stored, stored.version(), stored.modifiedAt()));
  }

  private Optional<Written> replay(@Nullable String key, T record) {
    if (key == null) {
      return Optional.empty();
    }
    Replay replay = replays.get(key);
    if (replay == null) {
      return Optional.empty();
    }
    if (!replay.id().equals(record.id())) {
      throw new KeyReused(key);
    }
    return Optional.of(new Written(replay.first().externalId(), false, replay.first().version()));
  }

  private void remember(@Nullable String key, T record, Written written) {
    if (key != null) {
      replays.put(key, new Replay(record.id(), written));
    }
  }
}
