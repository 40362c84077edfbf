package dev.steward.model;

import static dev.steward.model.ModelTestSupport.jsonFailure;
import static dev.steward.model.ModelTestSupport.resource;
import static dev.steward.model.ModelTestSupport.reversed;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical bytes and fingerprints: what leaves them unchanged (property order, white space,
 * number notation), what changes them (any value), and what they refuse rather than fingerprint
 * ambiguously (numbers a double cannot hold, non-finite numbers, lone surrogates).
 */
class CanonicalJsonTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final String CUSTOMER = new String(resource("samples/v1/customer.json"), UTF_8);

  @Test
  void fingerprint_propertyOrderAndWhiteSpace_doNotChangeIt() {
    JsonNode original = JSON.readTree(CUSTOMER);
    String reordered = JSON.mapper().writeValueAsString(reversed(original));
    assertThat(reordered).doesNotContain("\n").doesNotStartWith("{\"meta\"");

    assertThat(JSON.fingerprint(JSON.readTree(reordered))).isEqualTo(JSON.fingerprint(original));
    assertThat(JSON.canonicalBytes(JSON.readTree(reordered))).isEqualTo(JSON.canonicalBytes(original));
  }

  @Test
  void fingerprint_ofARecord_equalsFingerprintOfItsJson() {
    Customer customer = JSON.read(CUSTOMER, Customer.class);

    assertThat(JSON.fingerprint(customer)).isEqualTo(JSON.fingerprint(JSON.readTree(CUSTOMER)));
  }

  @Test
  void fingerprint_isSha256OfTheCanonicalBytes() {
    JsonNode tree = JSON.readTree("{ \"b\" : [1, 2.50, \"x\"], \"a\" : null }");

    assertThat(new String(JSON.canonicalBytes(tree), UTF_8)).isEqualTo("{\"a\":null,\"b\":[1,2.5,\"x\"]}");
    assertThat(JSON.fingerprint(tree)).isEqualTo(Fingerprint.sha256(JSON.canonicalBytes(tree)));
  }

  static Stream<Arguments> valueChanges() {
    return Stream.of(
        Arguments.of("a letter of a string", "\"Nordlicht\"", "\"NordlichT\""),
        Arguments.of("an integer", "\"version\": 7", "\"version\": 8"),
        Arguments.of("an integer to a decimal", "250000", "250000.5"),
        Arguments.of("a number to a string", "250000", "\"250000\""),
        Arguments.of("a string to null", "\"segment\": \"enterprise\"", "\"segment\": null"),
        Arguments.of("a property removed", "\"segment\": \"enterprise\",", ""),
        Arguments.of("a property name", "\"acme:accountTier\"", "\"acme:accounttier\""),
        Arguments.of("an element added", "[ \"Am Sandtorkai 50\" ]", "[ \"Am Sandtorkai 50\", \"Hof 2\" ]"),
        Arguments.of("an array to an object", "[ \"Am Sandtorkai 50\" ]", "{}"),
        Arguments.of("trailing white space inside a string", "\"Hamburg\"", "\"Hamburg \""),
        Arguments.of("a combining accent added", "\"Nordlicht\"", "\"Nordlicht\\u0301\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueChanges")
  void fingerprint_anyValueChange_changesIt(String change, String from, String to) {
    String changed = CUSTOMER.replace(from, to);
    assertThat(changed).as("the sample must contain %s", from).isNotEqualTo(CUSTOMER);

    assertThat(JSON.fingerprint(JSON.readTree(changed))).isNotEqualTo(JSON.fingerprint(JSON.readTree(CUSTOMER)));
  }

  @Test
  void fingerprint_arrayOrder_changesIt() {
    assertThat(JSON.fingerprint(JSON.readTree("[1,2]"))).isNotEqualTo(JSON.fingerprint(JSON.readTree("[2,1]")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.5", "4.50", "4.5e0", "45e-1", "0.45E+1"})
  void fingerprint_sameNumberInAnotherNotation_isUnchanged(String number) {
    assertThat(JSON.canonicalBytes(JSON.readTree("{\"n\":" + number + "}")))
        .isEqualTo("{\"n\":4.5}".getBytes(UTF_8));
  }

  @Test
  void fingerprint_integerWrittenAsDecimal_isUnchanged() {
    assertThat(JSON.fingerprint(JSON.readTree("[1.0, 1e2]"))).isEqualTo(JSON.fingerprint(JSON.readTree("[1, 100]")));
  }

  @Test
  void canonicalBytes_decimalADoubleCannotHold_isRefusedNamingThePointer() {
    JsonNode tree =
        JSON.readTree("{\"price\":{\"unit\":0.1000000000000000055511151231257827021181583404541015625}}");

    CanonicalJsonException e = jsonFailure(() -> JSON.canonicalBytes(tree));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.pointer()).isEqualTo("/price/unit");
    assertThat(e.getMessage()).startsWith("/price/unit: ").contains("0.1000000000000000055511151231257827021181583404541015625");
  }

  @Test
  void fingerprint_decimalsDifferingBeyondDoublePrecision_areRefusedNotFingerprintedAlike() {
    assertThat(JSON.canonicalBytes(JSON.readTree("[0.3]"))).isEqualTo("[0.3]".getBytes(UTF_8));

    CanonicalJsonException e = jsonFailure(() -> JSON.fingerprint(JSON.readTree("[0.30000000000000001]")));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.pointer()).isEqualTo("/0");
  }

  @Test
  void canonicalBytes_integerAbove2pow53_isRefusedNamingThePointer() {
    JsonNode tree = JSON.readTree("{\"n\":[1, 9007199254740993]}");

    CanonicalJsonException e = jsonFailure(() -> JSON.canonicalBytes(tree));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.pointer()).isEqualTo("/n/1");
    assertThat(e.getMessage()).contains("/n/1").contains("9007199254740993").contains("exactly");
  }

  @Test
  void canonicalBytes_integerAbove2pow53_thatADoubleHoldsExactly_isWrittenAsEcmaScriptDoes() {
    assertThat(new String(JSON.canonicalBytes(JSON.readTree("[9007199254740994, 295147905179352830000]")), UTF_8))
        .isEqualTo("[9007199254740994,295147905179352830000]");
  }

  @Test
  void canonicalBytes_treeDeeperThanTheNestingLimit_isRefused_notAStackOverflow() {
    tools.jackson.databind.node.ArrayNode root = JsonNodeFactory.instance.arrayNode();
    tools.jackson.databind.node.ArrayNode current = root;
    for (int i = 0; i < 100_000; i++) {
      current = current.addArray();
    }
    JsonNode deep = root;

    CanonicalJsonException e = jsonFailure(() -> JSON.canonicalBytes(deep));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.LIMIT_EXCEEDED);
    assertThat(e.getMessage()).contains("maxNestingDepth");
  }

  @Test
  void canonicalBytes_integersUpTo2pow53_areWrittenExactly() {
    assertThat(JSON.canonicalBytes(JSON.readTree("[9007199254740992,-9007199254740992]")))
        .isEqualTo("[9007199254740992,-9007199254740992]".getBytes(UTF_8));
  }

  @Test
  void canonicalBytes_negativeIntegerBelowMinus2pow53_isRefused() {
    CanonicalJsonException e = jsonFailure(() -> JSON.canonicalBytes(JSON.readTree("[-9007199254740993]")));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void canonicalBytes_nonFiniteDouble_isRefused(double value) {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.putArray("values").add(1).add(DoubleNode.valueOf(value));

    CanonicalJsonException e = jsonFailure(() -> JSON.canonicalBytes(tree));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.pointer()).isEqualTo("/values/1");
    assertThat(e.getMessage()).contains(Double.toString(value)).contains("not finite");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\uD800b", "\uDC00", "end\uD83D", "\uDE02\uD83D"})
  void canonicalBytes_loneSurrogateInAValue_isRefused(String text) {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("name", text);

    CanonicalJsonException e = jsonFailure(() -> JSON.canonicalBytes(tree));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.pointer()).isEqualTo("/name");
    assertThat(e.getMessage()).contains("lone surrogate");
  }

  @Test
  void canonicalBytes_loneSurrogateEscapedInJsonText_isRefused() {
    JsonNode tree = JSON.readTree("{\"name\":\"\\ud800\"}");

    CanonicalJsonException e = jsonFailure(() -> JSON.fingerprint(tree));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.getMessage()).contains("U+D800");
  }

  @Test
  void canonicalBytes_loneSurrogateInAPropertyName_isRefused() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("\uDBFF", 1);

    CanonicalJsonException e = jsonFailure(() -> JSON.canonicalBytes(tree));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_CANONICALIZABLE);
    assertThat(e.getMessage()).contains("U+DBFF");
  }

  @Test
  void fingerprint_moneyAtAnotherScale_isUnchanged() {
    assertThat(JSON.fingerprint(Money.of("10.10", "EUR"))).isEqualTo(JSON.fingerprint(Money.of("10.1", "EUR")));
    assertThat(JSON.fingerprint(Money.of("10.1000", "EUR"))).isEqualTo(JSON.fingerprint(Money.of("10.1", "EUR")));
  }

  @Test
  void fingerprint_moneyOneCentApart_differs() {
    assertThat(JSON.fingerprint(Money.of("10.11", "EUR"))).isNotEqualTo(JSON.fingerprint(Money.of("10.12", "EUR")));
  }

  @Test
  void fingerprint_moneyWithMoreDigitsThanADouble_isExact() {
    // 28 significant digits: a double would keep about 16 of them.
    Money a = Money.of("123456789012345678.0123456789", "EUR");
    Money b = Money.of("123456789012345678.0123456788", "EUR");

    assertThat(new String(JSON.canonicalBytes(a), UTF_8))
        .isEqualTo("{\"amount\":\"123456789012345678.0123456789\",\"currency\":\"EUR\"}");
    assertThat(JSON.fingerprint(a)).isNotEqualTo(JSON.fingerprint(b));
  }

  @Test
  void fingerprint_moneyInDifferentCurrencies_differs() {
    assertThat(JSON.fingerprint(Money.of("10.00", "EUR"))).isNotEqualTo(JSON.fingerprint(Money.of("10.00", "USD")));
  }

  @Test
  void write_money_isTheCanonicalForm() {
    assertThat(JSON.write(Money.of("1234.5", "EUR"))).isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"EUR\"}");
  }

  @Test
  void write_customer_readsBackEqual() {
    Customer customer = JSON.read(CUSTOMER, Customer.class);

    assertThat(JSON.read(JSON.writeBytes(customer), Customer.class)).isEqualTo(customer);
    assertThat(JSON.fromTree(JSON.toTree(customer), Customer.class)).isEqualTo(customer);
    assertThat(JSON.read(JSON.writePretty(customer), Customer.class)).isEqualTo(customer);
  }

  @Test
  void write_mapEntries_areSortedByKey() {
    assertThat(JSON.write(Map.of("b", 1, "a", 2, "c", 3))).isEqualTo("{\"a\":2,\"b\":1,\"c\":3}");
  }

  @Test
  void write_emptyCollectionsAndNulls_areOmitted() {
    record Holder(List<String> list, Map<String, String> map, String text) {}

    assertThat(JSON.write(new Holder(List.of(), Map.of(), null))).isEqualTo("{}");
  }

  @Test
  void withLimits_defaults_isTheSharedInstance() {
    assertThat(CanonicalJson.withLimits(JsonLimits.defaults())).isSameAs(CanonicalJson.ofDefaults());
    assertThat(CanonicalJson.withLimits(JsonLimits.builder().build())).isSameAs(CanonicalJson.ofDefaults());
  }

  @Test
  void withLimits_returnsAnInstanceEnforcingThem() {
    JsonLimits limits = JsonLimits.builder().maxStringLength(5).build();

    CanonicalJson json = CanonicalJson.withLimits(limits);

    assertThat(json.limits()).isEqualTo(limits);
    assertThat(json.readTree("[\"12345\"]").get(0).stringValue()).isEqualTo("12345");
    assertThat(jsonFailure(() -> json.readTree("[\"123456\"]")).reason())
        .isEqualTo(CanonicalJsonException.Reason.LIMIT_EXCEEDED);
  }
}
