/**
 * What a host implements to connect one platform (CRM, PSA, ERP, billing) to Steward: connectors, their capabilities, change feeds, credentials and the failure taxonomy the core acts on.
 *
 * <p>Service provider interface: hosts implement these types; Steward calls them. Depends on the canonical model only.
 */
@NullMarked
package dev.steward.spi;

import org.jspecify.annotations.NullMarked;
