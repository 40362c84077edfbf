package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.BillingSupport.lineLabel;
import static dev.steward.core.validation.rules.BillingSupport.linePath;
import static dev.steward.core.validation.rules.BillingSupport.plain;

import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.reference.ReferenceData;
import dev.steward.core.reference.TaxCode;
import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Address;
import dev.steward.model.CanonicalId;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Checks each invoice line's tax code against the firm's reference data: the code must exist for the invoice's tax
 * jurisdiction, be valid on the invoice's issue date, and carry the rate the line applies. Each failure is {@link
 * ReasonCodes#INVALID_TAX_CODE}, at {@code /lines/<i>/taxCode} for an unknown or out-of-date code and at {@code
 * /lines/<i>/taxRatePercent} for a rate that differs from the code's.
 *
 * <p>How the jurisdiction is found is chosen when the rule is made:
 *
 * <ul>
 *   <li>{@link #byLegalEntityCountry()} — the country of the selling legal entity, such as {@code DE}, as EU VAT
 *       works; an invoice of a legal entity missing from the reference data is {@link
 *       ReasonCodes#UNKNOWN_LEGAL_ENTITY} at {@code /legalEntityId};
 *   <li>{@link #byBillToRegion()} — the bill-to address's country and region, such as {@code US-CA}, as North
 *       American sales taxes work; an invoice without a bill-to region is {@link ReasonCodes#INVALID_TAX_CODE} at
 *       {@code /billTo} or {@code /billTo/region};
 *   <li>{@link #of(String, BiFunction)} — any other function of the invoice and its context.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class InvoiceTaxCodeRule implements BusinessRule<Invoice> {

  /** Finds the jurisdiction, or reports why there is none and returns empty. */
  @FunctionalInterface
  private interface Resolver {
    Optional<String> jurisdiction(Invoice invoice, ValidationContext context, Violations out);
  }

  private static final InvoiceTaxCodeRule BY_LEGAL_ENTITY_COUNTRY =
      new InvoiceTaxCodeRule("the country of the selling legal entity", InvoiceTaxCodeRule::legalEntityCountry);
  private static final InvoiceTaxCodeRule BY_BILL_TO_REGION =
      new InvoiceTaxCodeRule("the country and region of the bill-to address", InvoiceTaxCodeRule::billToRegion);

  private final String description;
  private final Resolver resolver;

  private InvoiceTaxCodeRule(String description, Resolver resolver) {
    this.description = description;
    this.resolver = resolver;
  }

  /**
   * Returns the rule taking the jurisdiction from the country of the invoice's legal entity, as for EU VAT: a German
   * entity's invoices use the tax codes of {@code DE}.
   */
  public static InvoiceTaxCodeRule byLegalEntityCountry() {
    return BY_LEGAL_ENTITY_COUNTRY;
  }

  /**
   * Returns the rule taking the jurisdiction from the bill-to address, as for North American sales taxes: its
   * country, a dash and its region, such as {@code US-CA} for {@code country: US, region: CA}. A region already
   * written as a subdivision code of the country ({@code US-CA}) is used as is; the region is upper-cased.
   */
  public static InvoiceTaxCodeRule byBillToRegion() {
    return BY_BILL_TO_REGION;
  }

  /**
   * Returns the rule taking the jurisdiction from {@code jurisdiction}; when it returns empty, the invoice's tax
   * codes are not checked and {@link ReasonCodes#INVALID_TAX_CODE} says the jurisdiction is unknown.
   *
   * @param description how the jurisdiction is found, in words for messages, such as {@code "the customer's
   *     country"}
   * @param jurisdiction returns a jurisdiction code as the reference data holds tax codes under, such as {@code DE}
   *     or {@code US-CA}; must be thread-safe
   * @throws IllegalArgumentException if {@code description} is blank
   */
  public static InvoiceTaxCodeRule of(
      String description, BiFunction<Invoice, ValidationContext, Optional<String>> jurisdiction) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    if (description.isBlank()) {
      throw new IllegalArgumentException("description must say how the jurisdiction is found; it was blank");
    }
    return new InvoiceTaxCodeRule(description, (invoice, context, out) -> {
      Optional<String> found = Objects.requireNonNull(jurisdiction.apply(invoice, context),
          "the jurisdiction function returned null");
      if (found.isEmpty() || found.get().isBlank()) {
        out.add(ReasonCodes.INVALID_TAX_CODE, "",
            "the tax jurisdiction of the invoice, " + description + ", is unknown, so its tax codes cannot be checked",
            "");
        return Optional.empty();
      }
      return found;
    });
  }

  /** Returns how the rule finds the jurisdiction, in words. */
  public String jurisdictionDescription() {
    return description;
  }

  @Override
  public Class<Invoice> appliesTo() {
    return Invoice.class;
  }

  @Override
  public void check(Invoice invoice, ValidationContext context, Violations out) {
    LocalDate issued = invoice.issueDate();
    List<InvoiceLine> lines = invoice.lines();
    if (issued == null || lines == null) {
      return; // reported by the schema stage
    }
    Optional<String> found = resolver.jurisdiction(invoice, context, out);
    if (found.isEmpty()) {
      return;
    }
    String jurisdiction = found.get();
    ReferenceData reference = context.referenceData();
    Map<String, Optional<TaxCode>> codes = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      InvoiceLine line = lines.get(i);
      if (line == null || line.taxCode() == null || line.taxCode().isBlank()) {
        continue; // reported by the schema stage
      }
      String label = lineLabel(line, i);
      Optional<TaxCode> code = codes.computeIfAbsent(line.taxCode(), c -> reference.taxCode(jurisdiction, c, issued));
      if (code.isEmpty()) {
        String path = linePath(i, "taxCode");
        out.add(ReasonCodes.INVALID_TAX_CODE, path,
            label + ": " + whyNot(reference, jurisdiction, line.taxCode(), issued) + " (" + path + ")", "");
        continue;
      }
      BigDecimal rate = line.taxRatePercent();
      if (rate != null && rate.compareTo(code.get().ratePercent()) != 0) {
        String path = linePath(i, "taxRatePercent");
        out.add(ReasonCodes.INVALID_TAX_CODE, path,
            label + ": the tax rate is " + plain(rate) + "%, but tax code " + line.taxCode() + " of " + jurisdiction
                + " has a rate of " + plain(code.get().ratePercent()) + "% on the issue date " + issued
                + " (" + path + ")", "");
      }
    }
  }

  private static String whyNot(ReferenceData reference, String jurisdiction, String code, LocalDate issued) {
    List<TaxCode> all = reference.taxCodes(jurisdiction);
    if (all.isEmpty()) {
      return "tax code " + code + " cannot be valid: the reference data has no tax codes for jurisdiction "
          + jurisdiction;
    }
    List<TaxCode> same = all.stream().filter(t -> t.code().equals(code)).toList();
    if (same.isEmpty()) {
      return "tax code " + code + " is not a tax code of jurisdiction " + jurisdiction;
    }
    return "tax code " + code + " of " + jurisdiction + " is not valid on the issue date " + issued + "; it is valid "
        + same.stream().map(InvoiceTaxCodeRule::validity).collect(Collectors.joining(" and "));
  }

  private static String validity(TaxCode t) {
    return t.validTo() == null
        ? "from " + t.validFrom()
        : "from " + t.validFrom() + " to " + t.validTo().minusDays(1);
  }

  private static Optional<String> legalEntityCountry(Invoice invoice, ValidationContext context, Violations out) {
    CanonicalId id = invoice.legalEntityId();
    if (id == null) {
      return Optional.empty(); // reported by the schema stage
    }
    Optional<LegalEntityRef> entity = context.referenceData().legalEntity(id);
    if (entity.isEmpty()) {
      out.add(ReasonCodes.UNKNOWN_LEGAL_ENTITY, "/legalEntityId",
          "legal entity " + id + " is not in the reference data, so the tax jurisdiction of the invoice's tax codes"
              + " is unknown (/legalEntityId)", "");
      return Optional.empty();
    }
    return Optional.of(entity.get().country());
  }

  private static Optional<String> billToRegion(Invoice invoice, ValidationContext context, Violations out) {
    Address billTo = invoice.billTo();
    if (billTo == null) {
      out.add(ReasonCodes.INVALID_TAX_CODE, "/billTo",
          "the invoice has no bill-to address, so its tax jurisdiction (country and region, such as US-CA) is"
              + " unknown and its tax codes cannot be checked (/billTo)", "");
      return Optional.empty();
    }
    String country = billTo.country();
    if (country == null) {
      return Optional.empty(); // reported by the schema stage
    }
    String region = billTo.region() == null ? "" : billTo.region().strip().toUpperCase(Locale.ROOT);
    if (region.isEmpty()) {
      out.add(ReasonCodes.INVALID_TAX_CODE, "/billTo/region",
          "the bill-to address in " + country + " has no region (state or province), so the invoice's tax"
              + " jurisdiction is unknown and its tax codes cannot be checked (/billTo/region)", "");
      return Optional.empty();
    }
    return Optional.of(region.startsWith(country + "-") ? region : country + "-" + region);
  }

  @Override
  public String toString() {
    return "InvoiceTaxCodeRule[jurisdiction by " + description + "]";
  }
}
