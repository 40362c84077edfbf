package dev.steward.testkit.mapping;

import static dev.steward.testkit.mapping.MappingChecks.assertNothingDropped;
import static dev.steward.testkit.mapping.MappingChecks.assertRoundTrip;
import static dev.steward.testkit.mapping.MappingChecks.assertValid;
import static dev.steward.testkit.mapping.MappingChecks.vendorFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.Contact;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityType;
import dev.steward.model.ExternalRef;
import dev.steward.model.Money;
import dev.steward.model.Opportunity;
import dev.steward.model.OpportunityStage;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SalesforceMappersTest {
  private static final String NS = "salesforce";
  private final MappingContext context = Contexts.builder("crm").defaultCurrency(Currency.getInstance("USD")).build();

  private static List<JsonNode> records(String file) {
    List<JsonNode> out = new ArrayList<>();
    vendorFile("salesforce/" + file).get("records").forEach(out::add);
    return out;
  }

  private List<Customer> mapAccounts() {
    List<Customer> out = new ArrayList<>();
    for (JsonNode account : records("Accounts.json")) {
      out.add(new SalesforceAccountMapper().toCanonical(account, context));
    }
    return out;
  }

  @Test
  void accounts_all50_mapValidly_keepEveryField_andRoundTrip() {
    SalesforceAccountMapper mapper = new SalesforceAccountMapper();
    List<JsonNode> accounts = records("Accounts.json");
    assertThat(accounts).hasSize(50);
    for (JsonNode vendor : accounts) {
      Customer c = assertValid(mapper.toCanonical(vendor, context));

      assertThat(c.meta().externalRefs()).containsExactly(
          new ExternalRef("crm", "@" + vendor.at("/attributes/referenceId").stringValue(), null));
      assertThat(c.legalName()).isEqualTo(vendor.get("name").stringValue());
      assertThat(c.status()).isEqualTo(vendor.get("type").stringValue().equals("Prospect") ? CustomerStatus.PROSPECT : CustomerStatus.ACTIVE);
      assertThat(c.billingAddress().lines()).containsExactly(vendor.get("billingstreet").stringValue());
      assertThat(c.billingAddress().city()).isEqualTo(vendor.get("billingcity").stringValue());
      assertThat(c.billingAddress().region()).isEqualTo(vendor.get("billingstate").stringValue());
      assertThat(c.billingAddress().postalCode()).isEqualTo(vendor.get("billingpostalcode").stringValue());
      assertThat(c.billingAddress().country()).as("United States").isEqualTo("US");
      assertThat(c.shippingAddress()).as("no shipping country in the file").isNull();
      assertThat(c.contractingEntityId()).isEqualTo(Contexts.LEGAL_ENTITY);
      assertThat(c.extensions()).containsKeys("salesforce:AnnualRevenue", "salesforce:NumberOfEmployees",
          "salesforce:ShippingStreet", "salesforce:Type");
      assertNothingDropped(vendor, c.extensions(), NS, List.of("/attributes", "/name", "/billingstreet", "/billingcity",
          "/billingstate", "/billingpostalcode", "/billingcountry"), true);
      assertRoundTrip(mapper, vendor, c, context, true);
    }
  }

  @Test
  void contacts_all150_pointAtTheirAccounts_andRoundTrip() {
    List<Customer> accounts = mapAccounts();
    SalesforceContactMapper mapper = new SalesforceContactMapper();
    List<JsonNode> contacts = records("Contacts.json");
    assertThat(contacts).hasSize(150);
    for (JsonNode vendor : contacts) {
      Contact c = assertValid(mapper.toCanonical(vendor, context));

      String account = vendor.get("accountId").stringValue();
      assertThat(accounts).filteredOn(a -> a.meta().externalRefs().get(0).id().equals(account))
          .singleElement().satisfies(a -> assertThat(c.customerId()).isEqualTo(a.id()));
      assertThat(c.firstName()).isEqualTo(vendor.get("firstName").stringValue());
      assertThat(c.lastName()).isEqualTo(vendor.get("lastName").stringValue());
      assertThat(c.email()).isEqualTo(vendor.get("email").stringValue());
      assertThat(c.phone()).isEqualTo(vendor.get("phone").stringValue());
      assertThat(c.jobTitle()).isEqualTo(vendor.get("title").stringValue());
      assertThat(c.primary()).isFalse();
      assertThat(c.active()).isTrue();
      assertNothingDropped(vendor, c.extensions(), NS, List.of("/attributes", "/accountId", "/firstName", "/lastName",
          "/email", "/phone", "/title"), true);
      assertRoundTrip(mapper, vendor, c, context, true);
    }
  }

  @Test
  void opportunities_withDefaultStages_mapAndRoundTrip_otherStagesAreTypedErrors() {
    List<Customer> accounts = mapAccounts();
    SalesforceOpportunityMapper mapper = new SalesforceOpportunityMapper();
    int mapped = 0;
    List<String> refused = new ArrayList<>();
    for (JsonNode vendor : records("Opportunities.json")) {
      String stage = vendor.get("StageName").stringValue();
      if (!SalesforceOpportunityMapper.STAGE.vendorValues().contains(stage)) {
        assertThatThrownBy(() -> mapper.toCanonical(vendor, context)).isInstanceOfSatisfying(MappingException.class, e -> {
          assertThat(e.reason()).isEqualTo(MappingException.Reason.UNKNOWN_VALUE);
          assertThat(e.pointer()).isEqualTo("/StageName");
          assertThat(e.getMessage()).contains(stage);
        });
        refused.add(stage);
        continue;
      }
      Opportunity o = assertValid(mapper.toCanonical(vendor, context));
      mapped++;

      assertThat(o.name()).isEqualTo(vendor.get("name").stringValue());
      assertThat(o.amount()).isEqualTo(Money.of(vendor.get("amount").stringValue(), "USD"));
      assertThat(o.stage()).isEqualTo(SalesforceOpportunityMapper.STAGE.toCanonical(stage).orElseThrow());
      assertThat(o.probability()).isEqualByComparingTo(
          String.valueOf(SalesforceOpportunityMapper.STAGE_PROBABILITY.get(stage)));
      assertThat(o.closeDate()).isEqualTo(
          OffsetDateTime.parse(vendor.get("closedate").stringValue()).atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
      String account = vendor.get("accountId").stringValue();
      assertThat(accounts).filteredOn(a -> a.meta().externalRefs().get(0).id().equals(account))
          .singleElement().satisfies(a -> assertThat(o.customerId()).isEqualTo(a.id()));
      assertThat(o.extensions().get("salesforce:Description").stringValue()).isEqualTo(vendor.get("description").stringValue());
      assertNothingDropped(vendor, o.extensions(), NS, List.of("/attributes", "/accountId", "/name", "/StageName", "/amount"), true);
      assertRoundTrip(mapper, vendor, o, context, true);
    }
    assertThat(mapped).isEqualTo(42);
    assertThat(refused).hasSize(8).containsOnly("Assigned dynamically");
  }

  @Test
  void opportunity_closedSlashWon_isClosedWon_andWrittenBackAsItWas() {
    JsonNode vendor = records("Opportunities.json").stream()
        .filter(o -> o.get("StageName").stringValue().equals("Closed/Won")).findFirst().orElseThrow();
    SalesforceOpportunityMapper mapper = new SalesforceOpportunityMapper();

    Opportunity o = mapper.toCanonical(vendor, context);

    assertThat(o.stage()).isEqualTo(OpportunityStage.CLOSED_WON);
    assertThat(mapper.toVendor(o, context).get("StageName").stringValue()).isEqualTo("Closed/Won");
  }

  @Test
  void opportunity_withoutCurrencyOrDefault_isMissingField() {
    MappingContext noCurrency = Contexts.builder("crm").build();
    JsonNode vendor = records("Opportunities.json").get(0);

    assertThatThrownBy(() -> new SalesforceOpportunityMapper().toCanonical(vendor, noCurrency))
        .isInstanceOfSatisfying(MappingException.class, e -> {
          assertThat(e.reason()).isEqualTo(MappingException.Reason.MISSING_FIELD);
          assertThat(e.pointer()).isEqualTo("/CurrencyIsoCode");
        });
  }

  @Test
  void opportunity_inAnotherCurrency_andWithAPlainCloseDate_roundTrips() {
    ObjectNode vendor = (ObjectNode) records("Opportunities.json").get(0).deepCopy();
    vendor.put("CurrencyIsoCode", "EUR").put("closedate", "2021-03-31").put("Probability", 35);
    SalesforceOpportunityMapper mapper = new SalesforceOpportunityMapper();

    Opportunity o = assertValid(mapper.toCanonical(vendor, context));

    assertThat(o.amount().currencyCode()).isEqualTo("EUR");
    assertThat(o.closeDate()).isEqualTo(LocalDate.of(2021, 3, 31));
    assertThat(o.probability()).isEqualByComparingTo("35");
    assertThat(o.extensions()).doesNotContainKeys("salesforce:CloseDate", "salesforce:CurrencyIsoCode");
    assertRoundTrip(mapper, vendor, o, context, true);
  }

  @Test
  void account_withNamesGivenTwiceInDifferentCase_isRefused() {
    ObjectNode vendor = (ObjectNode) records("Accounts.json").get(0).deepCopy();
    vendor.put("Name", "Other");

    assertThatThrownBy(() -> new SalesforceAccountMapper().toCanonical(vendor, context))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.reason()).isEqualTo(MappingException.Reason.INVALID_VALUE));
    assertThat(context.findCanonicalId(EntityType.CUSTOMER, "@AccountRef1")).isEmpty();
  }
}
