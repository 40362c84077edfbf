package dev.steward.model;

import dev.steward.model.constraint.CountryCode;
import dev.steward.model.internal.Immutables;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A postal address.
 *
 * @param lines street lines, one to four
 * @param city the city or locality
 * @param region the state, province or county, if the country uses one
 * @param postalCode the postal code, if the country uses one
 * @param country the ISO 3166-1 alpha-2 country code, such as {@code DE}
 */
public record Address(
    @Size(min = 1, max = 4) List<@NotBlank @Size(max = 200) String> lines,
    @NotBlank @Size(max = 100) String city,
    @Nullable @Size(min = 1, max = 100) String region,
    @Nullable @Size(min = 1, max = 20) String postalCode,
    @NotNull @CountryCode String country) {

  /** Copies the lines into an unmodifiable list. */
  public Address {
    lines = Immutables.list(lines);
  }
}
