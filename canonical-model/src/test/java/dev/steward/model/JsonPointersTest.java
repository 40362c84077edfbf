package dev.steward.model;

import static dev.steward.model.ModelTestSupport.validator;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPointersTest {
  record Line(@Positive int quantity, @Valid Line child) {}

  record Document(
      @NotBlank String name,
      List<@Valid Line> lines,
      List<@NotNull String> notes,
      Map<@Pattern(regexp = "[a-z]+") String, @NotNull String> tags,
      Map<String, @Valid Line> linesByCode) {}

  @Test
  void of_property_isItsName() {
    assertThat(pointers(new Document(" ", List.of(), List.of(), Map.of(), Map.of()))).containsExactly("/name");
  }

  @Test
  void of_propertyOfAListElement_includesTheIndex() {
    Document doc = new Document("x", List.of(new Line(1, null), new Line(0, null)), List.of(), Map.of(), Map.of());

    assertThat(pointers(doc)).containsExactly("/lines/1/quantity");
  }

  @Test
  void of_nestedElements_nestTheirPointers() {
    Document doc = new Document("x", List.of(new Line(1, new Line(-1, null))), List.of(), Map.of(), Map.of());

    assertThat(pointers(doc)).containsExactly("/lines/0/child/quantity");
  }

  @Test
  void of_nullListElement_isTheElementsIndex() {
    List<String> notes = new java.util.ArrayList<>();
    notes.add("a");
    notes.add(null);

    assertThat(pointers(new Document("x", List.of(), notes, Map.of(), Map.of()))).containsExactly("/notes/1");
  }

  @Test
  void of_mapKeyAndValue_areNamedByTheKey_escaped() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("a/b~c", "v");
    tags.put("ok", null);

    assertThat(pointers(new Document("x", List.of(), List.of(), tags, Map.of())))
        .containsExactlyInAnyOrder("/tags/a~1b~0c", "/tags/ok");
  }

  @Test
  void of_propertyOfAMapValue_includesTheKey() {
    Document doc = new Document("x", List.of(), List.of(), Map.of(), Map.of("T&M", new Line(0, null)));

    assertThat(pointers(doc)).containsExactly("/linesByCode/T&M/quantity");
  }

  @ParameterizedTest
  @CsvSource({"plain, plain", "a/b, a~1b", "a~b, a~0b", "~1, ~01", "/~, ~1~0", "'', ''"})
  void escape_encodesTildeThenSlash(String token, String escaped) {
    assertThat(JsonPointers.escape(token)).isEqualTo(escaped);
  }

  private static Set<String> pointers(Object bean) {
    Set<ConstraintViolation<Object>> violations = validator().validate(bean);
    return violations.stream().map(v -> JsonPointers.of(v.getPropertyPath())).collect(Collectors.toSet());
  }
}
