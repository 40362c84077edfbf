package dev.steward.core.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.correlation.ConformanceVectors.HeaderRow;
import dev.steward.core.correlation.ConformanceVectors.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code traceparent} is read exactly as the W3C specification and its conformance harness require,
 * written in canonical version-00 form, and generated from an injected random generator.
 */
class TraceParentTest {
  private static final String TRACE_ID = "12345678901234567890123456789012";
  private static final String PARENT_ID = "1234567890123456";
  private static final String VALID = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";
  private static final Pattern CANONICAL = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  static Stream<HeaderRow> traceparentRows() {
    return ConformanceVectors.headerRows(Kind.TRACEPARENT);
  }

  @Test
  void conformanceCsv_holdsTheDocumentedTraceparentRows() {
    List<HeaderRow> rows = traceparentRows().toList();

    assertThat(rows).hasSize(56);
    assertThat(rows).filteredOn(HeaderRow::expectedValid).hasSize(32);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traceparentRows")
  void parse_acceptsExactlyTheRowsTheHarnessContinues(HeaderRow row) {
    assertThat(TraceParent.parse(row.value()).isPresent()).as(row.toString()).isEqualTo(row.expectedValid());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traceparentRows")
  void header_isTheCanonicalVersion00FormOfEveryValidRow(HeaderRow row) {
    if (!row.expectedValid()) {
      return;
    }
    TraceParent parsed = TraceParent.parse(row.value()).orElseThrow();
    String stripped = row.value().strip();

    assertThat(parsed.traceId()).isEqualTo(stripped.substring(3, 35));
    assertThat(parsed.parentId()).isEqualTo(stripped.substring(36, 52));
    assertThat(parsed.header()).isEqualTo("00" + stripped.substring(2, 55));
    if (CANONICAL.matcher(row.value()).matches()) {
      assertThat(parsed.header()).isEqualTo(row.value());
    }
    assertThat(TraceParent.parse(parsed.header())).contains(parsed.version() == 0 ? parsed
        : TraceParent.of(parsed.traceId(), parsed.parentId(), parsed.flags()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "00-ABCDEF78901234567890123456789012-1234567890123456-01", // upper-case trace id
      "00-12345678901234567890123456789012-ABCDEF7890123456-01", // upper-case parent id
      "00-12345678901234567890123456789012-1234567890123456-0A", // upper-case flags
      "CC-12345678901234567890123456789012-1234567890123456-01", // upper-case version
      "00_12345678901234567890123456789012-1234567890123456-01", // wrong delimiter
      "00-12345678901234567890123456789012_1234567890123456-01",
      "00-12345678901234567890123456789012-1234567890123456_01",
      "00-12345678901234567890123456789012-1234567890123456-01-", // version 00 with extra characters
      "cc-12345678901234567890123456789012-1234567890123456-0", // higher version, shorter than 55
      "cc-12345678901234567890123456789012-1234567890123456-01x", // higher version, no dash after flags
      "cc-00000000000000000000000000000000-1234567890123456-01", // higher version, all-zero trace id
      "ff-12345678901234567890123456789012-1234567890123456-01-extra", // version ff
      "\n00-12345678901234567890123456789012-1234567890123456-01", // only SP and HTAB are OWS
      "00-12345678901234567890123456789012-1234567890123456-01\r",
      "\u00a000-12345678901234567890123456789012-1234567890123456-01",
      "", " \t "})
  void parse_refusesAnythingOutsideTheGrammar(String header) {
    assertThat(TraceParent.parse(header)).isEmpty();
  }

  @Test
  void parse_readsAbsentAsInvalid() {
    assertThat(TraceParent.parse(null)).isEmpty();
  }

  @Test
  void parse_keepsTheWholeFlagsByteOfVersion00_andTheFlagsItKnowsOfAHigherVersion() {
    TraceParent v00 = TraceParent.parse("00-" + TRACE_ID + "-" + PARENT_ID + "-ff").orElseThrow();
    TraceParent vcc = TraceParent.parse("cc-" + TRACE_ID + "-" + PARENT_ID + "-ff-more-fields").orElseThrow();

    assertThat(v00.flags()).isEqualTo((byte) 0xff);
    assertThat(v00.header()).endsWith("-ff");
    assertThat(vcc.version()).isEqualTo((byte) 0xcc);
    assertThat(vcc.flags()).isEqualTo((byte) 0x03);
    assertThat(vcc.header()).isEqualTo("00-" + TRACE_ID + "-" + PARENT_ID + "-03");
    assertThat(vcc.sampled()).isTrue();
    assertThat(vcc.randomTraceId()).isTrue();
  }

  @Test
  void parse_readsSampledAsOneBitOfTheFlags() {
    assertThat(TraceParent.parse(VALID).orElseThrow().sampled()).isTrue();
    assertThat(TraceParent.parse("00-" + TRACE_ID + "-" + PARENT_ID + "-03").orElseThrow().sampled()).isTrue();
    assertThat(TraceParent.parse("00-" + TRACE_ID + "-" + PARENT_ID + "-02").orElseThrow().sampled()).isFalse();
    assertThat(TraceParent.parse("00-" + TRACE_ID + "-" + PARENT_ID + "-00").orElseThrow().sampled()).isFalse();
  }

  @Test
  void of_checksTheIds() {
    assertThat(TraceParent.of(TRACE_ID, PARENT_ID, (byte) 1).header()).isEqualTo(VALID);
    assertThatThrownBy(() -> TraceParent.of("0".repeat(32), PARENT_ID, (byte) 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TraceParent.of(TRACE_ID, "0".repeat(16), (byte) 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TraceParent.of(TRACE_ID.toUpperCase(java.util.Locale.ROOT).replace('1', 'A'),
        PARENT_ID, (byte) 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TraceParent.of(TRACE_ID + "0", PARENT_ID, (byte) 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newRoot_producesValidDistinctIds_reproduciblyFromASeededGenerator() {
    RandomGenerator random = new SplittableRandom(42);
    Set<String> traceIds = new HashSet<>();
    Set<String> parentIds = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      TraceParent root = TraceParent.newRoot(random, i % 2 == 0);
      assertThat(TraceParent.parse(root.header())).contains(root);
      assertThat(root.header()).matches(CANONICAL);
      assertThat(root.sampled()).isEqualTo(i % 2 == 0);
      assertThat(root.randomTraceId()).isTrue();
      traceIds.add(root.traceId());
      parentIds.add(root.parentId());
    }

    assertThat(traceIds).hasSize(1_000);
    assertThat(parentIds).hasSize(1_000);
    assertThat(TraceParent.newRoot(new SplittableRandom(7), true))
        .isEqualTo(TraceParent.newRoot(new SplittableRandom(7), true));
  }

  @Test
  void random_startsAnUnsampledTrace() {
    TraceParent root = TraceParent.random(new SplittableRandom(1));

    assertThat(root.sampled()).isFalse();
    assertThat(root.flags()).isEqualTo(TraceParent.FLAG_RANDOM_TRACE_ID);
  }

  @Test
  void child_keepsTraceIdAndFlags_andDrawsANewParentId() {
    RandomGenerator random = new SplittableRandom(3);
    TraceParent parent = TraceParent.parse("00-" + TRACE_ID + "-" + PARENT_ID + "-05").orElseThrow();
    Set<String> parentIds = new HashSet<>(Set.of(PARENT_ID));
    for (int i = 0; i < 100; i++) {
      TraceParent child = parent.child(random);
      assertThat(child.traceId()).isEqualTo(TRACE_ID);
      assertThat(child.flags()).isEqualTo((byte) 0x05);
      assertThat(TraceParent.parse(child.header())).contains(child);
      parentIds.add(child.parentId());
    }

    assertThat(parentIds).hasSize(101);
  }

  @Test
  void child_downgradesAHigherVersion_andMayChangeSampledWithTheParentId() {
    TraceParent received = TraceParent.parse("cc-" + TRACE_ID + "-" + PARENT_ID + "-01-x").orElseThrow();
    RandomGenerator random = new SplittableRandom(5);

    TraceParent unsampled = received.child(random, false);
    TraceParent sampled = unsampled.child(random, true);

    assertThat(received.child(random).version()).isZero();
    assertThat(unsampled.sampled()).isFalse();
    assertThat(unsampled.parentId()).isNotEqualTo(PARENT_ID);
    assertThat(sampled.sampled()).isTrue();
    assertThat(sampled.parentId()).isNotEqualTo(unsampled.parentId());
    assertThat(sampled.traceId()).isEqualTo(TRACE_ID);
  }

  @Test
  void allZeroIds_areNeverProduced_evenWhenTheGeneratorDrawsZeros() {
    AtomicInteger calls = new AtomicInteger();
    // zeros for the first three draws, then 1, 2, 3...
    RandomGenerator zerosFirst = () -> Math.max(0, calls.incrementAndGet() - 3);

    TraceParent root = TraceParent.newRoot(zerosFirst, false);

    assertThat(root.traceId()).isEqualTo("0000000000000000" + "0000000000000001");
    assertThat(root.parentId()).isEqualTo("0000000000000002");
    assertThat(TraceParent.isValidTraceId(root.traceId())).isTrue();
  }

  @Test
  void child_neverRepeatsTheParentId_evenWhenTheGeneratorDrawsIt() {
    TraceParent parent = TraceParent.of(TRACE_ID, "0000000000000007", (byte) 0);
    long[] draws = {0, 7, 7, 8};
    AtomicInteger next = new AtomicInteger();

    TraceParent child = parent.child(() -> draws[next.getAndIncrement()]);

    assertThat(child.parentId()).isEqualTo("0000000000000008");
  }

  @Test
  void aGeneratorThatOnlyDrawsZeros_isRefused_ratherThanLoopingForever() {
    assertThatThrownBy(() -> TraceParent.newRoot(() -> 0L, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TraceParent.of(TRACE_ID, PARENT_ID, (byte) 0).child(() -> 0L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equality_coversVersionIdsAndFlags() {
    TraceParent a = TraceParent.parse(VALID).orElseThrow();

    assertThat(a).isEqualTo(TraceParent.of(TRACE_ID, PARENT_ID, (byte) 1)).hasSameHashCodeAs(
        TraceParent.of(TRACE_ID, PARENT_ID, (byte) 1));
    assertThat(a).isNotEqualTo(TraceParent.of(TRACE_ID, PARENT_ID, (byte) 0));
    assertThat(a).isNotEqualTo(TraceParent.parse("cc" + VALID.substring(2)).orElseThrow());
    assertThat(a.toString()).isEqualTo(VALID);
  }
}
