package dev.steward.core.validation;

import dev.steward.model.EntityType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * When a stage applies: by entity type, legal entity, country, region or service line, and
 * combinations of these. European billing transactions, for example, take the VAT-number stage
 * with {@code Route.region("EU")}; North American ones another with {@code Route.region("NA")}.
 *
 * <p>Routes on the legal entity, its country or region read the reference data; when it does not
 * answer, the pipeline reports {@link ReasonCodes#REFERENCE_DATA_UNAVAILABLE} for the stage
 * instead of guessing. Immutable and thread-safe.
 */
public final class Route {
  private static final Route ALWAYS = new Route("always", c -> true);

  private final String description;
  private final Predicate<ValidationContext> test;

  private Route(String description, Predicate<ValidationContext> test) {
    this.description = description;
    this.test = test;
  }

  /** Returns the route every record takes. */
  public static Route always() {
    return ALWAYS;
  }

  /** Returns a route described by {@code description} that holds when {@code test} does. */
  public static Route of(String description, Predicate<ValidationContext> test) {
    return new Route(Objects.requireNonNull(description, "description"), Objects.requireNonNull(test, "test"));
  }

  /** Holds for records of the given entity types. */
  public static Route entityType(EntityType first, EntityType... more) {
    Set<EntityType> types = EnumSet.of(first, more);
    return new Route("entity type in " + types, c -> types.contains(c.entityType()));
  }

  /** Holds for records whose legal entity has one of the given codes. */
  public static Route legalEntity(String... codes) {
    Set<String> set = values("legal entity code", codes);
    return new Route("legal entity in " + new TreeSet<>(set), c -> c.legalEntity().map(le -> set.contains(le.code())).orElse(false));
  }

  /** Holds for records whose legal entity is in one of the given countries (ISO 3166 alpha-2). */
  public static Route country(String... countries) {
    Set<String> set = values("country", countries);
    return new Route("country in " + new TreeSet<>(set), c -> c.country().map(set::contains).orElse(false));
  }

  /** Holds for records whose legal entity is in one of the given regions, such as {@code EU}. */
  public static Route region(String... regions) {
    Set<String> set = values("region", regions);
    return new Route("region in " + new TreeSet<>(set), c -> c.region().map(set::contains).orElse(false));
  }

  /** Holds for records with a line in one of the given service lines. */
  public static Route serviceLine(String... serviceLines) {
    Set<String> set = values("service line", serviceLines);
    return new Route("service line in " + new TreeSet<>(set), c -> c.serviceLines().stream().anyMatch(set::contains));
  }

  /** Holds when this route and {@code other} both hold. */
  public Route and(Route other) {
    Objects.requireNonNull(other, "other");
    return new Route("(" + description + " and " + other.description + ")", c -> test.test(c) && other.test.test(c));
  }

  /** Holds when this route or {@code other} holds. */
  public Route or(Route other) {
    Objects.requireNonNull(other, "other");
    return new Route("(" + description + " or " + other.description + ")", c -> test.test(c) || other.test.test(c));
  }

  /** Holds when this route does not. */
  public Route negate() {
    return new Route("not " + description, c -> !test.test(c));
  }

  /** Returns whether the route holds for the record in {@code context}. */
  public boolean test(ValidationContext context) {
    return test.test(context);
  }

  /** Returns the route in words. */
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return "Route[" + description + "]";
  }

  private static Set<String> values(String what, String... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a route by " + what + " needs at least one " + what);
    }
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("a route by " + what + " got a blank " + what + ": " + Arrays.toString(values));
      }
    }
    return Set.of(values);
  }
}
