package dev.steward.core.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.correlation.ConformanceVectors.HeaderRow;
import dev.steward.core.correlation.ConformanceVectors.Kind;
import dev.steward.core.correlation.TraceState.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tracestate} is inherited or discarded exactly as the W3C conformance harness expects,
 * and mutated as the specification says: updated keys move to the front, at most 32 members.
 */
class TraceStateTest {
  static Stream<HeaderRow> tracestateRows() {
    return ConformanceVectors.headerRows(Kind.TRACESTATE);
  }

  @Test
  void conformanceCsv_holdsTheDocumentedTracestateRows() {
    List<HeaderRow> rows = tracestateRows().toList();

    assertThat(rows).hasSize(33);
    assertThat(rows).filteredOn(HeaderRow::expectedValid).hasSize(26);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tracestateRows")
  void parse_inheritsOrDiscardsEachRowAsTheHarnessDoes(HeaderRow row) {
    List<String> fields = row.tracestateFields();

    TraceState state = TraceState.parse(fields);

    if (row.expectedValid()) {
      Map<String, String> sent = firstValues(fields);
      assertThat(state.size()).as(row.toString()).isEqualTo(sent.size());
      sent.forEach((key, value) -> assertThat(state.get(key)).as(row + " key " + key).contains(value));
      assertThat(TraceState.parse(state.header())).isEqualTo(state);
    } else {
      assertThat(state.isEmpty()).as(row.toString()).isTrue();
      assertThat(state.header()).isEmpty();
    }
  }

  @Test
  void parse_combinesFieldsInOrder_ignoringEmptyMembersAndOws() {
    TraceState state = TraceState.parse("foo=1,bar=2", "", " , \t,", "rojo=1 ,\tcongo=2", "baz=3,");

    assertThat(state.header()).isEqualTo("foo=1,bar=2,rojo=1,congo=2,baz=3");
    assertThat(TraceState.parse()).isEqualTo(TraceState.empty());
    assertThat(TraceState.parse("")).isEqualTo(TraceState.empty());
  }

  @Test
  void parse_keepsLeadingSpacesOfAValue_butNotTrailingOws() {
    TraceState state = TraceState.parse("foo=  a b \t");

    assertThat(state.get("foo")).contains("  a b");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"foo", "=1", "foo=", "foo= ", "foo=a\tb", "foo=\u00e9", "foo=a\u007fb", "Foo=1",
      "foo\t=1", "foo=1,bar", "-foo=1", "_foo=1", "*foo=1", "/foo=1", "foo=1,,bar=a,b=c=d"})
  void parse_discardsTheWholeHeaderForOneInvalidMember(String field) {
    assertThat(TraceState.parse("congo=ok", field)).isEqualTo(TraceState.empty());
  }

  @Test
  void parse_keepsTheFirstOfDuplicatedKeys() {
    assertThat(TraceState.parse("foo=1,bar=2,foo=3").header()).isEqualTo("foo=1,bar=2");
    assertThat(TraceState.parse("foo=1", "foo=2").header()).isEqualTo("foo=1");
  }

  @Test
  void parse_accepts32Members_andDiscards33_alsoWhenSplitOverFields() {
    List<String> members = IntStream.rangeClosed(1, 33).mapToObj(i -> "k" + i + "=" + i).toList();

    assertThat(TraceState.parse(String.join(",", members.subList(0, 32))).size()).isEqualTo(32);
    assertThat(TraceState.parse(String.join(",", members))).isEqualTo(TraceState.empty());
    assertThat(TraceState.parse(String.join(",", members.subList(0, 20)), String.join(",", members.subList(20, 33))))
        .isEqualTo(TraceState.empty());
    assertThat(TraceState.parse(String.join(",,", members.subList(0, 32)) + ", ,")).hasToString(
        String.join(",", members.subList(0, 32)));
  }

  @Test
  void keys_mayBe256CharactersLong_not257() {
    String key256 = "a".repeat(256);
    String key257 = "a".repeat(257);
    String tenantKey256 = "t".repeat(241) + "@" + "v".repeat(14);

    assertThat(TraceState.parse("foo=1", key256 + "=1").get(key256)).contains("1");
    assertThat(TraceState.parse("foo=1", tenantKey256 + "=1").get(tenantKey256)).contains("1");
    assertThat(TraceState.parse("foo=1", key257 + "=1")).isEqualTo(TraceState.empty());
    assertThat(TraceState.empty().with(key256, "v").size()).isEqualTo(1);
    assertThatThrownBy(() -> TraceState.empty().with(key257, "v")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keys_followTheGrammar() {
    assertThat(List.of("a", "0", "9lives", "foo@bar", "foo@", "foo@@bar", "a_-*/@z", "t@vvvvvvvvvvvvvvv"))
        .allMatch(TraceState::isValidKey);
    assertThat(List.of("", "@foo", "Foo", "foo.bar", "foo ", " foo", "_a", "f\u00f6o"))
        .noneMatch(TraceState::isValidKey);
  }

  @Test
  void values_are1To256PrintableAsciiCharacters_notEndingInASpace() {
    assertThat(TraceState.isValidValue("x".repeat(256))).isTrue();
    assertThat(TraceState.isValidValue("x".repeat(257))).isFalse();
    assertThat(TraceState.isValidValue(" !\"~")).isTrue();
    assertThat(List.of("", " ", "a ", "a,b", "a=b", "a\tb", "a\nb", "\u00e9")).noneMatch(TraceState::isValidValue);
    assertThat(TraceState.parse("foo=1", "bar=" + "x".repeat(257))).isEqualTo(TraceState.empty());
  }

  @Test
  void with_addsNewKeysAtTheFront_andMovesAnUpdatedKeyToTheFront() {
    TraceState state = TraceState.parse("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");

    TraceState added = state.with("acme", "1");
    TraceState updated = added.with("congo", "ucfJifl5GOE");

    assertThat(added.header()).isEqualTo("acme=1,rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
    assertThat(updated.header()).isEqualTo("congo=ucfJifl5GOE,acme=1,rojo=00f067aa0ba902b7");
    assertThat(state.header()).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
    assertThat(updated.members()).extracting(Member::key).containsExactly("congo", "acme", "rojo");
  }

  @Test
  void with_aThirtyThirdMember_dropsTheRightMost() {
    TraceState full = TraceState.parse(IntStream.rangeClosed(1, 32).mapToObj(i -> "k" + i + "=" + i)
        .collect(Collectors.joining(",")));

    TraceState added = full.with("new", "1");
    TraceState updated = full.with("k32", "x");

    assertThat(added.size()).isEqualTo(32);
    assertThat(added.members().get(0)).isEqualTo(new Member("new", "1"));
    assertThat(added.get("k32")).isEmpty();
    assertThat(added.get("k31")).contains("31");
    assertThat(updated.size()).isEqualTo(32);
    assertThat(updated.members().get(0)).isEqualTo(new Member("k32", "x"));
  }

  @Test
  void with_refusesAnInvalidKeyOrValue() {
    assertThatThrownBy(() -> TraceState.empty().with("Foo", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TraceState.empty().with("foo", "1 ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TraceState.empty().with("foo", "a,b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TraceState.empty().with("foo", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void without_removesOneKey_andKeepsTheOrderOfTheRest() {
    TraceState state = TraceState.parse("a=1,b=2,c=3");

    assertThat(state.without("b").header()).isEqualTo("a=1,c=3");
    assertThat(state.without("x")).isSameAs(state);
    assertThat(TraceState.parse("a=1").without("a")).isEqualTo(TraceState.empty());
  }

  @Test
  void truncate_removesLargeMembersFirst_thenFromTheRight() {
    String large = "big=" + "x".repeat(130);
    TraceState state = TraceState.parse("a=1,b=2," + large + ",c=3,d=4");

    assertThat(state.truncate(1_000)).isSameAs(state);
    assertThat(state.truncate(15).header()).isEqualTo("a=1,b=2,c=3,d=4");
    assertThat(state.truncate(11).header()).isEqualTo("a=1,b=2,c=3");
    assertThat(state.truncate(3).header()).isEqualTo("a=1");
    assertThat(state.truncate(2)).isEqualTo(TraceState.empty());
    assertThatThrownBy(() -> state.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyState_hasAnEmptyHeader() {
    assertThat(TraceState.empty().header()).isEmpty();
    assertThat(TraceState.empty().size()).isZero();
    assertThat(TraceState.empty().isEmpty()).isTrue();
    assertThat(TraceState.empty().get("foo")).isEmpty();
  }

  /** The members the fields hold, first value of each key, as the harness's own parser reads them. */
  static Map<String, String> firstValues(List<String> fields) {
    Map<String, String> result = new LinkedHashMap<>();
    List<String> members = new ArrayList<>();
    for (String field : fields) {
      for (String member : field.split(",", -1)) {
        members.add(member.replaceAll("^[ \t]+|[ \t]+$", ""));
      }
    }
    for (String member : members) {
      if (!member.isEmpty()) {
        int eq = member.indexOf('=');
        result.putIfAbsent(member.substring(0, eq), member.substring(eq + 1));
      }
    }
    return result;
  }
}
