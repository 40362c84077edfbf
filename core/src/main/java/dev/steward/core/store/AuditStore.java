package dev.steward.core.store;

import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the audit log's entries live. Append-only: no method updates or deletes an entry. Steward
 * ships one in memory; every implementation passes the same contract tests.
 *
 * <p>Thread-safe, and safe across processes for shared stores: {@link #append} reads the last
 * entry and writes the next in one transaction, so the chain has no forks.
 */
public interface AuditStore {
  /**
   * Appends the entry {@code next} makes from the current last entry (empty for the first),
   * atomically, and returns it. If {@code next} throws or returns null, nothing is appended.
   */
  AuditRecord append(Function<Optional<AuditRecord>, AuditRecord> next);

  /**
   * Returns up to {@code limit} entries from sequence {@code from} on, in the order they are stored.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  List<AuditRecord> read(long from, int limit);

  /** Returns the entries matching {@code query}, oldest first, at most its limit. */
  List<AuditRecord> query(AuditQuery query);
}
