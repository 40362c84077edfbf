/**
 * Simulated CRM, PSA, ERP and billing systems that keep their records in memory, behave like
 * Salesforce, Certinia, NetSuite and Stripe in ids and business rules, and inject failures from a
 * seeded {@link dev.steward.testkit.simulated.FaultPlan}, so that flows and connectors can be
 * proven against latency, errors, rate limits and untidy change feeds without a network.
 *
 * <p>Public API for test code.
 */
@NullMarked
package dev.steward.testkit.simulated;

import org.jspecify.annotations.NullMarked;
