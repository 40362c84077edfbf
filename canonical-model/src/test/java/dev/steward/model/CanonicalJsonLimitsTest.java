package dev.steward.model;

import static dev.steward.model.ModelTestSupport.jsonFailure;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Denial-of-service tests, in the manner of jackson-core's {@code unittest/dos}: hostile input is
 * refused with {@link CanonicalJsonException.Reason#LIMIT_EXCEEDED} naming the {@link JsonLimits}
 * setting that raises the limit, early, and never with an {@link OutOfMemoryError} or a stack
 * overflow. Large inputs are generated lazily by {@link GeneratedInputStream} wherever the API
 * takes a stream, and what the reader consumed is checked to show it stopped at the limit.
 */
class CanonicalJsonLimitsTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final int FIFTY_MB = 50 * 1024 * 1024;
  private static final int DEEP = 1_000;

  @Test
  void readTree_1000NestedArrays_exceedsMaxNestingDepth() {
    String doc = "[".repeat(DEEP) + "]".repeat(DEEP);

    assertLimit(() -> JSON.readTree(doc), "maxNestingDepth");
    assertLimit(() -> JSON.readTree(doc.getBytes(UTF_8)), "maxNestingDepth");
    assertLimit(() -> JSON.readTree(GeneratedInputStream.of("", "[", DEEP, "]".repeat(DEEP))), "maxNestingDepth");
  }

  @Test
  void readTree_1000NestedObjects_exceedsMaxNestingDepth() {
    String doc = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);

    assertLimit(() -> JSON.readTree(doc), "maxNestingDepth");
    assertLimit(() -> JSON.read(doc.getBytes(UTF_8), JsonNode.class), "maxNestingDepth");
  }

  @Test
  void read_1000NestedObjectsAsACustomer_exceedsMaxNestingDepth() {
    String doc = "{\"extensions\":" + "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP) + "}";

    assertLimit(() -> JSON.read(doc, Customer.class), "maxNestingDepth");
  }

  @Test
  void readTree_endlessNesting_stopsAtTheDepthLimit() {
    GeneratedInputStream in = GeneratedInputStream.endless("", "[");

    assertLimit(() -> JSON.readTree(in), "maxNestingDepth");
    assertThat(in.bytesServed()).isLessThan(1024 * 1024);
  }

  @Test
  void readTree_nestingAtTheLimit_isAccepted() {
    int depth = JsonLimits.DEFAULT_MAX_NESTING_DEPTH;

    JsonNode tree = JSON.readTree("[".repeat(depth) + "]".repeat(depth));

    assertThat(new String(JSON.canonicalBytes(tree), UTF_8)).hasSize(2 * depth);
    assertLimit(() -> JSON.readTree("[".repeat(depth + 1) + "]".repeat(depth + 1)), "maxNestingDepth");
  }

  @Test
  void readTree_1000NestedArraysWithTheLimitRaised_isAccepted() {
    CanonicalJson raised = CanonicalJson.withLimits(JsonLimits.builder().maxNestingDepth(DEEP).build());

    JsonNode tree = raised.readTree("[".repeat(DEEP) + "]".repeat(DEEP));

    assertThat(raised.canonicalBytes(tree)).hasSize(2 * DEEP);
  }

  @Test
  void read_50MbStringAsBytes_exceedsMaxDocumentLength() {
    byte[] doc = new byte[FIFTY_MB + 8];
    Arrays.fill(doc, (byte) 'a');
    byte[] head = "{\"s\":\"".getBytes(UTF_8);
    System.arraycopy(head, 0, doc, 0, head.length);
    doc[doc.length - 2] = '"';
    doc[doc.length - 1] = '}';

    CanonicalJsonException e = assertLimit(() -> JSON.read(doc, JsonNode.class), "maxDocumentLength");
    assertThat(e.getMessage()).contains(Integer.toString(doc.length));
    assertLimit(() -> JSON.readTree(doc), "maxDocumentLength");
  }

  @Test
  void read_50MbStringFromAStream_withDocumentLimitRaised_exceedsMaxStringLength() {
    CanonicalJson json =
        CanonicalJson.withLimits(JsonLimits.builder().maxDocumentLength(100L * 1024 * 1024).build());
    GeneratedInputStream in = GeneratedInputStream.of("{\"s\":\"", "a", FIFTY_MB, "\"}");

    assertLimit(() -> json.read(in, JsonNode.class), "maxStringLength");
    assertThat(in.bytesServed()).isLessThan(4L * JsonLimits.DEFAULT_MAX_STRING_LENGTH);
  }

  @Test
  void read_customerWith50MbLegalNameFromAStream_exceedsMaxStringLength() {
    CanonicalJson json =
        CanonicalJson.withLimits(JsonLimits.builder().maxDocumentLength(100L * 1024 * 1024).build());
    GeneratedInputStream in = GeneratedInputStream.of("{\"legalName\":\"", "\u00e9", FIFTY_MB / 2, "\"}");

    assertLimit(() -> json.read(in, Customer.class), "maxStringLength");
    assertThat(in.bytesServed()).isLessThan(8L * JsonLimits.DEFAULT_MAX_STRING_LENGTH);
  }

  @Test
  void readTree_50MbOfSmallValuesFromAStream_exceedsMaxDocumentLength() {
    GeneratedInputStream in = GeneratedInputStream.of("[", "\"abcdefgh\",", FIFTY_MB / 11, "0]");

    assertLimit(() -> JSON.readTree(in), "maxDocumentLength");
    assertThat(in.bytesServed()).isLessThan(2 * JsonLimits.DEFAULT_MAX_DOCUMENT_LENGTH);
  }

  @Test
  void readTree_endlessStream_exceedsMaxDocumentLength() {
    GeneratedInputStream in = GeneratedInputStream.endless("[", "0,");

    assertLimit(() -> JSON.readTree(in), "maxDocumentLength");
    assertThat(in.bytesServed())
        .isGreaterThan(JsonLimits.DEFAULT_MAX_DOCUMENT_LENGTH)
        .isLessThan(2 * JsonLimits.DEFAULT_MAX_DOCUMENT_LENGTH);
  }

  @Test
  void readText_longerThanMaxDocumentLength_isRefusedBeforeParsing() {
    CanonicalJson json = CanonicalJson.withLimits(JsonLimits.builder().maxDocumentLength(10).build());

    assertThat(json.readTree("[1,2,3,45]")).hasSize(4);
    CanonicalJsonException e = assertLimit(() -> json.readTree("[1,2,3,456]"), "maxDocumentLength");
    assertThat(e.line()).isEqualTo(1);
    assertLimit(() -> json.read("[1,2,3,456]", JsonNode.class), "maxDocumentLength");
    assertLimit(() -> json.read("[1,2,3,456]".getBytes(UTF_8), JsonNode.class), "maxDocumentLength");
  }

  @Test
  void readTree_stringLongerThanMaxStringLength_isRefused() {
    CanonicalJson json = CanonicalJson.withLimits(JsonLimits.builder().maxStringLength(10).build());

    assertThat(json.readTree("[\"0123456789\"]").get(0).stringValue()).hasSize(10);
    assertLimit(() -> json.readTree("[\"0123456789A\"]"), "maxStringLength");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "-1", "0.1", "1e"})
  void readTree_veryLongNumber_exceedsMaxNumberLength(String start) {
    String number = start + "1".repeat(1_000);

    assertLimit(() -> JSON.readTree("[" + number + "]"), "maxNumberLength");
    assertLimit(() -> JSON.readTree(GeneratedInputStream.of("[" + start, "1", 1_000_000, "]")), "maxNumberLength");
  }

  @Test
  void readTree_numberAtMaxNumberLength_isAccepted_oneMoreIsRefused() {
    String atLimit = "1".repeat(JsonLimits.DEFAULT_MAX_NUMBER_LENGTH);

    assertThat(JSON.readTree("[" + atLimit + "]").get(0).bigIntegerValue()).hasToString(atLimit);
    assertLimit(() -> JSON.readTree("[" + atLimit + "1]"), "maxNumberLength");
  }

  @Test
  void readTree_veryLongPropertyName_exceedsMaxNameLength() {
    String name = "n".repeat(JsonLimits.DEFAULT_MAX_NAME_LENGTH + 1);

    assertThat(JSON.readTree("{\"" + name.substring(1) + "\":1}").size()).isEqualTo(1);
    assertLimit(() -> JSON.readTree("{\"" + name + "\":1}"), "maxNameLength");
  }

  /** 14 bytes inside every limit; writing the value out in plain digits would need a gigabyte. */
  @ParameterizedTest
  @ValueSource(strings = {"1e-999999999", "-1.5e-999999999", "1e999999999", "-1e400", "1e-400"})
  void fingerprint_numberWithAHugeExponent_isRefusedBriefly(String number) {
    JsonNode tree = JSON.readTree("{\"n\":" + number + "}");

    CanonicalJsonException e = jsonFailure(() -> JSON.fingerprint(tree));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.pointer()).isEqualTo("/n");
    assertThat(e.getMessage()).hasSizeLessThan(500);
  }

  @Test
  void fingerprint_zeroWithAHugeExponent_isZero() {
    assertThat(JSON.canonicalBytes(JSON.readTree("[0e-999999999, 0e999999999]"))).isEqualTo("[0,0]".getBytes(UTF_8));
  }

  private static CanonicalJsonException assertLimit(ThrowingCallable call, String setting) {
    CanonicalJsonException e = jsonFailure(call);
    assertThat(e.reason()).as("reason of %s", e).isEqualTo(CanonicalJsonException.Reason.LIMIT_EXCEEDED);
    assertThat(e.code()).isEqualTo("STEWARD-JSON-LIMIT_EXCEEDED");
    assertThat(e.getMessage()).contains("JsonLimits." + setting);
    return e;
  }
}
