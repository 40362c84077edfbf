package dev.steward.model;

import static org.instancio.Select.all;
import static org.instancio.Select.field;
import static org.instancio.Select.fields;

import dev.steward.model.constraint.CountryCode;
import dev.steward.model.constraint.IdOf;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.instancio.InstancioApi;
import org.instancio.Instancio;
import org.instancio.Random;
import org.instancio.settings.Keys;
import org.instancio.settings.Settings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Instancio set-up that generates valid canonical records: Instancio honours the standard Bean
 * Validation constraints, and this class supplies what it cannot derive — typed ids
 * ({@link IdOf}), ISO codes, system ids, money, periods and namespaced extensions.
 */
final class CanonicalGenerators {
  static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "JPY", "BHD", "CHF", "SEK");
  static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "IE", "GB", "US", "CA", "JP", "BH");
  static final List<String> SYSTEMS = List.of("crm", "psa", "erp", "billing", "erp-eu");
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private CanonicalGenerators() {}

  static Settings settings() {
    return Settings.create()
        .set(Keys.BEAN_VALIDATION_ENABLED, true)
        .set(Keys.MODE, org.instancio.settings.Mode.LENIENT)
        // Supplied values (Money, ids, periods) are complete; Instancio must not populate their
        // fields afterwards, which would bypass Money's normalization.
        .set(Keys.AFTER_GENERATE_HINT, org.instancio.generator.AfterGenerate.DO_NOT_MODIFY)
        .set(Keys.COLLECTION_MIN_SIZE, 0)
        .set(Keys.COLLECTION_MAX_SIZE, 3)
        .set(Keys.MAP_MIN_SIZE, 0)
        .set(Keys.MAP_MAX_SIZE, 3)
        .set(Keys.STRING_MAX_LENGTH, 24);
  }

  /** Returns an Instancio builder for valid instances of {@code type}, an entity of {@code entityType}. */
  static <T> InstancioApi<T> valid(Class<T> type, EntityType entityType) {
    InstancioApi<T> api =
        Instancio.of(type)
            .withSettings(settings())
            .supply(field(EntityMeta.class, "id"), r -> id(r, entityType))
            .supply(field(EntityMeta.class, "schemaVersion"), () -> EntityMeta.CURRENT_SCHEMA_VERSION)
            .supply(fields(f -> annotated(f, CountryCode.class)), r -> r.oneOf(COUNTRIES))
            .supply(fields(CanonicalGenerators::isSystemId), r -> r.oneOf(SYSTEMS))
            .supply(fields(f -> f.getName().equals("extensions")), CanonicalGenerators::extensions)
            .supply(all(Currency.class), r -> Currency.getInstance(r.oneOf(CURRENCIES)))
            .supply(all(Money.class), CanonicalGenerators::money)
            .supply(all(Period.class), CanonicalGenerators::period);
    for (EntityType t : EntityType.values()) {
      api = api.supply(fields(f -> idOf(f, t)), r -> id(r, t));
    }
    return api;
  }

  static CanonicalId id(Random r, EntityType type) {
    StringBuilder ulid = new StringBuilder(26).append((char) ('0' + r.intRange(0, 1)));
    for (int i = 1; i < 26; i++) {
      ulid.append(CROCKFORD.charAt(r.intRange(0, 31)));
    }
    return CanonicalId.parse(type.prefix() + "_" + ulid);
  }

  /**
   * Returns money as systems send it: mostly ordinary amounts at the currency's scale; a fifth
   * negative (credit notes, refunds, reversals); a quarter with one to four more fraction digits
   * than the currency has (unit prices such as 0.0125 EUR); and now and then an amount with
   * {@link Money#MAX_INTEGER_DIGITS} integer digits, the largest money holds.
   */
  static Money money(Random r) {
    Currency currency = Currency.getInstance(r.oneOf(CURRENCIES));
    int scale = currency.getDefaultFractionDigits();
    if (r.trueOrFalse(0.25)) {
      scale = Math.min(scale + r.intRange(1, 4), Money.MAX_SCALE);
    }
    BigDecimal amount;
    if (r.trueOrFalse(0.05)) {
      String integer = r.intRange(1, 9) + r.digits(Money.MAX_INTEGER_DIGITS - 1);
      amount = new BigDecimal(integer + (scale > 0 ? "." + r.digits(scale) : ""));
    } else {
      amount = BigDecimal.valueOf(r.longRange(0, 50_000_000L), scale);
    }
    if (r.trueOrFalse(0.2)) {
      amount = amount.negate();
    }
    return Money.of(amount, currency);
  }

  static Period period(Random r) {
    LocalDate start = LocalDate.of(2020, 1, 1).plusDays(r.intRange(0, 3650));
    return new Period(start, start.plusDays(r.intRange(0, 1095)));
  }

  static Map<String, JsonNode> extensions(Random r) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    Map<String, JsonNode> map = new LinkedHashMap<>();
    int n = r.intRange(0, 3);
    for (int i = 0; i < n; i++) {
      String key = r.oneOf("acme", "com.acme", "globex") + ":" + r.oneOf("costCenter", "tier", "region_code", "flag") + i;
      JsonNode value =
          switch (r.intRange(0, 3)) {
            case 0 -> nodes.stringNode(r.alphanumeric(8));
            case 1 -> nodes.numberNode(r.intRange(-1000, 1000));
            case 2 -> nodes.booleanNode(r.trueOrFalse());
            default -> nodes.numberNode(BigDecimal.valueOf(r.intRange(0, 100_000), 2));
          };
      map.put(key, value);
    }
    return map;
  }

  private static boolean isSystemId(Field f) {
    Pattern p = f.getAnnotation(Pattern.class);
    return p != null && p.regexp().equals(SystemIds.PATTERN);
  }

  private static boolean idOf(Field f, EntityType type) {
    IdOf idOf = f.getAnnotation(IdOf.class);
    return f.getType() == CanonicalId.class && idOf != null && idOf.value() == type;
  }

  private static boolean annotated(Field f, Class<? extends java.lang.annotation.Annotation> a) {
    return f.isAnnotationPresent(a);
  }
}
