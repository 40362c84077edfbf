package dev.steward.core.reference;

import static dev.steward.core.reference.AcmeReference.ACME_GMBH;
import static dev.steward.core.reference.AcmeReference.CONSULT_SR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.Dimension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The invariants of the reference value types, each refusal naming the bad value. */
class ReferenceValuesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

  @Test
  void legalEntityRef_checksItsValues() {
    assertThatThrownBy(() -> new LegalEntityRef(CONSULT_SR, "ACME-DE", "DE", null, EUR, Set.of(), VatCheckPolicy.HOLD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("legal entity id must be a le_ id of a legal-entity; was svc_01J0ACMESVC000000000000001,"
            + " a service-item id");
    assertThatThrownBy(() -> new LegalEntityRef(ACME_GMBH, "ACME-DE", "XK1", null, EUR, Set.of(), VatCheckPolicy.HOLD))
        .hasMessage("country of legal entity ACME-DE must be an ISO 3166-1 alpha-2 country code such as DE; was 'XK1'");
    assertThatThrownBy(() -> new LegalEntityRef(ACME_GMBH, " ", "DE", null, EUR, Set.of(), VatCheckPolicy.HOLD))
        .hasMessage("legal entity code must not be blank; was ' '");
    assertThatThrownBy(() -> new LegalEntityRef(ACME_GMBH, "ACME-DE", "DE", "", EUR, Set.of(), VatCheckPolicy.HOLD))
        .hasMessage("region of legal entity ACME-DE must not be blank; was ''");
    assertThatThrownBy(() -> new LegalEntityRef(ACME_GMBH, "ACME-DE", "DE", null, null, Set.of(), VatCheckPolicy.HOLD))
        .isInstanceOf(NullPointerException.class).hasMessage("functionalCurrency");
  }

  @Test
  void legalEntityRef_sortsAndFreezesAllowedCurrencies() {
    Set<Currency> given = new LinkedHashSet<>(List.of(Currency.getInstance("USD"), Currency.getInstance("GBP")));
    LegalEntityRef e = new LegalEntityRef(ACME_GMBH, "ACME-IE", "IE", "EU", EUR, given, VatCheckPolicy.HOLD);
    given.clear();

    assertThat(e.allowedCurrencies()).extracting(Currency::getCurrencyCode).containsExactly("GBP", "USD");
    assertThat(e.allowedCurrencies()).isUnmodifiable();
    assertThat(e.allows(EUR)).isTrue();
    assertThat(e.allows(Currency.getInstance("JPY"))).isFalse();
  }

  @Test
  void taxCode_checksItsValues() {
    assertThatThrownBy(() -> new TaxCode("DEU", "X", BigDecimal.ONE, JAN_1, null))
        .hasMessage("tax code jurisdiction must be an ISO 3166-1 alpha-2 country code or an ISO 3166-2 subdivision"
            + " code such as DE or US-CA; was 'DEU'");
    assertThatThrownBy(() -> new TaxCode("QQ-CA", "X", BigDecimal.ONE, JAN_1, null))
        .hasMessageContaining("was 'QQ-CA'");
    assertThatThrownBy(() -> new TaxCode("DE", "DE-S-19", new BigDecimal("100.01"), JAN_1, null))
        .hasMessage("rate of tax code DE/DE-S-19 must be from 0 to 100 percent; was 100.01");
    assertThatThrownBy(() -> new TaxCode("DE", "DE-S-19", new BigDecimal("-1"), JAN_1, null))
        .hasMessageContaining("was -1");
    assertThatThrownBy(() -> new TaxCode("DE", "DE-S-19", BigDecimal.TEN, JAN_1, JAN_1))
        .hasMessage("tax code DE/DE-S-19 must end after it starts; validFrom 2026-01-01, validTo 2026-01-01 (exclusive)");
  }

  @Test
  void taxCode_normalizesItsRate() {
    assertThat(new TaxCode("DE", "A", new BigDecimal("19.00"), JAN_1, null).ratePercent()).isEqualTo(new BigDecimal("19"));
    assertThat(new TaxCode("DE", "A", new BigDecimal("10"), JAN_1, null).ratePercent().toString()).isEqualTo("10");
    assertThat(new TaxCode("IE", "A", new BigDecimal("13.50"), JAN_1, null))
        .isEqualTo(new TaxCode("IE", "A", new BigDecimal("13.5"), JAN_1, null));
  }

  @Test
  void taxCode_validOn_fromInclusiveToExclusive() {
    TaxCode t = new TaxCode("DE", "DE-S-16", BigDecimal.valueOf(16), LocalDate.of(2020, 7, 1), LocalDate.of(2021, 1, 1));
    assertThat(t.validOn(LocalDate.of(2020, 6, 30))).isFalse();
    assertThat(t.validOn(LocalDate.of(2020, 7, 1))).isTrue();
    assertThat(t.validOn(LocalDate.of(2020, 12, 31))).isTrue();
    assertThat(t.validOn(LocalDate.of(2021, 1, 1))).isFalse();
    assertThat(new TaxCode("DE", "A", BigDecimal.ONE, JAN_1, null).validOn(LocalDate.of(9999, 12, 31))).isTrue();
  }

  @Test
  void serviceCatalogueItem_checksItsValues() {
    assertThatThrownBy(() -> new ServiceCatalogueItem(ACME_GMBH, "PS", "consulting", false))
        .hasMessageContaining("service item id must be a svc_ id");
    assertThatThrownBy(() -> new ServiceCatalogueItem(CONSULT_SR, "PS", "", false))
        .hasMessage("service line of service item PS must not be blank; was ''");
    assertThatThrownBy(() -> new ServiceCatalogueItem(CONSULT_SR, "X".repeat(33), "consulting", false))
        .hasMessageContaining("service item code must have at most 32 characters");
  }

  @Test
  void dimensionSet_checksItsValues() {
    assertThatThrownBy(() -> new DimensionSet("PRJ-1", List.of()))
        .hasMessage("the dimension set of project PRJ-1 must have at least one dimension");
    assertThatThrownBy(() -> new DimensionSet("PRJ-1", List.of(new Dimension("a", "1"), new Dimension("a", "2"))))
        .hasMessage("the dimension set of project PRJ-1 names dimension 'a' twice");
    assertThatThrownBy(() -> new DimensionSet("PRJ-1", List.of(new Dimension("a", " "))))
        .hasMessage("value of dimension a of project PRJ-1 must not be blank; was ' '");
  }

  @Test
  void stats_deriveRequestsAndHitRate() {
    ReferenceCacheStats s = new ReferenceCacheStats(3, 1, 0, 0);
    assertThat(s.requests()).isEqualTo(4);
    assertThat(s.hitRate()).isEqualTo(0.75);
    assertThat(new ReferenceCacheStats(0, 0, 0, 0).hitRate()).isEqualTo(1.0);
    assertThatThrownBy(() -> new ReferenceCacheStats(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unavailable_namesTheLookupAndHasAStableCode() {
    ReferenceDataUnavailableException e = new ReferenceDataUnavailableException(
        ReferenceKind.LEGAL_ENTITY, ACME_GMBH.toString(), "ERP timed out after 5 s", null);
    assertThat(e.code()).isEqualTo("STEWARD-REFERENCE-UNAVAILABLE");
    assertThat(e.kind()).isEqualTo(ReferenceKind.LEGAL_ENTITY);
    assertThat(e.key()).isEqualTo(ACME_GMBH.toString());
    assertThat(e.getMessage()).isEqualTo("reference data unavailable: cannot look up legal entity"
        + " 'le_01J0ACME000000000000000001': ERP timed out after 5 s");
  }
}
