package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesB.customer;
import static dev.steward.core.validation.rules.RuleFixturesB.referenceData;
import static dev.steward.core.validation.rules.RuleFixturesB.taxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationPipeline;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.core.testing.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every published EU VAT vector (test resource {@code vat/eu_vat_numbers.csv}, see its
 * PROVENANCE.md) through the customer rule as a pipeline runs it: each valid number passes and
 * each invalid one is {@code INVALID_VAT_NUMBER}. Rows are a customer's tax id in the country the
 * prefix belongs to (EL is Greece, GR; XI is Northern Ireland, GB); OSS numbers ({@code EU}) and
 * the unknown prefix {@code QQ} belong to no country and are left out. The nine rows the two
 * source validators dispute follow python-stdnum, as {@code VatNumbersReferenceDataTest} does.
 */
class CustomerVatNumberVectorsTest {
  @Test
  void everyPublishedVector_isAcceptedOrRefusedWithInvalidVatNumber() throws IOException {
    List<List<String>> rows;
    try (InputStream in = getClass().getResourceAsStream("/vat/eu_vat_numbers.csv")) {
      rows = Csv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    ValidationPipeline pipeline = ValidationPipeline.builder().referenceData(referenceData())
        .rule("vat", CustomerVatNumberRule.offline()).build();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      String prefix = row.get(0);
      if (prefix.equals("EU") || prefix.equals("QQ")) {
        continue;
      }
      String country = switch (prefix) {
        case "EL" -> "GR";
        case "XI" -> "GB";
        default -> prefix;
      };
      boolean disputed = row.size() > 4 && row.get(4).startsWith("disputed:");
      boolean valid = Boolean.parseBoolean(row.get(2)) != disputed;
      ValidationReport report = pipeline.validate(customer(LE_DE, taxId(country, row.get(1))));
      List<Violation> invalid = report.withCode(ReasonCodes.INVALID_VAT_NUMBER);
      boolean ok = valid ? report.violations().isEmpty() : invalid.size() == 1 && report.violations().size() == 1;
      if (!ok) {
        wrong.add(country + " '" + row.get(1) + "' expected " + (valid ? "valid" : "INVALID_VAT_NUMBER") + ", got " + report);
      }
      checked++;
    }

    assertThat(wrong).as("vectors judged wrongly").isEmpty();
    assertThat(checked).isGreaterThan(2_700);
  }
}
