package dev.steward.testkit.mapping;

import dev.steward.model.BillingSchedule;
import dev.steward.model.BillingScheduleStatus;
import dev.steward.model.BillingTiming;
import dev.steward.model.CanonicalId;
import dev.steward.model.ChargeFrequency;
import dev.steward.model.EntityType;
import dev.steward.model.Money;
import dev.steward.model.Period;
import dev.steward.model.RatingPeriod;
import dev.steward.model.RecurringCharge;
import dev.steward.model.UsageMetric;
import dev.steward.spi.mapping.EnumMapping;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Stripe {@code subscription}, with its {@code items.data[]}, to a {@link
 * BillingSchedule} and back: each item with a licensed price becomes a {@link RecurringCharge},
 * each item with a metered price a {@link UsageMetric}.
 *
 * <table>
 *   <caption>BillingSchedule fields and their Stripe sources</caption>
 *   <tr><th>canonical</th><th>Stripe</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code id}</td></tr>
 *   <tr><td>customerId</td><td>{@code customer}, through the id map</td></tr>
 *   <tr><td>contractId</td><td>the contract the id map binds to this subscription's id, else the context's default {@link EntityType#CONTRACT}: Stripe has no contracts</td></tr>
 *   <tr><td>legalEntityId</td><td>the context's default {@link EntityType#LEGAL_ENTITY}</td></tr>
 *   <tr><td>name</td><td>{@code description}</td></tr>
 *   <tr><td>status</td><td>{@code status}: incomplete (DRAFT), active, trialing, past_due and unpaid (ACTIVE), paused, canceled and incomplete_expired (ENDED); aliases are written back as they were</td></tr>
 *   <tr><td>currency</td><td>{@code currency}</td></tr>
 *   <tr><td>effectivePeriod</td><td>derived: the UTC days from {@code start_date} to the second before {@code ended_at}, else {@code cancel_at}; none while open-ended</td></tr>
 *   <tr><td>paymentTermsDays</td><td>{@code days_until_due}</td></tr>
 *   <tr><td>recurringCharges[].chargeId</td><td>{@code items.data[].id}</td></tr>
 *   <tr><td>recurringCharges[].serviceItemId</td><td>{@code items.data[].price.id}: a Stripe price is a service item (see {@link StripePriceMapper})</td></tr>
 *   <tr><td>recurringCharges[].description</td><td>{@code price.nickname}; the price id when null (not written back then)</td></tr>
 *   <tr><td>recurringCharges[].amount</td><td>{@code price.unit_amount} (minor units) times the item's {@code quantity}; written back as unit_amount = amount / quantity</td></tr>
 *   <tr><td>recurringCharges[].frequency</td><td>{@code price.recurring.interval} and {@code interval_count}: month 1, 3, 6 and year 1</td></tr>
 *   <tr><td>recurringCharges[].timing</td><td>IN_ADVANCE, as Stripe bills licensed prices; {@code price.recurring.usage_type} {@code licensed}</td></tr>
 *   <tr><td>recurringCharges[].validity</td><td>derived: the effective period, or from {@code start_date} to 9999-12-31 while open-ended</td></tr>
 *   <tr><td>usageMetrics[]</td><td>metered items: metricCode from {@code price.recurring.meter}, else the price id; overageUnitPrice from {@code price.unit_amount}; ratingPeriod from the interval; unit {@code unit}, nothing included</td></tr>
 *   <tr><td>extensions {@code stripe:*}</td><td>everything else, including what items do not map, under {@code stripe:items}</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class StripeSubscriptionMapper implements RecordMapper<BillingSchedule> {
  /** The extension namespace of Stripe fields. */
  public static final String NAMESPACE = "stripe";
  /** The last day of a charge whose subscription has no end. */
  public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

  /** Stripe's subscription statuses. */
  public static final EnumMapping<BillingScheduleStatus> STATUS = EnumMapping.builder(BillingScheduleStatus.class)
      .map("incomplete", BillingScheduleStatus.DRAFT)
      .map("active", BillingScheduleStatus.ACTIVE)
      .map("paused", BillingScheduleStatus.PAUSED)
      .map("canceled", BillingScheduleStatus.ENDED)
      .map("trialing", BillingScheduleStatus.ACTIVE)
      .map("past_due", BillingScheduleStatus.ACTIVE)
      .map("unpaid", BillingScheduleStatus.ACTIVE)
      .map("incomplete_expired", BillingScheduleStatus.ENDED)
      .build();

  @Override
  public Class<BillingSchedule> recordType() {
    return BillingSchedule.class;
  }

  @Override
  public BillingSchedule toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    Samples.requireObjectType(r, "subscription");
    String id = r.requireText("/id");
    Currency currency = r.requireCurrency("/currency");
    CanonicalId customer = context.canonicalId(EntityType.CUSTOMER, r.requireText("/customer"));
    CanonicalId contract = context.findCanonicalId(EntityType.CONTRACT, id)
        .orElseGet(() -> context.requireDefaultId(EntityType.CONTRACT, "/id"));
    Instant start = Samples.peekEpochSeconds(r, "/start_date").orElseThrow(() -> new MappingException(MappingException.Reason.MISSING_FIELD,
        context.systemId(), "/start_date", "expected a Unix time in seconds"));
    Optional<Instant> end = Samples.peekEpochSeconds(r, "/ended_at").or(() -> Samples.peekEpochSeconds(r, "/cancel_at"));
    Period effective = end.map(e -> new Period(Samples.utcDate(start), Samples.lastDay(start, e))).orElse(null);
    Period validity = effective != null ? effective : new Period(Samples.utcDate(start), OPEN_END);
    List<RecurringCharge> charges = new ArrayList<>();
    List<UsageMetric> metrics = new ArrayList<>();
    for (int i = 0; i < r.size("/items/data"); i++) {
      String at = "/items/data/" + i;
      String usage = r.requireText(at + "/price/recurring/usage_type");
      String priceId = r.requireText(at + "/price/id");
      CanonicalId item = context.canonicalId(EntityType.SERVICE_ITEM, priceId);
      Currency priceCurrency = r.requireCurrency(at + "/price/currency");
      if (!priceCurrency.equals(currency)) {
        throw new MappingException(MappingException.Reason.INVALID_VALUE, context.systemId(), at + "/price/currency",
            "the price is in " + priceCurrency + ", the subscription in " + currency);
      }
      Money unit = r.requireMinorUnits(at + "/price/unit_amount", currency);
      String interval = r.requireText(at + "/price/recurring/interval");
      long count = r.requireLong(at + "/price/recurring/interval_count");
      if (usage.equals("licensed")) {
        BigDecimal quantity = r.peek(at + "/quantity").filter(JsonNode::isIntegralNumber)
            .map(JsonNode::decimalValue).orElse(BigDecimal.ONE);
        charges.add(new RecurringCharge(r.requireText(at + "/id"), null, item,
            r.text(at + "/price/nickname").orElse(priceId), unit.times(quantity, RoundingMode.UNNECESSARY),
            frequency(context, at, interval, count), validity, BillingTiming.IN_ADVANCE));
      } else if (usage.equals("metered")) {
        // The item id stays in the extensions: it tells toVendor which items were metered.
        String metric = r.text(at + "/price/recurring/meter").orElse(priceId);
        metrics.add(new UsageMetric(metric, null, item, "unit", BigDecimal.ZERO, List.of(), unit,
            ratingPeriod(frequency(context, at, interval, count))));
      } else {
        throw new MappingException(MappingException.Reason.UNKNOWN_VALUE, context.systemId(), at + "/price/recurring/usage_type",
            "'" + usage + "' is neither licensed nor metered");
      }
    }
    Integer terms = r.longValue("/days_until_due").isPresent() ? (int) r.requireLong("/days_until_due") : null;
    return new BillingSchedule(context.meta(EntityType.BILLING_SCHEDULE, id, null), contract, customer,
        context.requireDefaultId(EntityType.LEGAL_ENTITY, ""), null, r.text("/description").orElse(null),
        r.requireEnum("/status", STATUS), currency, effective, terms, charges, List.of(), metrics, r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(BillingSchedule record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    String currency = record.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    w.putText("/object", "subscription");
    w.putText("/id", context.externalId(record.meta()).orElse(null));
    w.putText("/customer", context.requireExternalId(record.customerId(), "/customer"));
    w.putText("/currency", currency);
    w.putText("/description", record.name());
    w.putEnum("/status", STATUS, record.status());
    w.putLong("/days_until_due", record.paymentTermsDays() == null ? null : record.paymentTermsDays().longValue());
    // Items go back where they were read: a kept item id marks a metered item, a consumed one a licensed item.
    List<Integer> chargeSlots = new ArrayList<>();
    List<Integer> metricSlots = new ArrayList<>();
    JsonNode kept = w.unmapped("/items/data").filter(JsonNode::isArray).orElse(null);
    for (int i = 0; kept != null && i < kept.size(); i++) {
      (kept.get(i).isObject() && kept.get(i).has("id") ? metricSlots : chargeSlots).add(i);
    }
    int fresh = chargeSlots.size() + metricSlots.size();
    for (int k = 0; k < record.recurringCharges().size(); k++) {
      RecurringCharge charge = record.recurringCharges().get(k);
      String at = "/items/data/" + (k < chargeSlots.size() ? chargeSlots.get(k) : fresh++);
      w.putText(at + "/id", charge.chargeId());
      writePrice(w, context, at, charge.serviceItemId(), currency, "licensed", charge.frequency());
      if (!w.isUnmapped(at + "/price/nickname")) {
        w.putText(at + "/price/nickname", charge.description());
      }
      BigDecimal quantity = w.unmapped(at + "/quantity").filter(JsonNode::isIntegralNumber)
          .map(JsonNode::decimalValue).orElse(BigDecimal.ONE);
      try {
        w.putMinorUnits(at + "/price/unit_amount", Money.of(charge.amount().amount().divide(quantity), charge.amount().currency()));
      } catch (ArithmeticException e) {
        throw new MappingException(MappingException.Reason.INEXACT_AMOUNT, context.systemId(), at + "/price/unit_amount",
            charge.amount() + " is not a whole multiple of the quantity " + quantity, e);
      }
    }
    for (int k = 0; k < record.usageMetrics().size(); k++) {
      UsageMetric metric = record.usageMetrics().get(k);
      String at = "/items/data/" + (k < metricSlots.size() ? metricSlots.get(k) : fresh++);
      writePrice(w, context, at, metric.serviceItemId(), currency, "metered", frequency(metric.ratingPeriod()));
      if (!w.isUnmapped(at + "/price/recurring/meter")) {
        w.putText(at + "/price/recurring/meter", metric.metricCode());
      }
      w.putMinorUnits(at + "/price/unit_amount", metric.overageUnitPrice());
    }
    return w.build();
  }

  private static void writePrice(VendorWriter w, MappingContext context, String at, CanonicalId serviceItem,
      String currency, String usage, ChargeFrequency frequency) {
    w.putText(at + "/price/id", context.requireExternalId(serviceItem, at + "/price/id"));
    w.putText(at + "/price/currency", currency);
    w.putText(at + "/price/recurring/usage_type", usage);
    w.putText(at + "/price/recurring/interval", frequency == ChargeFrequency.ANNUALLY ? "year" : "month");
    w.putLong(at + "/price/recurring/interval_count", intervalCount(frequency));
  }

  private static long intervalCount(ChargeFrequency frequency) {
    if (frequency == ChargeFrequency.QUARTERLY) {
      return 3;
    }
    return frequency == ChargeFrequency.SEMI_ANNUALLY ? 6 : 1;
  }

  private static ChargeFrequency frequency(MappingContext context, String at, String interval, long count) {
    if (interval.equals("month") && count == 1) {
      return ChargeFrequency.MONTHLY;
    }
    if (interval.equals("month") && count == 3) {
      return ChargeFrequency.QUARTERLY;
    }
    if (interval.equals("month") && count == 6) {
      return ChargeFrequency.SEMI_ANNUALLY;
    }
    if ((interval.equals("year") && count == 1) || (interval.equals("month") && count == 12)) {
      return ChargeFrequency.ANNUALLY;
    }
    throw new MappingException(MappingException.Reason.UNKNOWN_VALUE, context.systemId(), at + "/price/recurring/interval",
        "every " + count + " " + interval + "(s) has no canonical charge frequency (monthly, quarterly, semi-annually, annually)");
  }

  private static RatingPeriod ratingPeriod(ChargeFrequency frequency) {
    return RatingPeriod.valueOf(frequency.name());
  }

  private static ChargeFrequency frequency(RatingPeriod period) {
    return period == RatingPeriod.TERM ? ChargeFrequency.MONTHLY : ChargeFrequency.valueOf(period.name());
  }
}
