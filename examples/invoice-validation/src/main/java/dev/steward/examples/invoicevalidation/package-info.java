/**
 * A runnable example that validates invoices before they are posted: a validation pipeline over
 * the firm's reference data, its golden records and a VAT registry, with Steward's standard rules
 * for a firm selling from the EU and North America, and the verdict for each invoice as RFC 9457
 * problem details.
 *
 * <p>Example code: copy it, do not depend on it.
 */
@NullMarked
package dev.steward.examples.invoicevalidation;

import org.jspecify.annotations.NullMarked;
