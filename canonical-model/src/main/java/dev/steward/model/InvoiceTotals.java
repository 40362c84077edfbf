package dev.steward.model;

import jakarta.validation.constraints.NotNull;

/**
 * The totals of an invoice, as the issuing system computed them.
 *
 * @param subtotal the sum of the lines' net amounts
 * @param taxTotal the sum of the lines' tax amounts
 * @param total what the customer is charged: subtotal plus tax
 */
public record InvoiceTotals(@NotNull Money subtotal, @NotNull Money taxTotal, @NotNull Money total) {}
