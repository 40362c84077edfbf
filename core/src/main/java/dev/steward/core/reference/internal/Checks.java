package dev.steward.core.reference.internal;

import dev.steward.core.internal.ConfigText;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.Period;
import dev.steward.model.RateCard;
import dev.steward.model.RateCardEntry;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks shared by the reference value types and the file reader, so that a value the
 * reader accepts is one the types accept. Each throws {@link IllegalArgumentException} (or
 * {@link NullPointerException} for a missing value) with a message naming the field and the bad
 * value. Stateless and thread-safe.
 */
public final class Checks {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

  private Checks() {}

  /** Returns {@code value} if it has a non-whitespace character and at most {@code max} chars. */
  public static String text(String value, String field, int max) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank; was '" + value + "'");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(
          field + " must have at most " + max + " characters; was '" + shorten(value) + "' (" + value.length() + ")");
    }
    return value;
  }

  /** Returns {@code country} if it is an ISO 3166-1 alpha-2 code, such as {@code DE}. */
  public static String country(String country, String field) {
    Objects.requireNonNull(country, field);
    if (!COUNTRIES.contains(country)) {
      throw new IllegalArgumentException(field + " must be an ISO 3166-1 alpha-2 country code such as DE; was '"
          + shorten(country) + "'");
    }
    return country;
  }

  /**
   * Returns {@code jurisdiction} if it is a country code or a country code, a hyphen and a
   * subdivision of one to three letters or digits, such as {@code DE} or {@code US-CA}.
   */
  public static String jurisdiction(String jurisdiction, String field) {
    Objects.requireNonNull(jurisdiction, field);
    if (!JURISDICTION.matcher(jurisdiction).matches() || !COUNTRIES.contains(jurisdiction.substring(0, 2))) {
      throw new IllegalArgumentException(field
          + " must be an ISO 3166-1 alpha-2 country code or an ISO 3166-2 subdivision code such as DE or US-CA; was '"
          + shorten(jurisdiction) + "'");
    }
    return jurisdiction;
  }

  /** Returns the currency with ISO 4217 code {@code code}. */
  public static Currency currency(String code, String field) {
    Objects.requireNonNull(code, field);
    try {
      if (code.length() == 3) {
        return Currency.getInstance(code);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        field + " must be an ISO 4217 currency code such as EUR; '" + shorten(code) + "' is no known currency");
  }

  /** Returns {@code id} if it names an entity of type {@code type}. */
  public static CanonicalId id(CanonicalId id, EntityType type, String field) {
    Objects.requireNonNull(id, field);
    if (id.type() != type) {
      throw new IllegalArgumentException(field + " must be a " + type.prefix() + "_ id of a " + type.schemaName()
          + "; was " + id + ", a " + id.type().schemaName() + " id");
    }
    return id;
  }

  /**
   * Returns {@code rate} if it is from 0 to 100 inclusive.
   *
   * @param what names the rate in the message, such as {@code rate of tax code DE/DE-S-19}
   */
  public static BigDecimal percent(BigDecimal rate, String what) {
    Objects.requireNonNull(rate, what);
    if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException(what + " must be from 0 to 100 percent; was " + rate.toPlainString());
    }
    return rate;
  }

  /**
   * Returns what is wrong with a rate card beyond what its JSON schema checks, or null if
   * nothing is: its validity must not end before it starts, and a role may have at most one entry
   * per currency.
   */
  public static @Nullable Problem rateCardProblem(RateCard card) {
    Objects.requireNonNull(card, "rateCard");
    String id = card.meta() == null ? card.name() : String.valueOf(card.meta().id());
    Period validity = card.validity();
    if (validity != null && validity.start() != null && validity.end() != null
        && validity.end().isBefore(validity.start())) {
      return new Problem("/validity/end", "rate card " + id + " must not end before it starts; validity "
          + validity.start() + " to " + validity.end());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < card.entries().size(); i++) {
      RateCardEntry e = card.entries().get(i);
      if (e == null || e.rate() == null) {
        continue; // the schema and the binding refuse these
      }
      String key = e.role() + "\u0000" + e.rate().currency().getCurrencyCode();
      Integer first = seen.putIfAbsent(key, i);
      if (first != null) {
        return new Problem("/entries/" + i, "rate card " + id + " has two entries for role '" + e.role() + "' in "
            + e.rate().currency().getCurrencyCode() + " (entries " + first + " and " + i
            + "); expected at most one per role and currency");
      }
    }
    return null;
  }

  /**
   * What is wrong with a value, and where within it.
   *
   * @param pointer the JSON Pointer of the offending part, relative to the value
   * @param message what is wrong
   */
  public record Problem(String pointer, String message) {}

  /** Returns text cut to 60 characters and on one line, for quoting in a message. */
  public static String shorten(String text) {
    return ConfigText.shorten(text);
  }
}
