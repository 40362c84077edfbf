package dev.steward.core.store;

/**
 * An audit store holds a row that no longer makes an entry: it was changed outside Steward (an
 * unknown actor kind, JSON that is not JSON, a missing value), so it cannot be returned for its
 * hash to be checked. {@link dev.steward.core.audit.AuditLog#verify()} reports such an entry as
 * altered and checks the rest of the chain; a plain read fails with this exception, naming the
 * entry. Code {@value StoreException#CODE}.
 */
public final class UnreadableAuditEntryException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final long sequence;

  /**
   * Creates the exception.
   *
   * @param operation what the store was doing: {@link Operation#READ} or {@link Operation#QUERY}
   * @param sequence the sequence of the entry that cannot be read
   * @param detail why the row makes no entry
   */
  public UnreadableAuditEntryException(Operation operation, long sequence, String detail) {
    super(operation, null, detail, null);
    this.sequence = sequence;
  }

  /** Returns the sequence of the entry that cannot be read. */
  public long sequence() {
    return sequence;
  }
}
