package dev.steward.model;

import static dev.steward.model.ModelTestSupport.jsonFailure;
import static dev.steward.model.ModelTestSupport.openResource;
import static dev.steward.model.ModelTestSupport.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.FloatNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The RFC 8785 writer against the RFC author's test vectors and 25,017 ECMAScript number
 * serializations (resources under {@code rfc8785/}, see its PROVENANCE.md), and the rules it adds:
 * what it refuses and why.
 */
class Rfc8785Test {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final int ES6_ROWS = 25_017;
  private static final BigInteger TWO_POW_53 = BigInteger.ONE.shiftLeft(53);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "weird"})
  void rfcVector_readByCanonicalJson_canonicalizesToTheExpectedBytes(String name) {
    byte[] expected = resource("rfc8785/output/" + name + ".json");

    byte[] actual = JSON.canonicalBytes(JSON.readTree(resource("rfc8785/input/" + name + ".json")));

    assertThat(new String(actual, UTF_8)).isEqualTo(new String(expected, UTF_8));
    assertThat(actual).isEqualTo(expected);
  }

  /**
   * values.json opens with {@code 333333333.33333329}: 17 significant digits that are not the
   * shortest form of the double they round to ({@code 333333333.3333333}). JCS would silently
   * round it; Steward reads it as a decimal and refuses it, so that two different decimals never
   * share a fingerprint. This pins that deliberate deviation from the vector.
   */
  @Test
  void rfcValuesVector_seventeenDigitLiteral_isRefusedNotRounded() {
    CanonicalJsonException e =
        jsonFailure(() -> JSON.canonicalBytes(JSON.readTree(resource("rfc8785/input/values.json"))));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.pointer()).isEqualTo("/numbers/0");
    assertThat(e.getMessage()).contains("/numbers/0").contains("333333333.33333329");
  }

  /** Everything else in values.json (1E30, 4.50, 2e-3, 1e-27, the escapes) matches the vector. */
  @Test
  void rfcValuesVector_withShortestFormOfItsFirstNumber_canonicalizesToTheExpectedBytes() {
    String input = new String(resource("rfc8785/input/values.json"), UTF_8);
    String shortest = input.replace("333333333.33333329", "333333333.3333333");
    assertThat(shortest).isNotEqualTo(input);

    byte[] actual = JSON.canonicalBytes(JSON.readTree(shortest));

    assertThat(actual).isEqualTo(resource("rfc8785/output/values.json"));
  }

  /** RFC 8785 section 3.2.2.3: a JCS parser reads every number as an IEEE double. */
  @Test
  void rfcValuesVector_readAsIeeeDoubles_canonicalizesToTheExpectedBytes() {
    JsonNode doubles = JsonMapper.builder().build().readTree(resource("rfc8785/input/values.json"));
    assertThat(doubles.get("numbers").get(0).isDouble()).isTrue();

    assertThat(Rfc8785.canonicalize(doubles, JsonLimits.DEFAULT_MAX_NESTING_DEPTH)).isEqualTo(resource("rfc8785/output/values.json"));
  }

  @Test
  void es6_everyVector_matchesEcmaScript() {
    List<Es6Row> rows = es6Rows();

    assertThat(rows).hasSize(ES6_ROWS);
    assertAllMatch(rows, row -> Rfc8785.es6(row.value()));
  }

  @Test
  void canonicalBytes_doubleNodeOfEveryVector_isTheEcmaScriptForm() {
    List<Es6Row> rows = es6Rows();

    assertThat(rows).hasSize(ES6_ROWS);
    assertAllMatch(rows, row -> new String(JSON.canonicalBytes(DoubleNode.valueOf(row.value())), UTF_8));
  }

  /**
   * The ECMAScript form of every vector, read back as JSON text (a decimal or an integer, as
   * Steward reads it), canonicalizes to itself: every such form is a value a double holds exactly.
   */
  @Test
  void canonicalBytes_everyVectorReadBackAsText_isItself() {
    List<Es6Row> rows = es6Rows();
    assertThat(rows).hasSize(ES6_ROWS);

    assertAllMatch(
        rows,
        row -> {
          String[] canonical = new String[1];
          Throwable t =
              catchThrowable(() -> canonical[0] = new String(JSON.canonicalBytes(JSON.readTree(row.expected())), UTF_8));
          return t != null ? t.toString() : canonical[0];
        });
  }

  @Test
  void canonicalize_sortsPropertiesByUtf16CodeUnits_notByCodePoints() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("\uFB33", 1); // U+FB33, above the surrogates as a code unit
    node.put("\uD83D\uDE02", 2); // U+1F602, a surrogate pair: by code point it would sort last
    node.put("\u20AC", 3);
    node.put("a", 4);

    assertThat(new String(Rfc8785.canonicalize(node, JsonLimits.DEFAULT_MAX_NESTING_DEPTH), UTF_8))
        .isEqualTo("{\"a\":4,\"\u20AC\":3,\"\uD83D\uDE02\":2,\"\uFB33\":1}");
  }

  @Test
  void canonicalize_escapesControlCharactersInLowercaseHex_andNothingElse() {
    JsonNode node = JsonNodeFactory.instance.stringNode("\u0001\u001f\b\f\n\r\t\"\\/<\u007f\u2028\u00e9");

    assertThat(new String(Rfc8785.canonicalize(node, JsonLimits.DEFAULT_MAX_NESTING_DEPTH), UTF_8))
        .isEqualTo("\"\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/<\u007f\u2028\u00e9\"");
  }

  @Test
  void canonicalize_writesUtf8_includingSupplementaryCharacters() {
    JsonNode node = JsonNodeFactory.instance.stringNode("\u00e9\u20ac\uD83D\uDE02");

    assertThat(Rfc8785.canonicalize(node, JsonLimits.DEFAULT_MAX_NESTING_DEPTH))
        .containsExactly(
            '"', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x82, '"');
  }

  @Test
  void canonicalize_negativeZero_isZero() {
    assertThat(Rfc8785.canonicalize(DoubleNode.valueOf(-0.0), JsonLimits.DEFAULT_MAX_NESTING_DEPTH)).isEqualTo("0".getBytes(UTF_8));
    assertThat(JSON.canonicalBytes(JSON.readTree("[-0.0, -0]"))).isEqualTo("[0,0]".getBytes(UTF_8));
  }

  @Test
  void canonicalize_nonFiniteFloat_isRefused() {
    CanonicalJsonException e = jsonFailure(() -> Rfc8785.canonicalize(FloatNode.valueOf(Float.NaN), JsonLimits.DEFAULT_MAX_NESTING_DEPTH));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.getMessage()).contains("NaN");
  }

  @Test
  void canonicalize_binaryNode_isRefused() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.set("blob", BinaryNode.valueOf(new byte[] {1, 2, 3}));

    CanonicalJsonException e = jsonFailure(() -> Rfc8785.canonicalize(node, JsonLimits.DEFAULT_MAX_NESTING_DEPTH));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.pointer()).isEqualTo("/blob");
    assertThat(e.code()).isEqualTo("STEWARD-JSON-NOT_CANONICALIZABLE");
  }

  @Test
  void canonicalize_refusal_escapesThePointer() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putObject("a/b").putArray("c~d").add(1).add(Double.NaN);

    CanonicalJsonException e = jsonFailure(() -> Rfc8785.canonicalize(node, JsonLimits.DEFAULT_MAX_NESTING_DEPTH));

    assertThat(e.pointer()).isEqualTo("/a~1b/c~0d/1");
  }

  private static void assertAllMatch(List<Es6Row> rows, Function<Es6Row, String> actual) {
    int mismatches = 0;
    List<String> first = new ArrayList<>();
    for (Es6Row row : rows) {
      String got = actual.apply(row);
      if (!got.equals(row.expected())) {
        mismatches++;
        if (first.size() < 10) {
          first.add(row.hex() + ": expected " + row.expected() + ", got " + got);
        }
      }
    }
    assertThat(mismatches)
        .as("%d of %d rows differ; the first %d:%n%s", mismatches, rows.size(), first.size(), String.join("\n", first))
        .isZero();
  }

  private record Es6Row(String hex, String expected) {
    double value() {
      return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }
  }

  private static List<Es6Row> es6Rows() {
    List<Es6Row> rows = new ArrayList<>(ES6_ROWS);
    try (InputStream in = openResource("rfc8785/es6-numbers.csv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      assertThat(reader.readLine()).isEqualTo("hex_ieee,expected");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          int comma = line.indexOf(',');
          rows.add(new Es6Row(line.substring(0, comma), line.substring(comma + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
