package dev.steward.testkit.simulated;

import dev.steward.model.EntityType;
import dev.steward.spi.ConnectorConfig;
import dev.steward.spi.TargetMessage;
import dev.steward.testkit.fixtures.Fixtures;

/**
 * The four simulated systems as the connector TCK meets them: how each is built from the kit's
 * configuration, an id of its form that names no record, and the validation message its platform
 * sends with an HTTP 422.
 */
enum SimulatedPlatform {
  /** Salesforce-style accounts, contacts and opportunities, with a blocking duplicate rule on account names. */
  CRM("crm") {
    @Override
    SimulatedSystem build(ConnectorConfig config, FaultPlan plan) {
      SimulatedCrm crm = configure(SimulatedCrm.builder(), config, plan).build();
      crm.activateDuplicateRule();
      return crm;
    }

    @Override
    String unknownExternalId(EntityType type) {
      return salesforceIdNamingNothing(SimulatedCrm.KEY_PREFIXES.get(type));
    }

    @Override
    TargetMessage validationMessage() {
      return SALESFORCE_VALIDATION;
    }
  },
  /** Certinia-style projects, resources, assignments, time entries and expenses. */
  PSA("psa") {
    @Override
    SimulatedSystem build(ConnectorConfig config, FaultPlan plan) {
      return configure(SimulatedPsa.builder(), config, plan).build();
    }

    @Override
    String unknownExternalId(EntityType type) {
      return salesforceIdNamingNothing(SimulatedPsa.KEY_PREFIXES.get(type));
    }

    @Override
    TargetMessage validationMessage() {
      return SALESFORCE_VALIDATION;
    }
  },
  /** NetSuite-style customers, invoices, payments and revenue plans, with last month's books closed. */
  ERP("erp") {
    @Override
    SimulatedSystem build(ConnectorConfig config, FaultPlan plan) {
      SimulatedErp erp = configure(SimulatedErp.builder(), config, plan).build();
      erp.closePeriod(TckSamples.OPEN_MONTH.minusMonths(1));
      return erp;
    }

    @Override
    String unknownExternalId(EntityType type) {
      return "1"; // internal ids start at 100 (revenue plans), 1000 (entities) and 10000 (transactions)
    }

    @Override
    TargetMessage validationMessage() {
      return new TargetMessage("USER_ERROR", "memo", "Please enter value(s) for: Memo");
    }
  },
  /** Stripe-style customers, invoices, subscriptions and usage records. */
  BILLING("billing") {
    @Override
    SimulatedSystem build(ConnectorConfig config, FaultPlan plan) {
      return configure(SimulatedBilling.builder(), config, plan).build();
    }

    @Override
    String unknownExternalId(EntityType type) {
      String prefix = SimulatedBilling.PREFIXES.get(type);
      return prefix + "0".repeat(SimulatedBilling.idLength(type) - prefix.length());
    }

    @Override
    TargetMessage validationMessage() {
      return new TargetMessage("parameter_invalid_empty", "email", "You passed an empty string for 'email'.");
    }
  };

  /**
   * The seed the systems under the TCK draw their ids from, and their sample records too: fixed,
   * unless the system property {@value Fixtures#SEED_PROPERTY} names another.
   */
  static final long SEED = System.getProperty(Fixtures.SEED_PROPERTY) == null ? 20_300_101L
      : Fixtures.withRandomSeed().seed();

  private static final TargetMessage SALESFORCE_VALIDATION =
      new TargetMessage("FIELD_CUSTOM_VALIDATION_EXCEPTION", null, "Close date must not be in the past");

  private final String systemId;

  SimulatedPlatform(String systemId) {
    this.systemId = systemId;
  }

  /** Returns the system id the platform's simulated system has by default, which the kit configures. */
  String systemId() {
    return systemId;
  }

  /** Returns a new, empty, healthy simulated system with the configuration's system id and clock. */
  SimulatedSystem build(ConnectorConfig config) {
    return build(config, FaultPlan.none());
  }

  /** Returns a new, empty simulated system with the configuration's system id and clock, injecting {@code plan}. */
  abstract SimulatedSystem build(ConnectorConfig config, FaultPlan plan);

  /** Returns an id of the platform's form for a record of {@code type} that the system never issues. */
  abstract String unknownExternalId(EntityType type);

  /** Returns the validation message the platform sends when it refuses a record. */
  abstract TargetMessage validationMessage();

  private static <S extends SimulatedSystem> SimulatedSystem.Builder<S> configure(SimulatedSystem.Builder<S> builder,
      ConnectorConfig config, FaultPlan plan) {
    return builder.systemId(config.systemId()).clock(config.clock()).seed(SEED).faultPlan(plan);
  }

  /** Salesforce ids never have pod {@code 00}, so this one is of the right form and names nothing. */
  private static String salesforceIdNamingNothing(String keyPrefix) {
    String id15 = keyPrefix + "000000000000";
    return id15 + SalesforceIds.suffix(id15);
  }
}
