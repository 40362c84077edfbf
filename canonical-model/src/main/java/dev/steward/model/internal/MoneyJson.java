package dev.steward.model.internal;

import dev.steward.model.ModelException;
import dev.steward.model.Money;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * Canonical JSON of {@link Money}, {@code {"amount":"1234.50","currency":"EUR"}}, streamed
 * directly: money is the most frequent value in billing documents, and a general creator call
 * per amount would dominate binding.
 */
public final class MoneyJson {
  private MoneyJson() {}

  /** Writes money as its amount string and currency code. */
  public static final class Writer extends ValueSerializer<Money> {
    /** Creates the writer; Jackson calls this. */
    public Writer() {}

    @Override
    public void serialize(Money value, JsonGenerator g, SerializationContext ctxt) throws JacksonException {
      g.writeStartObject(value);
      g.writeStringProperty("amount", value.amount().toPlainString());
      g.writeStringProperty("currency", value.currencyCode());
      g.writeEndObject();
    }
  }

  /** Reads money, refusing a JSON number as the amount and any property but the two. */
  public static final class Reader extends ValueDeserializer<Money> {
    /** Creates the reader; Jackson calls this. */
    public Reader() {}

    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      if (!p.isExpectedStartObjectToken()) {
        throw DatabindException.from(
            p, "money must be an object such as {\"amount\":\"1234.50\",\"currency\":\"EUR\"}, not " + describe(p.currentToken()));
      }
      @Nullable String amount = null;
      @Nullable String currency = null;
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        JsonToken token = p.nextToken();
        switch (name) {
          case "amount" -> {
            if (token != JsonToken.VALUE_STRING) {
              throw at(p, "amount",
                  "money amount must be a decimal string such as \"1234.50\", not "
                      + describe(token)
                      + " "
                      + p.getString()
                      + ": a JSON number may pass through binary floating point and lose cents");
            }
            amount = p.getString();
          }
          case "currency" -> {
            if (token != JsonToken.VALUE_STRING) {
              throw at(p, "currency", "money currency must be an ISO 4217 code string, not " + describe(token));
            }
            currency = p.getString();
          }
          default -> ctxt.handleUnknownProperty(p, this, Money.class, name);
        }
      }
      if (amount == null || currency == null) {
        throw at(p, amount == null ? "amount" : "currency",
            "money needs both amount and currency; " + (amount == null ? "amount" : "currency") + " is missing");
      }
      Currency unit;
      try {
        unit = Money.currencyOf(currency);
      } catch (ModelException e) {
        throw at(p, "currency", e.getMessage(), e);
      }
      try {
        return Money.of(amount, unit);
      } catch (ModelException e) {
        throw at(p, "amount", e.getMessage(), e);
      }
    }

    private static DatabindException at(JsonParser p, String property, String message) {
      return at(p, property, message, null);
    }

    private static DatabindException at(
        JsonParser p, String property, String message, @Nullable Throwable cause) {
      DatabindException e = DatabindException.from(p, message, cause);
      e.prependPath(new JacksonException.Reference(Money.class, property));
      return e;
    }

    private static String describe(@Nullable JsonToken token) {
      if (token == null) {
        return "nothing";
      }
      return switch (token) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
        case VALUE_STRING -> "string";
        case VALUE_TRUE, VALUE_FALSE -> "boolean";
        case VALUE_NULL -> "null";
        case START_ARRAY -> "array";
        case START_OBJECT -> "object";
        default -> token.name().toLowerCase(Locale.ROOT);
      };
    }
  }
}
