package dev.steward.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.CanonicalJson;
import dev.steward.model.Customer;
import dev.steward.model.ExternalRef;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RecordCopiesTest {
  private final Customer customer = new CustomerKit().newRecord(1);

  @Test
  void withExternalRefs_replacesOnlyTheReferences() {
    List<ExternalRef> refs = List.of(new ExternalRef("crm", "001", URI.create("https://crm.example/001")),
        new ExternalRef("erp", "C-9", null));
    Customer copy = RecordCopies.withExternalRefs(customer, refs);
    assertThat(copy.meta().externalRefs()).isEqualTo(refs);
    assertThat(RecordCopies.withExternalRefs(copy, List.of()).meta().externalRefs()).isEmpty();
    assertThat(RecordCopies.withExternalRefs(copy, customer.meta().externalRefs())).isEqualTo(customer);
  }

  @Test
  void withExtension_addsBesideTheOthers() {
    JsonNode value = CanonicalJson.ofDefaults().readTree("{\"n\":1,\"list\":[true,\"x\"]}");
    Customer copy = RecordCopies.withExtension(customer, "acme:probe", value);
    assertThat(copy.extensions()).containsKeys("acme:tier", "acme:probe");
    assertThat(RecordCopies.normalized(copy.extensions().get("acme:probe"))).isEqualTo(RecordCopies.normalized(value));
    assertThat(copy.legalName()).isEqualTo(customer.legalName());
  }
}
