package dev.steward.testkit.mapping;

import dev.steward.model.EntityType;
import dev.steward.model.UsageRecord;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Stripe {@code billing.meter_event} (the current way to report usage) to a {@link
 * UsageRecord} and back. Meter events have no id of their own; their {@code identifier} is the
 * unique key Stripe de-duplicates them by, so it is both the external id and the source event id.
 *
 * <table>
 *   <caption>UsageRecord fields and their Stripe sources</caption>
 *   <tr><th>canonical</th><th>Stripe</th></tr>
 *   <tr><td>meta (external id), sourceEventId</td><td>{@code identifier}</td></tr>
 *   <tr><td>metricCode</td><td>{@code event_name}</td></tr>
 *   <tr><td>customerId</td><td>{@code payload.stripe_customer_id} (the meter's default customer key), through the id map</td></tr>
 *   <tr><td>quantity</td><td>{@code payload.value}, a decimal as text (the meter's default value key)</td></tr>
 *   <tr><td>occurredAt</td><td>{@code timestamp}, Unix seconds</td></tr>
 *   <tr><td>extensions {@code stripe:*}</td><td>everything else: {@code created}, {@code livemode}</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class StripeMeterEventMapper implements RecordMapper<UsageRecord> {
  /** The extension namespace of Stripe fields. */
  public static final String NAMESPACE = "stripe";

  @Override
  public Class<UsageRecord> recordType() {
    return UsageRecord.class;
  }

  @Override
  public UsageRecord toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    Samples.requireObjectType(r, "billing.meter_event");
    String identifier = r.requireText("/identifier");
    return new UsageRecord(context.meta(EntityType.USAGE_RECORD, identifier, null),
        context.canonicalId(EntityType.CUSTOMER, r.requireText("/payload/stripe_customer_id")), null, null,
        r.requireText("/event_name"), r.requireDecimal("/payload/value"), null, r.requireEpochSeconds("/timestamp"),
        null, identifier, null, r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(UsageRecord record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    w.putText("/object", "billing.meter_event");
    w.putText("/identifier", record.sourceEventId());
    w.putText("/event_name", record.metricCode());
    w.putText("/payload/stripe_customer_id", context.requireExternalId(record.customerId(), "/payload/stripe_customer_id"));
    w.putText("/payload/value", record.quantity().toPlainString());
    w.putEpochSeconds("/timestamp", record.occurredAt());
    return w.build();
  }
}
