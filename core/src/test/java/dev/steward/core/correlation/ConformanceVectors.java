package dev.steward.core.correlation;

import dev.steward.core.testing.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The W3C Trace Context conformance vectors in {@code src/test/resources/trace-context/} (see the
 * PROVENANCE.md there): the header rows of {@code trace_context_headers.csv}, read with an RFC 4180
 * reader so that leading and trailing spaces and TABs survive, and the harness requests of
 * {@code test_harness_cases.json}.
 */
final class ConformanceVectors {
  static final String CSV = "/trace-context/trace_context_headers.csv";
  static final String JSON = "/trace-context/test_harness_cases.json";

  /** The traceparent the harness sends with every tracestate test. */
  static final String TRACESTATE_TESTS_TRACEPARENT = "00-12345678901234567890123456789012-1234567890123456-00";

  /** The first tracestate field the key-length tests send before the row's value. */
  static final String KEY_LENGTH_FIRST_FIELD = "foo=1";

  private static final List<String> COLUMNS = List.of("header", "value", "expected_valid", "note", "source");

  private ConformanceVectors() {}

  /** What a CSV row's header name is. */
  enum Kind {
    TRACEPARENT, TRACESTATE, WRONG_NAME
  }

  /** One CSV row; {@code line} is its record number, the header row being 1. */
  record HeaderRow(int line, String header, String value, boolean expectedValid, String note, String source) {
    Kind kind() {
      String lower = header.toLowerCase(Locale.ROOT);
      return lower.equals("traceparent") ? Kind.TRACEPARENT
          : lower.equals("tracestate") ? Kind.TRACESTATE : Kind.WRONG_NAME;
    }

    /** Returns the tracestate fields the harness sent: the row's value, after 'foo=1' for key-length rows. */
    List<String> tracestateFields() {
      return note.contains("2nd tracestate field after 'foo=1'") ? List.of(KEY_LENGTH_FIRST_FIELD, value)
          : List.of(value);
    }

    @Override
    public String toString() {
      String shown = value.length() > 80 ? value.substring(0, 40) + "…(" + value.length() + " chars)" : value;
      return "row " + line + ": " + header + ": '" + escape(shown) + "' -> " + (expectedValid ? "valid" : "invalid")
          + " (" + note.replaceFirst(";.*", "") + ")";
    }
  }

  /** One request of the harness. */
  record HarnessCase(String test, int call, List<Map.Entry<String, String>> headers, int callbacks,
      String expectedTraceparent, String expectedTracestate, boolean strictLevel2Only) {
    /** Returns the headers as a map, fields of the same name (exact spelling) in the order sent. */
    Map<String, List<String>> headerMap() {
      Map<String, List<String>> map = new LinkedHashMap<>();
      for (Map.Entry<String, String> h : headers) {
        map.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
      }
      return map;
    }

    /** Returns the values sent under exactly {@code name}, ignoring ASCII case. */
    List<String> sent(String name) {
      return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    @Override
    public String toString() {
      return test + " #" + call + (strictLevel2Only ? " [strict]" : "");
    }
  }

  static List<HeaderRow> headerRows() {
    List<List<String>> records = Csv.read(resource(CSV));
    if (!records.get(0).equals(COLUMNS)) {
      throw new IllegalStateException("unexpected CSV columns " + records.get(0));
    }
    List<HeaderRow> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() != COLUMNS.size()) {
        throw new IllegalStateException("record " + (i + 1) + " has " + r.size() + " fields: " + r);
      }
      if (!r.get(2).equals("true") && !r.get(2).equals("false")) {
        throw new IllegalStateException("record " + (i + 1) + " expected_valid is '" + r.get(2) + "'");
      }
      rows.add(new HeaderRow(i + 1, r.get(0), r.get(1), r.get(2).equals("true"), r.get(3), r.get(4)));
    }
    return rows;
  }

  static Stream<HeaderRow> headerRows(Kind kind) {
    return headerRows().stream().filter(r -> r.kind() == kind);
  }

  static List<HarnessCase> harnessCases() {
    JsonNode root = JsonMapper.builder().build().readTree(resource(JSON));
    List<HarnessCase> cases = new ArrayList<>();
    for (JsonNode c : root) {
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (JsonNode h : c.get("headers")) {
        headers.add(Map.entry(h.get(0).asString(), h.get(1).asString()));
      }
      cases.add(new HarnessCase(c.get("test").asString(), c.get("call").asInt(), List.copyOf(headers),
          c.get("callbacks").asInt(), c.get("expected_traceparent").asString(),
          c.get("expected_tracestate").asString(), c.get("strict_level_2_only").asBoolean()));
    }
    return cases;
  }

  static String escape(String s) {
    return s.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String resource(String name) {
    try (InputStream in = Objects.requireNonNull(ConformanceVectors.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
