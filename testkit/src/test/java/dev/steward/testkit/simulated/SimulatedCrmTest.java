package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.model.CanonicalId;
import dev.steward.model.Contact;
import dev.steward.model.Customer;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.ExternalRef;
import dev.steward.model.Invoice;
import dev.steward.model.Opportunity;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.CapabilityMissingException;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.FailureKind;
import dev.steward.spi.Operation;
import dev.steward.spi.Page;
import dev.steward.spi.PageRequest;
import dev.steward.spi.RejectedByTargetException;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.TransientFailureException;
import dev.steward.spi.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SimulatedCrmTest {
  private final TestClock clock = new TestClock(TestRecords.T0);
  private final SimulatedCrm crm = SimulatedCrm.builder().clock(clock).seed(11).build();
  private final EntityOperations<Customer> customers = crm.operations(Customer.class);
  private final TestRecords records = new TestRecords();

  private CallContext ctx() {
    return CallContext.within(Duration.ofSeconds(30), clock);
  }

  @Test
  void capabilities_declareTheThreeSalesObjectsWithBatchesOf200() {
    assertThat(crm.systemId()).isEqualTo("crm");
    assertThat(crm.capabilities().entityTypes())
        .containsExactlyInAnyOrder(EntityType.CUSTOMER, EntityType.CONTACT, EntityType.OPPORTUNITY);
    assertThat(crm.capabilities().operations(EntityType.CONTACT)).containsExactlyInAnyOrder(Operation.values());
    assertThat(crm.capabilities().maxBatchSize()).isEqualTo(200);
    assertThat(crm.capabilities().idempotentCreate()).isFalse();
    assertThat(crm.capabilities().rateLimit()).isEmpty();
  }

  @Test
  void operations_ofUndeclaredType_isCapabilityMissing() {
    CapabilityMissingException e = catchThrowableOfType(() -> crm.operations(Invoice.class), CapabilityMissingException.class);
    assertThat(e.entityType()).isEqualTo(EntityType.INVOICE);
    assertThat(e.operation()).isEqualTo(Operation.READ);
  }

  @Test
  void upsert_new_createsRecordWithSalesforceAccountId() {
    Customer acme = records.customer("Acme GmbH");
    WriteResult result = customers.upsert(ctx(), acme);

    assertThat(result.created()).isTrue();
    assertThat(result.externalId()).hasSize(18).startsWith("001");
    assertThat(result.externalId().substring(15)).isEqualTo(SalesforceIds.suffix(result.externalId().substring(0, 15)));
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(1);
  }

  @Test
  void upsert_readBack_isTheRecordWrittenWithThisSystemsReference() {
    ExternalRef erp = new ExternalRef("erp", "4711", null);
    ExternalRef staleMine = new ExternalRef("crm", "001000000000000AAA", null);
    Customer written = records.customer("Acme GmbH");
    written = new Customer(new EntityMeta(written.id(), List.of(erp, staleMine), 3L, "erp", TestRecords.T0, 1),
        written.legalName(), written.displayName(), null, written.segment(), written.status(),
        written.contractingEntityId(), written.taxIds(), null, null, TestRecords.extension("acme:region", "EMEA"));
    WriteResult result = customers.upsert(ctx(), written);

    RemoteRecord<Customer> read = customers.read(ctx(), result.externalId()).orElseThrow();
    RemoteRecord<Customer> found = customers.find(ctx(), written.id()).orElseThrow();

    Customer expected = new Customer(new EntityMeta(written.id(), List.of(erp, new ExternalRef("crm", result.externalId(), null)),
        3L, "erp", TestRecords.T0, 1), written.legalName(), written.displayName(), null, written.segment(),
        written.status(), written.contractingEntityId(), written.taxIds(), null, null, written.extensions());
    assertThat(read.record()).isEqualTo(expected);
    assertThat(found).isEqualTo(read);
    assertThat(read.externalId()).isEqualTo(result.externalId());
    assertThat(read.version()).isEqualTo(result.version());
    assertThat(read.modifiedAt()).isEqualTo(TestRecords.T0);
  }

  @Test
  void upsert_twice_updatesTheSameRecordWithAHigherVersion() {
    CanonicalId id = records.next(EntityType.CUSTOMER);
    WriteResult first = customers.upsert(ctx(), records.customer(id, "Acme GmbH"));
    clock.advance(Duration.ofMinutes(5));
    WriteResult second = customers.upsert(ctx(), records.customer(id, "Acme AG"));

    assertThat(second.created()).isFalse();
    assertThat(second.externalId()).isEqualTo(first.externalId());
    assertThat(second.version()).isGreaterThan(first.version());
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(1);
    RemoteRecord<Customer> read = customers.find(ctx(), id).orElseThrow();
    assertThat(read.record().legalName()).isEqualTo("Acme AG");
    assertThat(read.modifiedAt()).isEqualTo(TestRecords.T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void read_acceptsThe15CharacterIdAndAnyCaseOfThe18() {
    WriteResult result = customers.upsert(ctx(), records.customer("Acme GmbH"));
    String id18 = result.externalId();

    assertThat(customers.read(ctx(), id18.substring(0, 15))).map(RemoteRecord::externalId).contains(id18);
    assertThat(customers.read(ctx(), id18.toLowerCase(Locale.ROOT))).map(RemoteRecord::externalId).contains(id18);
    assertThat(customers.read(ctx(), "001000000000000AAA")).isEmpty();
    assertThat(customers.read(ctx(), "not an id")).isEmpty();
  }

  @Test
  void find_withIdOfAnotherType_isRefused() {
    CanonicalId contactId = records.next(EntityType.CONTACT);
    assertThatThrownBy(() -> customers.find(ctx(), contactId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CUSTOMER id").hasMessageContaining(contactId.toString());
  }

  @Test
  void upsert_recordWhoseIdIsOfAnotherType_isRefusedNamingIt() {
    Customer wrong = records.customer(records.next(EntityType.CONTACT), "Acme");
    assertThatThrownBy(() -> customers.upsert(ctx(), wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meta.id").hasMessageContaining("cus_");
  }

  @Test
  void contactsAndOpportunities_carryTheirKeyPrefixes() {
    Customer acme = records.customer("Acme GmbH");
    customers.upsert(ctx(), acme);
    WriteResult contact = crm.operations(Contact.class).upsert(ctx(), records.contact(acme.id(), "Lovelace"));
    WriteResult opportunity = crm.operations(Opportunity.class).create(ctx(), records.opportunity(acme.id(), "Rollout"));

    assertThat(contact.externalId()).startsWith("003").hasSize(18);
    assertThat(opportunity.externalId()).startsWith("006").hasSize(18);
    assertThat(opportunity.created()).isTrue();
  }

  @Test
  void upsert_accountWithoutName_isRejectedAsRequiredFieldMissing() {
    RejectedByTargetException e = catchThrowableOfType(() -> customers.upsert(ctx(), records.customer(" ")),
        RejectedByTargetException.class);
    assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
    assertThat(e.messages()).singleElement().satisfies(m -> {
      assertThat(m.code()).isEqualTo("REQUIRED_FIELD_MISSING");
      assertThat(m.field()).isEqualTo("Name");
    });
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isZero();
  }

  @Test
  void create_ofACanonicalIdHeld_isRejectedAsDuplicateValue() {
    Customer acme = records.customer("Acme GmbH");
    WriteResult first = customers.create(ctx(), acme);
    RejectedByTargetException e = catchThrowableOfType(() -> customers.create(ctx(), acme), RejectedByTargetException.class);

    assertThat(e.messages().get(0).code()).isEqualTo("DUPLICATE_VALUE");
    assertThat(e.messages().get(0).message()).contains(first.externalId());
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(1);
  }

  @Test
  void duplicateRule_onceActive_blocksAnAccountOfTheSameName() {
    Customer acme = records.customer("Acme GmbH");
    WriteResult first = customers.upsert(ctx(), acme);
    String twin = customers.upsert(ctx(), records.customer("acme gmbh ")).externalId();
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(2);
    customers.delete(ctx(), twin);

    crm.activateDuplicateRule();
    RejectedByTargetException e = catchThrowableOfType(() -> customers.upsert(ctx(), records.customer(" ACME GmbH")),
        RejectedByTargetException.class);
    assertThat(e.messages().get(0).code()).isEqualTo("DUPLICATES_DETECTED");
    assertThat(e.messages().get(0).message()).contains(first.externalId());
    // The account itself may still be updated under its own name.
    assertThat(customers.upsert(ctx(), acme).created()).isFalse();
  }

  @Test
  void delete_removesTheRecordAndReportsWhetherOneWasThere() {
    Customer acme = records.customer("Acme GmbH");
    WriteResult result = customers.upsert(ctx(), acme);

    assertThat(customers.delete(ctx(), result.externalId())).isTrue();
    assertThat(customers.delete(ctx(), result.externalId())).isFalse();
    assertThat(customers.read(ctx(), result.externalId())).isEmpty();
    assertThat(customers.find(ctx(), acme.id())).isEmpty();

    WriteResult again = customers.upsert(ctx(), acme);
    assertThat(again.created()).isTrue();
    assertThat(again.externalId()).isNotEqualTo(result.externalId());
    assertThat(again.version()).isGreaterThan(result.version());
  }

  @Test
  void readAll_pagesThroughEveryRecordOnceInCreationOrder() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(customers.upsert(ctx(), records.customer("Customer " + i)).externalId());
    }
    customers.delete(ctx(), created.remove(3));

    List<String> read = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    int pages = 0;
    while (true) {
      Page<RemoteRecord<Customer>> page = customers.readAll(ctx(), request);
      pages++;
      page.items().forEach(r -> read.add(r.externalId()));
      if (!page.hasNext()) {
        break;
      }
      request = page.next(2).orElseThrow();
    }
    assertThat(read).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void readAll_withATokenOfAnotherType_isRefused() {
    assertThatThrownBy(() -> customers.readAll(ctx(), PageRequest.after("con.4", 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("con.4").hasMessageContaining("crm");
  }

  @Test
  void upsertAll_writesEachRecordAndRefusesLargerBatchesThanDeclared() {
    List<Customer> batch = List.of(records.customer("A"), records.customer(""), records.customer("C"));
    BatchResult result = customers.upsertAll(ctx(), batch);

    assertThat(result.items()).hasSize(3);
    assertThat(result.items().get(0)).isInstanceOf(BatchResult.Written.class);
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(1);
      assertThat(f.failure().kind()).isEqualTo(FailureKind.REJECTED);
    });
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(2);

    List<Customer> tooMany = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      tooMany.add(records.customer("C" + i));
    }
    assertThatThrownBy(() -> customers.upsertAll(ctx(), tooMany))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200").hasMessageContaining("201");
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isEqualTo(2);
  }

  @Test
  void upsertAll_withANullRecord_namesItsIndex() {
    List<Customer> batch = new ArrayList<>();
    batch.add(records.customer("A"));
    batch.add(null);
    assertThatThrownBy(() -> customers.upsertAll(ctx(), batch))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records[1]");
  }

  @Test
  void call_afterItsDeadline_isNotSentAndFailsTransient() {
    CallContext expired = CallContext.builder(Instant.parse("2026-11-27T08:00:00Z")).build();
    assertThatThrownBy(() -> customers.upsert(expired, records.customer("Acme")))
        .isInstanceOf(TransientFailureException.class).hasMessageContaining("deadline");
    assertThat(crm.callCount()).isZero();
    assertThat(crm.recordCount(EntityType.CUSTOMER)).isZero();
  }

  @Test
  void builder_refusesWhatIsWrongAtOnce() {
    assertThatThrownBy(() -> SimulatedCrm.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock");
    assertThatThrownBy(() -> SimulatedCrm.builder().systemId("CRM!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CRM!");
    assertThatThrownBy(() -> SimulatedCrm.builder().seed(1).seed(2))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("seed");
    assertThatThrownBy(() -> SimulatedCrm.builder().changeRetention(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changeRetention");
    assertThat(SimulatedCrm.builder().systemId("crm-eu").clock(clock).build().systemId()).isEqualTo("crm-eu");
  }

  @Test
  void toString_namesTheSystemAndItsPlan() {
    assertThat(crm.toString()).contains("SimulatedCrm", "crm", "FaultPlan[none]");
  }
}
