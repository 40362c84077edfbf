package dev.steward.core.reference;

import static dev.steward.core.reference.AcmeReference.ACME_GMBH;
import static dev.steward.core.reference.AcmeReference.ACME_INC;
import static dev.steward.core.reference.AcmeReference.ACME_KK;
import static dev.steward.core.reference.AcmeReference.ACME_LTD;
import static dev.steward.core.reference.AcmeReference.ACME_WLL;
import static dev.steward.core.reference.AcmeReference.CLOUD_OPS;
import static dev.steward.core.reference.AcmeReference.CONSULT_SR;
import static dev.steward.core.reference.AcmeReference.RATES_2027;
import static dev.steward.core.reference.AcmeReference.UNKNOWN_LE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalId;
import dev.steward.model.Dimension;
import dev.steward.model.Money;
import dev.steward.model.RateCard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example reference data, loaded from YAML and from JSON, answers every lookup alike. */
class InMemoryReferenceDataTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final Currency CHF = Currency.getInstance("CHF");

  static Stream<InMemoryReferenceData> both() throws IOException {
    InMemoryReferenceData json;
    try (InputStream in = Files.newInputStream(AcmeReference.file("acme-reference.json"))) {
      json = InMemoryReferenceData.load("acme-reference.json", in);
    }
    return Stream.of(AcmeReference.yaml(), json);
  }

  @ParameterizedTest
  @MethodSource("both")
  void legalEntities(ReferenceData data) {
    assertThat(data.legalEntity(ACME_GMBH)).contains(new LegalEntityRef(
        ACME_GMBH, "ACME-DE", "DE", "EU", EUR, Set.of(CHF), VatCheckPolicy.HOLD));
    LegalEntityRef ltd = data.legalEntity(ACME_LTD).orElseThrow();
    assertThat(ltd.allowedCurrencies()).containsExactly(GBP, USD);
    assertThat(ltd.vatCheckUnavailable()).isEqualTo(VatCheckPolicy.PASS_WITH_WARNING);
    assertThat(ltd.allows(EUR)).isTrue();
    assertThat(ltd.allows(USD)).isTrue();
    assertThat(ltd.allows(CHF)).isFalse();
    LegalEntityRef inc = data.legalEntity(ACME_INC).orElseThrow();
    assertThat(inc).extracting(LegalEntityRef::country, LegalEntityRef::region, LegalEntityRef::functionalCurrency)
        .containsExactly("US", "NA", USD);
    assertThat(inc.allowedCurrencies()).isEmpty();
    assertThat(inc.vatCheckUnavailable()).as("the default").isEqualTo(VatCheckPolicy.HOLD);
    assertThat(data.legalEntity(ACME_KK).orElseThrow().functionalCurrency()).isEqualTo(Currency.getInstance("JPY"));
    assertThat(data.legalEntity(ACME_WLL).orElseThrow().region()).isEqualTo("MENA");
    assertThat(data.legalEntity(UNKNOWN_LE)).isEmpty();
    assertThat(data.legalEntity(CONSULT_SR)).as("an id of another type").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void taxCodes(ReferenceData data) {
    assertThat(data.taxCodes("DE")).extracting(TaxCode::code)
        .containsExactly("DE-R-7", "DE-RC-0", "DE-S-16", "DE-S-19", "DE-S-19");
    assertThat(data.taxCodes("IE")).extracting(TaxCode::ratePercent)
        .containsExactly(new BigDecimal("13.5"), new BigDecimal("23"));
    assertThat(data.taxCodes("US-CA")).containsExactly(
        new TaxCode("US-CA", "US-CA-SALES", new BigDecimal("7.25"), LocalDate.of(2017, 1, 1), null));
    assertThat(data.taxCodes("US-NY")).hasSize(1);
    assertThat(data.taxCodes("JP")).extracting(TaxCode::code).containsExactly("JP-CT-10");
    assertThat(data.taxCodes("BH")).extracting(TaxCode::code).containsExactly("BH-VAT-10");
    assertThat(data.taxCodes("FR")).isEmpty();
    assertThat(data.taxCodes("de")).as("matched exactly").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void taxCode_validFromIsInclusiveAndValidToExclusive(ReferenceData data) {
    // DE-S-16: from 2020-07-01 (inclusive) to 2021-01-01 (exclusive).
    assertThat(data.taxCode("DE", "DE-S-16", LocalDate.of(2020, 6, 30))).isEmpty();
    assertThat(data.taxCode("DE", "DE-S-16", LocalDate.of(2020, 7, 1))).get()
        .extracting(TaxCode::ratePercent).isEqualTo(new BigDecimal("16"));
    assertThat(data.taxCode("DE", "DE-S-16", LocalDate.of(2020, 12, 31))).isPresent();
    assertThat(data.taxCode("DE", "DE-S-16", LocalDate.of(2021, 1, 1))).as("expired").isEmpty();
    assertThat(data.taxCode("DE", "DE-S-16", LocalDate.of(2027, 3, 15))).as("expired").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void taxCode_withRateHistory_picksThePeriodOfTheDay(ReferenceData data) {
    assertThat(data.taxCode("DE", "DE-S-19", LocalDate.of(2020, 6, 30))).get()
        .extracting(TaxCode::validTo).isEqualTo(LocalDate.of(2020, 7, 1));
    assertThat(data.taxCode("DE", "DE-S-19", LocalDate.of(2020, 7, 1))).as("suspended for DE-S-16").isEmpty();
    assertThat(data.taxCode("DE", "DE-S-19", LocalDate.of(2021, 1, 1))).get()
        .extracting(TaxCode::validFrom).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(data.taxCode("DE", "DE-S-19", LocalDate.of(2006, 12, 31))).as("before the first").isEmpty();
    assertThat(data.taxCode("DE", "DE-RC-0", LocalDate.of(2027, 1, 1))).get()
        .extracting(TaxCode::ratePercent).isEqualTo(BigDecimal.ZERO);
    assertThat(data.taxCode("BH", "BH-VAT-10", LocalDate.of(2021, 12, 31))).isEmpty();
    assertThat(data.taxCode("BH", "BH-VAT-10", LocalDate.of(2022, 1, 1))).isPresent();
    assertThat(data.taxCode("DE", "NO-SUCH", LocalDate.of(2022, 1, 1))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void currencies_onlyActiveOnes(ReferenceData data) {
    for (String code : List.of("EUR", "USD", "GBP", "CHF", "JPY", "BHD")) {
      assertThat(data.currency(code)).contains(Currency.getInstance(code));
    }
    assertThat(data.currency("SEK")).as("ISO 4217 but not active").isEmpty();
    assertThat(data.currency("XXY")).as("not ISO 4217").isEmpty();
    assertThat(data.currency("eur")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void serviceItems(ReferenceData data) {
    assertThat(data.serviceItem(CONSULT_SR)).contains(
        new ServiceCatalogueItem(CONSULT_SR, "PS-CONSULT-SR", "consulting", false));
    assertThat(data.serviceItem(CLOUD_OPS)).get()
        .extracting(ServiceCatalogueItem::serviceLine, ServiceCatalogueItem::usageBased)
        .containsExactly("managed-services", true);
    assertThat(data.serviceItem(CanonicalId.parse("svc_01J0ACMESVC000000000000002"))).get()
        .extracting(ServiceCatalogueItem::usageBased).as("the default").isEqualTo(false);
    assertThat(data.serviceItem(CanonicalId.parse("svc_01J0ACMESVC000000000000099"))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void dimensionSets(ReferenceData data) {
    DimensionSet de = data.dimensionSet("PRJ-DE-1001").orElseThrow();
    assertThat(de.dimensions()).containsExactly(
        new Dimension("department", "consulting-emea"),
        new Dimension("costCentre", "CC-4100"),
        new Dimension("practice", "erp-finance"),
        new Dimension("region", "EMEA"));
    assertThat(de.value("costCentre")).contains("CC-4100");
    assertThat(de.value("project")).isEmpty();
    assertThat(data.dimensionSet("PRJ-IE-2001")).isPresent();
    assertThat(data.dimensionSet("PRJ-US-3001").orElseThrow().value("region")).contains("NA");
    assertThat(data.dimensionSet("PRJ-XX-9999")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("both")
  void rateCards(ReferenceData data) {
    RateCard card = data.rateCard(RATES_2027).orElseThrow();
    assertThat(card.name()).isEqualTo("Acme GmbH standard rates 2027");
    assertThat(card.legalEntityId()).isEqualTo(ACME_GMBH);
    assertThat(card.entries()).hasSize(5);
    assertThat(card.entries().get(2).rate()).isEqualTo(Money.of(new BigDecimal("190.00"), CHF));
    assertThat(card.extensions()).containsKey("acme:approvedBy");
    assertThat(data.rateCard(CanonicalId.parse("rc_01J0ACMERC0000000000000002"))).isEmpty();
  }

  @Test
  void yamlAndJson_loadTheSameRateCard() throws IOException {
    List<InMemoryReferenceData> loaded = both().toList();
    assertThat(loaded.get(0).rateCard(RATES_2027)).isEqualTo(loaded.get(1).rateCard(RATES_2027));
    assertThat(loaded.get(0).toString()).isEqualTo(loaded.get(1).toString())
        .isEqualTo("InMemoryReferenceData[5 legal entities, 11 tax codes, 6 currencies, 4 service items,"
            + " 3 dimension sets, 1 rate cards]");
  }

  @Test
  void load_fromStreamOrText_pickJsonByNameOrFirstCharacter() {
    String json = "{\"currencies\": [\"EUR\"]}";
    assertThat(InMemoryReferenceData.load("ref", json).currency("EUR")).isPresent();
    assertThat(InMemoryReferenceData.load("ref.txt",
            new ByteArrayInputStream("currencies: [EUR]\n".getBytes(StandardCharsets.UTF_8)))
        .currency("EUR")).isPresent();
    assertThat(InMemoryReferenceData.load("ref.yaml", "{}").currency("EUR")).as("an empty object holds nothing").isEmpty();
  }

  @Test
  void builder_buildsTheSameAnswersInCode() {
    InMemoryReferenceData data = InMemoryReferenceData.builder()
        .currency(EUR)
        .currency(CHF)
        .legalEntity(new LegalEntityRef(ACME_GMBH, "ACME-DE", "DE", "EU", EUR, Set.of(CHF), VatCheckPolicy.HOLD))
        .taxCode(new TaxCode("DE", "DE-S-19", new BigDecimal("19.00"), LocalDate.of(2021, 1, 1), null))
        .serviceItem(new ServiceCatalogueItem(CONSULT_SR, "PS-CONSULT-SR", "consulting", false))
        .dimensionSet(new DimensionSet("PRJ-DE-1001", List.of(new Dimension("department", "consulting-emea"))))
        .build();

    assertThat(data.taxCode("DE", "DE-S-19", LocalDate.of(2026, 1, 1))).get()
        .extracting(TaxCode::ratePercent).isEqualTo(new BigDecimal("19"));
    assertThat(data.legalEntity(ACME_GMBH)).isEqualTo(AcmeReference.yaml().legalEntity(ACME_GMBH));
    assertThat(data.taxCodes("DE")).isUnmodifiable();
  }

  @Test
  void builder_refusesDuplicatesAtOnce_namingThem() {
    InMemoryReferenceData.Builder b = InMemoryReferenceData.builder().currency(EUR)
        .legalEntity(new LegalEntityRef(ACME_GMBH, "ACME-DE", "DE", null, EUR, Set.of(), VatCheckPolicy.HOLD))
        .taxCode(new TaxCode("DE", "DE-S-19", BigDecimal.valueOf(19), LocalDate.of(2021, 1, 1), null))
        .serviceItem(new ServiceCatalogueItem(CONSULT_SR, "PS-CONSULT-SR", "consulting", false))
        .dimensionSet(new DimensionSet("PRJ-1", List.of(new Dimension("department", "d"))));

    assertThatThrownBy(() -> b.currency(EUR)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate currency EUR");
    assertThatThrownBy(() -> b.legalEntity(
            new LegalEntityRef(ACME_GMBH, "ACME-DE2", "DE", null, EUR, Set.of(), VatCheckPolicy.HOLD)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate legal entity id le_01J0ACME000000000000000001");
    assertThatThrownBy(() -> b.legalEntity(
            new LegalEntityRef(ACME_LTD, "ACME-DE", "IE", null, EUR, Set.of(), VatCheckPolicy.HOLD)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate legal entity code ACME-DE: legal entities le_01J0ACME000000000000000001"
            + " and le_01J0ACME000000000000000002");
    assertThatThrownBy(() -> b.taxCode(
            new TaxCode("DE", "DE-S-19", BigDecimal.valueOf(19), LocalDate.of(2007, 1, 1), LocalDate.of(2021, 1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate tax code DE/DE-S-19: the one valid from 2007-01-01 to 2021-01-02 overlaps the one"
            + " valid from 2021-01-01 on");
    assertThatThrownBy(() -> b.serviceItem(new ServiceCatalogueItem(CONSULT_SR, "OTHER", "consulting", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate service item id svc_01J0ACMESVC000000000000001");
    assertThatThrownBy(() -> b.serviceItem(new ServiceCatalogueItem(CLOUD_OPS, "PS-CONSULT-SR", "consulting", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("duplicate service item code PS-CONSULT-SR");
    assertThatThrownBy(() -> b.dimensionSet(new DimensionSet("PRJ-1", List.of(new Dimension("department", "e")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate dimension set for project code PRJ-1");
    // The same code for an adjacent period is a change of rate, not a duplicate.
    b.taxCode(new TaxCode("DE", "DE-S-19", BigDecimal.valueOf(19), LocalDate.of(2007, 1, 1), LocalDate.of(2021, 1, 1)));
    assertThat(b.build().taxCodes("DE")).hasSize(2);
  }

  @Test
  void builder_refusesALegalEntityInAnInactiveCurrency() {
    InMemoryReferenceData.Builder b = InMemoryReferenceData.builder().currency(EUR)
        .legalEntity(new LegalEntityRef(ACME_GMBH, "ACME-DE", "DE", "EU", EUR, Set.of(CHF), VatCheckPolicy.HOLD));

    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("legal entity ACME-DE transacts in CHF, which is not among the active currencies [EUR]");
  }

  @Test
  void builder_refusesARateCardIdOfAnotherType() {
    RateCard card = AcmeReference.yaml().rateCard(RATES_2027).orElseThrow();
    InMemoryReferenceData.Builder b = InMemoryReferenceData.builder().rateCard(card);
    assertThatThrownBy(() -> b.rateCard(card)).hasMessage("duplicate rate card id rc_01J0ACMERC0000000000000001");
  }
}
