package dev.steward.model;

import static dev.steward.model.ModelTestSupport.pointers;
import static dev.steward.model.ModelTestSupport.resource;
import static dev.steward.model.ModelTestSupport.validator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A period's end must not lie before its start. JSON Schema cannot compare two dates, so bean
 * validation is the only guard, and it reports the violation at {@code end}, the attribute a
 * person would correct, wherever the period sits.
 */
class PeriodTest {
  private static final LocalDate START = LocalDate.of(2027, 1, 11);

  private final CanonicalJson json = CanonicalJson.ofDefaults();

  @Test
  void validate_endBeforeStart_isReportedAtEnd() {
    Period reversed = new Period(START, START.minusDays(1));

    assertThat(pointers(validator().validate(reversed))).containsExactly("/end");
  }

  @Test
  void validate_endOnStart_isASingleDay() {
    Period oneDay = new Period(START, START);

    assertThat(validator().validate(oneDay)).isEmpty();
    assertThat(oneDay.contains(START)).isTrue();
    assertThat(oneDay.contains(START.plusDays(1))).isFalse();
  }

  @Test
  void validate_endAfterStart_isValid() {
    assertThat(validator().validate(new Period(START, START.plusYears(1)))).isEmpty();
  }

  @Test
  void validate_contractWithReversedTerm_isReportedAtTermEnd() {
    ObjectNode tree = (ObjectNode) json.readTree(resource("samples/v1/contract.json"));
    Contract valid = json.fromTree(tree, Contract.class);
    assertThat(validator().validate(valid)).as("the contract sample is valid as it stands").isEmpty();

    ((ObjectNode) tree.get("term")).put("end", valid.term().start().minusDays(1).toString());
    Contract reversed = json.fromTree(tree, Contract.class);

    assertThat(reversed.term().end()).isBefore(reversed.term().start());
    List<String> pointers = pointers(validator().validate(reversed));
    assertThat(pointers).containsExactly("/term/end");
  }
}
