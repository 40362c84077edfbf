package dev.steward.model;

import static dev.steward.model.ModelTestSupport.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every decimal in the model is bounded to what an IEEE double holds exactly: RFC 8785 reads
 * numbers as doubles, so a fingerprint of a decimal with more than 15 significant digits is
 * refused ({@link CanonicalJsonException.Reason#NOT_CANONICALIZABLE}) rather than computed
 * ambiguously. A {@code BigDecimal} component therefore carries {@code @Digits} with integer and
 * fraction digits adding up to at most 15, and a value at that bound must fingerprint.
 *
 * <p>If this fails, check: a new {@code BigDecimal} component without {@code @Digits}, or
 * {@code @Digits} widened past 15 digits; money belongs in {@link Money}, whose amount is a string.
 */
class DecimalPrecisionTest {
  /** Significant decimal digits every IEEE double holds exactly (DBL_DIG). */
  static final int DOUBLE_DIGITS = 15;

  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  /**
   * A {@code BigDecimal} component (or the elements of a list component) of a record, where it
   * was first reached from an entity, and its {@code @Digits}, if any.
   */
  record DecimalComponent(String name, Field field, @Nullable Digits digits, String firstReachedAt) {
    @Override
    public String toString() {
      return name + " (" + firstReachedAt + ")";
    }
  }

  @Test
  void everyDecimal_carriesDigits_ofAtMostFifteenSignificantDigits() {
    List<DecimalComponent> decimals = decimalComponents().toList();
    List<String> problems = new ArrayList<>();

    for (DecimalComponent d : decimals) {
      Digits digits = d.digits();
      if (digits == null) {
        problems.add(d + ": no @Digits; RFC 8785 fingerprints need at most " + DOUBLE_DIGITS + " significant digits");
      } else if (digits.integer() + digits.fraction() > DOUBLE_DIGITS) {
        problems.add(
            d + ": @Digits(integer = " + digits.integer() + ", fraction = " + digits.fraction() + ") allows "
                + (digits.integer() + digits.fraction()) + " significant digits, more than the " + DOUBLE_DIGITS
                + " a double holds exactly");
      }
    }

    assertThat(decimals).as("decimal components found in the model").isNotEmpty();
    assertThat(problems).as("decimal components beyond what RFC 8785 can fingerprint").isEmpty();
  }

  static Stream<Arguments> boundValues() {
    List<Arguments> out = new ArrayList<>();
    for (DecimalComponent d : decimalComponents().toList()) {
      Digits digits = d.digits();
      if (digits == null) {
        continue; // reported by everyDecimal_carriesDigits_ofAtMostFifteenSignificantDigits
      }
      boolean negative = allowsNegative(d.field());
      for (BigDecimal v : bounds(digits.integer(), digits.fraction())) {
        out.add(Arguments.of(d, v));
        if (negative) {
          out.add(Arguments.of(d, v.negate()));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("boundValues")
  void valueAtTheDigitsBound_fingerprints_andRoundTrips(DecimalComponent d, BigDecimal value) {
    String name = d.field().getName();
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put(name, value);

    Throwable refused = catchThrowable(() -> JSON.fingerprint(tree));

    assertThat(digitsViolations(d, value)).as("@Digits admits %s = %s", d, value.toPlainString()).isEmpty();
    assertThat(refused).as("fingerprint of %s = %s", d, value.toPlainString()).isNull();
    JsonNode back = JSON.readTree(JSON.canonicalBytes(tree)).get(name);
    assertThat(back.decimalValue()).as("%s after RFC 8785 canonicalization", d).isEqualByComparingTo(value);
    assertThat(JSON.fingerprint(JSON.readTree(JSON.canonicalBytes(tree)))).isEqualTo(JSON.fingerprint(tree));
  }

  private static List<String> digitsViolations(DecimalComponent d, BigDecimal value) {
    Object checked = d.name().endsWith("[*]") ? List.of(value) : value;
    return validator().validateValue(d.field().getDeclaringClass(), d.field().getName(), checked).stream()
        .filter(v -> v.getConstraintDescriptor().getAnnotation() instanceof Digits)
        .map(v -> JsonPointers.of(v.getPropertyPath()) + ": " + v.getMessage())
        .toList();
  }

  /** All nines at the bound, and the widest spread of digits: 1 followed by zeros and a final 1. */
  private static List<BigDecimal> bounds(int integer, int fraction) {
    List<BigDecimal> values = new ArrayList<>();
    values.add(new BigDecimal("9".repeat(integer) + (fraction > 0 ? "." + "9".repeat(fraction) : "")));
    int digits = integer + fraction;
    if (digits > 1) {
      values.add(new BigDecimal(new BigInteger("1" + "0".repeat(digits - 2) + "1"), fraction));
    }
    return values;
  }

  private static boolean allowsNegative(Field f) {
    if (f.isAnnotationPresent(Positive.class) || f.isAnnotationPresent(PositiveOrZero.class)) {
      return false;
    }
    DecimalMin decimalMin = f.getAnnotation(DecimalMin.class);
    if (decimalMin != null && new BigDecimal(decimalMin.value()).signum() >= 0) {
      return false;
    }
    Min min = f.getAnnotation(Min.class);
    return min == null || min.value() < 0;
  }

  /** Every distinct {@code BigDecimal} component reachable from an entity, in walk order. */
  static Stream<DecimalComponent> decimalComponents() {
    Map<String, DecimalComponent> found = new LinkedHashMap<>();
    for (EntityType type : EntityType.values()) {
      walk(type.recordType(), type + " ", new HashSet<>(), found);
    }
    return found.values().stream();
  }

  private static void walk(Class<?> type, String path, Set<Class<?>> seen, Map<String, DecimalComponent> found) {
    if (!seen.add(type)) {
      return;
    }
    if (type.isInterface() && type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        walk(sub, path + "[" + sub.getSimpleName() + "]", seen, found);
      }
      return;
    }
    if (!type.isRecord()) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String at = path + "/" + c.getName();
      String name = type.getSimpleName() + "." + c.getName();
      Field field = field(c);
      if (c.getType() == BigDecimal.class) {
        found.putIfAbsent(name, new DecimalComponent(name, field, field.getAnnotation(Digits.class), at));
      } else if (c.getAnnotatedType() instanceof AnnotatedParameterizedType container) {
        for (AnnotatedType arg : container.getAnnotatedActualTypeArguments()) {
          if (arg.getType() == BigDecimal.class) {
            // A constraint on a list's elements sits on the type argument, not on the field.
            found.putIfAbsent(name + "[*]", new DecimalComponent(name + "[*]", field, arg.getAnnotation(Digits.class), at + "/*"));
          } else if (arg.getType() instanceof Class<?> element) {
            walk(element, at + "/*", seen, found);
          }
        }
      } else {
        walk(c.getType(), at, seen, found);
      }
    }
  }

  private static Field field(RecordComponent c) {
    try {
      return c.getDeclaringRecord().getDeclaredField(c.getName());
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }
}
