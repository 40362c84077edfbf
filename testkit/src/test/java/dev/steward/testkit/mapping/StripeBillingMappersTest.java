package dev.steward.testkit.mapping;

import static dev.steward.testkit.mapping.MappingChecks.assertNothingDropped;
import static dev.steward.testkit.mapping.MappingChecks.assertRoundTrip;
import static dev.steward.testkit.mapping.MappingChecks.assertValid;
import static dev.steward.testkit.mapping.MappingChecks.vendorFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.BillingSchedule;
import dev.steward.model.BillingScheduleStatus;
import dev.steward.model.BillingTiming;
import dev.steward.model.ChargeFrequency;
import dev.steward.model.EntityType;
import dev.steward.model.Money;
import dev.steward.model.Period;
import dev.steward.model.RatingPeriod;
import dev.steward.model.RecurringCharge;
import dev.steward.model.ServiceItem;
import dev.steward.model.ServiceItemKind;
import dev.steward.model.UsageMetric;
import dev.steward.model.UsageRecord;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class StripeBillingMappersTest {
  private static final String NS = "stripe";
  private static final String PRICE_ID = "price_1PgafmB7WZ01zgkW6dKueIc5";
  private static final List<String> SUBSCRIPTION_MAPPED = List.of("/object", "/id", "/currency", "/customer", "/status",
      "/items/data/*/id", "/items/data/*/price/id", "/items/data/*/price/currency", "/items/data/*/price/unit_amount",
      "/items/data/*/price/recurring/usage_type", "/items/data/*/price/recurring/interval",
      "/items/data/*/price/recurring/interval_count");
  private final MappingContext context = Contexts.builder("billing").defaultId(Contexts.CONTRACT).build();

  @Test
  void subscription_fixture_mapsItsLicensedItemToARecurringCharge() {
    JsonNode vendor = vendorFile("stripe/subscription.json");
    StripeSubscriptionMapper mapper = new StripeSubscriptionMapper();

    BillingSchedule bs = assertValid(mapper.toCanonical(vendor, context));

    assertThat(bs.meta().externalRefs().get(0).id()).isEqualTo("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw");
    assertThat(bs.customerId()).isEqualTo(context.findCanonicalId(EntityType.CUSTOMER, "cus_QXg1o8vcGmoR32").orElseThrow());
    assertThat(bs.contractId()).as("from the context: Stripe has no contracts").isEqualTo(Contexts.CONTRACT);
    assertThat(bs.legalEntityId()).isEqualTo(Contexts.LEGAL_ENTITY);
    assertThat(bs.status()).isEqualTo(BillingScheduleStatus.ACTIVE);
    assertThat(bs.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(bs.effectivePeriod()).isEqualTo(new Period(LocalDate.of(2009, 2, 13), LocalDate.of(2009, 2, 13)));
    assertThat(bs.name()).isNull();
    assertThat(bs.paymentTermsDays()).isNull();
    assertThat(bs.usageMetrics()).isEmpty();
    RecurringCharge charge = bs.recurringCharges().get(0);
    assertThat(charge.chargeId()).isEqualTo("si_QXhVnC2h0Jczwc");
    assertThat(charge.serviceItemId()).isEqualTo(context.findCanonicalId(EntityType.SERVICE_ITEM, PRICE_ID).orElseThrow());
    assertThat(charge.description()).as("nickname is null: the price id stands in").isEqualTo(PRICE_ID);
    assertThat(charge.amount()).isEqualTo(Money.of("20.00", "USD"));
    assertThat(charge.frequency()).isEqualTo(ChargeFrequency.MONTHLY);
    assertThat(charge.timing()).isEqualTo(BillingTiming.IN_ADVANCE);
    assertThat(charge.validity()).isEqualTo(bs.effectivePeriod());
    assertThat(bs.extensions().get("stripe:items").at("/data/0/plan/billing_scheme").stringValue()).isEqualTo("tiered");
    assertNothingDropped(vendor, bs.extensions(), NS, SUBSCRIPTION_MAPPED);
    assertRoundTrip(mapper, vendor, bs, context, false);
  }

  @Test
  void subscription_meteredAndLicensedItems_goBackWhereTheyWere() {
    ObjectNode vendor = (ObjectNode) vendorFile("stripe/subscription.json");
    ArrayNode items = (ArrayNode) vendor.at("/items/data");
    ObjectNode metered = (ObjectNode) items.get(0).deepCopy();
    metered.put("id", "si_metered");
    ((ObjectNode) metered.at("/price")).put("id", "price_metered").put("unit_amount", 5);
    ((ObjectNode) metered.at("/price/recurring")).put("usage_type", "metered").put("meter", "mtr_api_calls");
    items.insert(0, metered);
    StripeSubscriptionMapper mapper = new StripeSubscriptionMapper();

    BillingSchedule bs = assertValid(mapper.toCanonical(vendor, context));

    UsageMetric metric = bs.usageMetrics().get(0);
    assertThat(metric.metricCode()).isEqualTo("mtr_api_calls");
    assertThat(metric.overageUnitPrice()).isEqualTo(Money.of("0.05", "USD"));
    assertThat(metric.ratingPeriod()).isEqualTo(RatingPeriod.MONTHLY);
    assertThat(bs.recurringCharges()).extracting(RecurringCharge::chargeId).containsExactly("si_QXhVnC2h0Jczwc");
    ObjectNode back = assertRoundTrip(mapper, vendor, bs, context, false);
    assertThat(back.at("/items/data/0/id").stringValue()).isEqualTo("si_metered");
  }

  @Test
  void subscription_withoutDefaultContract_isMissingField_andWeeklyPrices_areUnknown() {
    JsonNode vendor = vendorFile("stripe/subscription.json");
    MappingContext noContract = Contexts.builder("billing").build();
    ObjectNode weekly = (ObjectNode) vendor.deepCopy();
    ((ObjectNode) weekly.at("/items/data/0/price/recurring")).put("interval", "week");

    assertThatThrownBy(() -> new StripeSubscriptionMapper().toCanonical(vendor, noContract))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.reason()).isEqualTo(MappingException.Reason.MISSING_FIELD));
    assertThatThrownBy(() -> new StripeSubscriptionMapper().toCanonical(weekly, context))
        .isInstanceOfSatisfying(MappingException.class, e -> {
          assertThat(e.reason()).isEqualTo(MappingException.Reason.UNKNOWN_VALUE);
          assertThat(e.pointer()).isEqualTo("/items/data/0/price/recurring/interval");
        });
  }

  @Test
  void price_fixture_mapsToTheServiceItemSubscriptionsReferTo() {
    JsonNode vendor = vendorFile("stripe/price.json");
    StripePriceMapper mapper = new StripePriceMapper();
    BillingSchedule subscription = new StripeSubscriptionMapper().toCanonical(vendorFile("stripe/subscription.json"), context);

    ServiceItem item = assertValid(mapper.toCanonical(vendor, context));

    assertThat(item.id()).isEqualTo(subscription.recurringCharges().get(0).serviceItemId());
    assertThat(item.code()).as("lookup_key is null: the price id stands in").isEqualTo(PRICE_ID);
    assertThat(item.name()).isEqualTo(PRICE_ID);
    assertThat(item.kind()).isEqualTo(ServiceItemKind.SUBSCRIPTION);
    assertThat(item.unitOfMeasure()).isEqualTo("EACH");
    assertThat(item.active()).isTrue();
    assertThat(item.extensions().get("stripe:unit_amount").intValue()).isEqualTo(2000);
    assertNothingDropped(vendor, item.extensions(), NS, List.of("/object", "/id", "/type", "/recurring/usage_type", "/active"));
    assertRoundTrip(mapper, vendor, item, context, false);
  }

  @Test
  void meterEvent_fixture_mapsToAUsageRecord() {
    JsonNode vendor = vendorFile("stripe/billing.meter_event.json");
    StripeMeterEventMapper mapper = new StripeMeterEventMapper();

    UsageRecord usage = assertValid(mapper.toCanonical(vendor, context));

    assertThat(usage.sourceEventId()).isEqualTo("1234-1234");
    assertThat(usage.meta().externalRefs().get(0).id()).isEqualTo("1234-1234");
    assertThat(usage.metricCode()).isEqualTo("api_request");
    assertThat(usage.customerId()).isEqualTo(context.findCanonicalId(EntityType.CUSTOMER, "cus_123").orElseThrow());
    assertThat(usage.quantity()).isEqualByComparingTo("25");
    assertThat(usage.occurredAt()).isEqualTo(Instant.ofEpochSecond(1234567890));
    assertThat(usage.extensions()).containsOnlyKeys("stripe:created", "stripe:livemode");
    assertNothingDropped(vendor, usage.extensions(), NS, List.of("/object", "/identifier", "/event_name",
        "/payload/stripe_customer_id", "/payload/value", "/timestamp"));
    assertRoundTrip(mapper, vendor, usage, context, false);
  }

  @Test
  void meterEvent_valueThatIsNotADecimal_isInvalid() {
    ObjectNode vendor = (ObjectNode) vendorFile("stripe/billing.meter_event.json");
    ((ObjectNode) vendor.get("payload")).put("value", "twenty-five");

    assertThatThrownBy(() -> new StripeMeterEventMapper().toCanonical(vendor, context))
        .isInstanceOfSatisfying(MappingException.class, e -> {
          assertThat(e.reason()).isEqualTo(MappingException.Reason.INVALID_VALUE);
          assertThat(e.pointer()).isEqualTo("/payload/value");
        });
  }
}
