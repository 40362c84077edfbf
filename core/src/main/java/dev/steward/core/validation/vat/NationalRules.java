package dev.steward.core.validation.vat;

import static dev.steward.core.validation.vat.CheckDigits.allZero;
import static dev.steward.core.validation.vat.CheckDigits.digit;
import static dev.steward.core.validation.vat.CheckDigits.from;
import static dev.steward.core.validation.vat.CheckDigits.isDate;
import static dev.steward.core.validation.vat.CheckDigits.isDigits;
import static dev.steward.core.validation.vat.CheckDigits.luhnCheckDigit;
import static dev.steward.core.validation.vat.CheckDigits.luhnChecksum;
import static dev.steward.core.validation.vat.CheckDigits.luhnValid;
import static dev.steward.core.validation.vat.CheckDigits.mod11x10Valid;
import static dev.steward.core.validation.vat.CheckDigits.mod97x10Valid;
import static dev.steward.core.validation.vat.CheckDigits.slice;
import static dev.steward.core.validation.vat.CheckDigits.value;
import static dev.steward.core.validation.vat.CheckDigits.weightedSum;

import dev.steward.core.validation.vat.VatCheck.Failure;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The national format and check-digit rules, one method per scheme, following python-stdnum 2.2 (the order of the
 * tests decides which {@link Failure} a bad number gets, as there).
 *
 * <p>Each method takes the national part in compact form (prefix and separators removed, upper case) and returns
 * null when it is valid, otherwise the first rule it breaks. None throws for any input. Stateless and thread-safe.
 */
final class NationalRules {

  private NationalRules() {}

  // AT: UID, "U" + 8 digits, Luhn-based check digit.
  static @Nullable Failure austria(String n) {
    if (!n.startsWith("U") || !isDigits(from(n, 1))) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 9) {
      return Failure.INVALID_LENGTH;
    }
    int check = Math.floorMod(6 - luhnChecksum(slice(n, 1, 8)), 10);
    return check == digit(n, 8) ? null : Failure.INVALID_CHECKSUM;
  }

  // BE: ondernemingsnummer / numéro d'entreprise, 10 digits starting 0 or 1, MOD 97 over the last two digits.
  static @Nullable Failure belgium(String n) {
    if (!isDigits(n) || allZero(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 10) {
      return Failure.INVALID_LENGTH;
    }
    if (n.charAt(0) != '0' && n.charAt(0) != '1') {
      return Failure.INVALID_COMPONENT;
    }
    return (value(slice(n, 0, 8)) + value(slice(n, 8, 10))) % 97 == 0 ? null : Failure.INVALID_CHECKSUM;
  }

  // BG: ИН по ДДС, 9 digits (legal entity, weighted MOD 11) or 10 digits (EGN, PNF or other, each its own check).
  static @Nullable Failure bulgaria(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() == 9) {
      int check = 0;
      for (int i = 0; i < 8; i++) {
        check += (i + 1) * digit(n, i);
      }
      check %= 11;
      if (check == 10) {
        check = 0;
        for (int i = 0; i < 8; i++) {
          check += (i + 3) * digit(n, i);
        }
        check %= 11;
      }
      return check % 10 == digit(n, 8) ? null : Failure.INVALID_CHECKSUM;
    }
    if (n.length() == 10) {
      int other = Math.floorMod(11 - weightedSum(n, 4, 3, 2, 7, 6, 5, 4, 3, 2), 11);
      boolean valid = bulgarianEgnValid(n) || bulgarianPnfValid(n) || other == digit(n, 9);
      return valid ? null : Failure.INVALID_CHECKSUM;
    }
    return Failure.INVALID_LENGTH;
  }

  // BG EGN (ЕГН, personal number): birth date with century in the month, weighted MOD 11 check digit.
  private static boolean bulgarianEgnValid(String n) {
    int year = 1900 + (int) value(slice(n, 0, 2));
    int month = (int) value(slice(n, 2, 4));
    int day = (int) value(slice(n, 4, 6));
    if (month > 40) {
      year += 100;
      month -= 40;
    } else if (month > 20) {
      year -= 100;
      month -= 20;
    }
    if (!isDate(year, month, day)) {
      return false;
    }
    return weightedSum(n, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10 == digit(n, 9);
  }

  // BG PNF (ЛНЧ, foreigner's number): weighted MOD 10 check digit.
  private static boolean bulgarianPnfValid(String n) {
    return weightedSum(n, 21, 19, 17, 13, 11, 9, 7, 3, 1) % 10 == digit(n, 9);
  }

  // CY: Αριθμός Εγγραφής Φ.Π.Α., 8 digits and a check letter (odd positions through a table, MOD 26).
  static @Nullable Failure cyprus(String n) {
    if (!isDigits(slice(n, 0, -1))) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 9) {
      return Failure.INVALID_LENGTH;
    }
    if (n.startsWith("12")) {
      return Failure.INVALID_COMPONENT;
    }
    int[] translated = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += i % 2 == 0 ? translated[digit(n, i)] : digit(n, i);
    }
    return n.charAt(8) == (char) ('A' + sum % 26) ? null : Failure.INVALID_CHECKSUM;
  }

  // CZ: DIČ, 8 digits (legal entity, MOD 11), 9 digits starting 6 (special), or a 9/10-digit rodné číslo.
  static @Nullable Failure czechia(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() == 8) {
      if (n.startsWith("9")) {
        return Failure.INVALID_COMPONENT;
      }
      int check = Math.floorMod(11 - descendingWeights(slice(n, 0, 7), 8), 11);
      return (check == 0 ? 1 : check) % 10 == digit(n, 7) ? null : Failure.INVALID_CHECKSUM;
    }
    if (n.length() == 9 && n.startsWith("6")) {
      int check = descendingWeights(slice(n, 1, 8), 8) % 11;
      return Math.floorMod(8 - (10 - check) % 11, 10) == digit(n, 8) ? null : Failure.INVALID_CHECKSUM;
    }
    if (n.length() == 9 || n.length() == 10) {
      return birthNumber(n);
    }
    return Failure.INVALID_LENGTH;
  }

  // CZ/SK: rodné číslo, birth date (month +50 for women, +20 on overflow), MOD 11 check digit on 10-digit numbers.
  static @Nullable Failure birthNumber(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 9 && n.length() != 10) {
      return Failure.INVALID_LENGTH;
    }
    int year = 1900 + (int) value(slice(n, 0, 2));
    int month = (int) value(slice(n, 2, 4)) % 50 % 20;
    int day = (int) value(slice(n, 4, 6));
    if (n.length() == 9) {
      if (year >= 1980) {
        year -= 100;
      }
      if (year > 1953) {
        return Failure.INVALID_LENGTH; // 9-digit numbers were only issued until 1953
      }
    } else if (year < 1954) {
      year += 100;
    }
    if (!isDate(year, month, day)) {
      return Failure.INVALID_COMPONENT;
    }
    if (n.length() == 10 && value(slice(n, 0, 9)) % 11 % 10 != digit(n, 9)) {
      return Failure.INVALID_CHECKSUM;
    }
    return null;
  }

  // DE: USt-IdNr., 9 digits not starting 0, ISO 7064 MOD 11,10.
  static @Nullable Failure germany(String n) {
    if (!isDigits(n) || n.startsWith("0")) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 9) {
      return Failure.INVALID_LENGTH;
    }
    return mod11x10Valid(n) ? null : Failure.INVALID_CHECKSUM;
  }

  // DK: CVR / SE-nummer, 8 digits not starting 0, weighted MOD 11.
  static @Nullable Failure denmark(String n) {
    return weightedMod(n, 8, true, 11, 0, 2, 7, 6, 5, 4, 3, 2, 1);
  }

  // EE: KMKR, 9 digits, weighted (3, 7, 1) MOD 10.
  static @Nullable Failure estonia(String n) {
    return weightedMod(n, 9, false, 10, 0, 3, 7, 1, 3, 7, 1, 3, 7, 1);
  }

  // ES: NIF, a DNI, an NIE, a K/L/M personal number (DNI letter) or a CIF (Luhn digit or letter).
  static @Nullable Failure spain(String n) {
    if (!isDigits(slice(n, 1, -1))) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 9) {
      return Failure.INVALID_LENGTH;
    }
    char first = n.charAt(0);
    char last = n.charAt(8);
    String middle = slice(n, 1, 8);
    if ("KLM".indexOf(first) >= 0) {
      return dniLetter(middle) == last ? null : Failure.INVALID_CHECKSUM;
    }
    if (first >= '0' && first <= '9') {
      return dniLetter(slice(n, 0, 8)) == last ? null : Failure.INVALID_CHECKSUM;
    }
    if ("XYZ".indexOf(first) >= 0) {
      return dniLetter("XYZ".indexOf(first) + middle) == last ? null : Failure.INVALID_CHECKSUM;
    }
    if ("ABCDEFGHJNPQRSUVW".indexOf(first) >= 0) {
      int check = luhnCheckDigit(middle);
      boolean valid = last == (char) ('0' + check) || last == "JABCDEFGHI".charAt(check);
      return valid ? null : Failure.INVALID_CHECKSUM;
    }
    return Failure.INVALID_FORMAT;
  }

  // ES DNI control letter: the number MOD 23 indexes a fixed alphabet.
  private static char dniLetter(String digits) {
    return "TRWAGMYFPDXBNJZSQVHLCKE".charAt((int) (value(digits) % 23));
  }

  // FI: ALV (Y-tunnus), 8 digits, weighted MOD 11.
  static @Nullable Failure finland(String n) {
    return weightedMod(n, 8, false, 11, 0, 7, 9, 10, 5, 8, 4, 2, 1);
  }

  /** The characters allowed as French check "digits" (no I or O). */
  private static final String FRENCH_KEY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  // FR: n° TVA, 2-character key + SIREN (Luhn unless Monaco's 000); numeric key MOD 97, new-style key MOD 11.
  static @Nullable Failure france(String n) {
    String key = slice(n, 0, 2);
    for (int i = 0; i < key.length(); i++) {
      if (FRENCH_KEY_ALPHABET.indexOf(key.charAt(i)) < 0) {
        return Failure.INVALID_FORMAT;
      }
    }
    String siren = from(n, 2);
    if (!isDigits(siren)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 11) {
      return Failure.INVALID_LENGTH;
    }
    if (!siren.startsWith("000") && !luhnValid(siren)) {
      return Failure.INVALID_CHECKSUM;
    }
    if (isDigits(key)) {
      return value(key) == value(siren + "12") % 97 ? null : Failure.INVALID_CHECKSUM;
    }
    int first = FRENCH_KEY_ALPHABET.indexOf(key.charAt(0));
    int second = FRENCH_KEY_ALPHABET.indexOf(key.charAt(1));
    int check = first < 10 ? first * 24 + second - 10 : first * 34 + second - 100;
    return (value(siren) + 1 + check / 11) % 11 == check % 11 ? null : Failure.INVALID_CHECKSUM;
  }

  // EL: ΑΦΜ, 9 digits (8-digit old numbers get a leading 0), doubling MOD 11 check digit.
  static @Nullable Failure greece(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 9) {
      return Failure.INVALID_LENGTH;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum = sum * 2 + digit(n, i);
    }
    return sum * 2 % 11 % 10 == digit(n, 8) ? null : Failure.INVALID_CHECKSUM;
  }

  // HR: OIB, 11 digits, ISO 7064 MOD 11,10.
  static @Nullable Failure croatia(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 11) {
      return Failure.INVALID_LENGTH;
    }
    return mod11x10Valid(n) ? null : Failure.INVALID_CHECKSUM;
  }

  // HU: ANUM (közösségi adószám), 8 digits, weighted (9, 7, 3, 1) MOD 10.
  static @Nullable Failure hungary(String n) {
    return weightedMod(n, 8, false, 10, 0, 9, 7, 3, 1, 9, 7, 3, 1);
  }

  /** The check letters of Irish numbers; W stands for 0. */
  private static final String IRISH_ALPHABET = "WABCDEFGHIJKLMNOPQRSTUV";

  // IE: VAT number, 7 digits + check letter (+ optional letter), or the old style digit-letter-5 digits-letter.
  static @Nullable Failure ireland(String n) {
    if (!isDigits(slice(n, 0, 1)) || !isDigits(slice(n, 2, 7))) {
      return Failure.INVALID_FORMAT;
    }
    String letters = from(n, 7);
    for (int i = 0; i < letters.length(); i++) {
      if (IRISH_ALPHABET.indexOf(letters.charAt(i)) < 0) {
        return Failure.INVALID_FORMAT;
      }
    }
    if (n.length() != 8 && n.length() != 9) {
      return Failure.INVALID_LENGTH;
    }
    if (isDigits(slice(n, 0, 7))) {
      return n.charAt(7) == irishCheckLetter(slice(n, 0, 7), from(n, 8)) ? null : Failure.INVALID_CHECKSUM;
    }
    if ("ABCDEFGHIJKLMNOPQRSTUVWXYZ+*".indexOf(n.charAt(1)) >= 0) {
      String digits = "0" + slice(n, 2, 7) + n.charAt(0);
      return n.charAt(7) == irishCheckLetter(digits, "") ? null : Failure.INVALID_CHECKSUM;
    }
    return Failure.INVALID_FORMAT;
  }

  // IE check letter: digits weighted 8 to 2, plus 9 times the value of the optional second letter, MOD 23.
  private static char irishCheckLetter(String sevenDigits, String secondLetter) {
    int sum = weightedSum(sevenDigits, 8, 7, 6, 5, 4, 3, 2);
    if (!secondLetter.isEmpty()) {
      sum += 9 * IRISH_ALPHABET.indexOf(secondLetter.charAt(0));
    }
    return IRISH_ALPHABET.charAt(sum % 23);
  }

  /** Office codes allowed in place of a province in an Italian number, besides the provinces 001-100. */
  private static final Set<Integer> ITALIAN_SPECIAL_OFFICES = Set.of(120, 121, 888, 999);

  // IT: Partita IVA, 11 digits, province code in positions 8-10, Luhn.
  static @Nullable Failure italy(String n) {
    if (!isDigits(n) || allZero(slice(n, 0, 7))) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 11) {
      return Failure.INVALID_LENGTH;
    }
    int province = (int) value(slice(n, 7, 10));
    if (!(province >= 1 && province <= 100 || ITALIAN_SPECIAL_OFFICES.contains(province))) {
      return Failure.INVALID_COMPONENT;
    }
    return luhnValid(n) ? null : Failure.INVALID_CHECKSUM;
  }

  // LT: PVM mokėtojo kodas, 9 digits (legal entity) or 12 (temporary), two-pass weighted MOD 11.
  static @Nullable Failure lithuania(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() == 9) {
      if (n.charAt(7) != '1') {
        return Failure.INVALID_COMPONENT;
      }
    } else if (n.length() == 12) {
      if (n.charAt(10) != '1') {
        return Failure.INVALID_COMPONENT;
      }
    } else {
      return Failure.INVALID_LENGTH;
    }
    int last = n.length() - 1;
    int check = 0;
    for (int i = 0; i < last; i++) {
      check += (1 + i % 9) * digit(n, i);
    }
    check %= 11;
    if (check == 10) {
      check = 0;
      for (int i = 0; i < last; i++) {
        check += (1 + (i + 2) % 9) * digit(n, i);
      }
    }
    return check % 11 % 10 == digit(n, last) ? null : Failure.INVALID_CHECKSUM;
  }

  // LU: n° TVA, 8 digits, the first 6 MOD 89 give the last 2.
  static @Nullable Failure luxembourg(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 8) {
      return Failure.INVALID_LENGTH;
    }
    return value(slice(n, 0, 6)) % 89 == value(slice(n, 6, 8)) ? null : Failure.INVALID_CHECKSUM;
  }

  // LV: PVN, 11 digits: legal entity (weighted MOD 11 = 3) or personas kods (birth date unless "32", MOD 11).
  static @Nullable Failure latvia(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 11) {
      return Failure.INVALID_LENGTH;
    }
    if (n.charAt(0) > '3') {
      return weightedSum(n, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3 ? null : Failure.INVALID_CHECKSUM;
    }
    if (!n.startsWith("32")) {
      int day = (int) value(slice(n, 0, 2));
      int month = (int) value(slice(n, 2, 4));
      int year = (int) value(slice(n, 4, 6)) + 1800 + digit(n, 6) * 100;
      if (!isDate(year, month, day)) {
        return Failure.INVALID_COMPONENT;
      }
    }
    int check = (1 + weightedSum(n, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9)) % 11 % 10;
    return check == digit(n, 10) ? null : Failure.INVALID_CHECKSUM;
  }

  // MT: VAT number, 8 digits not starting 0, weighted MOD 37.
  static @Nullable Failure malta(String n) {
    return weightedMod(n, 8, true, 37, 0, 3, 4, 6, 7, 8, 9, 10, 1);
  }

  // NL: btw-id, 9 digits + "B" + 2 digits; the 9 digits pass the BSN 11-test or the whole passes ISO 7064 MOD 97,10.
  static @Nullable Failure netherlands(String n) {
    String first = slice(n, 0, 9);
    if (!isDigits(first) || allZero(first)) {
      return Failure.INVALID_FORMAT;
    }
    String suffix = from(n, 10);
    if (!isDigits(suffix) || allZero(suffix)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 12) {
      return Failure.INVALID_LENGTH;
    }
    if (n.charAt(9) != 'B') {
      return Failure.INVALID_FORMAT;
    }
    int bsn = Math.floorMod(weightedSum(first, 9, 8, 7, 6, 5, 4, 3, 2) - digit(first, 8), 11);
    return bsn == 0 || mod97x10Valid("NL" + n) ? null : Failure.INVALID_CHECKSUM;
  }

  // PL: NIP, 10 digits, weighted MOD 11.
  static @Nullable Failure poland(String n) {
    return weightedMod(n, 10, false, 11, 0, 6, 5, 7, 2, 3, 4, 5, 6, 7, -1);
  }

  // PT: NIF / NIPC, 9 digits not starting 0, weighted MOD 11 check digit.
  static @Nullable Failure portugal(String n) {
    if (!isDigits(n) || n.startsWith("0")) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 9) {
      return Failure.INVALID_LENGTH;
    }
    int check = Math.floorMod(11 - weightedSum(n, 9, 8, 7, 6, 5, 4, 3, 2), 11) % 10;
    return check == digit(n, 8) ? null : Failure.INVALID_CHECKSUM;
  }

  // RO: CIF/CUI (2-10 digits, weighted MOD 11) or, for 13 digits, a CNP (personal numeric code).
  static @Nullable Failure romania(String n) {
    if (n.length() == 13) {
      return romanianCnp(n);
    }
    if (n.length() < 2 || n.length() > 10) {
      return Failure.INVALID_LENGTH;
    }
    if (!isDigits(n) || n.startsWith("0")) {
      return Failure.INVALID_FORMAT;
    }
    String padded = "0".repeat(10 - n.length()) + slice(n, 0, -1);
    int check = 10 * weightedSum(padded, 7, 5, 3, 2, 1, 7, 5, 3, 2) % 11 % 10;
    return check == digit(n, n.length() - 1) ? null : Failure.INVALID_CHECKSUM;
  }

  /** The county codes a Romanian CNP may carry in positions 8-9. */
  private static final Set<Integer> ROMANIAN_COUNTIES = romanianCounties();

  private static Set<Integer> romanianCounties() {
    Set<Integer> counties = new HashSet<>();
    for (int county = 1; county <= 48; county++) {
      counties.add(county);
    }
    counties.addAll(Set.of(51, 52, 70, 80, 81, 82, 83));
    return Set.copyOf(counties);
  }

  // RO CNP: sex/century digit, birth date, county, weighted MOD 11 check digit (10 counts as 1).
  private static @Nullable Failure romanianCnp(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.charAt(0) == '0') {
      return Failure.INVALID_COMPONENT;
    }
    int century = switch (n.charAt(0)) {
      case '3', '4' -> 1800;
      case '5', '6' -> 2000;
      default -> 1900;
    };
    int year = century + (int) value(slice(n, 1, 3));
    if (!isDate(year, (int) value(slice(n, 3, 5)), (int) value(slice(n, 5, 7)))) {
      return Failure.INVALID_COMPONENT;
    }
    if (!ROMANIAN_COUNTIES.contains((int) value(slice(n, 7, 9)))) {
      return Failure.INVALID_COMPONENT;
    }
    int check = weightedSum(n, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11;
    return (check == 10 ? 1 : check) == digit(n, 12) ? null : Failure.INVALID_CHECKSUM;
  }

  // SE: momsregistreringsnummer, 10-digit organisationsnummer (Luhn) + "01".
  static @Nullable Failure sweden(String n) {
    if (!isDigits(n) || !n.endsWith("01")) {
      return Failure.INVALID_FORMAT;
    }
    String orgnr = slice(n, 0, -2);
    if (orgnr.isEmpty()) {
      return Failure.INVALID_FORMAT;
    }
    if (orgnr.length() != 10) {
      return Failure.INVALID_LENGTH;
    }
    return luhnValid(orgnr) ? null : Failure.INVALID_CHECKSUM;
  }

  // SI: ID za DDV, 8 digits not starting 0, weighted MOD 11 check digit.
  static @Nullable Failure slovenia(String n) {
    if (!isDigits(n) || n.startsWith("0")) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 8) {
      return Failure.INVALID_LENGTH;
    }
    int check = 11 - descendingWeights(slice(n, 0, 7), 8) % 11;
    return (check == 10 ? 0 : check) == digit(n, 7) ? null : Failure.INVALID_CHECKSUM;
  }

  // SK: IČ DPH, 10 digits, third digit 2-4 or 7-9, the number divisible by 11 (or a valid rodné číslo).
  static @Nullable Failure slovakia(String n) {
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != 10) {
      return Failure.INVALID_LENGTH;
    }
    if (birthNumber(n) == null) {
      return null;
    }
    if (n.startsWith("0") || "234789".indexOf(n.charAt(2)) < 0) {
      return Failure.INVALID_FORMAT;
    }
    return value(n) % 11 == 0 ? null : Failure.INVALID_CHECKSUM;
  }

  // XI: UK VAT registration number (Northern Ireland), 9/12 digits weighted MOD 97, or GD/HA authority numbers.
  static @Nullable Failure northernIreland(String n) {
    if (n.length() == 5) {
      if (!isDigits(from(n, 2))) {
        return Failure.INVALID_FORMAT;
      }
      return authorityFailure(n, (int) value(from(n, 2)));
    }
    if (n.length() == 11 && (n.startsWith("GD8888") || n.startsWith("HA8888"))) {
      if (!isDigits(from(n, 6))) {
        return Failure.INVALID_FORMAT;
      }
      int authority = (int) value(slice(n, 6, 9));
      Failure failure = authorityFailure(n, authority);
      if (failure != null) {
        return failure;
      }
      return authority % 97 == value(slice(n, 9, 11)) ? null : Failure.INVALID_CHECKSUM;
    }
    if (n.length() == 9 || n.length() == 12) {
      if (!isDigits(n)) {
        return Failure.INVALID_FORMAT;
      }
      int sum = weightedSum(slice(n, 0, 9), 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
      boolean valid = value(slice(n, 0, 3)) >= 100 ? sum == 0 || sum == 42 || sum == 55 : sum == 0;
      return valid ? null : Failure.INVALID_CHECKSUM;
    }
    return Failure.INVALID_LENGTH;
  }

  // XI GD (government department, below 500) and HA (health authority, 500 and up) numbers.
  private static @Nullable Failure authorityFailure(String n, int authority) {
    boolean valid = n.startsWith("GD") && authority < 500 || n.startsWith("HA") && authority >= 500;
    return valid ? null : Failure.INVALID_COMPONENT;
  }

  /** The ISO 3166-1 numeric codes of the member states (and 900 for Northern Ireland) in OSS numbers. */
  private static final Set<String> OSS_MEMBER_STATES = Set.of("040", "056", "100", "191", "196", "203", "208",
      "233", "246", "250", "276", "300", "348", "372", "380", "428", "440", "442", "470", "528", "616", "620",
      "642", "703", "705", "724", "752", "900");

  // EU: OSS non-union scheme number, 9 digits starting with the identifying member state's ISO numeric code.
  static @Nullable Failure ossNonUnion(String n) {
    return oss(n, 9);
  }

  // IM: IOSS import scheme number, 10 digits starting with the identifying member state's ISO numeric code.
  static @Nullable Failure ossImport(String n) {
    return oss(n, 10);
  }

  private static @Nullable Failure oss(String n, int length) {
    if (n.length() != length) {
      return Failure.INVALID_LENGTH;
    }
    if (!isDigits(n)) {
      return Failure.INVALID_FORMAT;
    }
    return OSS_MEMBER_STATES.contains(slice(n, 0, 3)) ? null : Failure.INVALID_COMPONENT;
  }

  /**
   * The common shape "digits only, fixed length, weighted sum MOD m equals r": format, then length, then the sum.
   */
  private static @Nullable Failure weightedMod(
      String n, int length, boolean noLeadingZero, int modulus, int remainder, int... weights) {
    if (!isDigits(n) || noLeadingZero && n.startsWith("0")) {
      return Failure.INVALID_FORMAT;
    }
    if (n.length() != length) {
      return Failure.INVALID_LENGTH;
    }
    return Math.floorMod(weightedSum(n, weights), modulus) == remainder ? null : Failure.INVALID_CHECKSUM;
  }

  /** Sum of the digits weighted {@code top}, {@code top - 1}, ... from the left. */
  private static int descendingWeights(String digits, int top) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      sum += (top - i) * digit(digits, i);
    }
    return sum;
  }
}
