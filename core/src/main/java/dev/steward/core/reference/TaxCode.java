package dev.steward.core.reference;

import dev.steward.core.reference.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tax code of one jurisdiction with its rate over a validity period, such as German VAT at 19%
 * from 2021-01-01 on.
 *
 * <p>The rate is normalized without trailing zeros ({@code 19.00} is held as {@code 19}, {@code
 * 13.50} as {@code 13.5}), so that codes read from YAML and from JSON compare equal.
 *
 * @param jurisdiction where the code applies: an ISO 3166-1 alpha-2 country code such as {@code
 *     DE}, or an ISO 3166-2 subdivision code such as {@code US-CA}
 * @param code the code, as ERP and billing carry it, such as {@code DE-S-19}; at most 32
 *     characters
 * @param ratePercent the rate in percent, from 0 to 100 inclusive
 * @param validFrom the first day the code applies to
 * @param validTo the first day it no longer applies to (exclusive); absent while open-ended
 */
public record TaxCode(
    String jurisdiction, String code, BigDecimal ratePercent, LocalDate validFrom, @Nullable LocalDate validTo) {

  /**
   * Checks the values and normalizes the rate.
   *
   * @throws IllegalArgumentException if the jurisdiction is malformed or names no country, the
   *     code is blank or too long, the rate is outside 0 to 100, or {@code validTo} is not after
   *     {@code validFrom}
   * @throws NullPointerException if a value other than {@code validTo} is null
   */
  public TaxCode {
    Checks.jurisdiction(jurisdiction, "tax code jurisdiction");
    Checks.text(code, "tax code", 32);
    Objects.requireNonNull(ratePercent, "ratePercent");
    Objects.requireNonNull(validFrom, "validFrom");
    Checks.percent(ratePercent, "rate of tax code " + jurisdiction + "/" + code);
    ratePercent = ratePercent.stripTrailingZeros();
    if (ratePercent.scale() < 0) {
      ratePercent = ratePercent.setScale(0);
    }
    if (validTo != null && !validTo.isAfter(validFrom)) {
      throw new IllegalArgumentException("tax code " + jurisdiction + "/" + code + " must end after it starts; validFrom "
          + validFrom + ", validTo " + validTo + " (exclusive)");
    }
  }

  /** Returns whether the code applies on {@code date}: from {@code validFrom}, before {@code validTo}. */
  public boolean validOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
  }

  /** Returns whether this code's validity shares at least one day with {@code other}'s. */
  boolean overlaps(TaxCode other) {
    return (validTo == null || other.validFrom.isBefore(validTo))
        && (other.validTo == null || validFrom.isBefore(other.validTo));
  }
}
