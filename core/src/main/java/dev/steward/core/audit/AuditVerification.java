package dev.steward.core.audit;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AuditLog#verify()} found: how many entries it checked and where the chain breaks.
 *
 * @param checked the number of entries read
 * @param breaks the breaks, in log order; empty when the log is intact
 */
public record AuditVerification(long checked, List<Break> breaks) {
  /** How the chain is broken at an entry. */
  public enum Kind {
    /** The entry's content no longer matches its hash. */
    ALTERED,
    /** Entries before this one are missing. */
    REMOVED,
    /** The entry is stored out of its order. */
    REORDERED,
    /** The entry's content matches its hash, but it does not link to the entry before it. */
    RELINKED
  }

  /**
   * One break.
   *
   * @param sequence the sequence of the entry where the chain breaks
   * @param kind how
   * @param message what is wrong, in one sentence
   */
  public record Break(long sequence, Kind kind, String message) {
    /** Checks the parts. */
    public Break {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Copies the breaks. */
  public AuditVerification {
    breaks = List.copyOf(breaks);
  }

  /** Returns whether the log is intact. */
  public boolean intact() {
    return breaks.isEmpty();
  }
}
