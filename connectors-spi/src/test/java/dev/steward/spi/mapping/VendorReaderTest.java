package dev.steward.spi.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VendorReaderTest {
  static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  static final JsonMapper DOUBLES = JsonMapper.builder().build();
  static final MappingContext CONTEXT =
      MappingContext.builder("billing", Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
  static final EnumMapping<InvoiceStatus> STATUS = EnumMapping.builder(InvoiceStatus.class)
      .map("draft", InvoiceStatus.DRAFT).map("open", InvoiceStatus.FINALIZED)
      .map("uncollectible", InvoiceStatus.FINALIZED).build();

  static VendorReader reader(String json) {
    return VendorReader.of(JSON.readTree(json), CONTEXT);
  }

  static MappingException mappingError(Runnable r) {
    try {
      r.run();
    } catch (MappingException e) {
      return e;
    }
    throw new AssertionError("expected a MappingException");
  }

  @Test
  void typedReads_returnValues_andConsume() {
    VendorReader r = reader("""
        {"name":"Acme","count":3,"amount":"119373.34","rate":54.9,"paid":true,"day":"2019-01-15",
         "at":"2020-08-21T07:38:44.293Z","created":1234567890,"currency":"usd","cents":1000,"status":"open"}""");

    assertThat(r.requireText("/name")).isEqualTo("Acme");
    assertThat(r.requireLong("/count")).isEqualTo(3);
    assertThat(r.requireDecimal("/amount")).isEqualByComparingTo("119373.34");
    assertThat(r.requireDecimal("/rate")).isEqualTo(new BigDecimal("54.9"));
    assertThat(r.requireBoolean("/paid")).isTrue();
    assertThat(r.requireDate("/day")).isEqualTo(LocalDate.of(2019, 1, 15));
    assertThat(r.requireInstant("/at")).isEqualTo(Instant.parse("2020-08-21T07:38:44.293Z"));
    assertThat(r.requireEpochSeconds("/created")).isEqualTo(Instant.ofEpochSecond(1234567890));
    Currency usd = r.requireCurrency("/currency");
    assertThat(usd.getCurrencyCode()).isEqualTo("USD");
    assertThat(r.requireMinorUnits("/cents", usd)).isEqualTo(Money.of("10.00", "USD"));
    assertThat(r.requireEnum("/status", STATUS)).isEqualTo(InvoiceStatus.FINALIZED);
    assertThat(r.extensions("stripe")).isEmpty();
  }

  @Test
  void minorUnits_followTheCurrencysDigits() {
    VendorReader r = reader("{\"jpy\":1000,\"bhd\":1000,\"eur\":-250}");

    assertThat(r.requireMinorUnits("/jpy", Currency.getInstance("JPY"))).isEqualTo(Money.of("1000", "JPY"));
    assertThat(r.requireMinorUnits("/bhd", Currency.getInstance("BHD"))).isEqualTo(Money.of("1.000", "BHD"));
    assertThat(r.requireMinorUnits("/eur", Currency.getInstance("EUR"))).isEqualTo(Money.of("-2.50", "EUR"));
  }

  @Test
  void minorUnits_withAFraction_isInexact() {
    MappingException e = mappingError(() -> reader("{\"amount\":10.5}").requireMinorUnits("/amount", Currency.getInstance("USD")));

    assertThat(e.reason()).isEqualTo(MappingException.Reason.INEXACT_AMOUNT);
    assertThat(e.pointer()).isEqualTo("/amount");
    assertThat(e.code()).isEqualTo("STEWARD-MAPPING-INEXACT_AMOUNT");
    assertThat(e.getMessage()).startsWith("[billing] /amount: ");
  }

  @Test
  void money_finerThanMoneyHolds_isInexact() {
    MappingException e = mappingError(() -> reader("{\"a\":\"1.00000000001\"}").requireMoney("/a", Currency.getInstance("EUR")));

    assertThat(e.reason()).isEqualTo(MappingException.Reason.INEXACT_AMOUNT);
  }

  @Test
  void doubleParsedNumbers_takeTheirShortestDigits() {
    VendorReader r = VendorReader.of(DOUBLES.readTree("{\"total\":172.94,\"tax\":8.24}"), CONTEXT);

    assertThat(r.requireMoney("/total", Currency.getInstance("USD"))).isEqualTo(Money.of("172.94", "USD"));
    assertThat(r.requireDecimal("/tax")).isEqualTo(new BigDecimal("8.24"));
  }

  @Test
  void missingAndNullRequiredFields_areMissing_withThePointer() {
    VendorReader r = reader("{\"customer\":{\"name\":null}}");

    MappingException absent = mappingError(() -> r.requireText("/customer/email"));
    MappingException nul = mappingError(() -> r.requireText("/customer/name"));

    assertThat(absent.reason()).isEqualTo(MappingException.Reason.MISSING_FIELD);
    assertThat(absent.pointer()).isEqualTo("/customer/email");
    assertThat(absent.getMessage()).contains("absent");
    assertThat(nul.getMessage()).contains("null");
  }

  @Test
  void wrongTypes_areWrongType_namingWhatWasFound() {
    VendorReader r = reader("{\"n\":\"12\",\"t\":12,\"b\":\"true\",\"f\":1.5,\"d\":20190115}");

    assertThat(mappingError(() -> r.requireLong("/n")).getMessage()).contains("found text");
    assertThat(mappingError(() -> r.requireText("/t")).getMessage()).contains("found an integer");
    assertThat(mappingError(() -> r.requireBoolean("/b")).reason()).isEqualTo(MappingException.Reason.WRONG_TYPE);
    assertThat(mappingError(() -> r.requireLong("/f")).getMessage()).contains("a number with a fraction");
    assertThat(mappingError(() -> r.requireDate("/d")).reason()).isEqualTo(MappingException.Reason.WRONG_TYPE);
  }

  @Test
  void malformedValues_areInvalid() {
    VendorReader r = reader("{\"day\":\"15/01/2019\",\"cur\":\"usdollar\",\"amount\":\"-1E02\",\"at\":\"2020-08-21\"}");

    assertThat(mappingError(() -> r.requireDate("/day")).reason()).isEqualTo(MappingException.Reason.INVALID_VALUE);
    assertThat(mappingError(() -> r.requireCurrency("/cur")).reason()).isEqualTo(MappingException.Reason.INVALID_VALUE);
    assertThat(mappingError(() -> r.requireDecimal("/amount")).reason()).isEqualTo(MappingException.Reason.INVALID_VALUE);
    assertThat(mappingError(() -> r.requireInstant("/at")).reason()).isEqualTo(MappingException.Reason.INVALID_VALUE);
  }

  @Test
  void decimalWithAHugeExponent_isInvalid_beforeAnyArithmeticCanSpellItOut() {
    VendorReader r = reader("{\"big\":1e999999999,\"tiny\":-1e-999999999,\"edge\":1e1000,\"wide\":12.5e-998}");

    MappingException big = mappingError(() -> r.decimal("/big"));
    assertThat(big.reason()).isEqualTo(MappingException.Reason.INVALID_VALUE);
    assertThat(big.getMessage()).contains("/big", "1E+999999999", String.valueOf(VendorReader.MAX_DECIMAL_SCALE));
    assertThat(mappingError(() -> r.requireMoney("/tiny", Currency.getInstance("USD"))).reason())
        .isEqualTo(MappingException.Reason.INVALID_VALUE);
    assertThat(r.isConsumed("/big")).isFalse();
    assertThat(r.requireDecimal("/edge")).isEqualByComparingTo("1e1000");
    assertThat(r.requireDecimal("/wide")).isEqualByComparingTo("125e-999");
  }

  @Test
  void currencyCodeOfNonAsciiLetters_isInvalid_notFoldedIntoAnAsciiCode() {
    // U+017F (long s) upper-cases to S and U+0131 (dotless i) to I.
    VendorReader r = reader("{\"a\":\"u\u017fd\",\"b\":\"\u0131nr\"}");

    assertThat(mappingError(() -> r.requireCurrency("/a")).reason()).isEqualTo(MappingException.Reason.INVALID_VALUE);
    assertThat(mappingError(() -> r.requireCurrency("/b")).reason()).isEqualTo(MappingException.Reason.INVALID_VALUE);
    assertThat(r.isConsumed("/a")).isFalse();
  }

  @Test
  void hugeMalformedText_isQuotedShort_throughoutTheCauseChain() {
    String huge = "x".repeat(100_000);
    VendorReader r = reader("{\"cur\":\"" + huge + "\",\"day\":\"" + huge + "\",\"at\":\"" + huge + "\"}");

    for (Runnable read : List.<Runnable>of(() -> r.requireCurrency("/cur"), () -> r.requireDate("/day"),
        () -> r.requireInstant("/at"))) {
      for (Throwable t = mappingError(read); t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).hasSizeLessThan(300);
      }
    }
  }

  @Test
  void unknownEnumValue_isUnknown_listingTheKnownOnes() {
    MappingException e = mappingError(() -> reader("{\"status\":\"paid\"}").requireEnum("/status", STATUS));

    assertThat(e.reason()).isEqualTo(MappingException.Reason.UNKNOWN_VALUE);
    assertThat(e.getMessage()).contains("'paid'").contains("draft").contains("uncollectible");
  }

  @Test
  void enumAlias_isMapped_butKeptInExtensions() {
    VendorReader r = reader("{\"status\":\"uncollectible\"}");

    assertThat(r.requireEnum("/status", STATUS)).isEqualTo(InvoiceStatus.FINALIZED);
    assertThat(r.extensions("stripe")).containsOnlyKeys("stripe:status");
  }

  @Test
  void optionalReads_leaveNullAndAbsentUnconsumed() {
    VendorReader r = reader("{\"number\":null,\"email\":\"a@b.example\"}");

    assertThat(r.text("/number")).isEmpty();
    assertThat(r.text("/phone")).isEmpty();
    assertThat(r.text("/email")).contains("a@b.example");
    Map<String, JsonNode> ext = r.extensions("stripe");
    assertThat(ext).containsOnlyKeys("stripe:number");
    assertThat(ext.get("stripe:number").isNull()).isTrue();
  }

  @Test
  void peek_doesNotConsume_take_does() {
    VendorReader r = reader("{\"due\":1234567890,\"meta\":{\"a\":1}}");

    assertThat(r.peek("/due")).isPresent();
    assertThat(r.take("/meta")).isPresent();
    assertThat(r.extensions("x")).containsOnlyKeys("x:due");
  }

  @Test
  void partlyConsumedNesting_keepsOnlyWhatWasNotRead_inPlace() {
    VendorReader r = reader("""
        {"address":{"city":"Atlanta","line1":"1 Main St","extra":{"k":1}},
         "lines":{"data":[{"amount":1,"id":"il_1"},{"amount":2}],"has_more":false},
         "empty":{},"list":[]}""");
    r.requireText("/address/city");
    r.requireText("/address/line1");
    r.requireLong("/lines/data/0/amount");
    r.requireLong("/lines/data/1/amount");
    r.consume("/address/missing");

    Map<String, JsonNode> ext = r.extensions("s");

    assertThat(ext.get("s:address")).isEqualTo(JSON.readTree("{\"extra\":{\"k\":1}}"));
    assertThat(ext.get("s:lines")).isEqualTo(JSON.readTree("{\"data\":[{\"id\":\"il_1\"},null],\"has_more\":false}"));
    assertThat(ext.get("s:empty")).isEqualTo(JSON.readTree("{}"));
    assertThat(ext.get("s:list")).isEqualTo(JSON.readTree("[]"));
    assertThat(r.isConsumed("/lines/data/1/amount")).isTrue();
    assertThat(r.isConsumed("/lines/data/0/id")).isFalse();
  }

  @Test
  void objectAllOfWhoseFieldsWereRead_countsAsConsumed() {
    VendorReader r = reader("{\"period\":{\"start\":1,\"end\":2}}");
    r.requireLong("/period/start");
    r.requireLong("/period/end");

    assertThat(r.extensions("s")).isEmpty();
  }

  @Test
  void fieldNamesThatCannotBeKeys_goToTheRawObject_unchanged() {
    VendorReader r = reader("{\"@odata.etag\":\"W/\\\"x\\\"\",\"_links\":{},\"9lives\":1,\"ok_name\":true}");

    Map<String, JsonNode> ext = r.extensions("bc");

    assertThat(ext).containsOnlyKeys("bc:ok_name", "bc.raw:fields");
    assertThat(ext.get("bc.raw:fields")).isEqualTo(JSON.readTree("{\"@odata.etag\":\"W/\\\"x\\\"\",\"_links\":{},\"9lives\":1}"));
    assertThat(ext.keySet()).allMatch(k -> k.matches(CanonicalEntity.EXTENSION_KEY_PATTERN));
  }

  @Test
  void notAnObject_isWrongType() {
    assertThatThrownBy(() -> VendorReader.of(JSON.readTree("[1]"), CONTEXT))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.reason()).isEqualTo(MappingException.Reason.WRONG_TYPE));
  }

  @Test
  void size_countsArrayElements_andRefusesOtherTypes() {
    VendorReader r = reader("{\"a\":[1,2,3],\"n\":null,\"o\":{}}");

    assertThat(r.size("/a")).isEqualTo(3);
    assertThat(r.size("/n")).isZero();
    assertThat(r.size("/missing")).isZero();
    assertThat(mappingError(() -> r.size("/o")).reason()).isEqualTo(MappingException.Reason.WRONG_TYPE);
  }
}
