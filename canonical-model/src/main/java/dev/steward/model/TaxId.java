package dev.steward.model;

import dev.steward.model.constraint.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A tax registration number issued by a country: a VAT number, an EIN, a GSTIN.
 *
 * @param country the ISO 3166-1 alpha-2 code of the issuing country ({@code GR} for Greece,
 *     though Greek VAT numbers are written with the prefix {@code EL})
 * @param number the number as issued, with or without its country prefix
 */
public record TaxId(@NotNull @CountryCode String country, @NotBlank @Size(max = 32) String number) {}
