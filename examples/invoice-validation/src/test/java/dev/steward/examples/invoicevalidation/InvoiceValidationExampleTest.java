package dev.steward.examples.invoicevalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.core.validation.rules.StandardRules;
import dev.steward.core.validation.vat.VatRegistry.Answer;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class InvoiceValidationExampleTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  /** Runs the example; returns its output by invoice name, and the summary line under "summary". */
  private static Map<String, String> run(Clock clock, InvoiceValidationExample.Summary expected) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    InvoiceValidationExample.Summary summary;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      summary = new InvoiceValidationExample(clock, out).run();
    }
    assertThat(summary).isEqualTo(expected);
    Map<String, String> sections = new LinkedHashMap<>();
    String name = null;
    StringBuilder body = new StringBuilder();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\\R")) {
      if (line.startsWith("== ")) {
        if (name != null) {
          sections.put(name, body.toString());
        }
        name = line.substring(3).replace(" (VIES is down)", "");
        body.setLength(0);
      } else if (line.matches("\\d+ invoices: .*")) {
        sections.put(Objects.requireNonNull(name), body.toString());
        sections.put("summary", line);
      } else {
        body.append(line).append('\n');
      }
    }
    return sections;
  }

  /** The problem details printed after the verdict line. */
  private static JsonNode problem(String section) {
    return JSON.readTree(section.substring(section.indexOf('\n') + 1));
  }

  @Test
  void bundledInvoices_eachGetsItsVerdict() {
    Map<String, String> out = run(CLOCK, new InvoiceValidationExample.Summary(2, 1, 1));

    assertThat(out).containsOnlyKeys("invoices/01-eu-invoice-ok.json",
        "invoices/02-eu-invoice-wrong-tax-and-totals.json", "invoices/03-us-invoice-california.json",
        "invoices/04-eu-invoice-vies-down.json", "summary");
    assertThat(out.get("summary")).isEqualTo("4 invoices: 2 posted, 1 refused, 1 held for retry");

    // Valid, and not even a warning: no problem details are printed.
    assertThat(out.get("invoices/01-eu-invoice-ok.json")).isEqualTo("VALID: post it\n");
    assertThat(out.get("invoices/03-us-invoice-california.json")).isEqualTo("VALID: post it\n");

    String refused = out.get("invoices/02-eu-invoice-wrong-tax-and-totals.json");
    assertThat(refused).startsWith("REFUSED: ");
    JsonNode wrong = problem(refused);
    assertThat(wrong.get("status").asInt()).isEqualTo(422);
    assertThat(wrong.get("type").asString()).isEqualTo(ValidationReport.INVALID.toString());
    assertThat(wrong.get("violations").values())
        .extracting(v -> v.get("code").asString(), v -> v.get("path").asString(), v -> v.get("stage").asString())
        .containsExactly(
            tuple("TOTALS_MISMATCH", "/totals/total", StandardRules.INVOICE_TOTALS),
            tuple("INVALID_TAX_CODE", "/lines/1/taxCode", StandardRules.EU_INVOICE_TAX_CODES));
    assertThat(wrong.get("violations").get(0).get("message").asString()).contains("7736.41 EUR", "7736.40 EUR");
    assertThat(wrong.get("violations").get(1).get("message").asString())
        .contains("AT-VAT-20 is not a tax code of jurisdiction DE");

    String held = out.get("invoices/04-eu-invoice-vies-down.json");
    assertThat(held).startsWith("HELD for retry: ");
    JsonNode unchecked = problem(held);
    assertThat(unchecked.get("status").asInt()).isEqualTo(503);
    assertThat(unchecked.get("type").asString()).isEqualTo(ValidationReport.UNCHECKED.toString());
    assertThat(unchecked.get("violations").values())
        .extracting(v -> v.get("code").asString(), v -> v.get("path").asString(), v -> v.get("category").asString(),
            v -> v.get("stage").asString())
        .containsExactly(tuple("VAT_CHECK_UNAVAILABLE", "/customerId", "DEPENDENCY_UNAVAILABLE",
            StandardRules.EU_INVOICE_CUSTOMER_VAT));
    assertThat(unchecked.get("violations").get(0).get("message").asString())
        .contains("DE136695976", "MS_UNAVAILABLE", "legal entity ACME-DE holds the record");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-02T00:00:00Z", "2027-01-01T00:00:00Z", "2035-06-30T23:59:59Z"})
  void verdicts_areTheSameWhateverTheClockAfterTheIssueDate(String now) {
    Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);

    assertThat(run(clock, new InvoiceValidationExample.Summary(2, 1, 1)))
        .isEqualTo(run(CLOCK, new InvoiceValidationExample.Summary(2, 1, 1)));
  }

  @Test
  void usInvoice_takesTheStageOfItsBillToState() throws Exception {
    String californian = resource("invoices/03-us-invoice-california.json");
    String withNewYorkCodes = californian.replace("US-CA-SALES", "US-NY-SALES");

    ValidationReport report = new InvoiceValidationExample(CLOCK, System.out).pipeline()
        .validate(EntityType.INVOICE, withNewYorkCodes);

    assertThat(report.violations()).extracting(Violation::code, Violation::path, Violation::stage).containsExactly(
        tuple(dev.steward.core.validation.ReasonCodes.INVALID_TAX_CODE, "/lines/0/taxCode",
            StandardRules.NA_INVOICE_TAX_CODES),
        tuple(dev.steward.core.validation.ReasonCodes.INVALID_TAX_CODE, "/lines/1/taxCode",
            StandardRules.NA_INVOICE_TAX_CODES));
    assertThat(report.violations().get(0).message()).contains("not a tax code of jurisdiction US-CA");
  }

  @Test
  void goldenRecords_passTheSamePipeline() {
    InvoiceValidationExample example = new InvoiceValidationExample(CLOCK, System.out);
    GoldenRecords records = InvoiceValidationExample.goldenRecords();

    assertThat(records.all()).hasSize(3);
    for (CanonicalEntity record : records.all()) {
      assertThat(example.pipeline().validate(record).violations()).as("%s", record.id()).isEmpty();
    }
  }

  @Test
  void standInRegistry_knowsItsNumbers_andCanBeSwitchedOff() {
    StandInVatRegistry vies = new StandInVatRegistry(InvoiceValidationExample.REGISTERED_VAT_NUMBERS);

    assertThat(vies.check("DE136695976")).isEqualTo(Answer.registered());
    assertThat(vies.check("DE129273398")).isEqualTo(Answer.notRegistered());
    vies.unavailable("VIES timed out after 5 s");
    assertThat(vies.check("DE136695976")).isEqualTo(Answer.unavailable("VIES timed out after 5 s"));
    vies.available();
    assertThat(vies.check("DE136695976")).isEqualTo(Answer.registered());
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = InvoiceValidationExampleTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
