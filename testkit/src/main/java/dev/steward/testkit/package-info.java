/**
 * Proves connectors and flows before they touch production: the connector contract tests (TCK), simulated CRM/PSA/ERP/billing systems with fault plans, fixtures and AssertJ assertions.
 *
 * <p>This package holds the assertions: {@link dev.steward.testkit.StewardAssertions} is their
 * entry point. Test data is in {@code dev.steward.testkit.fixtures}.
 *
 * <p>Public API for test code.
 */
@NullMarked
package dev.steward.testkit;

import org.jspecify.annotations.NullMarked;
