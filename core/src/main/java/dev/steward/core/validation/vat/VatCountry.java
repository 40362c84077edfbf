package dev.steward.core.validation.vat;

import dev.steward.core.validation.vat.VatCheck.Failure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One VAT prefix: its display name, the separators its numbers may be written with (as python-stdnum's
 * {@code compact} for that country removes them), the prefixes stripped from a number, and its national rule.
 *
 * <p>Immutable and thread-safe.
 */
enum VatCountry {
  AT("Austria", " -./", NationalRules::austria),
  BE("Belgium", " -./", NationalRules::belgium),
  BG("Bulgaria", " -.", NationalRules::bulgaria),
  CY("Cyprus", " -", NationalRules::cyprus),
  CZ("Czechia", " /", NationalRules::czechia),
  DE("Germany", " -./,", NationalRules::germany),
  DK("Denmark", " -.,/:", NationalRules::denmark),
  EE("Estonia", " ", NationalRules::estonia),
  EL("Greece", " -./:", NationalRules::greece, "GR"),
  ES("Spain", " -", NationalRules::spain),
  FI("Finland", " -", NationalRules::finland),
  FR("France", " -.", NationalRules::france),
  HR("Croatia", " -", NationalRules::croatia),
  HU("Hungary", " -", NationalRules::hungary),
  IE("Ireland", " -", NationalRules::ireland),
  IT("Italy", " -:", NationalRules::italy),
  LT("Lithuania", " -", NationalRules::lithuania),
  LU("Luxembourg", " :.-", NationalRules::luxembourg),
  LV("Latvia", " -", NationalRules::latvia),
  MT("Malta", " -", NationalRules::malta),
  NL("the Netherlands", " -.", NationalRules::netherlands),
  PL("Poland", " -", NationalRules::poland),
  PT("Portugal", " -.", NationalRules::portugal),
  RO("Romania", " -", NationalRules::romania),
  SE("Sweden", " -.", NationalRules::sweden),
  SI("Slovenia", " -", NationalRules::slovenia),
  SK("Slovakia", " -", NationalRules::slovakia),
  XI("Northern Ireland", " -.", NationalRules::northernIreland),
  EU("the EU One-Stop-Shop scheme", " -", NationalRules::ossNonUnion),
  IM("the EU Import One-Stop-Shop scheme", " -", NationalRules::ossImport);

  /** The national rule: null when the compact national part is valid, else the first rule it breaks. */
  @FunctionalInterface
  interface Rule {
    @Nullable Failure check(String national);
  }

  private static final Map<String, VatCountry> BY_PREFIX = byPrefix();

  private final String displayName;
  private final String separators;
  private final Rule rule;
  private final List<String> strippedPrefixes;

  VatCountry(String displayName, String separators, Rule rule, String... aliases) {
    this.displayName = displayName;
    this.separators = separators;
    this.rule = rule;
    List<String> prefixes = new ArrayList<>();
    prefixes.add(name());
    prefixes.addAll(List.of(aliases));
    this.strippedPrefixes = List.copyOf(prefixes);
  }

  private static Map<String, VatCountry> byPrefix() {
    Map<String, VatCountry> map = new HashMap<>();
    for (VatCountry country : values()) {
      for (String prefix : country.strippedPrefixes) {
        map.put(prefix, country);
      }
    }
    return Map.copyOf(map);
  }

  /** The country for an upper-case prefix or alias (GR is Greece), or null if there is none. */
  static @Nullable VatCountry forPrefix(String prefix) {
    return BY_PREFIX.get(prefix);
  }

  /** The canonical prefix, such as EL for Greece. */
  String prefix() {
    return name();
  }

  /** The name used in messages, such as "Germany" or "the Netherlands". */
  String displayName() {
    return displayName;
  }

  /**
   * Checks a number already folded to ASCII, upper-cased and stripped ({@link VatText#normalise}); the number may
   * start with this country's prefix (or its alias) once, which is removed.
   */
  VatCheck check(String normalised) {
    String national = nationalPart(normalised);
    return VatCheck.of(this, prefix() + national, rule.check(national));
  }

  /** The compact national part: separators and one leading prefix removed, plus the country's own padding. */
  String nationalPart(String normalised) {
    String number = VatText.removeSeparators(normalised, separators);
    for (String prefix : strippedPrefixes) {
      if (number.startsWith(prefix)) {
        number = number.substring(prefix.length());
        break;
      }
    }
    switch (this) {
      case BE -> {
        if (number.startsWith("(0)")) {
          number = "0" + number.substring(3);
        }
        if (number.length() == 9) {
          number = "0" + number; // the old format had 9 digits
        }
      }
      case EL -> {
        if (number.length() == 8) {
          number = "0" + number; // the old format had 8 digits
        }
      }
      case NL -> {
        // the 9-digit part is a BSN or RSIN, written without its leading zeros now and then
        String head = VatText.strip(CheckDigits.slice(number, 0, -3));
        number = "0".repeat(Math.max(0, 9 - head.length())) + head + CheckDigits.slice(number, -3, number.length());
      }
      default -> {
        // no padding for the other countries
      }
    }
    return number;
  }
}
