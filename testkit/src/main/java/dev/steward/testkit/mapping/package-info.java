/**
 * Sample {@link dev.steward.spi.mapping.RecordMapper}s for real vendor payloads — Stripe
 * (customer, invoice and line item, subscription, price, meter event), Salesforce (Account,
 * Opportunity, Contact) and Microsoft Dynamics 365 Business Central (customer, project, time
 * registration entry, sales invoice) — showing how a connector maps every field it can and keeps
 * the rest in extensions. Each mapper's Javadoc says which canonical field comes from which vendor
 * field, and what comes from the {@link dev.steward.spi.mapping.MappingContext}.
 *
 * <p>Public API for test code and a starting point for connector authors; not production
 * mappings.
 */
@NullMarked
package dev.steward.testkit.mapping;

import org.jspecify.annotations.NullMarked;
