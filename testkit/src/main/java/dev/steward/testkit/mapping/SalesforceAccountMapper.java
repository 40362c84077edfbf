package dev.steward.testkit.mapping;

import dev.steward.model.Address;
import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityType;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Salesforce {@code Account}, as an sObject tree file or the REST API gives it, to a
 * {@link Customer} and back. Field names are read in any case and written in API casing, and a
 * tree record's external id is {@code @<referenceId>} (see the package's Salesforce notes in
 * {@link SalesforceContactMapper}).
 *
 * <table>
 *   <caption>Customer fields and their Salesforce sources</caption>
 *   <tr><th>canonical</th><th>Salesforce</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code Id}, else {@code @} + {@code attributes.referenceId}</td></tr>
 *   <tr><td>legalName, displayName</td><td>{@code Name}</td></tr>
 *   <tr><td>parentId</td><td>{@code ParentId}, through the id map</td></tr>
 *   <tr><td>status</td><td>derived: PROSPECT when {@code Type} is {@code Prospect}, else ACTIVE ({@code Type} itself is kept)</td></tr>
 *   <tr><td>billingAddress</td><td>{@code BillingStreet} (lines split at newlines), {@code BillingCity}, {@code BillingState}, {@code BillingPostalCode}, and {@code BillingCountryCode} or the English country name in {@code BillingCountry}; when street, city and a known country are there</td></tr>
 *   <tr><td>shippingAddress</td><td>the {@code Shipping...} fields, likewise</td></tr>
 *   <tr><td>contractingEntityId</td><td>the context's default {@link EntityType#LEGAL_ENTITY}: an Account does not say which of the firm's companies contracts</td></tr>
 *   <tr><td>extensions {@code salesforce:*}</td><td>everything else: {@code Phone}, {@code Industry}, {@code AnnualRevenue}, {@code NumberOfEmployees}, ...</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class SalesforceAccountMapper implements RecordMapper<Customer> {
  /** The extension namespace of Salesforce fields. */
  public static final String NAMESPACE = SalesforceRecords.NAMESPACE;

  static final List<String> API_NAMES = List.of("Id", "Name", "Type", "ParentId", "Phone", "Fax", "Website", "Industry",
      "NumberOfEmployees", "AnnualRevenue", "Description", "AccountNumber", "BillingStreet", "BillingCity",
      "BillingState", "BillingPostalCode", "BillingCountry", "BillingCountryCode", "ShippingStreet", "ShippingCity",
      "ShippingState", "ShippingPostalCode", "ShippingCountry", "ShippingCountryCode");

  @Override
  public Class<Customer> recordType() {
    return Customer.class;
  }

  @Override
  public Customer toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(SalesforceRecords.inApiCasing(vendorObject, API_NAMES, context), context);
    String id = SalesforceRecords.readId(r, "Account");
    String name = r.requireText("/Name");
    CustomerStatus status = r.peek("/Type").filter(t -> t.isString() && t.stringValue().equals("Prospect")).isPresent()
        ? CustomerStatus.PROSPECT : CustomerStatus.ACTIVE;
    CanonicalId parent = r.text("/ParentId").map(p -> context.canonicalId(EntityType.CUSTOMER, p)).orElse(null);
    return new Customer(context.meta(EntityType.CUSTOMER, id, null), name, name, parent, null, status,
        context.requireDefaultId(EntityType.LEGAL_ENTITY, ""), List.of(), readAddress(r, "Billing"),
        readAddress(r, "Shipping"), r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(Customer record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    context.externalId(record.meta()).ifPresent(id -> SalesforceRecords.writeId(w, "Account", id));
    w.putText("/Name", record.legalName());
    if (record.parentId() != null) {
      w.putText("/ParentId", context.requireExternalId(record.parentId(), "/ParentId"));
    }
    writeAddress(w, "Billing", record.billingAddress());
    writeAddress(w, "Shipping", record.shippingAddress());
    return w.build();
  }

  private static @Nullable Address readAddress(VendorReader r, String kind) {
    Optional<String> code = r.peek("/" + kind + "CountryCode").filter(JsonNode::isString).map(JsonNode::stringValue);
    Optional<String> country = code.isPresent() ? code
        : r.peek("/" + kind + "Country").filter(JsonNode::isString).flatMap(n -> Samples.countryCodeOf(n.stringValue()));
    if (country.isEmpty() || !r.has("/" + kind + "Street") || !r.has("/" + kind + "City")) {
      return null;
    }
    r.consume(code.isPresent() ? "/" + kind + "CountryCode" : "/" + kind + "Country");
    List<String> lines = Arrays.asList(r.requireText("/" + kind + "Street").split("\n", -1));
    return new Address(lines, r.requireText("/" + kind + "City"), r.text("/" + kind + "State").orElse(null),
        r.text("/" + kind + "PostalCode").orElse(null), country.get());
  }

  private static void writeAddress(VendorWriter w, String kind, @Nullable Address address) {
    if (address == null) {
      return;
    }
    w.putText("/" + kind + "Street", String.join("\n", address.lines()));
    w.putText("/" + kind + "City", address.city());
    w.putText("/" + kind + "State", address.region());
    w.putText("/" + kind + "PostalCode", address.postalCode());
    if (w.isUnmapped("/" + kind + "Country")) {
      w.putText("/" + kind + "CountryCode", address.country());
    } else {
      w.putText("/" + kind + "Country", Samples.countryName(address.country()));
    }
  }
}
