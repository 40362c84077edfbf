package dev.steward.testkit.mapping;

import static dev.steward.testkit.mapping.MappingChecks.vendorFile;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.Customer;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.RecordMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The shared checks fail for mappers that drop or change a field. */
class MappingChecksTest {
  private final MappingContext context = Contexts.builder("erp").build();
  private final JsonNode vendor = vendorFile("business-central/customer_get_response.json");
  private final BusinessCentralCustomerMapper good = new BusinessCentralCustomerMapper();

  /** Loses the {@code email} field: not mapped, not kept. */
  private final RecordMapper<Customer> dropsEmail = new RecordMapper<>() {
    @Override
    public Class<Customer> recordType() {
      return Customer.class;
    }

    @Override
    public Customer toCanonical(JsonNode vendorObject, MappingContext c) {
      Customer full = good.toCanonical(vendorObject, c);
      Map<String, JsonNode> ext = new LinkedHashMap<>(full.extensions());
      ext.remove("bc:email");
      return new Customer(full.meta(), full.legalName(), full.displayName(), full.parentId(), full.segment(),
          full.status(), full.contractingEntityId(), full.taxIds(), full.billingAddress(), full.shippingAddress(), ext);
    }

    @Override
    public ObjectNode toVendor(Customer record, MappingContext c) {
      return good.toVendor(record, c);
    }
  };

  /** Maps every field but writes the city back wrong. */
  private final RecordMapper<Customer> changesCity = new RecordMapper<>() {
    @Override
    public Class<Customer> recordType() {
      return Customer.class;
    }

    @Override
    public Customer toCanonical(JsonNode vendorObject, MappingContext c) {
      return good.toCanonical(vendorObject, c);
    }

    @Override
    public ObjectNode toVendor(Customer record, MappingContext c) {
      return good.toVendor(record, c).put("city", "Savannah");
    }
  };

  @Test
  void nothingDropped_failsForAFieldNeitherMappedNorKept() {
    Customer c = dropsEmail.toCanonical(vendor, context);

    assertThatThrownBy(() -> MappingChecks.assertNothingDropped(vendor, c.extensions(), "bc", List.of("/id", "/displayName",
        "/addressLine1", "/addressLine2", "/city", "/state", "/country", "/postalCode", "/taxRegistrationNumber", "/blocked")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("/email");
  }

  @Test
  void nothingDropped_failsForAFieldClaimedMappedButNotListed() {
    Customer c = good.toCanonical(vendor, context);

    assertThatThrownBy(() -> MappingChecks.assertNothingDropped(vendor, c.extensions(), "bc", List.of("/id")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("/displayName");
  }

  @Test
  void roundTrip_failsForAFieldLost() {
    Customer c = dropsEmail.toCanonical(vendor, context);

    assertThatThrownBy(() -> MappingChecks.assertRoundTrip(dropsEmail, vendor, c, context, false))
        .isInstanceOf(AssertionError.class).hasMessageContaining("/email missing");
  }

  @Test
  void roundTrip_failsForAValueChanged() {
    Customer c = changesCity.toCanonical(vendor, context);

    assertThatThrownBy(() -> MappingChecks.assertRoundTrip(changesCity, vendor, c, context, false))
        .isInstanceOf(AssertionError.class).hasMessageContaining("/city: expected \"Atlanta\" but was \"Savannah\"");
  }

  @Test
  void valid_failsForARecordBreakingItsConstraints() {
    Customer c = good.toCanonical(vendor, context);
    Customer blank = new Customer(c.meta(), " ", c.displayName(), null, null, c.status(), c.contractingEntityId(),
        c.taxIds(), c.billingAddress(), null, c.extensions());

    assertThatThrownBy(() -> MappingChecks.assertValid(blank)).isInstanceOf(AssertionError.class).hasMessageContaining("legalName");
  }
}
