package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalJson;
import dev.steward.model.Contact;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.model.ExternalRef;
import dev.steward.model.Resource;
import dev.steward.model.Envelope;
import dev.steward.model.SchemaRef;
import dev.steward.spi.CallContext;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.ChangeTypes;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.PermanentFailureException;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.WriteResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {
  private final TestClock clock = new TestClock(TestRecords.T0);
  private final TestRecords records = new TestRecords();

  private CallContext ctx() {
    return CallContext.within(Duration.ofSeconds(30), clock);
  }

  @Test
  void everyWrite_appearsOnce_asAnEnvelopeOfTheRecordReadBack() {
    SimulatedCrm crm = SimulatedCrm.builder().clock(clock).build();
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    Customer acme = records.customer("Acme GmbH");
    WriteResult created = customers.upsert(ctx(), acme);
    clock.advance(Duration.ofSeconds(1));
    WriteResult contact = crm.operations(Contact.class).upsert(ctx(), records.contact(acme.id(), "Lovelace"));
    clock.advance(Duration.ofSeconds(1));
    customers.delete(ctx(), created.externalId());

    ChangePage page = crm.changes(ctx(), ChangeCursor.beginning(), 10);

    assertThat(page.changes()).hasSize(3);
    assertThat(page.more()).isFalse();
    Envelope first = page.changes().get(0);
    assertThat(first.type()).isEqualTo(ChangeTypes.changed(EntityType.CUSTOMER));
    assertThat(first.source()).isEqualTo(URI.create("/systems/crm"));
    assertThat(first.subject()).isEqualTo(created.externalId());
    assertThat(first.entityVersion()).isEqualTo(created.version());
    assertThat(first.time()).isEqualTo(TestRecords.T0);
    assertThat(first.dataSchema()).isEqualTo(SchemaRef.of(EntityType.CUSTOMER, 1).uri());
    Customer data = CanonicalJson.ofDefaults().fromTree(first.data(), Customer.class);
    assertThat(data).isEqualTo(TestRecords.withRef(acme, new ExternalRef("crm", created.externalId(), null)));

    assertThat(page.changes().get(1).type()).isEqualTo(ChangeTypes.changed(EntityType.CONTACT));
    assertThat(page.changes().get(1).subject()).isEqualTo(contact.externalId());
    Envelope deleted = page.changes().get(2);
    assertThat(deleted.type()).isEqualTo(ChangeTypes.deleted(EntityType.CUSTOMER));
    assertThat(deleted.subject()).isEqualTo(created.externalId());
    assertThat(deleted.data()).isNull();
    assertThat(deleted.entityVersion()).isGreaterThan(contact.version());
    assertThat(page.changes()).extracting(Envelope::id).doesNotHaveDuplicates();
  }

  @Test
  void cursor_resumesExactlyAfterTheLastChangeReturned() {
    SimulatedErp erp = SimulatedErp.builder().clock(clock).build();
    EntityOperations<Customer> customers = erp.operations(Customer.class);
    List<Long> versions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      versions.add(customers.upsert(ctx(), records.customer("C" + i)).version());
    }

    ChangePage first = erp.changes(ctx(), ChangeCursor.beginning(), 4);
    assertThat(first.changes()).extracting(Envelope::entityVersion).containsExactlyElementsOf(versions.subList(0, 4));
    assertThat(first.more()).isTrue();

    ChangePage second = erp.changes(ctx(), ChangeCursor.of(first.next().value()), 4);
    assertThat(second.changes()).extracting(Envelope::entityVersion).containsExactlyElementsOf(versions.subList(4, 8));
    ChangePage again = erp.changes(ctx(), first.next(), 4);
    assertThat(again).isEqualTo(second);

    ChangePage third = erp.changes(ctx(), second.next(), 4);
    assertThat(third.changes()).extracting(Envelope::entityVersion).containsExactlyElementsOf(versions.subList(8, 10));
    assertThat(third.more()).isFalse();

    ChangePage empty = erp.changes(ctx(), third.next(), 4);
    assertThat(empty.changes()).isEmpty();
    assertThat(empty.next()).isEqualTo(third.next());
    assertThat(empty.more()).isFalse();

    customers.upsert(ctx(), records.customer("late"));
    assertThat(erp.changes(ctx(), third.next(), 4).changes()).singleElement()
        .satisfies(e -> assertThat(e.entityVersion()).isGreaterThan(versions.get(9)));
  }

  @Test
  void emptyLog_fromTheBeginning_returnsNothingAndTheSameCursor() {
    SimulatedPsa psa = SimulatedPsa.builder().clock(clock).build();
    ChangePage page = psa.changes(ctx(), ChangeCursor.beginning(), 5);
    assertThat(page.changes()).isEmpty();
    assertThat(page.next().isBeginning()).isTrue();
    assertThat(page.more()).isFalse();
  }

  @Test
  void cursor_notMadeByTheSystem_isRefused() {
    SimulatedCrm crm = SimulatedCrm.builder().clock(clock).build();
    crm.operations(Customer.class).upsert(ctx(), records.customer("A"));
    SimulatedCrm other = SimulatedCrm.builder().systemId("crm-eu").clock(clock).build();

    assertThatThrownBy(() -> other.changes(ctx(), crm.changes(ctx(), ChangeCursor.beginning(), 1).next(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crm-eu");
    assertThatThrownBy(() -> crm.changes(ctx(), ChangeCursor.of("crm:99"), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ahead");
    assertThatThrownBy(() -> crm.changes(ctx(), ChangeCursor.of("crm:x1"), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crm:x1");
    assertThatThrownBy(() -> crm.changes(ctx(), ChangeCursor.beginning(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
  }

  @Test
  void changesBeyondRetention_areDropped_andAStaleCursorFailsPermanently() {
    SimulatedCrm crm = SimulatedCrm.builder().clock(clock).changeRetention(3).build();
    EntityOperations<Customer> customers = crm.operations(Customer.class);
    List<Long> versions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      versions.add(customers.upsert(ctx(), records.customer("C" + i)).version());
    }

    ChangePage fromStart = crm.changes(ctx(), ChangeCursor.beginning(), 10);
    assertThat(fromStart.changes()).extracting(Envelope::entityVersion).containsExactlyElementsOf(versions.subList(2, 5));
    assertThat(crm.changes(ctx(), ChangeCursor.of("crm:2"), 10).changes()).hasSize(3);
    assertThatThrownBy(() -> crm.changes(ctx(), ChangeCursor.of("crm:1"), 10))
        .isInstanceOf(PermanentFailureException.class).hasMessageContaining("no longer held");
  }

  @Test
  void aPoll_returnsAtMostMaxChangePage_whateverItsLimit() {
    SimulatedErp erp = SimulatedErp.builder().clock(clock).build();
    Customer one = records.customer("One");
    for (int i = 0; i <= SimulatedSystem.MAX_CHANGE_PAGE; i++) {
      erp.operations(Customer.class).upsert(ctx(), one);
    }
    ChangePage page = erp.changes(ctx(), ChangeCursor.beginning(), Integer.MAX_VALUE);
    assertThat(page.changes()).hasSize(SimulatedSystem.MAX_CHANGE_PAGE);
    assertThat(page.more()).isTrue();
    assertThat(erp.changes(ctx(), page.next(), Integer.MAX_VALUE).changes()).hasSize(1);
  }

  @Test
  void billingChangeIds_areStripeEventIds() {
    SimulatedBilling billing = SimulatedBilling.builder().clock(clock).build();
    for (int i = 0; i < 3; i++) {
      billing.operations(Customer.class).upsert(ctx(), records.customer("C" + i));
    }
    assertThat(billing.changes(ctx(), ChangeCursor.beginning(), 10).changes())
        .extracting(Envelope::id)
        .allSatisfy(id -> assertThat(id).matches("evt_1[0-9A-Za-z]{23}"))
        .doesNotHaveDuplicates();
  }

  @Test
  void readBack_andFeed_agreeOnTheRecord() {
    SimulatedPsa psa = SimulatedPsa.builder().clock(clock).build();
    EntityOperations<Resource> resources = psa.operations(Resource.class);
    WriteResult written = resources.upsert(ctx(), records.resource("Grace Hopper"));
    RemoteRecord<Resource> read = resources.read(ctx(), written.externalId()).orElseThrow();
    Envelope change = psa.changes(ctx(), ChangeCursor.beginning(), 1).changes().get(0);
    assertThat(CanonicalJson.ofDefaults().fromTree(change.data(), Resource.class)).isEqualTo(read.record());
  }
}
