package dev.steward.spi.mapping;

import static dev.steward.spi.mapping.VendorReaderTest.CONTEXT;
import static dev.steward.spi.mapping.VendorReaderTest.JSON;
import static dev.steward.spi.mapping.VendorReaderTest.STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityType;
import dev.steward.model.IdGenerator;
import dev.steward.model.InvoiceStatus;
import dev.steward.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class VendorWriterTest {
  private static final IdGenerator IDS = IdGenerator.create(CONTEXT.clock());

  private static Customer customerWith(Map<String, JsonNode> extensions) {
    CanonicalId le = IDS.next(EntityType.LEGAL_ENTITY);
    return new Customer(CONTEXT.meta(EntityType.CUSTOMER, "cus_1", null), "Acme", "Acme", null, null,
        CustomerStatus.ACTIVE, le, List.of(), null, null, extensions);
  }

  @Test
  void readThenWrite_givesBackTheObject() {
    JsonNode vendor = JSON.readTree("""
        {"name":"Acme","address":{"city":"Atlanta","line1":"1 Main St","extra":{"k":1}},
         "lines":{"data":[{"amount":1000,"id":"il_1"},{"amount":2}],"has_more":false},
         "number":null,"@odata.etag":"W/1","status":"uncollectible","total":164.7}""");
    VendorReader r = VendorReader.of(vendor, CONTEXT);
    String name = r.requireText("/name");
    String city = r.requireText("/address/city");
    String line1 = r.requireText("/address/line1");
    long a0 = r.requireLong("/lines/data/0/amount");
    long a1 = r.requireLong("/lines/data/1/amount");
    InvoiceStatus status = r.requireEnum("/status", STATUS);
    BigDecimal total = r.requireDecimal("/total");
    Customer record = customerWith(r.extensions("v"));

    ObjectNode back = VendorWriter.of(record, "v", CONTEXT)
        .putText("/name", name).putText("/address/city", city).putText("/address/line1", line1)
        .putLong("/lines/data/0/amount", a0).putLong("/lines/data/1/amount", a1)
        .putEnum("/status", STATUS, status).putDecimal("/total", total.setScale(2))
        .build();

    assertThat(back).isEqualTo(vendor);
  }

  @Test
  void putValues_winOverKeptOnes_andOtherNamespacesAreIgnored() {
    Customer record = customerWith(Map.of("v:name", JSON.readTree("\"old\""), "acme:costCenter", JSON.readTree("\"42\"")));

    ObjectNode out = VendorWriter.of(record, "v", CONTEXT).putText("/name", "new").build();

    assertThat(out).isEqualTo(JSON.readTree("{\"name\":\"new\"}"));
  }

  @Test
  void nullValues_putNothing() {
    ObjectNode out = VendorWriter.of(customerWith(Map.of()), "v", CONTEXT)
        .putText("/a", null).putLong("/b", null).putMinorUnits("/c", null).putEnum("/d", STATUS, null).build();

    assertThat(out).isEmpty();
  }

  @Test
  void unmapped_tellsWhichFieldsTheExtensionsKeep() {
    VendorWriter w = VendorWriter.of(customerWith(Map.of("v:name", JSON.readTree("null"))), "v", CONTEXT);

    assertThat(w.isUnmapped("/name")).isTrue();
    assertThat(w.unmapped("/name").orElseThrow().isNull()).isTrue();
    assertThat(w.isUnmapped("/email")).isFalse();
  }

  @Test
  void minorUnits_ofAFractionOfACent_isInexact() {
    VendorWriter w = VendorWriter.of(customerWith(Map.of()), "v", CONTEXT);

    assertThatThrownBy(() -> w.putMinorUnits("/amount", Money.of("10.005", "USD")))
        .isInstanceOfSatisfying(MappingException.class, e -> {
          assertThat(e.reason()).isEqualTo(MappingException.Reason.INEXACT_AMOUNT);
          assertThat(e.pointer()).isEqualTo("/amount");
        });
    assertThat(w.putMinorUnits("/jpy", Money.of("1000", "JPY")).putMinorUnits("/usd", Money.of("10.5", "USD")).build())
        .isEqualTo(JSON.readTree("{\"jpy\":1000,\"usd\":1050}"));
  }

  @Test
  void enumConstantWithoutVendorValue_isUnknown() {
    VendorWriter w = VendorWriter.of(customerWith(Map.of()), "v", CONTEXT);

    assertThatThrownBy(() -> w.putEnum("/status", STATUS, InvoiceStatus.PAID))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.reason()).isEqualTo(MappingException.Reason.UNKNOWN_VALUE));
  }

  @Test
  void numbers_areWrittenInShortestForm() {
    ObjectNode out = VendorWriter.of(customerWith(Map.of()), "v", CONTEXT)
        .putDecimal("/a", new BigDecimal("164.70")).putDecimal("/b", new BigDecimal("3.000"))
        .putDecimal("/c", new BigDecimal("0.00")).putLong("/d", 5_000_000_000L)
        .putEpochSeconds("/e", Instant.ofEpochSecond(1234567890)).build();

    assertThat(out.toString()).isEqualTo("{\"a\":164.7,\"b\":3,\"c\":0,\"d\":5000000000,\"e\":1234567890}");
  }

  @Test
  void arrayElementsWrittenOutOfOrder_fillTheirSlots() {
    ObjectNode out = VendorWriter.of(customerWith(Map.of()), "v", CONTEXT)
        .putText("/items/2/id", "c").putText("/items/0/id", "a").putText("/items/0/price/id", "p").build();

    assertThat(out).isEqualTo(JSON.readTree("{\"items\":[{\"id\":\"a\",\"price\":{\"id\":\"p\"}},null,{\"id\":\"c\"}]}"));
  }

  @Test
  void elementPutPastAnUnmappedOne_keepsTheUnmappedElement() {
    JsonNode vendor = JSON.readTree("""
        {"lines":[{"description":"setup"},{"amount":5}],"tags":["a","b"]}""");
    VendorReader r = VendorReader.of(vendor, CONTEXT);
    long amount = r.requireLong("/lines/1/amount");
    String second = r.requireText("/tags/1");
    Customer record = customerWith(r.extensions("v"));

    ObjectNode back = VendorWriter.of(record, "v", CONTEXT)
        .putLong("/lines/1/amount", amount).putText("/tags/1", second).build();

    assertThat(back).isEqualTo(vendor);
  }

  @Test
  void paddingOfAnArrayWrittenPastItsEnd_isWrittenAsNull() {
    ObjectNode out = VendorWriter.of(customerWith(Map.of()), "v", CONTEXT).putText("/items/1", "b").build();

    assertThat(out.toString()).isEqualTo("{\"items\":[null,\"b\"]}");
  }

  @Test
  void puttingBelowAScalar_isAMapperBug() {
    VendorWriter w = VendorWriter.of(customerWith(Map.of()), "v", CONTEXT).putText("/name", "Acme");

    assertThatThrownBy(() -> w.putText("/name/first", "A")).isInstanceOf(IllegalStateException.class).hasMessageContaining("/name/first");
  }

  @Test
  void rawFieldsExtensionThatIsNotAnObject_isWrongType() {
    Customer record = customerWith(Map.of("v.raw:fields", JSON.readTree("[1]")));

    assertThatThrownBy(() -> VendorWriter.of(record, "v", CONTEXT))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.reason()).isEqualTo(MappingException.Reason.WRONG_TYPE));
  }
}
