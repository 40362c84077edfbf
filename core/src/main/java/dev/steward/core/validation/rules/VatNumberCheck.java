package dev.steward.core.validation.rules;

import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.reference.ReferenceDataUnavailableException;
import dev.steward.core.reference.VatCheckPolicy;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.core.validation.vat.VatCheck;
import dev.steward.core.validation.vat.VatNumbers;
import dev.steward.core.validation.vat.VatRegistry;
import dev.steward.core.validation.vat.VatRegistry.Answer;
import dev.steward.model.TaxId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The VAT-number check both {@link CustomerVatNumberRule} and {@link InvoiceCustomerVatRule} run over a customer's
 * tax ids: offline format and check digits, then, for well-formed numbers only, the optional online registry.
 * Immutable and thread-safe when the registry is.
 */
final class VatNumberCheck {
  /** The EU member states by ISO 3166-1 alpha-2 code (Greece as GR). */
  private static final Set<String> MEMBER_STATES = Set.of(
      "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
      "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
  private static final int MAX_REASON_LENGTH = 200;

  private final @Nullable VatRegistry registry;

  VatNumberCheck(@Nullable VatRegistry registry) {
    this.registry = registry;
  }

  boolean online() {
    return registry != null;
  }

  /**
   * The VAT prefix a tax id is checked under, or empty when it is not an EU VAT number: the member state's code,
   * {@code EL} for Greece ({@code GR}, or {@code EL} as VAT numbers write it), {@code XI} for Northern Ireland —
   * given as {@code XI}, or as {@code GB} with a number that starts with {@code XI}.
   */
  static Optional<String> prefixFor(TaxId taxId) {
    if (taxId.country() == null || taxId.number() == null) {
      return Optional.empty(); // reported by the schema stage
    }
    String country = taxId.country().strip().toUpperCase(Locale.ROOT);
    if (country.equals("GR") || country.equals("EL")) {
      return Optional.of("EL");
    }
    if (MEMBER_STATES.contains(country) || country.equals("XI")) {
      return Optional.of(country);
    }
    if (country.equals("GB") && taxId.number().strip().toUpperCase(Locale.ROOT).startsWith("XI")) {
      return Optional.of("XI");
    }
    return Optional.empty();
  }

  /**
   * Checks the EU VAT numbers among {@code taxIds}.
   *
   * @param path the JSON Pointer violations are reported at, given the index of the tax id
   * @param label how the message introduces the tax id at an index, such as {@code "tax id 1"}
   */
  void check(List<TaxId> taxIds, ValidationContext context, Violations out,
      IntFunction<String> path, IntFunction<String> label) {
    for (int i = 0; i < taxIds.size(); i++) {
      TaxId taxId = taxIds.get(i);
      Optional<String> prefix = taxId == null ? Optional.empty() : prefixFor(taxId);
      if (prefix.isEmpty()) {
        continue;
      }
      VatCheck result = VatNumbers.check(prefix.get(), taxId.number());
      String at = path.apply(i);
      if (!result.valid()) {
        out.add(ReasonCodes.INVALID_VAT_NUMBER, at, label.apply(i) + ": " + result.message() + " (" + at + ")", "");
      } else if (registry != null) {
        ask(registry, result.compact(), context, out, at, label.apply(i));
      }
    }
  }

  private static void ask(
      VatRegistry registry, String number, ValidationContext context, Violations out, String at, String label) {
    Answer answer;
    try {
      answer = registry.check(number);
      if (answer == null) {
        answer = Answer.unavailable("the VAT registry gave no answer");
      }
    } catch (RuntimeException e) {
      answer = Answer.unavailable("the VAT registry failed: " + describe(e));
    }
    if (answer instanceof Answer.NotRegistered) {
      out.add(ReasonCodes.VAT_NUMBER_NOT_REGISTERED, at,
          label + ": the VAT registry does not know VAT number " + number
              + "; it may be mistyped or no longer registered (" + at + ")", "");
    } else if (answer instanceof Answer.Unavailable unavailable) {
      Policy policy = policy(context);
      out.add(ReasonCodes.VAT_CHECK_UNAVAILABLE, policy.severity, at,
          label + ": VAT number " + number + " has a valid format but could not be confirmed online ("
              + shorten(unavailable.reason()) + "); " + policy.consequence + " (" + at + ")", "");
    }
  }

  /** What the record's legal entity says to do while the check is down. */
  private record Policy(Severity severity, String consequence) {}

  private static Policy policy(ValidationContext context) {
    Optional<LegalEntityRef> entity;
    try {
      entity = context.legalEntity();
    } catch (ReferenceDataUnavailableException e) {
      return new Policy(Severity.ERROR, "the record is held until it is confirmed, since the legal entity's policy"
          + " could not be read");
    }
    if (entity.isEmpty()) {
      return new Policy(Severity.ERROR, "the record is held until it is confirmed, since its legal entity is unknown");
    }
    LegalEntityRef le = entity.get();
    return le.vatCheckUnavailable() == VatCheckPolicy.PASS_WITH_WARNING
        ? new Policy(Severity.WARNING, "legal entity " + le.code() + " lets the record pass with this warning")
        : new Policy(Severity.ERROR, "legal entity " + le.code() + " holds the record until it is confirmed");
  }

  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String shorten(String reason) {
    return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "...";
  }
}
