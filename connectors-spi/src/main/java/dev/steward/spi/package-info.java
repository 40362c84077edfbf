/**
 * What a host implements to connect one platform (CRM, PSA, ERP, billing) to Steward: a {@link
 * dev.steward.spi.SystemConnector} with its declared capabilities, typed operations per entity
 * type, a change feed with durable cursors, credentials behind {@link dev.steward.spi.Secret},
 * and the failure taxonomy ({@link dev.steward.spi.ConnectorException}) the core acts on.
 *
 * <p>Service provider interface: hosts implement these types and Steward calls them. Depends on
 * the canonical model only.
 */
@NullMarked
package dev.steward.spi;

import org.jspecify.annotations.NullMarked;
