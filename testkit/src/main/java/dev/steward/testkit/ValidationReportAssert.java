package dev.steward.testkit;

import dev.steward.core.validation.ReasonCode;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a {@link ValidationReport}: whether it is valid, and which reason codes it holds
 * where. Every failure message lists the report's violations — code and JSON Pointer, then each
 * with its severity, stage and message — so that a failing test shows what the pipeline found:
 *
 * <pre>{@code
 * expected a violation INVALID_TAX_CODE at /lines/0/taxCode but the report has: [CURRENCY_MISMATCH at /currency]
 *   - ERROR CURRENCY_MISMATCH at /currency (stage invoice-currency): the invoice is in USD, but ...
 * }</pre>
 *
 * <p>Get one from {@link StewardAssertions#assertThat(ValidationReport)}. Not thread-safe, as
 * AssertJ's assertions are not.
 */
public final class ValidationReportAssert extends AbstractAssert<ValidationReportAssert, ValidationReport> {

  ValidationReportAssert(@Nullable ValidationReport actual) {
    super(actual, ValidationReportAssert.class);
  }

  /** Verifies that no violation blocks posting; warnings are allowed. */
  public ValidationReportAssert isValid() {
    ValidationReport report = report();
    if (!report.valid()) {
      fail("expected the " + type(report) + " to be valid but the report has errors: " + Render.briefs(report.errors())
          + Render.details(report.violations()));
    }
    return this;
  }

  /** Verifies that at least one violation blocks posting. */
  public ValidationReportAssert isInvalid() {
    ValidationReport report = report();
    if (report.valid()) {
      fail("expected the " + type(report) + " to be invalid but " + Render.report(report.violations())
          + (report.violations().isEmpty() ? "" : "\nnone of which is an error"));
    }
    return this;
  }

  /** Verifies that the report holds no violation at all, neither error nor warning. */
  public ValidationReportAssert hasNoViolations() {
    ValidationReport report = report();
    if (!report.violations().isEmpty()) {
      fail("expected the " + type(report) + " to have no violations but " + Render.report(report.violations()));
    }
    return this;
  }

  /**
   * Verifies that the record could not be fully checked: its only errors are that a dependency,
   * such as the VAT registry or the reference data, did not answer ({@link ValidationReport#unchecked()}).
   */
  public ValidationReportAssert isUnchecked() {
    ValidationReport report = report();
    if (!report.unchecked()) {
      fail("expected the " + type(report) + " to be unchecked (its only errors from a dependency that did not"
          + " answer) but " + Render.report(report.violations()));
    }
    return this;
  }

  /** Verifies that the report holds a violation with {@code code}, anywhere, of any severity. */
  public ValidationReportAssert hasViolation(ReasonCode code) {
    Objects.requireNonNull(code, "code");
    ValidationReport report = report();
    if (report.violations().stream().noneMatch(v -> v.code().equals(code))) {
      fail("expected a violation " + code.code() + " but " + Render.report(report.violations()));
    }
    return this;
  }

  /**
   * Verifies that the report holds a violation with {@code code} at {@code pointer}, of any
   * severity.
   *
   * @param pointer a JSON Pointer into the record, such as {@code /lines/0/taxCode}; {@code ""} for the whole record
   */
  public ValidationReportAssert hasViolation(ReasonCode code, String pointer) {
    return hasViolation(code, pointer, null, "a violation");
  }

  /** Verifies that the report holds an error, a violation that blocks posting, with {@code code} at {@code pointer}. */
  public ValidationReportAssert hasError(ReasonCode code, String pointer) {
    return hasViolation(code, pointer, Severity.ERROR, "an error");
  }

  /** Verifies that the report holds a warning, a violation that does not block posting, with {@code code} at {@code pointer}. */
  public ValidationReportAssert hasWarning(ReasonCode code, String pointer) {
    return hasViolation(code, pointer, Severity.WARNING, "a warning");
  }

  private ValidationReportAssert hasViolation(ReasonCode code, String pointer, @Nullable Severity severity,
      String what) {
    Objects.requireNonNull(code, "code");
    Render.checkPointer(pointer);
    ValidationReport report = report();
    boolean found = report.violations().stream()
        .anyMatch(v -> v.code().equals(code) && v.path().equals(pointer) && (severity == null || v.severity() == severity));
    if (!found) {
      fail("expected " + what + " " + code.code() + " at " + Render.pointer(pointer) + " but "
          + Render.report(report.violations()));
    }
    return this;
  }

  /**
   * Verifies that every violation of the report has one of {@code codes}, and that each of {@code
   * codes} occurs at least once.
   *
   * @throws IllegalArgumentException if no code is given
   */
  public ValidationReportAssert hasOnlyViolations(ReasonCode... codes) {
    Objects.requireNonNull(codes, "codes");
    if (codes.length == 0) {
      throw new IllegalArgumentException("give at least one reason code; to check for none, use hasNoViolations()");
    }
    Set<ReasonCode> expected = new LinkedHashSet<>(Arrays.asList(codes));
    ValidationReport report = report();
    List<Violation> unexpected = report.violations().stream().filter(v -> !expected.contains(v.code())).toList();
    List<String> missing = new ArrayList<>();
    for (ReasonCode code : expected) {
      if (report.violations().stream().noneMatch(v -> v.code().equals(code))) {
        missing.add(code.code());
      }
    }
    if (!unexpected.isEmpty() || !missing.isEmpty()) {
      fail("expected only violations " + expected.stream().map(ReasonCode::code).collect(Collectors.joining(", ", "[", "]"))
          + " but " + Render.report(report.violations())
          + (unexpected.isEmpty() ? "" : "\nunexpected: " + Render.briefs(unexpected))
          + (missing.isEmpty() ? "" : "\nmissing: " + missing));
    }
    return this;
  }

  /** Verifies that no violation of the report has {@code code}. */
  public ValidationReportAssert hasNoViolation(ReasonCode code) {
    Objects.requireNonNull(code, "code");
    ValidationReport report = report();
    if (report.violations().stream().anyMatch(v -> v.code().equals(code))) {
      fail("expected no violation " + code.code() + " but " + Render.report(report.violations()));
    }
    return this;
  }

  /**
   * Verifies that no violation of the report is at {@code pointer} exactly.
   *
   * @param pointer a JSON Pointer into the record; {@code ""} for the whole record
   */
  public ValidationReportAssert hasNoViolationAt(String pointer) {
    Render.checkPointer(pointer);
    ValidationReport report = report();
    if (report.violations().stream().anyMatch(v -> v.path().equals(pointer))) {
      fail("expected no violation at " + Render.pointer(pointer) + " but " + Render.report(report.violations()));
    }
    return this;
  }

  /**
   * Verifies that every violation of the report is at {@code pointer}: whatever is wrong is wrong
   * in that one place.
   */
  public ValidationReportAssert hasViolationsOnlyAt(String pointer) {
    Render.checkPointer(pointer);
    ValidationReport report = report();
    List<Violation> elsewhere = report.violations().stream().filter(v -> !v.path().equals(pointer)).toList();
    if (report.violations().isEmpty() || !elsewhere.isEmpty()) {
      fail("expected violations at " + Render.pointer(pointer) + " only but " + Render.report(report.violations())
          + (elsewhere.isEmpty() || elsewhere.size() == report.violations().size() ? ""
              : "\nelsewhere: " + Render.briefs(elsewhere)));
    }
    return this;
  }

  private ValidationReport report() {
    isNotNull();
    return actual;
  }

  private static String type(ValidationReport report) {
    return report.entityType().schemaName();
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
