package dev.steward.testkit.tck;

import dev.steward.model.Address;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.IdGenerator;
import dev.steward.model.TaxId;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.ConnectorConfig;
import dev.steward.spi.Operation;
import dev.steward.spi.SystemConnector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The TCK run against {@link ReferenceConnector}s for customers, each one put through a {@link
 * Breakage} (none, for the reference itself). Not a test class of its own: {@link
 * ReferenceConnectorVerificationTest} runs it, and the TCK's own tests call its rules directly.
 */
class CustomerKit extends ConnectorVerification<Customer> {
  /** Every operation, idempotent create, batches of 3. */
  static final ConnectorCapabilities EVERYTHING = ConnectorCapabilities.builder()
      .entity(EntityType.CUSTOMER, Operation.READ, Operation.UPSERT, Operation.CREATE, Operation.DELETE,
          Operation.CHANGE_FEED, Operation.BULK_READ)
      .idempotentCreate(true)
      .maxBatchSize(3)
      .build();

  /** Changes one behaviour of a correct connector. */
  @FunctionalInterface
  interface Breakage {
    /** Leaves the connector as it is. */
    Breakage NONE = (reference, config) -> reference;

    SystemConnector apply(SystemConnector reference, ConnectorConfig config);

    /** Returns the configuration to make the reference connector with; the one given by default. */
    default ConnectorConfig config(ConnectorConfig given) {
      return given;
    }
  }

  private final ReferenceSystem<Customer> system = new ReferenceSystem<>();
  private final IdGenerator ids = IdGenerator.create(Clock.fixed(Instant.parse("2029-06-01T00:00:00Z"), ZoneOffset.UTC), new Random(7));
  private final ConnectorCapabilities declared;
  private final Breakage breakage;
  /** Whether the verification simulates responses, observes keys and expects extensions kept. */
  private final boolean full;

  CustomerKit() {
    this(EVERYTHING, Breakage.NONE, true);
  }

  /**
   * Returns the kit against a reference connector declaring {@code declared}, put through {@code
   * breakage}; unless {@code full}, its verification neither simulates responses, observes keys nor
   * expects extensions kept.
   */
  CustomerKit(ConnectorCapabilities declared, Breakage breakage, boolean full) {
    this.declared = declared;
    this.breakage = breakage;
    this.full = full;
  }

  /** Returns the kit against a reference connector put through {@code breakage}. */
  static CustomerKit against(Breakage breakage) {
    return new CustomerKit(EVERYTHING, breakage, true);
  }

  /**
   * Returns the kit against a correct connector declaring only {@code declared}, whose
   * verification neither simulates responses nor observes keys.
   */
  static CustomerKit declaring(ConnectorCapabilities declared) {
    return new CustomerKit(declared, Breakage.NONE, false);
  }

  @Override
  protected SystemConnector createConnector(ConnectorConfig config) {
    return breakage.apply(new ReferenceConnector<>(breakage.config(config), Customer.class, declared, system), config);
  }

  @Override
  protected boolean simulatesHttpResponses() {
    return full;
  }

  @Override
  protected SystemConnector createConnectorAnswering(ConnectorConfig config, int status, Map<String, String> headers) {
    ReferenceConnector<Customer> c = new ReferenceConnector<>(breakage.config(config), Customer.class, declared, system);
    c.answerNextCallWith(status, headers);
    return breakage.apply(c, config);
  }

  @Override
  protected boolean observesIdempotencyKeys() {
    return full;
  }

  @Override
  protected boolean keepsExtensions() {
    return full;
  }

  @Override
  protected List<String> idempotencyKeysReceived(SystemConnector connector) {
    return system.keysReceived();
  }

  @Override
  protected Class<Customer> recordType() {
    return Customer.class;
  }

  @Override
  protected Customer newRecord(int n) {
    return new Customer(
        new EntityMeta(ids.next(EntityType.CUSTOMER), List.of(), 0L, "crm", Instant.parse("2029-06-01T00:00:00Z"),
            EntityMeta.CURRENT_SCHEMA_VERSION),
        "Customer " + n + " GmbH",
        "Customer " + n,
        null,
        "enterprise",
        CustomerStatus.ACTIVE,
        ids.next(EntityType.LEGAL_ENTITY),
        List.of(new TaxId("DE", "DE" + (100_000_000 + n))),
        new Address(List.of(n + " Hauptstrasse"), "Berlin", null, "10115", "DE"),
        null,
        Map.of("acme:tier", CanonicalJson.ofDefaults().readTree("\"gold\"")));
  }

  @Override
  protected Customer modify(Customer c) {
    return new Customer(c.meta(), c.legalName(), c.displayName() + " (renamed)", c.parentId(), c.segment(), c.status(),
        c.contractingEntityId(), c.taxIds(), c.billingAddress(), c.shippingAddress(), c.extensions());
  }
}
