package dev.steward.core.validation.vat;

import java.time.YearMonth;

/**
 * Small arithmetic and string helpers shared by the national rules: ASCII digit tests, Python-style slices,
 * weighted sums, Luhn, ISO 7064 MOD 11,10 and MOD 97,10 and calendar-date checks.
 *
 * <p>Every method is total on its documented input (no exception for short strings). Stateless and thread-safe.
 */
final class CheckDigits {

  private CheckDigits() {}

  /** True when {@code s} is non-empty and holds only the ASCII digits 0-9 (never other scripts' digits). */
  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** True when {@code s} consists of digits that are all zero; callers have checked {@link #isDigits}. */
  static boolean allZero(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /** The value of the ASCII digit at {@code index}. */
  static int digit(String s, int index) {
    return s.charAt(index) - '0';
  }

  /** The value of a run of at most 18 ASCII digits. */
  static long value(String digits) {
    return Long.parseLong(digits);
  }

  /**
   * Python's {@code s[start:end]}: negative positions count from the end, out-of-range positions are clamped, an
   * empty range gives "".
   */
  static String slice(String s, int start, int end) {
    int from = clamp(start < 0 ? s.length() + start : start, s.length());
    int to = clamp(end < 0 ? s.length() + end : end, s.length());
    return from >= to ? "" : s.substring(from, to);
  }

  /** Python's {@code s[start:]}. */
  static String from(String s, int start) {
    return slice(s, start, s.length());
  }

  private static int clamp(int position, int length) {
    return Math.max(0, Math.min(position, length));
  }

  /** Sum of digit times weight over the shorter of the digits and the weights (like Python's {@code zip}). */
  static int weightedSum(String digits, int... weights) {
    int sum = 0;
    for (int i = 0; i < Math.min(digits.length(), weights.length); i++) {
      sum += weights[i] * digit(digits, i);
    }
    return sum;
  }

  /** The Luhn checksum of a digit string; a number with a valid Luhn check digit gives 0. */
  static int luhnChecksum(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digit(digits, i);
      if (doubled) {
        d *= 2;
        d = d / 10 + d % 10;
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10;
  }

  /** True when a non-empty digit string ends with a valid Luhn check digit. */
  static boolean luhnValid(String digits) {
    return !digits.isEmpty() && luhnChecksum(digits) == 0;
  }

  /** The Luhn check digit to append to {@code digits}. */
  static int luhnCheckDigit(String digits) {
    return (10 - luhnChecksum(digits + "0")) % 10;
  }

  /** True when a digit string passes ISO 7064 MOD 11,10 (the last digit is the check digit). */
  static boolean mod11x10Valid(String digits) {
    int check = 5;
    for (int i = 0; i < digits.length(); i++) {
      check = (((check == 0 ? 10 : check) * 2) % 11 + digit(digits, i)) % 10;
    }
    return check == 1;
  }

  /** True when a string of digits and letters A-Z passes ISO 7064 MOD 97,10 (letters count as 10-35). */
  static boolean mod97x10Valid(String alphanumeric) {
    int remainder = 0;
    for (int i = 0; i < alphanumeric.length(); i++) {
      int value = Character.digit(alphanumeric.charAt(i), 36);
      if (value < 0 || alphanumeric.charAt(i) > 'Z') {
        return false;
      }
      remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
    }
    return !alphanumeric.isEmpty() && remainder == 1;
  }

  /** True when year, month and day name a real date in years 1 to 9999. */
  static boolean isDate(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1
        && YearMonth.of(year, month).isValidDay(day);
  }
}
