/**
 * The connector TCK: {@link dev.steward.testkit.tck.ConnectorVerification}, an abstract JUnit
 * Jupiter class a connector's author extends once per entity type, whose numbered rules prove a
 * {@link dev.steward.spi.SystemConnector} keeps the SPI's contract before it touches production.
 *
 * <p>Public API for test code.
 */
@NullMarked
package dev.steward.testkit.tck;

import org.jspecify.annotations.NullMarked;
