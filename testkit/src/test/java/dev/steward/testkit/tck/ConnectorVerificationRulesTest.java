package dev.steward.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Checks the shape of the kit itself: how rules are named, and that each is shown to fail. */
class ConnectorVerificationRulesTest {
  private static final String RULE = "(required|optional)_(spec[1-7][0-9]{2}|validate)_[a-z][A-Za-z0-9]+";

  @Test
  void everyRule_isAPublicTestNamedByItsNumber() {
    List<Method> rules = rules();
    assertThat(rules).hasSizeGreaterThan(30);
    Set<String> numbers = new HashSet<>();
    for (Method m : rules) {
      assertThat(m.getName()).as("rule name").matches(RULE);
      assertThat(Modifier.isPublic(m.getModifiers())).as("%s is public", m.getName()).isTrue();
      assertThat(numbers.add(m.getName().split("_")[1])).as("number of %s is used once", m.getName()).isTrue();
    }
  }

  @Test
  void everyRule_isShownToFailAgainstABrokenConnector() {
    Set<String> shown = new TreeSet<>();
    for (Method m : ConnectorVerificationTest.class.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Test.class)) {
        assertThat(m.getName()).as("test of the kit").contains("_shouldFailBy_");
        shown.add(m.getName().substring(0, m.getName().indexOf("_shouldFailBy_")));
      }
    }
    List<String> names = new ArrayList<>();
    for (Method m : rules()) {
      names.add(m.getName());
    }
    assertThat(shown).as("rules with a _shouldFailBy_ test").containsExactlyInAnyOrderElementsOf(new TreeSet<>(names));
  }

  private static List<Method> rules() {
    List<Method> rules = new ArrayList<>();
    for (Method m : ConnectorVerification.class.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Test.class)) {
        rules.add(m);
      }
    }
    return rules;
  }
}
