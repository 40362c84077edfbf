package dev.steward.core.ownership;

import dev.steward.model.EntityType;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference ownership policy of the seed scenario (issue 3), written with the Java DSL. Tests
 * use it, and {@code docs/ownership-matrix.md} and {@code .html} are rendered from it.
 *
 * <p>The firm runs four systems: {@code crm}, {@code psa}, {@code erp} and {@code billing}.
 *
 * <ul>
 *   <li>CRM owns account segmentation ({@code customer /segment}), contacts and opportunity
 *       metadata (the {@code contact} and {@code opportunity} entities).
 *   <li>PSA owns project tasks ({@code project /workstreams/*&#47;tasks/*}), assignments (the
 *       {@code assignment} entity) and delivery status ({@code project /status}, and the status
 *       and reached date of billing milestones).
 *   <li>ERP owns legal entity mappings (the {@code legal-entity} entity and every {@code
 *       legalEntityId} / {@code contractingEntityId}), GL dimensions and accounts, revenue
 *       schedules and invoice posting ({@code invoice /status} and {@code /amountDue}).
 *   <li>Billing owns recurring charge logic ({@code billing-schedule /recurringCharges/*}), usage
 *       rating ({@code /usageMetrics/*} and usage records) and invoice generation (the rest of the
 *       {@code invoice}).
 * </ul>
 *
 * <p>Two attributes change hands with the record's state:
 *
 * <ul>
 *   <li>A customer's legal name is CRM's while the customer is {@code PROSPECT} and ERP's from
 *       {@code ACTIVE} on ({@code ACTIVE}, {@code ON_HOLD}, {@code CLOSED}): the two conditions
 *       cover every {@code CustomerStatus}, so no state leaves it unowned.
 *   <li>A customer's tax ids are mastered in ERP when the firm's contracting legal entity is
 *       European and in billing when it is North American. The condition reads {@code
 *       /contractingEntityId}, not the customer's billing country: the issue speaks of the firm's
 *       contracting entities, and a customer billed in Canada may well contract with the German
 *       entity. Conditions read the record's own attributes, so the policy names the entities by
 *       id ({@link #EUROPEAN_ENTITIES}, {@link #NORTH_AMERICAN_ENTITIES}; a policy file would name
 *       them once as {@code valueSets}). Any other entity falls back to ERP, so every state has
 *       an owner.
 * </ul>
 *
 * <p>Every entity has an unconditional defaults rule, so every canonical attribute has an owner.
 * Sync flows away from the owner and never back to it, and for each attribute the flows of all
 * its rules together form no cycle: where ownership changes hands, the new owner does not sync to
 * the old one and back (the prospect's legal name stays in CRM; in North America ERP reads the
 * tax ids billing masters rather than receiving them).
 */
final class ReferencePolicies {
  /** The policy's id. */
  static final String ID = "steward-reference";
  /** The policy's version. */
  static final String VERSION = "2026.11";

  /** Acme Beratung GmbH (DE), Acme Conseil SAS (FR), Acme Consultoría S.L. (ES). */
  static final Set<String> EUROPEAN_ENTITIES = Set.of(
      "le_01J0ACMEDE0000000000000001", "le_01J0ACMEFR0000000000000002", "le_01J0ACMEES0000000000000003");
  /** Acme Consulting Inc. (US, New York), Acme Consulting Canada Ltd. (CA). */
  static final Set<String> NORTH_AMERICAN_ENTITIES = Set.of(
      "le_01J0ACMENY0000000000000004", "le_01J0ACMECA0000000000000005");

  private ReferencePolicies() {}

  /** Returns the seed scenario's policy; it builds without relaxing the lint. */
  static OwnershipPolicy seedScenario() {
    return OwnershipPolicy.builder(ID, VERSION)
        .systems("crm", "psa", "erp", "billing")
        .entity(EntityType.CUSTOMER, e -> e
            .defaults(r -> r.owner("erp").originators("crm", "erp").syncTo("crm", "billing").readers("psa"))
            .attribute("/segment", r -> r.id("customer-segmentation")
                .owner("crm").originators("crm").syncTo("erp", "billing").readers("psa"))
            .attribute("/displayName", r -> r.owner("crm").originators("crm").syncTo("erp", "billing", "psa"))
            .attribute("/legalName", r -> r.id("customer-legal-name-prospect")
                .when(Condition.attribute("/status").in("PROSPECT"))
                .owner("crm").originators("crm").readers("erp"))
            .attribute("/legalName", r -> r.id("customer-legal-name-active")
                .when(Condition.attribute("/status").in("ACTIVE", "ON_HOLD", "CLOSED"))
                .owner("erp").originators("erp").proposers("crm").syncTo("crm", "billing").readers("psa"))
            .attribute("/contractingEntityId", r -> r.id("customer-legal-entity-mapping")
                .owner("erp").originators("crm", "erp").proposers("crm").syncTo("crm", "psa", "billing"))
            .attribute("/taxIds/*", r -> r.id("customer-tax-ids-europe")
                .when(Condition.attribute("/contractingEntityId").in(EUROPEAN_ENTITIES))
                .owner("erp").originators("crm", "erp").syncTo("crm", "billing"))
            .attribute("/taxIds/*", r -> r.id("customer-tax-ids-north-america")
                .when(Condition.attribute("/contractingEntityId").in(NORTH_AMERICAN_ENTITIES))
                .owner("billing").originators("crm", "billing").syncTo("crm").readers("erp"))
            .attribute("/taxIds/*", r -> r.id("customer-tax-ids-elsewhere")
                .when(Condition.not(Condition.attribute("/contractingEntityId").in(union(EUROPEAN_ENTITIES, NORTH_AMERICAN_ENTITIES))))
                .owner("erp").originators("crm", "erp").syncTo("crm", "billing")))
        .entity(EntityType.LEGAL_ENTITY, e -> e
            .defaults(r -> r.id("legal-entity-mappings").owner("erp").originators("erp").syncTo("crm", "psa", "billing")))
        .entity(EntityType.CONTACT, e -> e
            .defaults(r -> r.id("contacts").owner("crm").originators("crm").proposers("billing")
                .syncTo("erp", "billing").readers("psa")))
        .entity(EntityType.OPPORTUNITY, e -> e
            .defaults(r -> r.id("opportunity-metadata").owner("crm").originators("crm").syncTo("psa")
                .readers("erp", "billing")))
        .entity(EntityType.CONTRACT, e -> e
            .defaults(r -> r.owner("crm").originators("crm").syncTo("psa", "erp", "billing"))
            .attribute("/legalEntityId", r -> r.id("contract-legal-entity-mapping")
                .owner("erp").originators("crm").proposers("crm").syncTo("crm", "psa", "billing")))
        .entity(EntityType.PROJECT, e -> e
            .defaults(r -> r.owner("psa").originators("psa").syncTo("erp", "billing").readers("crm"))
            .attribute("/workstreams/*/tasks/*", r -> r.id("project-tasks")
                .owner("psa").originators("psa").syncTo("erp", "billing").readers("crm"))
            .attribute("/status", r -> r.id("project-delivery-status")
                .owner("psa").originators("psa").syncTo("crm", "erp", "billing"))
            .attribute("/legalEntityId", r -> r.id("project-legal-entity-mapping")
                .owner("erp").originators("psa").proposers("psa").syncTo("psa", "billing"))
            .attribute("/dimensions/*", r -> r.id("project-gl-dimensions")
                .owner("erp").originators("psa").syncTo("psa", "billing")))
        .entity(EntityType.RESOURCE, e -> e
            .defaults(r -> r.owner("psa").originators("psa", "erp").syncTo("erp"))
            .attribute("/employeeNumber", r -> r.owner("erp").originators("erp").syncTo("psa"))
            .attribute("/homeLegalEntityId", r -> r.id("resource-legal-entity-mapping")
                .owner("erp").originators("erp").syncTo("psa"))
            .attribute("/costRate", r -> r.owner("erp").originators("erp").syncTo("psa")))
        .entity(EntityType.ASSIGNMENT, e -> e
            .defaults(r -> r.id("assignments").owner("psa").originators("psa").syncTo("billing").readers("erp", "crm")))
        .entity(EntityType.TIME_ENTRY, e -> e
            .defaults(r -> r.owner("psa").originators("psa").syncTo("erp", "billing"))
            .attribute("/invoiceId", r -> r.id("time-entry-invoiced").owner("billing").syncTo("psa", "erp")))
        .entity(EntityType.EXPENSE, e -> e
            .defaults(r -> r.owner("psa").originators("psa").syncTo("erp", "billing"))
            .attribute("/invoiceId", r -> r.id("expense-invoiced").owner("billing").syncTo("psa", "erp")))
        .entity(EntityType.RATE_CARD, e -> e
            .defaults(r -> r.owner("psa").originators("psa").syncTo("crm", "billing").readers("erp"))
            .attribute("/legalEntityId", r -> r.id("rate-card-legal-entity-mapping")
                .owner("erp").originators("psa").syncTo("psa", "crm", "billing")))
        .entity(EntityType.SERVICE_ITEM, e -> e
            .defaults(r -> r.id("service-catalogue").owner("erp").originators("erp").syncTo("crm", "psa", "billing")))
        .entity(EntityType.BILLING_SCHEDULE, e -> e
            .defaults(r -> r.owner("billing").originators("billing").syncTo("erp").readers("crm", "psa"))
            .attribute("/recurringCharges/*", r -> r.id("recurring-charge-logic")
                .owner("billing").originators("billing").syncTo("erp").readers("crm", "psa"))
            .attribute("/usageMetrics/*", r -> r.id("usage-rating")
                .owner("billing").originators("billing").syncTo("erp").readers("crm", "psa"))
            .attribute("/milestones/*/status", r -> r.id("milestone-delivery-status")
                .owner("psa").originators("billing").syncTo("billing", "erp").readers("crm"))
            .attribute("/milestones/*/reachedDate", r -> r.id("milestone-delivery-date")
                .owner("psa").originators("billing").syncTo("billing", "erp").readers("crm"))
            .attribute("/legalEntityId", r -> r.id("billing-schedule-legal-entity-mapping")
                .owner("erp").originators("billing").syncTo("billing")))
        .entity(EntityType.USAGE_RECORD, e -> e
            .defaults(r -> r.id("usage-records").owner("billing").originators("billing").syncTo("erp").readers("crm", "psa")))
        .entity(EntityType.INVOICE, e -> e
            .defaults(r -> r.id("invoice-generation").owner("billing").originators("billing").syncTo("erp", "crm")
                .readers("psa"))
            .attribute("/status", r -> r.id("invoice-posting")
                .owner("erp").originators("billing").proposers("billing").syncTo("billing", "crm").readers("psa"))
            .attribute("/amountDue", r -> r.id("invoice-receivables")
                .owner("erp").originators("billing").syncTo("billing", "crm").readers("psa"))
            .attribute("/legalEntityId", r -> r.id("invoice-legal-entity-mapping")
                .owner("erp").originators("billing").syncTo("billing", "crm").readers("psa"))
            .attribute("/lines/*/dimensions/*", r -> r.id("invoice-gl-dimensions")
                .owner("erp").originators("billing").syncTo("billing")))
        .entity(EntityType.REVENUE_SCHEDULE, e -> e
            .defaults(r -> r.id("revenue-schedules").owner("erp").originators("erp").syncTo("psa")
                .readers("crm", "billing")))
        .entity(EntityType.PAYMENT, e -> e
            .defaults(r -> r.id("cash-application").owner("erp").originators("erp", "billing").syncTo("billing", "crm")))
        .build();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
