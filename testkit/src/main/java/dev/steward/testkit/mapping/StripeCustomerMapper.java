package dev.steward.testkit.mapping;

import dev.steward.model.Address;
import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityType;
import dev.steward.model.TaxId;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Stripe {@code customer} to a {@link Customer} and back.
 *
 * <table>
 *   <caption>Customer fields and their Stripe sources</caption>
 *   <tr><th>canonical</th><th>Stripe</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code id}</td></tr>
 *   <tr><td>legalName, displayName</td><td>{@code name}; the Stripe {@code id} when {@code name} is null (not written back then)</td></tr>
 *   <tr><td>billingAddress</td><td>{@code address} ({@code line1}, {@code line2}, {@code city}, {@code state}, {@code postal_code}, {@code country}), when line1, city and country are set</td></tr>
 *   <tr><td>shippingAddress</td><td>{@code shipping.address}, likewise</td></tr>
 *   <tr><td>taxIds</td><td>{@code tax_ids.data[].country} and {@code .value}, when the list is expanded</td></tr>
 *   <tr><td>status</td><td>{@link CustomerStatus#ACTIVE}: a Stripe customer that exists is active</td></tr>
 *   <tr><td>contractingEntityId</td><td>the context's default {@link EntityType#LEGAL_ENTITY} (the company the Stripe account bills for)</td></tr>
 *   <tr><td>extensions {@code stripe:*}</td><td>everything else: {@code email}, {@code phone}, {@code balance}, {@code currency}, {@code metadata}, ...</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class StripeCustomerMapper implements RecordMapper<Customer> {
  /** The extension namespace of Stripe fields. */
  public static final String NAMESPACE = "stripe";

  @Override
  public Class<Customer> recordType() {
    return Customer.class;
  }

  @Override
  public Customer toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    Samples.requireObjectType(r, "customer");
    String id = r.requireText("/id");
    String name = r.text("/name").orElse(id);
    Address billing = readAddress(r, "/address");
    Address shipping = readAddress(r, "/shipping/address");
    List<TaxId> taxIds = new ArrayList<>();
    for (int i = 0; i < r.size("/tax_ids/data"); i++) {
      String at = "/tax_ids/data/" + i;
      taxIds.add(new TaxId(r.requireText(at + "/country"), r.requireText(at + "/value")));
    }
    CanonicalId legalEntity = context.requireDefaultId(EntityType.LEGAL_ENTITY, "");
    return new Customer(context.meta(EntityType.CUSTOMER, id, null), name, name, null, null, CustomerStatus.ACTIVE,
        legalEntity, taxIds, billing, shipping, r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(Customer record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    w.putText("/object", "customer");
    w.putText("/id", context.externalId(record.meta()).orElse(null));
    if (!w.isUnmapped("/name")) {
      w.putText("/name", record.legalName());
    }
    writeAddress(w, "/address", record.billingAddress());
    writeAddress(w, "/shipping/address", record.shippingAddress());
    for (int i = 0; i < record.taxIds().size(); i++) {
      w.putText("/tax_ids/data/" + i + "/country", record.taxIds().get(i).country());
      w.putText("/tax_ids/data/" + i + "/value", record.taxIds().get(i).number());
    }
    return w.build();
  }

  /** Reads a Stripe address if it has a street, city and country; otherwise leaves it all in extensions. */
  static @Nullable Address readAddress(VendorReader r, String at) {
    if (!r.has(at + "/line1") || !r.has(at + "/city") || !r.has(at + "/country")) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    lines.add(r.requireText(at + "/line1"));
    r.text(at + "/line2").ifPresent(lines::add);
    return new Address(lines, r.requireText(at + "/city"), r.text(at + "/state").orElse(null),
        r.text(at + "/postal_code").orElse(null), r.requireText(at + "/country"));
  }

  static void writeAddress(VendorWriter w, String at, @Nullable Address address) {
    if (address == null) {
      return;
    }
    w.putText(at + "/line1", address.lines().get(0));
    w.putText(at + "/line2", Samples.restOfLines(address));
    w.putText(at + "/city", address.city());
    w.putText(at + "/state", address.region());
    w.putText(at + "/postal_code", address.postalCode());
    w.putText(at + "/country", address.country());
  }
}
