package dev.steward.examples.invoicevalidation;

import dev.steward.core.reference.CachedReferenceData;
import dev.steward.core.reference.InMemoryReferenceData;
import dev.steward.core.reference.ReferenceData;
import dev.steward.core.validation.ValidationPipeline;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.rules.StandardRules;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates invoices before they are posted to the ERP, as an integration service of a firm with
 * a German (EU) and a US (North American) legal entity would: a {@link ValidationPipeline} over
 * the firm's reference data, its golden records and a VAT registry, with Steward's standard rules.
 * European invoices take the German tax-code and VAT-number stages; US invoices the tax-code stage
 * of their bill-to state.
 *
 * <p>For each bundled invoice it prints {@code VALID}, or the RFC 9457 problem details a sender
 * or an exception queue would get: 422 when the data is wrong (return it for correction), 503
 * when only a checker did not answer (hold it and retry). The VAT registry is a stand-in for VIES
 * that goes down for the fourth invoice.
 *
 * <p>Run with no arguments.
 */
public final class InvoiceValidationExample {
  /** The registered VAT numbers the stand-in for VIES knows. */
  static final Set<String> REGISTERED_VAT_NUMBERS = Set.of("DE136695976");

  private static final List<String> GOLDEN_RECORDS = List.of(
      "golden-records/customer-nordlicht-logistik.json",
      "golden-records/customer-golden-gate-analytics.json",
      "golden-records/contract-sow-2026-0142.json");
  private static final List<String> INVOICES = List.of(
      "invoices/01-eu-invoice-ok.json",
      "invoices/02-eu-invoice-wrong-tax-and-totals.json",
      "invoices/03-us-invoice-california.json",
      "invoices/04-eu-invoice-vies-down.json");
  /** The invoice validated while the stand-in for VIES is down. */
  private static final String VIES_DOWN_FOR = "invoices/04-eu-invoice-vies-down.json";

  private final StandInVatRegistry vies = new StandInVatRegistry(REGISTERED_VAT_NUMBERS);
  private final ValidationPipeline pipeline;
  private final PrintStream out;

  InvoiceValidationExample(Clock clock, PrintStream out) {
    this.out = out;
    ValidationPipeline.Builder builder = ValidationPipeline.builder()
        .referenceData(referenceData())
        .records(goldenRecords())
        .clock(clock)
        .schema()
        .beanValidation();
    this.pipeline = StandardRules.all(builder, vies).build();
  }

  /**
   * Runs the example.
   *
   * @param args none
   */
  public static void main(String[] args) {
    new InvoiceValidationExample(Clock.systemUTC(), System.out).run();
  }

  /** What became of the invoices. */
  record Summary(int posted, int refused, int held) {}

  /** Validates each bundled invoice, prints its verdict and a summary, and returns the counts. */
  Summary run() {
    int posted = 0;
    int refused = 0;
    int held = 0;
    for (String name : INVOICES) {
      boolean viesDown = name.equals(VIES_DOWN_FOR);
      out.println("== " + name + (viesDown ? " (VIES is down)" : ""));
      if (viesDown) {
        vies.unavailable("VIES: MS_UNAVAILABLE, the German service did not answer within 5 s");
      }
      ValidationReport report;
      try {
        report = pipeline.validate(EntityType.INVOICE, bundled(name));
      } finally {
        vies.available();
      }
      if (report.valid()) {
        posted++;
        out.println("VALID: post it");
      } else if (report.unchecked()) {
        held++;
        out.println("HELD for retry: a checker did not answer, nothing is known to be wrong");
      } else {
        refused++;
        out.println("REFUSED: return it to the billing team for correction");
      }
      if (!report.violations().isEmpty()) { // errors, or warnings on a valid invoice
        out.println(report.toProblemDetails().toPrettyString());
      }
    }
    out.println(INVOICES.size() + " invoices: " + posted + " posted, " + refused + " refused, " + held
        + " held for retry");
    return new Summary(posted, refused, held);
  }

  /**
   * The firm's reference data, behind the cache a host puts in front of its slow master-data
   * source so that validation does not call it once per record.
   */
  private static ReferenceData referenceData() {
    try (InputStream in = open("reference.yaml")) {
      return CachedReferenceData.builder(InMemoryReferenceData.load("reference.yaml", in))
          .maximumSize(10_000)
          .refreshAfterWrite(Duration.ofMinutes(5))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The golden records the rules look invoices' customers and contracts up in. */
  static GoldenRecords goldenRecords() {
    List<byte[]> documents = new ArrayList<>();
    for (String name : GOLDEN_RECORDS) {
      documents.add(bundled(name));
    }
    return GoldenRecords.of(CanonicalJson.ofDefaults(), documents);
  }

  /** Returns the pipeline, for checking other records against the same data. */
  ValidationPipeline pipeline() {
    return pipeline;
  }

  private static byte[] bundled(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled example " + name, e);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = InvoiceValidationExample.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing bundled example " + name);
    }
    return in;
  }
}
