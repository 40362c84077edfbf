package dev.steward.core.reference;

/** The kinds of reference data {@link ReferenceData} looks up, each with how messages name it. */
public enum ReferenceKind {
  /** A legal entity, looked up by its {@code le_} id. */
  LEGAL_ENTITY("legal entity"),
  /** The tax codes of a jurisdiction, looked up by its code such as {@code DE}. */
  TAX_CODES("tax codes of jurisdiction"),
  /** An active currency, looked up by its ISO 4217 code. */
  CURRENCY("currency"),
  /** A service catalogue item, looked up by its {@code svc_} id. */
  SERVICE_ITEM("service item"),
  /** The GL dimension set of a PSA project, looked up by project code. */
  DIMENSION_SET("dimension set of project"),
  /** A rate card, looked up by its {@code rc_} id. */
  RATE_CARD("rate card");

  private final String description;

  ReferenceKind(String description) {
    this.description = description;
  }

  /** Returns how messages name this kind before its key, such as {@code legal entity}. */
  public String description() {
    return description;
  }
}
