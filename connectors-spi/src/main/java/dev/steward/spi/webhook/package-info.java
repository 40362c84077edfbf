/**
 * Helpers for receiving vendor webhooks: a {@link dev.steward.spi.webhook.SignatureVerifier} hook
 * with ready HMAC-SHA256 schemes ({@link dev.steward.spi.webhook.HmacSignatures}: Stripe, GitHub,
 * Shopify) and in-process de-duplication by delivery id ({@link
 * dev.steward.spi.webhook.RecentDeliveries}).
 *
 * <p>Service provider interface: public API that connectors implement and configure. Depends on
 * the canonical model and the connector SPI only.
 */
@NullMarked
package dev.steward.spi.webhook;

import org.jspecify.annotations.NullMarked;
