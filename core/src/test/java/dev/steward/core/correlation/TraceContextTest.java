package dev.steward.core.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.steward.core.correlation.ConformanceVectors.HarnessCase;
import dev.steward.core.correlation.ConformanceVectors.HeaderRow;
import dev.steward.core.correlation.ConformanceVectors.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trace context is read from headers named case-insensitively (and only exactly
 * {@code traceparent} / {@code tracestate}), {@code tracestate} is ignored without a valid
 * {@code traceparent}, and a service built on it passes every request of the W3C conformance
 * harness.
 */
class TraceContextTest {
  /** The format the harness requires of the traceparent a service sends on. */
  private static final Pattern HARNESS_TRACEPARENT =
      Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");

  static Stream<HeaderRow> allRows() {
    return ConformanceVectors.headerRows().stream();
  }

  static Stream<HarnessCase> harnessCases() {
    return ConformanceVectors.harnessCases().stream();
  }

  @Test
  void conformanceData_holdsEveryDocumentedRowAndRequest() {
    assertThat(ConformanceVectors.headerRows()).hasSize(93);
    assertThat(ConformanceVectors.headerRows(Kind.WRONG_NAME)).hasSize(4).noneMatch(HeaderRow::expectedValid);
    assertThat(ConformanceVectors.harnessCases()).hasSize(83);
  }

  /** The headers the harness sent for a CSV row, the row's value under the row's header name as spelt there. */
  private static Map<String, List<String>> requestFor(HeaderRow row) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (isStateRow(row)) {
      headers.put("traceparent", List.of(ConformanceVectors.TRACESTATE_TESTS_TRACEPARENT));
      List<String> fields = row.tracestateFields();
      for (String earlier : fields.subList(0, fields.size() - 1)) {
        headers.computeIfAbsent("tracestate", k -> new ArrayList<>()).add(earlier);
      }
    }
    headers.computeIfAbsent(row.header(), k -> new ArrayList<>()).add(row.value());
    return headers;
  }

  /** Rows of tracestate, under the right name or a wrong one; the harness sends a valid traceparent with them. */
  private static boolean isStateRow(HeaderRow row) {
    return row.header().toLowerCase(Locale.ROOT).contains("state");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allRows")
  void fromHeaders_recognisesEachRowAsTheHarnessDoes(HeaderRow row) {
    Map<String, List<String>> headers = requestFor(row);
    Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> caseInsensitive.merge(name, values, (a, b) -> {
      List<String> both = new ArrayList<>(a);
      both.addAll(b);
      return both;
    }));

    Optional<TraceContext> fromMap = TraceContext.fromHeaders(headers);
    Optional<TraceContext> fromLookup = TraceContext.fromHeaders(caseInsensitive::get);

    assertThat(fromLookup).as("lookup and map agree").isEqualTo(fromMap);
    if (isStateRow(row)) {
      assertThat(fromMap).as(row.toString()).isPresent();
      assertThat(fromMap.orElseThrow().traceState().isEmpty()).as(row.toString()).isEqualTo(!row.expectedValid());
    } else {
      assertThat(fromMap.isPresent()).as(row.toString()).isEqualTo(row.expectedValid());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("harnessCases")
  void aServiceBuiltOnTraceContext_passesEveryHarnessRequest(HarnessCase request) {
    RandomGenerator random = new SplittableRandom(request.toString().hashCode());
    Optional<TraceContext> incoming = TraceContext.fromHeaders(request.headerMap());
    TraceContext context = incoming.orElseGet(() -> TraceContext.newRoot(random, false));
    List<Map<String, String>> callbacks = new ArrayList<>();
    for (int i = 0; i < request.callbacks(); i++) {
      Map<String, String> out = new LinkedHashMap<>();
      context.child(random).writeTo(out::put);
      callbacks.add(out);
    }

    List<String> sentParents = request.sent("traceparent");
    Set<String> parentIds = new HashSet<>();
    for (Map<String, String> out : callbacks) {
      assertThat(out.keySet()).isSubsetOf("traceparent", "tracestate").contains("traceparent");
      String traceparent = out.get("traceparent");
      assertThat(traceparent).matches(HARNESS_TRACEPARENT);
      TraceParent sentOn = TraceParent.parse(traceparent).orElseThrow();
      parentIds.add(sentOn.parentId());
      checkTraceparent(request, sentParents, sentOn);
      checkTracestate(request, out.get("tracestate"));
    }
    assertThat(parentIds).as("distinct parent ids").hasSize(request.callbacks());
    sentParents.forEach(p -> TraceParent.parse(p).ifPresent(
        received -> assertThat(parentIds).doesNotContain(received.parentId())));
  }

  private static void checkTraceparent(HarnessCase request, List<String> sentParents, TraceParent sentOn) {
    String expected = request.expectedTraceparent();
    if (expected.startsWith("continued")) {
      assertThat(sentParents).hasSize(1);
      assertThat(sentOn.traceId()).isEqualTo(sentParents.get(0).strip().substring(3, 35));
      if (expected.contains("random flag")) {
        assertThat(sentOn.randomTraceId()).isTrue();
      }
    } else if (expected.startsWith("restarted") || expected.startsWith("new trace started")) {
      for (String sent : sentParents) {
        String stripped = sent.strip();
        if (stripped.length() >= 35) {
          assertThat(sentOn.traceId()).isNotEqualTo(stripped.substring(3, 35));
        }
      }
    } else if (!expected.isEmpty()) {
      fail("unknown traceparent expectation '" + expected + "'");
    }
  }

  private static void checkTracestate(HarnessCase request, String sentOn) {
    String expected = request.expectedTracestate();
    Map<String, String> sent = TraceStateTest.firstValues(request.sent("tracestate"));
    if (expected.startsWith("inherited")) {
      assertThat(sentOn).as("tracestate sent on").isNotNull();
      TraceState state = TraceState.parse(sentOn);
      sent.forEach((key, value) -> assertThat(state.get(key)).as("key " + key).contains(value));
      assertThat(state.size()).isEqualTo(sent.size());
      if (expected.contains("(32 members)")) {
        assertThat(state.size()).isEqualTo(32);
      }
    } else if (expected.contains("discarded")) {
      assertThat(sentOn).as("tracestate sent on").isNull();
    } else if (expected.startsWith("combined, order ")) {
      assertThat(sentOn).isEqualTo(expected.substring("combined, order ".length()));
    } else if (!expected.isEmpty()) {
      fail("unknown tracestate expectation '" + expected + "'");
    }
  }

  @Test
  void headerNames_areMatchedAsciiCaseInsensitively_andOnlyWhenSpeltExactly() {
    String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    assertThat(TraceContext.fromHeaders(Map.of("TRACEPARENT", List.of(parent), "TraceState", List.of("congo=1"))))
        .hasValueSatisfying(c -> assertThat(c.traceState().header()).isEqualTo("congo=1"));
    // U+017F LATIN SMALL LETTER LONG S upper-cases to 'S' in Java, but is not ASCII 's'.
    assertThat(TraceContext.fromHeaders(Map.of("traceparent", List.of(parent), "trace\u017ftate", List.of("congo=1"))))
        .hasValueSatisfying(c -> assertThat(c.traceState().isEmpty()).isTrue());
    assertThat(TraceContext.fromHeaders(Map.of("traceparent ", List.of(parent)))).isEmpty();
  }

  @Test
  void fromHeaders_restartsOnTwoTraceparentFields_evenUnderDifferentCasings() {
    String a = "00-12345678901234567890123456789011-1234567890123456-01";
    String b = "00-12345678901234567890123456789012-1234567890123456-01";
    Map<String, List<String>> twoCasings = new LinkedHashMap<>();
    twoCasings.put("traceparent", List.of(a));
    twoCasings.put("TraceParent", List.of(b));

    assertThat(TraceContext.fromHeaders(Map.of("traceparent", List.of(a, b)))).isEmpty();
    assertThat(TraceContext.fromHeaders(twoCasings)).isEmpty();
  }

  @Test
  void fromHeaders_ignoresTracestateWithoutAValidTraceparent() {
    List<String> fields = new ArrayList<>();
    assertThat(TraceContext.fromHeaders(Map.of("tracestate", List.of("foo=1")))).isEmpty();
    assertThat(TraceContext.fromHeaders(Map.of("traceparent", List.of("00-bad"), "tracestate", List.of("foo=1"))))
        .isEmpty();
    assertThat(TraceContext.fromHeaders(name -> name.equals("tracestate") ? List.of("foo=1") : null)).isEmpty();
    assertThat(TraceContext.fromHeaders(name -> fields)).isEmpty();
  }

  @Test
  void fromHeaders_toleratesNullKeysAndValues_asSomeHttpClientsGiveThem() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put(null, List.of("HTTP/1.1 200 OK"));
    headers.put("tracestate", null);
    headers.put("Traceparent", List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

    assertThat(TraceContext.fromHeaders(headers)).hasValueSatisfying(c -> assertThat(c.traceState().isEmpty()).isTrue());
  }

  @Test
  void writeTo_writesLowerCaseNames_andLeavesOutAnEmptyTracestate() {
    TraceParent parent = TraceParent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();
    List<String> written = new ArrayList<>();

    TraceContext.of(parent).writeTo((name, value) -> written.add(name + ": " + value));
    new TraceContext(parent, TraceState.parse("congo=t61rcWkgMzE").with("rojo", "00f067aa0ba902b7"))
        .writeTo((name, value) -> written.add(name + ": " + value));

    assertThat(written).containsExactly(
        "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "tracestate: rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
  }

  @Test
  void writtenHeaders_readBackToTheSameContext() {
    RandomGenerator random = new SplittableRandom(11);
    TraceContext context = TraceContext.newRoot(random, true).withTraceState(TraceState.parse("a=1", "b=2"));
    Map<String, List<String>> headers = new LinkedHashMap<>();

    context.writeTo((name, value) -> headers.put(name, List.of(value)));

    assertThat(TraceContext.fromHeaders(headers)).contains(context);
    assertThat(context.child(random).traceParent().traceId()).isEqualTo(context.traceParent().traceId());
  }
}
