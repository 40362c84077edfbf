package dev.steward.testkit.mapping;

import dev.steward.model.EntityType;
import dev.steward.model.Opportunity;
import dev.steward.model.OpportunityStage;
import dev.steward.spi.mapping.EnumMapping;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Salesforce {@code Opportunity} to an {@link Opportunity} and back (see {@link
 * SalesforceContactMapper} for the Salesforce notes on field casing and tree ids).
 *
 * <table>
 *   <caption>Opportunity fields and their Salesforce sources</caption>
 *   <tr><th>canonical</th><th>Salesforce</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code Id}, else {@code @} + {@code attributes.referenceId}</td></tr>
 *   <tr><td>customerId</td><td>{@code AccountId}, through the id map</td></tr>
 *   <tr><td>name</td><td>{@code Name}</td></tr>
 *   <tr><td>stage</td><td>{@code StageName}, Salesforce's default stages: Prospecting; Qualification, Needs Analysis, Id. Decision Makers (QUALIFICATION); Proposal/Price Quote, Value Proposition, Perception Analysis (PROPOSAL); Negotiation/Review; Closed Won and Closed/Won; Closed Lost. Aliases are written back as they were; any other stage is a {@link dev.steward.spi.mapping.MappingException}</td></tr>
 *   <tr><td>amount</td><td>{@code Amount} (text in tree files, a number in the API; written as text), in {@code CurrencyIsoCode} where the org has several currencies, else the context's default currency</td></tr>
 *   <tr><td>probability</td><td>{@code Probability}; when absent, the default Salesforce gives the stage (always written)</td></tr>
 *   <tr><td>closeDate</td><td>{@code CloseDate}; a date-time there (as the tree file has) is taken as its UTC day and kept</td></tr>
 *   <tr><td>owner</td><td>{@code OwnerId}</td></tr>
 *   <tr><td>extensions {@code salesforce:*}</td><td>everything else: {@code Description}, ...</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class SalesforceOpportunityMapper implements RecordMapper<Opportunity> {
  /** The extension namespace of Salesforce fields. */
  public static final String NAMESPACE = SalesforceRecords.NAMESPACE;

  /** Salesforce's default opportunity stages. */
  public static final EnumMapping<OpportunityStage> STAGE = EnumMapping.builder(OpportunityStage.class)
      .map("Prospecting", OpportunityStage.PROSPECTING)
      .map("Qualification", OpportunityStage.QUALIFICATION)
      .map("Proposal/Price Quote", OpportunityStage.PROPOSAL)
      .map("Negotiation/Review", OpportunityStage.NEGOTIATION)
      .map("Closed Won", OpportunityStage.CLOSED_WON)
      .map("Closed Lost", OpportunityStage.CLOSED_LOST)
      .map("Needs Analysis", OpportunityStage.QUALIFICATION)
      .map("Id. Decision Makers", OpportunityStage.QUALIFICATION)
      .map("Value Proposition", OpportunityStage.PROPOSAL)
      .map("Perception Analysis", OpportunityStage.PROPOSAL)
      .map("Closed/Won", OpportunityStage.CLOSED_WON)
      .build();

  /** The probability, in percent, Salesforce gives each default stage. */
  static final Map<String, Integer> STAGE_PROBABILITY = Map.ofEntries(
      Map.entry("Prospecting", 10), Map.entry("Qualification", 10), Map.entry("Needs Analysis", 20),
      Map.entry("Value Proposition", 50), Map.entry("Id. Decision Makers", 60), Map.entry("Perception Analysis", 70),
      Map.entry("Proposal/Price Quote", 75), Map.entry("Negotiation/Review", 90), Map.entry("Closed Won", 100),
      Map.entry("Closed/Won", 100), Map.entry("Closed Lost", 0));

  static final List<String> API_NAMES = List.of("Id", "AccountId", "Name", "StageName", "Amount", "CurrencyIsoCode",
      "Probability", "CloseDate", "OwnerId", "Description", "Type", "LeadSource", "NextStep");

  @Override
  public Class<Opportunity> recordType() {
    return Opportunity.class;
  }

  @Override
  public Opportunity toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(SalesforceRecords.inApiCasing(vendorObject, API_NAMES, context), context);
    String id = SalesforceRecords.readId(r, "Opportunity");
    String stageName = r.peek("/StageName").filter(JsonNode::isString).map(JsonNode::stringValue).orElse("");
    OpportunityStage stage = r.requireEnum("/StageName", STAGE);
    Currency currency = currency(r, context);
    BigDecimal probability = r.decimal("/Probability")
        .orElseGet(() -> BigDecimal.valueOf(STAGE_PROBABILITY.getOrDefault(stageName, 0)));
    return new Opportunity(context.meta(EntityType.OPPORTUNITY, id, null),
        context.canonicalId(EntityType.CUSTOMER, r.requireText("/AccountId")), r.requireText("/Name"), stage,
        r.requireMoney("/Amount", currency), probability, closeDate(r), r.text("/OwnerId").orElse(null), List.of(),
        r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(Opportunity record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    context.externalId(record.meta()).ifPresent(id -> SalesforceRecords.writeId(w, "Opportunity", id));
    w.putText("/AccountId", context.requireExternalId(record.customerId(), "/AccountId"));
    w.putText("/Name", record.name());
    w.putEnum("/StageName", STAGE, record.stage());
    w.putText("/Amount", record.amount().amount().toPlainString());
    if (!context.defaultCurrency().filter(record.amount().currency()::equals).isPresent()) {
      w.putCurrency("/CurrencyIsoCode", record.amount().currency());
    }
    w.putDecimal("/Probability", record.probability());
    if (!w.isUnmapped("/CloseDate")) {
      w.putDate("/CloseDate", record.closeDate());
    }
    w.putText("/OwnerId", record.owner());
    return w.build();
  }

  /**
   * {@code CurrencyIsoCode} where the org has several currencies, else the default; a code equal
   * to the default is kept, since toVendor writes the code only for other currencies.
   */
  private static Currency currency(VendorReader r, MappingContext context) {
    JsonNode iso = r.peek("/CurrencyIsoCode").orElse(null);
    if (iso == null) {
      return context.requireDefaultCurrency("/CurrencyIsoCode");
    }
    Currency fallback = context.defaultCurrency().orElse(null);
    if (fallback != null && iso.isString() && iso.stringValue().equals(fallback.getCurrencyCode())) {
      return fallback;
    }
    return r.requireCurrency("/CurrencyIsoCode");
  }

  /** A plain date is consumed; a date-time is kept as it was and its UTC day taken. */
  private static LocalDate closeDate(VendorReader r) {
    JsonNode node = r.peek("/CloseDate").orElse(null);
    if (node != null && node.isString() && node.stringValue().length() > 10) {
      try {
        Instant at = OffsetDateTime.parse(node.stringValue()).toInstant();
        return Samples.utcDate(at);
      } catch (DateTimeParseException e) {
        return r.requireDate("/CloseDate");
      }
    }
    return r.requireDate("/CloseDate");
  }
}
