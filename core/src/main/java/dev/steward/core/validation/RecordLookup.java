package dev.steward.core.validation;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.Money;
import dev.steward.model.TimeEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Golden records a rule may consult, such as the contract an invoice refers to or the assignment
 * a time entry is booked against. The host implements it over its store; implementations must be
 * thread-safe and may throw {@link dev.steward.core.reference.ReferenceDataUnavailableException}
 * when the store does not answer.
 */
public interface RecordLookup {
  /** A lookup that knows no records. */
  RecordLookup NONE = new RecordLookup() {
    @Override
    public Optional<CanonicalEntity> find(CanonicalId id) {
      return Optional.empty();
    }
  };

  /** Returns the golden record with {@code id}, if there is one. */
  Optional<CanonicalEntity> find(CanonicalId id);

  /** Returns the golden record with {@code id} if there is one of {@code type}. */
  default <T extends CanonicalEntity> Optional<T> find(CanonicalId id, Class<T> type) {
    return find(id).filter(type::isInstance).map(type::cast);
  }

  /**
   * Returns the time entries a resource has booked on a day, as the golden records hold them,
   * so that a day's total can be checked; empty when unknown, in which case each entry is checked
   * on its own.
   */
  default List<TimeEntry> timeEntriesOn(CanonicalId resourceId, LocalDate workDate) {
    return List.of();
  }

  /**
   * Returns what has been invoiced for milestones of a contract so far, not counting the invoice
   * being checked; empty when unknown, in which case the invoice is checked on its own.
   */
  default Optional<Money> milestonesInvoicedToDate(CanonicalId contractId) {
    return Optional.empty();
  }
}
