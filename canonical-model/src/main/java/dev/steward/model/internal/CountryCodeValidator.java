package dev.steward.model.internal;

import dev.steward.model.constraint.CountryCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks {@link CountryCode} against the JDK's list of ISO 3166-1 alpha-2 codes. */
public final class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {
  private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  /** Creates the validator; Bean Validation calls this. */
  public CountryCodeValidator() {}

  @Override
  public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
    return value == null || ASSIGNED.contains(value);
  }
}
