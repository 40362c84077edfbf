package dev.steward.core.validation.vat;

import dev.steward.core.testing.Csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.vat.VatCheck.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every row of {@code vat/eu_vat_numbers.csv} (test numbers of python-stdnum and jsvat; see
 * {@code vat/PROVENANCE.md}) through {@link VatNumbers}: a row with {@code expected_valid=true} must be accepted, a
 * false one rejected.
 *
 * <p>The nine rows whose note starts with {@code disputed:} are jsvat rows on which python-stdnum gives the opposite
 * verdict; this test follows python-stdnum there, so it expects the opposite of their {@code expected_valid}.
 *
 * <p>Every row goes through {@link VatNumbers#check(String, String)} with its {@code country}; a row whose number is
 * written with that prefix also goes through {@link VatNumbers#check(String)}, and both must give the same result.
 * Country {@code QQ} must give {@link Failure#UNKNOWN_COUNTRY}. Where the note says {@code raises X}, the matching
 * {@link Failure} is asserted; for rows of {@code test_eu_vat.doctest}, which python-stdnum catches with
 * {@code except InvalidFormat}, {@link Failure#INVALID_LENGTH} also matches "InvalidFormat", because
 * python-stdnum's InvalidLength is a subclass of InvalidFormat.
 */
class VatNumbersReferenceDataTest {

  private static final String RESOURCE = "/vat/eu_vat_numbers.csv";

  /** One data row; {@code line} is its line number in the file, counting the header as line 1. */
  record Row(int line, String country, String number, boolean expectedValid, String source, String note) {

    boolean disputed() {
      return note.startsWith("disputed:");
    }

    /** python-stdnum's verdict: {@code expected_valid}, except on the disputed rows. */
    boolean stdnumValid() {
      return disputed() != expectedValid;
    }

    /** The failure kinds the note allows, or empty when the note names no exception. */
    Set<Failure> expectedFailures() {
      if (country.equals("QQ")) {
        return Set.of(Failure.UNKNOWN_COUNTRY);
      }
      if (!note.startsWith("raises ")) {
        return Set.of();
      }
      String exception = note.substring("raises ".length()).split(";", 2)[0].trim();
      return switch (exception) {
        case "InvalidChecksum" -> Set.of(Failure.INVALID_CHECKSUM);
        case "InvalidLength" -> Set.of(Failure.INVALID_LENGTH);
        case "InvalidComponent" -> Set.of(Failure.INVALID_COMPONENT);
        case "InvalidFormat" -> source.contains("test_eu_vat.doctest")
            ? Set.of(Failure.INVALID_FORMAT, Failure.INVALID_LENGTH)
            : Set.of(Failure.INVALID_FORMAT);
        default -> throw new IllegalStateException("line " + line + ": unknown exception " + exception);
      };
    }

    @Override
    public String toString() {
      return "line " + line + ": " + country + " \"" + number + "\" expected " + expectedValid
          + (disputed() ? " (disputed)" : "");
    }
  }

  static List<Row> rows() {
    List<List<String>> records = Csv.read(readResource());
    assertThat(records.get(0)).containsExactly("country", "number", "expected_valid", "source", "note");
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      assertThat(r).as("fields of line %d", i + 1).hasSize(5);
      assertThat(r.get(2)).as("expected_valid of line %d", i + 1).isIn("true", "false");
      rows.add(new Row(i + 1, r.get(0), r.get(1), Boolean.parseBoolean(r.get(2)), r.get(3), r.get(4)));
    }
    return rows;
  }

  private static String readResource() {
    try (InputStream in = Objects.requireNonNull(
        VatNumbersReferenceDataTest.class.getResourceAsStream(RESOURCE), RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void row_getsPythonStdnumsVerdict(Row row) {
    VatCheck result = VatNumbers.check(row.country(), row.number());

    assertThat(result.valid()).as("%s gave %s: %s", row, result, result.message()).isEqualTo(row.stdnumValid());
    assertThat(result.failure().isEmpty()).isEqualTo(result.valid());
    if (!row.expectedFailures().isEmpty()) {
      assertThat(result.failure()).as("%s: %s", row, result.message()).containsInstanceOf(Failure.class);
      assertThat(result.failure().orElseThrow()).as("%s: %s", row, result.message()).isIn(row.expectedFailures());
    }
    if (startsWithItsPrefix(row)) {
      assertThat(VatNumbers.check(row.number())).as("one-argument check of %s", row).isEqualTo(result);
    }
    if (result.valid()) {
      assertThat(result.compact()).startsWith(row.country()).doesNotContain(" ", "-", ".", "/");
      assertThat(VatNumbers.check(result.compact())).as("re-check of the compact form").isEqualTo(result);
    }
  }

  private static boolean startsWithItsPrefix(Row row) {
    return row.number().strip().toUpperCase(Locale.ROOT).startsWith(row.country());
  }

  @Test
  void file_hasTheRowsItsProvenanceDescribes() {
    List<Row> rows = rows();

    assertThat(rows).hasSize(2734);
    assertThat(rows.stream().filter(Row::expectedValid).count()).isEqualTo(2256);
    assertThat(rows.stream().filter(Row::disputed).count()).isEqualTo(9);
    assertThat(rows.stream().filter(r -> r.number().contains(","))).extracting(Row::number)
        .containsExactly("BE 0220,764.971");
  }

  @Test
  void reader_handlesQuotedCommasQuotesAndLineBreaks() {
    String csv = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n";

    assertThat(Csv.read(csv)).containsExactly(
        List.of("a", "b,c", "say \"hi\""),
        List.of("two\nlines", "", "x"));
  }
}
