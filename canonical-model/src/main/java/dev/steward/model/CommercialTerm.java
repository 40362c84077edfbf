package dev.steward.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * One priced commitment of a contract, of one of the kinds a professional-services firm sells:
 * a fixed fee, time and materials, milestones, a retainer, or usage. Billing schedules, invoice
 * lines and revenue schedules refer to a term by its {@link #lineId()}.
 *
 * <p>In canonical JSON a term carries its kind in a {@code kind} property: {@code FIXED_FEE},
 * {@code TIME_AND_MATERIALS}, {@code MILESTONES}, {@code RETAINER} or {@code USAGE}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = FixedFeeTerm.class, name = "FIXED_FEE"),
  @JsonSubTypes.Type(value = TimeAndMaterialsTerm.class, name = "TIME_AND_MATERIALS"),
  @JsonSubTypes.Type(value = MilestonesTerm.class, name = "MILESTONES"),
  @JsonSubTypes.Type(value = RetainerTerm.class, name = "RETAINER"),
  @JsonSubTypes.Type(value = UsageTerm.class, name = "USAGE")
})
public sealed interface CommercialTerm
    permits FixedFeeTerm, TimeAndMaterialsTerm, MilestonesTerm, RetainerTerm, UsageTerm {

  /**
   * Returns the term's id within its contract, stable for the life of the contract, such as
   * {@code L-001}; amendments remove terms by it.
   */
  String lineId();

  /** Returns the text invoices and statements carry for the term, if it has one. */
  @Nullable String description();
}
