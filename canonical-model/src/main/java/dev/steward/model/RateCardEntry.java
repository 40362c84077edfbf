package dev.steward.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The rate of one role in one currency on a rate card. A role has at most one entry per
 * currency on a card.
 *
 * @param role the delivery role, matching {@link Resource#role()} and {@link Assignment#role()}
 * @param rate the bill rate per {@code unit}; its currency is the entry's currency
 * @param unit the unit of time the rate is per
 */
public record RateCardEntry(
    @NotBlank @Size(max = 100) String role, @NotNull Money rate, @NotNull RateUnit unit) {}
