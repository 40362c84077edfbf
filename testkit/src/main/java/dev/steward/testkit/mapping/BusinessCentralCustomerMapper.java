package dev.steward.testkit.mapping;

import dev.steward.model.Address;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityType;
import dev.steward.model.TaxId;
import dev.steward.spi.mapping.EnumMapping;
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
 * Maps a Business Central API v2.0 {@code customer} to a {@link Customer} and back. Business
 * Central has no null text: "no value" is the empty string, read as absent and written back as
 * {@code ""}.
 *
 * <table>
 *   <caption>Customer fields and their Business Central sources</caption>
 *   <tr><th>canonical</th><th>Business Central</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code id}, the customer's GUID</td></tr>
 *   <tr><td>meta.updatedAt</td><td>{@code lastModifiedDateTime}, read-only in Business Central: kept and never written</td></tr>
 *   <tr><td>legalName, displayName</td><td>{@code displayName}</td></tr>
 *   <tr><td>billingAddress</td><td>{@code addressLine1}, {@code addressLine2}, {@code city}, {@code state}, {@code postalCode}, {@code country}, when line 1, city and country are set</td></tr>
 *   <tr><td>taxIds</td><td>{@code taxRegistrationNumber}, in the address's country</td></tr>
 *   <tr><td>status</td><td>{@code blocked}: {@code " "} (not blocked) is ACTIVE; {@code All}, {@code Ship} and {@code Invoice} are ON_HOLD (aliases written back as they were)</td></tr>
 *   <tr><td>contractingEntityId</td><td>the context's default {@link EntityType#LEGAL_ENTITY}: the Business Central company the API path names</td></tr>
 *   <tr><td>extensions {@code bc:*}</td><td>everything else: {@code number}, {@code type}, {@code email}, {@code phoneNumber}, {@code currencyCode}, {@code paymentTermsId}, ...</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class BusinessCentralCustomerMapper implements RecordMapper<Customer> {
  /** The extension namespace of Business Central fields. */
  public static final String NAMESPACE = "bc";

  /** Business Central's {@code blocked} values. */
  public static final EnumMapping<CustomerStatus> BLOCKED = EnumMapping.builder(CustomerStatus.class)
      .map(" ", CustomerStatus.ACTIVE)
      .map("All", CustomerStatus.ON_HOLD)
      .map("Ship", CustomerStatus.ON_HOLD)
      .map("Invoice", CustomerStatus.ON_HOLD)
      .build();

  @Override
  public Class<Customer> recordType() {
    return Customer.class;
  }

  @Override
  public Customer toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    String id = r.requireText("/id");
    String name = r.requireText("/displayName");
    Address address = readAddress(r, "/addressLine1", "/addressLine2", "/city", "/state", "/postalCode", "/country");
    List<TaxId> taxIds = new ArrayList<>();
    JsonNode taxNumber = r.peek("/taxRegistrationNumber").orElse(null);
    if (taxNumber != null && taxNumber.isString() && taxNumber.stringValue().isEmpty()) {
      r.consume("/taxRegistrationNumber");
    } else if (taxNumber != null && address != null) {
      taxIds.add(new TaxId(address.country(), r.requireText("/taxRegistrationNumber")));
    }
    return new Customer(context.meta(EntityType.CUSTOMER, id, Samples.peekInstant(r, "/lastModifiedDateTime").orElse(null)), name, name,
        null, null, r.requireEnum("/blocked", BLOCKED), context.requireDefaultId(EntityType.LEGAL_ENTITY, ""), taxIds,
        address, null, r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(Customer record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    w.putText("/id", context.externalId(record.meta()).orElse(null));
    w.putText("/displayName", record.displayName());
    writeAddress(w, record.billingAddress(), "/addressLine1", "/addressLine2", "/city", "/state", "/postalCode", "/country");
    if (!w.isUnmapped("/taxRegistrationNumber")) {
      w.putText("/taxRegistrationNumber", record.taxIds().isEmpty() ? "" : record.taxIds().get(0).number());
    }
    w.putEnum("/blocked", BLOCKED, record.status());
    return w.build();
  }

  /** Reads a Business Central address (six fields named as given) if line 1, city and country are set; else leaves them. */
  static @Nullable Address readAddress(VendorReader r, String line1, String line2, String city, String state,
      String postalCode, String country) {
    for (String required : List.of(line1, city, country)) {
      if (Samples.emptyToNull(r.peek(required).filter(JsonNode::isString).map(JsonNode::stringValue).orElse(null)) == null) {
        return null;
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(r.requireText(line1));
    String second = Samples.emptyToNull(r.text(line2).orElse(null));
    if (second != null) {
      lines.add(second);
    }
    return new Address(lines, r.requireText(city), Samples.emptyToNull(r.text(state).orElse(null)),
        Samples.emptyToNull(r.text(postalCode).orElse(null)), r.requireText(country));
  }

  static void writeAddress(VendorWriter w, @Nullable Address address, String line1, String line2, String city,
      String state, String postalCode, String country) {
    if (address == null) {
      return;
    }
    w.putText(line1, address.lines().get(0));
    w.putText(line2, Samples.nullToEmpty(Samples.restOfLines(address)));
    w.putText(city, address.city());
    w.putText(state, Samples.nullToEmpty(address.region()));
    w.putText(postalCode, Samples.nullToEmpty(address.postalCode()));
    w.putText(country, address.country());
  }
}
