package dev.steward.testkit.mapping;

import dev.steward.model.Address;
import dev.steward.model.Period;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.VendorReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Small conversions the sample mappers share. */
final class Samples {
  /** Business Central's "no reference" GUID. */
  static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

  private Samples() {}

  /** Reads {@code /object} (Stripe's type tag), checks it and consumes it. */
  static void requireObjectType(VendorReader r, String expected) {
    String type = r.requireText("/object");
    if (!type.equals(expected)) {
      throw new MappingException(MappingException.Reason.INVALID_VALUE, r.context().systemId(), "/object",
          "expected a Stripe " + expected + " object, found '" + type + "'");
    }
  }

  /**
   * The ISO-8601 instant at {@code pointer}, without consuming it: for a modification time the
   * vendor sets itself, which a mapper reads into {@code meta.updatedAt} and never writes.
   */
  static Optional<Instant> peekInstant(VendorReader r, String pointer) {
    return r.peek(pointer).filter(JsonNode::isString).flatMap(n -> {
      try {
        return Optional.of(OffsetDateTime.parse(n.stringValue()).toInstant());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * The Unix time in seconds at {@code pointer}, without consuming it: for a time Stripe sets
   * itself, which a mapper derives a date from and never writes back.
   */
  static Optional<Instant> peekEpochSeconds(VendorReader r, String pointer) {
    return r.peek(pointer).filter(JsonNode::isIntegralNumber).map(n -> Instant.ofEpochSecond(n.longValue()));
  }

  /**
   * The UTC days a period of Unix times at {@code start} and {@code end} covers (see {@link
   * #lastDay}), without consuming them; empty unless both are set.
   */
  static Optional<Period> peekPeriod(VendorReader r, String start, String end) {
    Optional<Instant> from = peekEpochSeconds(r, start);
    Optional<Instant> to = peekEpochSeconds(r, end);
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Period(utcDate(from.get()), lastDay(from.get(), to.get())));
  }

  /** The UTC calendar day of {@code instant}. */
  static LocalDate utcDate(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * The last day a period from {@code start} to {@code end} covers: the day of the second before
   * {@code end}, since vendors give the instant the period ends; never before the first day.
   */
  static LocalDate lastDay(Instant start, Instant end) {
    LocalDate first = utcDate(start);
    LocalDate last = utcDate(end.minusSeconds(1));
    return last.isBefore(first) ? first : last;
  }

  /** {@code null} for null or empty text, as Business Central writes "no value". */
  static @Nullable String emptyToNull(@Nullable String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** The empty string for null, as Business Central expects "no value". */
  static String nullToEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  /** The ISO 3166 alpha-2 code whose English name is exactly {@code name}, such as US for "United States". */
  static Optional<String> countryCodeOf(String name) {
    for (String code : Locale.getISOCountries()) {
      if (new Locale("", code).getDisplayCountry(Locale.ENGLISH).equals(name)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  /** The English name of an ISO 3166 alpha-2 code. */
  static String countryName(String code) {
    return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
  }

  /** The second street line and beyond, joined for a vendor with two street fields. */
  static @Nullable String restOfLines(Address address) {
    return address.lines().size() < 2 ? null : String.join(", ", address.lines().subList(1, address.lines().size()));
  }
}
