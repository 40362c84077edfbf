package dev.steward.core.validation;

import dev.steward.model.CanonicalEntity;

/**
 * A business rule over one kind of canonical record, such as "invoice totals are the sum of the
 * lines plus tax". It runs after the record has been bound and bean-validated, reads reference
 * data through the context, and reports what it finds; it never throws for bad data.
 * Implementations must be thread-safe: one pipeline serves many records at once.
 *
 * @param <T> the record type it checks
 */
public interface BusinessRule<T extends CanonicalEntity> {
  /** Returns the record type the rule checks; the pipeline skips it for other types. */
  Class<T> appliesTo();

  /** Checks {@code record} and reports what is wrong to {@code out}. */
  void check(T record, ValidationContext context, Violations out);
}
