package dev.steward.core.validation;

import java.util.List;
import java.util.Objects;

/**
 * Renders a catalogue of reason codes as one Markdown table — code, category, severity, meaning,
 * typical fix, owning team — so the documented codes and the codes Steward reports are the same
 * artefact. {@code docs/reason-codes.md} is this class's rendering of {@link ReasonCodes#all()}.
 */
public final class ReasonCodeCatalog {
  private ReasonCodeCatalog() {}

  /** Renders Steward's built-in codes. */
  public static String markdown() {
    return markdown(ReasonCodes.all());
  }

  /** Renders {@code codes}, in their order; a host appends its own to the built-in ones. */
  public static String markdown(List<ReasonCode> codes) {
    Objects.requireNonNull(codes, "codes");
    StringBuilder sb = new StringBuilder()
        .append("# Validation reason codes\n\n")
        .append("Every violation a validation pipeline reports carries one of these codes, its JSON Pointer, a\n")
        .append("plain-language message, a severity (`ERROR` blocks posting, `WARNING` does not) and a category.\n")
        .append("A code never changes meaning once published. `DEPENDENCY_UNAVAILABLE` means a checker did not\n")
        .append("answer, never that the data is wrong.\n\n")
        .append("Rendered by `ReasonCodeCatalog` from `ReasonCodes`; a test fails when this page drifts.\n\n")
        .append("| code | category | severity | meaning | typical fix | owning team |\n")
        .append("|---|---|---|---|---|---|\n");
    for (ReasonCode c : codes) {
      sb.append("| `").append(c.code()).append("` | ").append(c.category()).append(" | ").append(c.severity())
          .append(" | ").append(cell(c.meaning())).append(" | ").append(cell(c.typicalFix()))
          .append(" | ").append(cell(c.owningTeam())).append(" |\n");
    }
    return sb.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
