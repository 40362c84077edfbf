package dev.steward.model;

/**
 * The form of a system id: the short name a firm gives each connected platform ({@code crm},
 * {@code psa}, {@code erp-eu}, {@code billing}). Policies, external references and envelopes
 * name systems this way.
 */
public final class SystemIds {
  /** A lowercase letter, then up to 31 lowercase letters, digits or hyphens. */
  public static final String PATTERN = "^[a-z][a-z0-9-]{0,31}$";

  private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

  private SystemIds() {}

  /** Returns whether {@code text} is a well-formed system id. */
  public static boolean isValid(String text) {
    return COMPILED.matcher(text).matches();
  }
}
