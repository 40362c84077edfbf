package dev.steward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonLimitsTest {

  @Test
  void defaults_areThePublishedConstants() {
    JsonLimits limits = JsonLimits.defaults();

    assertThat(limits.maxDocumentLength()).isEqualTo(JsonLimits.DEFAULT_MAX_DOCUMENT_LENGTH).isEqualTo(8L * 1024 * 1024);
    assertThat(limits.maxNestingDepth()).isEqualTo(JsonLimits.DEFAULT_MAX_NESTING_DEPTH).isEqualTo(64);
    assertThat(limits.maxStringLength()).isEqualTo(JsonLimits.DEFAULT_MAX_STRING_LENGTH).isEqualTo(1024 * 1024);
    assertThat(limits.maxNumberLength()).isEqualTo(JsonLimits.DEFAULT_MAX_NUMBER_LENGTH).isEqualTo(100);
    assertThat(limits.maxNameLength()).isEqualTo(JsonLimits.DEFAULT_MAX_NAME_LENGTH).isEqualTo(256);
    assertThat(JsonLimits.builder().build()).isEqualTo(limits).hasSameHashCodeAs(limits);
  }

  @Test
  void builder_setsEachLimit() {
    JsonLimits limits =
        JsonLimits.builder()
            .maxDocumentLength(1)
            .maxNestingDepth(2)
            .maxStringLength(3)
            .maxNumberLength(4)
            .maxNameLength(5)
            .build();

    assertThat(limits.maxDocumentLength()).isEqualTo(1);
    assertThat(limits.maxNestingDepth()).isEqualTo(2);
    assertThat(limits.maxStringLength()).isEqualTo(3);
    assertThat(limits.maxNumberLength()).isEqualTo(4);
    assertThat(limits.maxNameLength()).isEqualTo(5);
    assertThat(limits).hasToString(
        "JsonLimits{maxDocumentLength=1, maxNestingDepth=2, maxStringLength=3, maxNumberLength=4, maxNameLength=5}");
  }

  @Test
  void builder_acceptsLargeValues() {
    JsonLimits limits =
        JsonLimits.builder().maxDocumentLength(Long.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build();

    assertThat(limits.maxDocumentLength()).isEqualTo(Long.MAX_VALUE);
    assertThat(limits.maxStringLength()).isEqualTo(Integer.MAX_VALUE);
  }

  static Stream<Arguments> setters() {
    return Stream.of(
        Arguments.of("maxDocumentLength", (BiConsumer<JsonLimits.Builder, Integer>) JsonLimits.Builder::maxDocumentLength),
        Arguments.of("maxNestingDepth", (BiConsumer<JsonLimits.Builder, Integer>) JsonLimits.Builder::maxNestingDepth),
        Arguments.of("maxStringLength", (BiConsumer<JsonLimits.Builder, Integer>) JsonLimits.Builder::maxStringLength),
        Arguments.of("maxNumberLength", (BiConsumer<JsonLimits.Builder, Integer>) JsonLimits.Builder::maxNumberLength),
        Arguments.of("maxNameLength", (BiConsumer<JsonLimits.Builder, Integer>) JsonLimits.Builder::maxNameLength));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setters")
  void builder_zeroOrNegative_isRefusedNamingTheParameter(String name, BiConsumer<JsonLimits.Builder, Integer> setter) {
    for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> setter.accept(JsonLimits.builder(), bad))
          .withMessageContaining(name)
          .withMessageContaining(Integer.toString(bad));
    }
  }

  @Test
  void builder_negativeLongDocumentLength_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonLimits.builder().maxDocumentLength(Long.MIN_VALUE))
        .withMessageContaining("maxDocumentLength")
        .withMessageContaining(Long.toString(Long.MIN_VALUE));
  }

  @Test
  void toBuilder_startsFromTheseLimits_andLeavesThemUnchanged() {
    JsonLimits original = JsonLimits.builder().maxNestingDepth(10).maxNameLength(20).build();

    JsonLimits derived = original.toBuilder().maxStringLength(30).build();

    assertThat(derived.maxNestingDepth()).isEqualTo(10);
    assertThat(derived.maxNameLength()).isEqualTo(20);
    assertThat(derived.maxStringLength()).isEqualTo(30);
    assertThat(original.maxStringLength()).isEqualTo(JsonLimits.DEFAULT_MAX_STRING_LENGTH);
    assertThat(original.toBuilder().build()).isEqualTo(original);
  }

  @Test
  void equals_comparesEveryLimit() {
    JsonLimits base = JsonLimits.defaults();

    assertThat(base.toBuilder().maxDocumentLength(1).build()).isNotEqualTo(base);
    assertThat(base.toBuilder().maxNestingDepth(1).build()).isNotEqualTo(base);
    assertThat(base.toBuilder().maxStringLength(1).build()).isNotEqualTo(base);
    assertThat(base.toBuilder().maxNumberLength(1).build()).isNotEqualTo(base);
    assertThat(base.toBuilder().maxNameLength(1).build()).isNotEqualTo(base);
    assertThat(base).isNotEqualTo(null).isNotEqualTo("limits");
  }

  @Test
  void builder_settingALimitTwice_isAnError_butToBuilderMayOverrideOnce() {
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> JsonLimits.builder().maxNestingDepth(10).maxNestingDepth(20))
        .withMessageContaining("maxNestingDepth");

    JsonLimits raised = JsonLimits.builder().maxNestingDepth(10).build().toBuilder().maxNestingDepth(20).build();

    assertThat(raised.maxNestingDepth()).isEqualTo(20);
  }

  @Test
  void limitMessages_nameTheSteward_setting_notJacksonInternals() {
    String deep = "[".repeat(100) + "]".repeat(100);

    CanonicalJsonException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CanonicalJsonException.class, () -> CanonicalJson.ofDefaults().readTree(deep));

    assertThat(e.getMessage()).contains("JsonLimits.maxNestingDepth").doesNotContain("StreamReadConstraints");
  }

  @Test
  void writing_deeperThanTheNestingLimit_isRefusedAtTheSameLimit() {
    JsonLimits shallow = JsonLimits.builder().maxNestingDepth(3).build();
    java.util.List<Object> nested = java.util.List.of(java.util.List.of(java.util.List.of(java.util.List.of(1))));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CanonicalJson.withLimits(shallow).write(nested))
        .isInstanceOf(CanonicalJsonException.class);
  }
}
