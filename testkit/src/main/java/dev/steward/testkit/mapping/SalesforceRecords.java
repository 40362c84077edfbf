package dev.steward.testkit.mapping;

import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the Salesforce sample mappers share: field names in API casing, and record ids.
 *
 * <p>Salesforce field names are case-insensitive, and the sObject tree files write them in any
 * case ({@code billingstreet}, {@code NumberOfEmployees}). The mappers first rename the fields
 * they know to their API casing ({@code BillingStreet}), so reading, the extensions and writing
 * all use one spelling; fields they do not know keep theirs.
 *
 * <p>A record of an sObject tree file has no Salesforce Id yet: its external id is its tree
 * reference, {@code @<attributes.referenceId>}, which is exactly how the other records of the
 * tree point at it ({@code "accountId": "@AccountRef32"}). A record read through the REST API
 * has an {@code Id}, which is its external id.
 */
final class SalesforceRecords {
  /** The extension namespace of Salesforce fields. */
  static final String NAMESPACE = "salesforce";

  private SalesforceRecords() {}

  /** Returns a copy of {@code record} with the top-level fields named in {@code apiNames} renamed to that casing. */
  static ObjectNode inApiCasing(JsonNode record, List<String> apiNames, MappingContext context) {
    if (!record.isObject()) {
      throw new MappingException(MappingException.Reason.WRONG_TYPE, context.systemId(), "", "expected a JSON object");
    }
    Map<String, String> byLower = new HashMap<>();
    for (String name : apiNames) {
      byLower.put(name.toLowerCase(Locale.ROOT), name);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : record.properties()) {
      String name = byLower.getOrDefault(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
      if (out.has(name)) {
        throw new MappingException(MappingException.Reason.INVALID_VALUE, context.systemId(), "/" + e.getKey(),
            "field " + name + " is given twice, in different case");
      }
      out.set(name, e.getValue());
    }
    return out;
  }

  /** Reads and checks {@code attributes.type} and returns the record's external id. */
  static String readId(VendorReader r, String sobject) {
    String type = r.requireText("/attributes/type");
    if (!type.equals(sobject)) {
      throw new MappingException(MappingException.Reason.INVALID_VALUE, r.context().systemId(), "/attributes/type",
          "expected a Salesforce " + sobject + ", found '" + type + "'");
    }
    if (r.has("/Id")) {
      return r.requireText("/Id");
    }
    return "@" + r.requireText("/attributes/referenceId");
  }

  /** Writes {@code attributes.type} and the record's id as {@link #readId} read it. */
  static void writeId(VendorWriter w, String sobject, String externalId) {
    w.putText("/attributes/type", sobject);
    if (externalId.startsWith("@")) {
      w.putText("/attributes/referenceId", externalId.substring(1));
    } else {
      w.putText("/Id", externalId);
    }
  }
}
