package dev.steward.testkit.mapping;

import dev.steward.model.Contact;
import dev.steward.model.EntityType;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Salesforce {@code Contact} to a {@link Contact} and back.
 *
 * <p>Salesforce notes, shared by the Salesforce sample mappers: field names are case-insensitive
 * in Salesforce and the sObject tree files write them in any case; the mappers read them in any
 * case and write them in API casing ({@code LastName}), which is the one normalization of their
 * round trip. A tree record has no Salesforce Id yet: its external id is {@code @<referenceId>},
 * the form other records of the tree point at it with ({@code "accountId": "@AccountRef10"});
 * an API record's is its {@code Id}.
 *
 * <table>
 *   <caption>Contact fields and their Salesforce sources</caption>
 *   <tr><th>canonical</th><th>Salesforce</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code Id}, else {@code @} + {@code attributes.referenceId}</td></tr>
 *   <tr><td>customerId</td><td>{@code AccountId}, through the id map</td></tr>
 *   <tr><td>firstName, lastName</td><td>{@code FirstName}, {@code LastName}</td></tr>
 *   <tr><td>email, phone, jobTitle</td><td>{@code Email}, {@code Phone}, {@code Title}</td></tr>
 *   <tr><td>roles</td><td>none: a Contact's roles live on opportunity and account contact roles, not on the Contact</td></tr>
 *   <tr><td>primary</td><td>false: Salesforce marks a primary contact on the contact role, not the Contact</td></tr>
 *   <tr><td>active</td><td>true: a Contact that exists is a contact</td></tr>
 *   <tr><td>extensions {@code salesforce:*}</td><td>everything else</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class SalesforceContactMapper implements RecordMapper<Contact> {
  /** The extension namespace of Salesforce fields. */
  public static final String NAMESPACE = SalesforceRecords.NAMESPACE;

  static final List<String> API_NAMES = List.of("Id", "AccountId", "FirstName", "LastName", "Email", "Phone", "Title",
      "MobilePhone", "Department", "Description");

  @Override
  public Class<Contact> recordType() {
    return Contact.class;
  }

  @Override
  public Contact toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(SalesforceRecords.inApiCasing(vendorObject, API_NAMES, context), context);
    String id = SalesforceRecords.readId(r, "Contact");
    return new Contact(context.meta(EntityType.CONTACT, id, null),
        context.canonicalId(EntityType.CUSTOMER, r.requireText("/AccountId")), r.text("/FirstName").orElse(null),
        r.requireText("/LastName"), r.text("/Email").orElse(null), r.text("/Phone").orElse(null),
        r.text("/Title").orElse(null), List.of(), false, true, r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(Contact record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    context.externalId(record.meta()).ifPresent(id -> SalesforceRecords.writeId(w, "Contact", id));
    w.putText("/AccountId", context.requireExternalId(record.customerId(), "/AccountId"));
    w.putText("/FirstName", record.firstName());
    w.putText("/LastName", record.lastName());
    w.putText("/Email", record.email());
    w.putText("/Phone", record.phone());
    w.putText("/Title", record.jobTitle());
    return w.build();
  }
}
