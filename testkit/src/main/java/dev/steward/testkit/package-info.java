/**
 * Proves connectors and flows before they touch production: the connector contract tests (TCK), simulated CRM/PSA/ERP/billing systems with fault plans, fixtures and AssertJ assertions.
 *
 * <p>Public API for test code.
 */
@NullMarked
package dev.steward.testkit;

import org.jspecify.annotations.NullMarked;
