package dev.steward.spi.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalId;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.ExternalRef;
import dev.steward.model.IdGenerator;
import dev.steward.model.Money;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MappingContextTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final IdGenerator ids = IdGenerator.create(clock, new Random(7));

  @Test
  void canonicalId_mintsOnce_thenResolves_andMapsBack() {
    MappingContext context = MappingContext.builder("billing", clock).idGenerator(ids).build();

    CanonicalId first = context.canonicalId(EntityType.CUSTOMER, "cus_1");

    assertThat(first.type()).isEqualTo(EntityType.CUSTOMER);
    assertThat(context.canonicalId(EntityType.CUSTOMER, "cus_1")).isEqualTo(first);
    assertThat(context.findCanonicalId(EntityType.CUSTOMER, "cus_2")).isEmpty();
    assertThat(context.externalId(first)).contains("cus_1");
    assertThat(context.requireExternalId(first, "/customer")).isEqualTo("cus_1");
  }

  @Test
  void requireExternalId_ofAnUnknownRecord_isUnresolved() {
    MappingContext context = MappingContext.builder("billing", clock).build();
    CanonicalId unknown = ids.next(EntityType.CUSTOMER);

    assertThatThrownBy(() -> context.requireExternalId(unknown, "/customer"))
        .isInstanceOfSatisfying(MappingException.class, e -> {
          assertThat(e.reason()).isEqualTo(MappingException.Reason.UNRESOLVED_REFERENCE);
          assertThat(e.pointer()).isEqualTo("/customer");
        });
  }

  @Test
  void meta_carriesTheExternalReference_andTheClocksTimeWhenNoneIsGiven() {
    MappingContext context = MappingContext.builder("billing", clock).build();

    EntityMeta meta = context.meta(EntityType.INVOICE, "in_1", null);

    assertThat(meta.externalRefs()).containsExactly(new ExternalRef("billing", "in_1", null));
    assertThat(meta.updatedAt()).isEqualTo(clock.instant());
    assertThat(meta.lastWriter()).isEqualTo("billing");
    assertThat(meta.version()).isZero();
    assertThat(context.externalId(meta)).contains("in_1");
    assertThat(context.meta(EntityType.INVOICE, "in_1", Instant.EPOCH).updatedAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void defaults_areTyped_andMissingOnesAreMissingFields() {
    CanonicalId le = ids.next(EntityType.LEGAL_ENTITY);
    MappingContext context = MappingContext.builder("crm", clock).defaultId(le)
        .defaultCurrency(Currency.getInstance("EUR")).setting("taxCode", "EU-RC").build();

    assertThat(context.requireDefaultId(EntityType.LEGAL_ENTITY, "")).isEqualTo(le);
    assertThat(context.requireDefaultCurrency("/amount").getCurrencyCode()).isEqualTo("EUR");
    assertThat(context.setting("taxCode")).contains("EU-RC");
    assertThatThrownBy(() -> context.requireDefaultId(EntityType.CONTRACT, "/contract"))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.reason()).isEqualTo(MappingException.Reason.MISSING_FIELD));
    assertThatThrownBy(() -> MappingContext.builder("crm", clock).build().requireDefaultCurrency("/amount"))
        .isInstanceOf(MappingException.class).hasMessageContaining("no default currency");
  }

  @Test
  void builder_failsFast() {
    assertThatThrownBy(() -> MappingContext.builder("Not A System", clock)).isInstanceOf(IllegalArgumentException.class);
    CanonicalId le = ids.next(EntityType.LEGAL_ENTITY);
    assertThatThrownBy(() -> MappingContext.builder("crm", clock).defaultId(le).defaultId(ids.next(EntityType.LEGAL_ENTITY)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MappingContext.builder("crm", clock).setting("a", "1").setting("a", "2"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void inMemoryIdMap_keepsOneIdPerExternalId_andOneExternalIdPerSystem() {
    IdMap map = IdMap.inMemory();
    CanonicalId a = ids.next(EntityType.CUSTOMER);
    CanonicalId b = ids.next(EntityType.CUSTOMER);

    assertThat(map.bindIfAbsent("crm", EntityType.CUSTOMER, "001", a)).isEqualTo(a);
    assertThat(map.bindIfAbsent("crm", EntityType.CUSTOMER, "001", b)).isEqualTo(a);
    assertThat(map.bindIfAbsent("erp", EntityType.CUSTOMER, "C-1", a)).isEqualTo(a);
    assertThatThrownBy(() -> map.bindIfAbsent("crm", EntityType.CUSTOMER, "002", a)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> map.bindIfAbsent("crm", EntityType.CONTACT, "003", b)).isInstanceOf(IllegalArgumentException.class);
    assertThat(map.externalId("erp", a)).contains("C-1");
  }

  @Test
  void minorUnits_convertBothWays_perCurrency() {
    assertThat(MinorUnits.toMoney(1000, Currency.getInstance("USD"))).isEqualTo(Money.of("10.00", "USD"));
    assertThat(MinorUnits.toMoney(1000, Currency.getInstance("JPY"))).isEqualTo(Money.of("1000", "JPY"));
    assertThat(MinorUnits.fromMoney(Money.of("1.234", "BHD"))).isEqualTo(BigInteger.valueOf(1234));
    assertThat(MinorUnits.digits(Currency.getInstance("JPY"))).isZero();
  }

  @Test
  void enumMapping_refusesAValueMappedTwice() {
    assertThatThrownBy(() -> EnumMapping.builder(Thread.State.class).map("a", Thread.State.NEW).map("a", Thread.State.RUNNABLE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'a'");
    EnumMapping<Thread.State> m = EnumMapping.builder(Thread.State.class).map("new", Thread.State.NEW).map("fresh", Thread.State.NEW).build();
    assertThat(m.toVendor(Thread.State.NEW)).contains("new");
    assertThat(m.isPreferred("fresh")).isFalse();
    assertThat(List.copyOf(m.vendorValues())).containsExactly("new", "fresh");
  }
}
