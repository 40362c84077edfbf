/**
 * EU VAT identification numbers: an offline check of the format and check digits of a number for each
 * member state, Northern Ireland (XI) and the One-Stop-Shop scheme (EU), with the reason in plain language
 * when a number is rejected.
 *
 * <p>Public API. A passing check says the number is well formed, not that it is registered (that needs VIES):
 * {@link dev.steward.core.validation.vat.VatRegistry} is the service provider interface a host implements to ask
 * VIES or its provider.
 */
@NullMarked
package dev.steward.core.validation.vat;

import org.jspecify.annotations.NullMarked;
