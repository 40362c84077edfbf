package dev.steward.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of canonical entity, each with the prefix of its {@link CanonicalId} ({@code cus_...})
 * and the name of its JSON schema ({@code customer}).
 */
public enum EntityType {
  /** A client account of the firm. */
  CUSTOMER("cus", "customer"),
  /** One of the firm's own legal entities, the contracting and invoicing party. */
  LEGAL_ENTITY("le", "legal-entity"),
  /** A person at a customer. */
  CONTACT("con", "contact"),
  /** A pipeline deal in CRM. */
  OPPORTUNITY("opp", "opportunity"),
  /** The commercial agreement with a customer. */
  CONTRACT("ctr", "contract"),
  /** A delivery project in PSA. */
  PROJECT("prj", "project"),
  /** A person or role that delivers work. */
  RESOURCE("res", "resource"),
  /** A resource staffed on a project. */
  ASSIGNMENT("asg", "assignment"),
  /** Hours a resource worked on a day. */
  TIME_ENTRY("tim", "time-entry"),
  /** A cost incurred for a project. */
  EXPENSE("exp", "expense"),
  /** Rates per role and currency over a validity period. */
  RATE_CARD("rc", "rate-card"),
  /** An entry of the firm's service catalogue. */
  SERVICE_ITEM("svc", "service-item"),
  /** What to bill and when: recurring charges, milestones, usage metrics. */
  BILLING_SCHEDULE("bs", "billing-schedule"),
  /** A measured quantity of a usage metric. */
  USAGE_RECORD("usg", "usage-record"),
  /** A bill sent to a customer. */
  INVOICE("inv", "invoice"),
  /** How contract revenue is recognized period by period. */
  REVENUE_SCHEDULE("rev", "revenue-schedule"),
  /** Money received from a customer. */
  PAYMENT("pay", "payment");

  private static final Map<String, EntityType> BY_PREFIX =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EntityType::prefix, Function.identity()));
  private static final Map<String, EntityType> BY_SCHEMA =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EntityType::schemaName, Function.identity()));

  private final String prefix;
  private final String schemaName;

  EntityType(String prefix, String schemaName) {
    this.prefix = prefix;
    this.schemaName = schemaName;
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
