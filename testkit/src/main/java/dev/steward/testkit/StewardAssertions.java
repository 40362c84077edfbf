package dev.steward.testkit;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.ownership.OwnershipDecision;
import dev.steward.core.validation.ValidationReport;
import dev.steward.model.Envelope;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of Steward's AssertJ assertions: one {@code assertThat} per Steward result, each
 * returning an assertion whose failure messages show what Steward decided — reason codes and JSON
 * Pointers of a validation report, outcomes and rules of an ownership decision, what a claim was,
 * an envelope's attributes.
 *
 * <pre>{@code
 * import static dev.steward.testkit.StewardAssertions.assertThat;
 *
 * assertThat(pipeline.validate(invoice)).hasOnlyViolations(INVALID_TAX_CODE).hasNoViolationAt("/currency");
 * assertThat(engine.decide(change)).accepted("/segment").rejected("/taxIds/0/number");
 * assertThat(store.claim(key, fingerprint)).isInFlight();
 * assertThat(envelope).hasIdempotencyKey("k-42").hasDataAt("/status", "ACTIVE");
 * }</pre>
 *
 * <p>It sits beside AssertJ's {@code Assertions}: both may be imported statically in one test,
 * and overload resolution picks these for Steward's types. Stateless and thread-safe; each
 * assertion object it returns is not.
 */
public final class StewardAssertions {
  private StewardAssertions() {}

  /** Returns assertions on a validation report. */
  public static ValidationReportAssert assertThat(@Nullable ValidationReport actual) {
    return new ValidationReportAssert(actual);
  }

  /** Returns assertions on an ownership decision. */
  public static OwnershipDecisionAssert assertThat(@Nullable OwnershipDecision actual) {
    return new OwnershipDecisionAssert(actual);
  }

  /** Returns assertions on the claim of an idempotency key. */
  public static ClaimAssert assertThat(@Nullable Claim actual) {
    return new ClaimAssert(actual);
  }

  /** Returns assertions on an envelope. */
  public static EnvelopeAssert assertThat(@Nullable Envelope actual) {
    return new EnvelopeAssert(actual);
  }
}
