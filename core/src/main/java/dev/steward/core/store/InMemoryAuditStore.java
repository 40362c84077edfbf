package dev.steward.core.store;

import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded default {@link AuditStore}: entries in memory, in one process, lost on restart.
 * Unbounded by design — an audit log drops nothing — so use the JDBC store for anything beyond
 * tests and demonstrations. Thread-safe.
 */
public final class InMemoryAuditStore implements AuditStore {
  private final List<AuditRecord> entries = new ArrayList<>();

  /** Returns an empty store. */
  public static InMemoryAuditStore create() {
    return new InMemoryAuditStore();
  }

  private InMemoryAuditStore() {}

  @Override
  public synchronized AuditRecord append(Function<Optional<AuditRecord>, AuditRecord> next) {
    Objects.requireNonNull(next, "next");
    Optional<AuditRecord> last = entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    AuditRecord record = Objects.requireNonNull(next.apply(last), "the next entry");
    entries.add(record);
    return record;
  }

  @Override
  public synchronized List<AuditRecord> read(long from, int limit) {
    StoreChecks.positiveLimit(limit);
    List<AuditRecord> out = new ArrayList<>();
    for (AuditRecord r : entries) {
      if (r.sequence() >= from && out.size() < limit) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public synchronized List<AuditRecord> query(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    List<AuditRecord> found = new ArrayList<>();
    boolean newestFirst = query.order() == AuditQuery.Order.NEWEST_FIRST;
    for (int i = 0; i < entries.size() && found.size() < query.limit(); i++) {
      AuditRecord r = entries.get(newestFirst ? entries.size() - 1 - i : i);
      if (query.matches(r)) {
        found.add(r);
      }
    }
    return found;
  }
}
