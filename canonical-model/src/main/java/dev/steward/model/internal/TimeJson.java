package dev.steward.model.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads dates ({@code 2026-11-02}) and instants ({@code 2026-11-02T09:15:00Z}, or with an
 * offset). The fixed-width forms canonical JSON writes are read digit by digit into {@code
 * java.time} factories, which still check the ranges; any other form goes to {@code java.time}'s
 * own ISO parsers. Anything those refuse is refused with the value named.
 */
public final class TimeJson {
  private TimeJson() {}

  /** Returns a module with the date and instant readers. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("steward-canonical-time");
    module.addDeserializer(LocalDate.class, new DateReader());
    module.addDeserializer(Instant.class, new InstantReader());
    return module;
  }

  private static String text(JsonParser p, DeserializationContext ctxt, Class<?> type, String form) {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      ctxt.reportInputMismatch(type, "expected an ISO-8601 %s string such as %s, not %s", type.getSimpleName(), form, p.currentToken());
    }
    return p.getString();
  }

  /** Returns the value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Reads {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or returns null for any other form. */
  private static @Nullable Instant utc(String t) {
    int n = t.length();
    if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
        || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (t.charAt(19) != '.' || n == 21) {
        return null;
      }
      int fraction = digits(t, 20, n - 21);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * POWERS[9 - (n - 21)];
    }
    int y = digits(t, 0, 4);
    int mo = digits(t, 5, 2);
    int d = digits(t, 8, 2);
    int h = digits(t, 11, 2);
    int mi = digits(t, 14, 2);
    int s = digits(t, 17, 2);
    if ((y | mo | d | h | mi | s) < 0) {
      return null;
    }
    return LocalDateTime.of(y, mo, d, h, mi, s, nanos).toInstant(ZoneOffset.UTC);
  }

  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

  static final class DateReader extends ValueDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String text = text(p, ctxt, LocalDate.class, "2026-11-02");
      try {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
          int y = digits(text, 0, 4);
          int m = digits(text, 5, 2);
          int d = digits(text, 8, 2);
          if (y >= 0 && m >= 0 && d >= 0) {
            return LocalDate.of(y, m, d);
          }
        }
        return LocalDate.parse(text);
      } catch (DateTimeException e) {
        return ctxt.reportInputMismatch(LocalDate.class, "'%s' is not an ISO-8601 date such as 2026-11-02", text);
      }
    }
  }

  static final class InstantReader extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String text = text(p, ctxt, Instant.class, "2026-11-02T09:15:00Z");
      try {
        Instant fast = utc(text);
        if (fast != null) {
          return fast;
        }
        // One strict parser for every other spelling, so acceptance never depends on the letter
        // case of 'T' or 'Z' (Instant.parse admits hour 24 and leap seconds in some spellings).
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeException e) {
        return ctxt.reportInputMismatch(
            Instant.class, "'%s' is not an ISO-8601 instant such as 2026-11-02T09:15:00Z", text);
      }
    }
  }
}
