package dev.steward.core.validation.vat;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of checking one VAT identification number with {@link VatNumbers}: whether it is valid, its prefix,
 * its compact form and, when invalid, what kind of rule it breaks and a one-sentence explanation.
 *
 * <p>"Valid" means the number has the format and check digits of its country; it does not mean the number is
 * registered. Instances are immutable and thread-safe; two results are equal when all their parts are.
 */
public final class VatCheck {

  /** Longest compact number quoted in full by {@link #message()}; longer ones are cut short with "...". */
  private static final int QUOTED_LENGTH = 40;

  /** Why a number was rejected, in the categories python-stdnum distinguishes. */
  public enum Failure {
    /** The prefix is not a supported EU VAT prefix (see {@link VatNumbers#supportedPrefixes()}). */
    UNKNOWN_COUNTRY,
    /** The number has characters not allowed there, such as a letter where a digit belongs. */
    INVALID_FORMAT,
    /** The number has the right kind of characters but too few or too many of them. */
    INVALID_LENGTH,
    /** The check digit or digits do not match the rest of the number. */
    INVALID_CHECKSUM,
    /** A part of the number with a fixed meaning is out of range, such as a birth date, region or type code. */
    INVALID_COMPONENT
  }

  private final String prefix;
  private final String compact;
  private final @Nullable Failure failure;
  private final @Nullable String countryName;

  private VatCheck(String prefix, String compact, @Nullable Failure failure, @Nullable String countryName) {
    this.prefix = prefix;
    this.compact = compact;
    this.failure = failure;
    this.countryName = countryName;
  }

  /** A result for a known country; {@code failure} null means valid. */
  static VatCheck of(VatCountry country, String compact, @Nullable Failure failure) {
    return new VatCheck(country.prefix(), compact, failure, country.displayName());
  }

  /** A result for a prefix that is not supported. */
  static VatCheck unknownCountry(String prefix, String compact) {
    return new VatCheck(prefix, compact, Failure.UNKNOWN_COUNTRY, null);
  }

  /** Returns true when the number has the format and check digits of its country. */
  public boolean valid() {
    return failure == null;
  }

  /**
   * Returns the canonical upper-case prefix, such as {@code DE}, {@code EL} (also for numbers written with GR) or
   * {@code XI}; for {@link Failure#UNKNOWN_COUNTRY}, the (at most two) characters found in its place.
   */
  public String prefix() {
    return prefix;
  }

  /**
   * Returns the prefix followed by the national part, upper case, separators removed and old short forms padded
   * (BE 9 digits, EL 8 digits), such as {@code DE136695976}; for an invalid number the same clean-up is a best
   * effort and may keep odd characters.
   */
  public String compact() {
    return compact;
  }

  /** Returns why the number was rejected, or empty when it is valid. */
  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Returns one plain-language sentence naming the country and the outcome, such as "the check digit of DE VAT
   * number DE136695978 does not match"; numbers over 40 characters are quoted only in part.
   */
  public String message() {
    String quoted = quoted();
    if (failure == null) {
      return "the " + prefix + " VAT number " + quoted + " has a valid format and check digits for " + countryName;
    }
    return switch (failure) {
      case UNKNOWN_COUNTRY -> "the VAT number " + quoted + " does not start with a supported EU VAT country prefix"
          + (prefix.isEmpty() ? "" : " (found \"" + prefix + "\")");
      case INVALID_FORMAT -> "the " + prefix + " VAT number " + quoted
          + " contains characters that are not allowed, or not allowed in that position, for " + countryName;
      case INVALID_LENGTH -> "the " + prefix + " VAT number " + quoted
          + " has the wrong number of characters for " + countryName;
      case INVALID_CHECKSUM -> "the check digit of " + prefix + " VAT number " + quoted + " does not match";
      case INVALID_COMPONENT -> "the " + prefix + " VAT number " + quoted
          + " contains a part (such as a date, region or type code) that is not valid for " + countryName;
    };
  }

  /** The compact number for a sentence: control characters escaped, long numbers cut short, "" when empty. */
  private String quoted() {
    if (compact.isEmpty()) {
      return "\"\"";
    }
    int end = compact.length();
    if (end > QUOTED_LENGTH) {
      end = Character.isHighSurrogate(compact.charAt(QUOTED_LENGTH - 1)) ? QUOTED_LENGTH - 1 : QUOTED_LENGTH;
    }
    StringBuilder text = new StringBuilder(end + 32);
    for (int i = 0; i < end; i++) {
      char c = compact.charAt(i);
      if (Character.isISOControl(c)) {
        text.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        text.append(c);
      }
    }
    if (end < compact.length()) {
      text.append("... (").append(compact.length()).append(" characters)");
    }
    return text.toString();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof VatCheck that
        && prefix.equals(that.prefix)
        && compact.equals(that.compact)
        && failure == that.failure
        && Objects.equals(countryName, that.countryName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prefix, compact, failure, countryName);
  }

  /** Returns the compact number and the outcome, for logs and test output. */
  @Override
  public String toString() {
    return "VatCheck[" + quoted() + ", " + (failure == null ? "VALID" : failure.name()) + "]";
  }
}
