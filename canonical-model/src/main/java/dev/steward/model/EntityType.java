package dev.steward.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of canonical entity, each with the prefix of its {@link CanonicalId} ({@code cus_...}),
 * the name of its JSON schema ({@code customer}) and its record class.
 */
public enum EntityType {
  /** A client account of the firm. */
  CUSTOMER("cus", "customer", Customer.class),
  /** One of the firm's own legal entities, the contracting and invoicing party. */
  LEGAL_ENTITY("le", "legal-entity", LegalEntity.class),
  /** A person at a customer. */
  CONTACT("con", "contact", Contact.class),
  /** A pipeline deal in CRM. */
  OPPORTUNITY("opp", "opportunity", Opportunity.class),
  /** The commercial agreement with a customer. */
  CONTRACT("ctr", "contract", Contract.class),
  /** A delivery project in PSA. */
  PROJECT("prj", "project", Project.class),
  /** A person or role that delivers work. */
  RESOURCE("res", "resource", Resource.class),
  /** A resource staffed on a project. */
  ASSIGNMENT("asg", "assignment", Assignment.class),
  /** Hours a resource worked on a day. */
  TIME_ENTRY("tim", "time-entry", TimeEntry.class),
  /** A cost incurred for a project. */
  EXPENSE("exp", "expense", Expense.class),
  /** Rates per role and currency over a validity period. */
  RATE_CARD("rc", "rate-card", RateCard.class),
  /** An entry of the firm's service catalogue. */
  SERVICE_ITEM("svc", "service-item", ServiceItem.class),
  /** What to bill and when: recurring charges, milestones, usage metrics. */
  BILLING_SCHEDULE("bs", "billing-schedule", BillingSchedule.class),
  /** A measured quantity of a usage metric. */
  USAGE_RECORD("usg", "usage-record", UsageRecord.class),
  /** A bill sent to a customer. */
  INVOICE("inv", "invoice", Invoice.class),
  /** How contract revenue is recognized period by period. */
  REVENUE_SCHEDULE("rev", "revenue-schedule", RevenueSchedule.class),
  /** Money received from a customer. */
  PAYMENT("pay", "payment", Payment.class);

  private static final Map<String, EntityType> BY_PREFIX =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EntityType::prefix, Function.identity()));
  private static final Map<String, EntityType> BY_SCHEMA =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EntityType::schemaName, Function.identity()));

  private final String prefix;
  private final String schemaName;
  private final Class<? extends CanonicalEntity> recordType;

  EntityType(String prefix, String schemaName, Class<? extends CanonicalEntity> recordType) {
    this.prefix = prefix;
    this.schemaName = schemaName;
    this.recordType = recordType;
  }

  /** Returns the record class that holds entities of this type. */
  public Class<? extends CanonicalEntity> recordType() {
    return recordType;
  }

  /** Returns the identifier prefix, without the underscore: {@code cus}. */
  public String prefix() {
    return prefix;
  }

  /** Returns the schema name, as in {@code schemas/v1/customer.schema.json}: {@code customer}. */
  public String schemaName() {
    return schemaName;
  }

  /** Returns the entity type whose identifiers carry this prefix. */
  public static Optional<EntityType> fromPrefix(String prefix) {
    return Optional.ofNullable(BY_PREFIX.get(prefix));
  }

  /** Returns the entity type with this schema name ({@code customer}, {@code time-entry}). */
  public static Optional<EntityType> fromSchemaName(String schemaName) {
    return Optional.ofNullable(BY_SCHEMA.get(schemaName));
  }
}
