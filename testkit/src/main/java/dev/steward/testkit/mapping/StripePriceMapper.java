package dev.steward.testkit.mapping;

import dev.steward.model.EntityType;
import dev.steward.model.ServiceItem;
import dev.steward.model.ServiceItemKind;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Stripe {@code price} to a {@link ServiceItem} and back: a price is what subscriptions
 * and invoice lines sell, so it is the catalogue entry they refer to. The canonical service item
 * carries no amount — prices live in billing schedules and rate cards — so {@code unit_amount},
 * {@code currency} and the rest of the price stay in extensions. (A {@link
 * dev.steward.model.RateCard} fits no better: its rates are per role and per hour or day.)
 *
 * <table>
 *   <caption>ServiceItem fields and their Stripe sources</caption>
 *   <tr><th>canonical</th><th>Stripe</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code id}</td></tr>
 *   <tr><td>code</td><td>{@code lookup_key}; the price id when null (not written back then)</td></tr>
 *   <tr><td>name</td><td>{@code nickname}; the price id when null (not written back then)</td></tr>
 *   <tr><td>kind</td><td>{@code type} and {@code recurring.usage_type}: recurring licensed is SUBSCRIPTION, recurring metered is USAGE, one_time is PROFESSIONAL_SERVICES</td></tr>
 *   <tr><td>unitOfMeasure</td><td>{@value #UNIT_OF_MEASURE}: a Stripe price is per unit of whatever the product sells</td></tr>
 *   <tr><td>active</td><td>{@code active}</td></tr>
 *   <tr><td>extensions {@code stripe:*}</td><td>everything else: {@code unit_amount}, {@code currency}, {@code product}, {@code recurring.interval}, ...</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class StripePriceMapper implements RecordMapper<ServiceItem> {
  /** The extension namespace of Stripe fields. */
  public static final String NAMESPACE = "stripe";
  /** The unit of measure of every Stripe price. */
  public static final String UNIT_OF_MEASURE = "EACH";
  private static final int MAX_CODE = 32;

  @Override
  public Class<ServiceItem> recordType() {
    return ServiceItem.class;
  }

  @Override
  public ServiceItem toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    Samples.requireObjectType(r, "price");
    String id = r.requireText("/id");
    String code = r.text("/lookup_key").orElse(id);
    if (code.length() > MAX_CODE) {
      throw new MappingException(MappingException.Reason.INVALID_VALUE, context.systemId(), "/lookup_key",
          "a service item code is at most " + MAX_CODE + " characters; this one has " + code.length());
    }
    String type = r.requireText("/type");
    ServiceItemKind kind;
    if (type.equals("one_time")) {
      kind = ServiceItemKind.PROFESSIONAL_SERVICES;
    } else if (type.equals("recurring")) {
      String usage = r.requireText("/recurring/usage_type");
      if (usage.equals("licensed")) {
        kind = ServiceItemKind.SUBSCRIPTION;
      } else if (usage.equals("metered")) {
        kind = ServiceItemKind.USAGE;
      } else {
        throw new MappingException(MappingException.Reason.UNKNOWN_VALUE, context.systemId(), "/recurring/usage_type",
            "'" + usage + "' is neither licensed nor metered");
      }
    } else {
      throw new MappingException(MappingException.Reason.UNKNOWN_VALUE, context.systemId(), "/type",
          "'" + type + "' is neither one_time nor recurring");
    }
    return new ServiceItem(context.meta(EntityType.SERVICE_ITEM, id, null), code, r.text("/nickname").orElse(id), null,
        kind, UNIT_OF_MEASURE, null, null, null, r.requireBoolean("/active"), r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(ServiceItem record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    w.putText("/object", "price");
    w.putText("/id", context.externalId(record.meta()).orElse(null));
    if (!w.isUnmapped("/lookup_key")) {
      w.putText("/lookup_key", record.code());
    }
    if (!w.isUnmapped("/nickname")) {
      w.putText("/nickname", record.name());
    }
    boolean recurring = record.kind() == ServiceItemKind.SUBSCRIPTION || record.kind() == ServiceItemKind.USAGE;
    w.putText("/type", recurring ? "recurring" : "one_time");
    if (recurring) {
      w.putText("/recurring/usage_type", record.kind() == ServiceItemKind.USAGE ? "metered" : "licensed");
    }
    w.putBoolean("/active", record.active());
    return w.build();
  }
}
