package dev.steward.core.validation.vat;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks EU VAT identification numbers offline: the country prefix, the national format and the check digits,
 * following the rules of python-stdnum 2.2 ({@code stdnum.eu.vat} and its country modules) for the 27 member
 * states, Northern Ireland (XI, UK rules) and One-Stop-Shop numbers (EU).
 *
 * <p>Numbers may be written the way people write them: any case, surrounding white space, and the separators each
 * country's python-stdnum module removes (mostly space, dash, dot, some also slash, comma or colon). Look-alike
 * Unicode punctuation and full-width or mathematical digits count as their ASCII forms; digits of other scripts
 * (such as Arabic-Indic) do not, and make a number {@link VatCheck.Failure#INVALID_FORMAT}. Besides the listed
 * prefixes two more are accepted, as python-stdnum does: {@code GR}, an alias of {@code EL} (results say EL), and
 * {@code IM}, import-scheme One-Stop-Shop numbers. A valid result means well formed, not registered: only VIES can
 * tell that.
 *
 * <p>Every method is static, keeps no state and is safe to call from any thread. No input text makes it throw;
 * only a null argument does.
 */
public final class VatNumbers {

  private static final Set<String> SUPPORTED = supported();

  private VatNumbers() {}

  /**
   * Checks a number written with its country prefix, such as {@code "ATU 142 43 102"} or {@code "el 094259216"}.
   *
   * <p>The first two characters after white space is trimmed must be the prefix; a number without one is
   * {@link VatCheck.Failure#UNKNOWN_COUNTRY}. The prefix may not be repeated: {@code "AT ATU 65033803"} is invalid.
   *
   * @param number the number as written; any text at all
   * @return the outcome, never null
   * @throws NullPointerException if {@code number} is null
   */
  public static VatCheck check(String number) {
    Objects.requireNonNull(number, "number");
    String normalised = VatText.normalise(number);
    String prefix = CheckDigits.slice(normalised, 0, 2);
    VatCountry country = VatCountry.forPrefix(prefix);
    if (country == null) {
      return VatCheck.unknownCountry(prefix, VatText.removeSeparators(normalised, " -./,:"));
    }
    return country.check(normalised);
  }

  /**
   * Checks a number for a given country prefix; the number may or may not start with that prefix (once), as
   * python-stdnum's country modules accept, so {@code check("DE", "136 695 976")} and
   * {@code check("DE", "DE136695976")} agree.
   *
   * <p>The prefix is trimmed and upper-cased, and {@code GR} is read as {@code EL}. A Greek number may start with
   * either EL or GR; a Northern Irish one only with XI, not GB. An unsupported prefix gives
   * {@link VatCheck.Failure#UNKNOWN_COUNTRY}.
   *
   * @param countryPrefix the two-letter VAT prefix, such as {@code "DE"}, {@code "EL"} or {@code "XI"}
   * @param number the number as written, with or without the prefix; any text at all
   * @return the outcome, never null
   * @throws NullPointerException if either argument is null
   */
  public static VatCheck check(String countryPrefix, String number) {
    Objects.requireNonNull(countryPrefix, "countryPrefix");
    Objects.requireNonNull(number, "number");
    String prefix = VatText.normalise(countryPrefix);
    String normalised = VatText.normalise(number);
    VatCountry country = VatCountry.forPrefix(prefix);
    if (country == null) {
      String compact = VatText.removeSeparators(normalised, " -./,:");
      return VatCheck.unknownCountry(prefix, compact.startsWith(prefix) ? compact : prefix + compact);
    }
    return country.check(normalised);
  }

  /**
   * Returns the canonical prefixes {@link #check} supports, in alphabetical order: the 27 member states (Greece as
   * {@code EL}), {@code XI} for Northern Ireland and {@code EU} for One-Stop-Shop numbers. Two more prefixes
   * are accepted but not listed: {@code GR} (read as {@code EL}) and {@code IM} (import-scheme One-Stop-Shop
   * numbers).
   *
   * @return an unmodifiable set of 29 upper-case two-letter prefixes
   */
  public static Set<String> supportedPrefixes() {
    return SUPPORTED;
  }

  private static Set<String> supported() {
    Set<String> prefixes = new TreeSet<>();
    for (VatCountry country : VatCountry.values()) {
      if (country != VatCountry.IM) {
        prefixes.add(country.prefix());
      }
    }
    return Collections.unmodifiableSet(prefixes);
  }
}
