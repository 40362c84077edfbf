package dev.steward.core.ownership;

import dev.steward.core.ownership.internal.LintConditions;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Renders an {@link OwnershipPolicy} as its ownership matrix — entity x attribute x system — in
 * Markdown or as one self-contained HTML page, so that the ownership a governance board reads is
 * the ownership Steward enforces.
 *
 * <p>Each entity the policy has rules for gets one table. Its rows are the entity's attributes in
 * {@linkplain AttributeCatalog catalogue} order; each cell holds the roles a system has for that
 * attribute: <b>O</b> owner, <b>C</b> may originate, <b>P</b> may propose, <b>S</b> receives sync,
 * <b>R</b> reads. The rows of an attribute are the rules that can decide it, in the order the
 * engine tries them: most specific first (an attribute rule, a deeper subtree, a shallower one,
 * the defaults), the first whose condition holds deciding. Each row shows the {@linkplain
 * Condition#describe() condition in words} and the rule id; a rule less specific than the first
 * is marked "otherwise", and a rule that can never decide (the rules above it hold in every state
 * in which it would) is left out, as the {@linkplain OwnershipLint lint} judges it. So an
 * attribute whose ownership depends on the record's state has one row per state-dependent rule,
 * and where no rule applies, in some state or in all, it is shown as unowned. The header names
 * the policy's id, version and fingerprint, and each table says who may create the entity.
 *
 * <p>The output depends only on the policy: equal policies render to equal text, with {@code \n}
 * line ends. The HTML page has inline CSS and no scripts or external resources, and every text
 * taken from the policy is escaped. Stateless and thread-safe.
 */
public final class OwnershipMatrix {
  /** The page's style sheet: screen and print. */
  private static final String CSS = String.join("\n",
      ":root { color-scheme: light; }",
      "body { font: 14px/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; }",
      "h1 { font-size: 1.6rem; margin: 0 0 .75rem; }",
      "h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }",
      "code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }",
      "table { border-collapse: collapse; margin: .5rem 0 1rem; }",
      "th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }",
      "thead th { background: #f3f5f7; }",
      "table.policy th { background: #f3f5f7; font-weight: 600; }",
      "table.matrix { width: 100%; }",
      "table.matrix tbody th { font-weight: normal; white-space: nowrap; }",
      "th.sys, td.roles { text-align: center; white-space: nowrap; width: 4.5rem; }",
      "td.owner { font-weight: 700; background: #e7f0fb; }",
      "td.cond code { color: #6a3d00; }",
      "td.unowned { color: #a40e26; font-weight: 600; }",
      "tr.first > * { border-top: 2px solid #aab4be; }",
      ".legend b { display: inline-block; min-width: 1.1em; text-align: center; }",
      "nav ul { columns: 4 12rem; padding-left: 1.2rem; margin: .5rem 0; }",
      "@media print {",
      "  body { margin: 0; max-width: none; font-size: 10pt; }",
      "  code { font-size: 9pt; }",
      "  nav { display: none; }",
      "  h2 { break-after: avoid; page-break-after: avoid; }",
      "  thead { display: table-header-group; }",
      "  tr { break-inside: avoid; page-break-inside: avoid; }",
      "  td.owner { background: none; text-decoration: underline; }",
      "}",
      "");

  private static final String RULE_ORDER =
      "For each attribute, rules are tried most specific first (an attribute rule, then a subtree rule, then the "
          + "entity's defaults) and the first whose condition holds decides. Where ownership depends on the record's "
          + "state, the attribute has one row per rule that can decide it, with the condition in words; a row marked "
          + "\"otherwise\" decides only where no row above it does.";

  private OwnershipMatrix() {}

  /**
   * Returns the matrix as a Markdown document (GitHub-flavoured tables).
   *
   * @param policy the policy to render
   * @return the document, ending with a line end
   */
  public static String markdown(OwnershipPolicy policy) {
    List<String> systems = systems(policy);
    StringBuilder md = new StringBuilder();
    md.append("# Ownership matrix: ").append(code(policy.id())).append(' ').append(code(policy.version())).append("\n\n");
    md.append("| policy | version | fingerprint |\n|---|---|---|\n");
    md.append("| ").append(code(policy.id())).append(" | ").append(code(policy.version())).append(" | ")
        .append(code(policy.fingerprint().toString())).append(" |\n\n");
    md.append("Generated from the policy by `OwnershipMatrix`: it shows exactly what Steward enforces. ")
        .append("Do not edit it by hand; change the policy and render it again.\n\n");
    md.append("Systems: ").append(String.join(", ", systems)).append(".\n\n");
    md.append("Roles: **O** owner (system of record) · **C** may originate (sets the value when it creates the record) · ")
        .append("**P** may propose (recorded and routed for approval, not applied) · **S** receives sync · **R** reads.\n\n");
    md.append(RULE_ORDER).append("\n\n");
    List<EntityType> types = List.copyOf(policy.entityTypes());
    for (EntityType type : types) {
      md.append("- [").append(type.schemaName()).append("](#").append(type.schemaName()).append(")\n");
    }
    md.append('\n');
    for (EntityType type : types) {
      md.append("## ").append(type.schemaName()).append("\n\n");
      md.append(createdBy(policy, type, true)).append("\n\n");
      md.append("| attribute |");
      systems.forEach(s -> md.append(' ').append(s).append(" |"));
      md.append(" condition | rule |\n|---|");
      systems.forEach(s -> md.append(":-:|"));
      md.append("---|---|\n");
      for (Row row : rows(policy, type)) {
        md.append("| ").append(code(row.attribute().toString())).append(" |");
        for (String s : systems) {
          String roles = roles(row.rule(), s);
          md.append(roles.isEmpty() ? " |" : " " + roles + " |");
        }
        OwnershipRule rule = row.rule();
        if (rule == null) {
          md.append(row.fallback() ? " otherwise **unowned**: no rule applies | |\n" : " **unowned**: no rule covers this attribute | |\n");
        } else {
          md.append(' ').append(condition(row, OwnershipMatrix::code)).append(" | ").append(code(rule.id())).append(" |\n");
        }
      }
      md.append('\n');
    }
    List<String> without = withoutRules(policy);
    if (!without.isEmpty()) {
      md.append("## Entities without rules\n\n")
          .append("The policy has no rules for these entities, so it names no owner for any of their attributes: ")
          .append(String.join(", ", without)).append(".\n");
    }
    return trimTrailingBlankLines(md);
  }

  /**
   * Returns the matrix as one self-contained HTML page: inline CSS, no scripts, no external
   * resources, a table per entity, readable when printed.
   *
   * @param policy the policy to render
   * @return the page, ending with a line end
   */
  public static String html(OwnershipPolicy policy) {
    List<String> systems = systems(policy);
    String title = "Ownership matrix: " + policy.id() + " " + policy.version();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<header>\n<h1>Ownership matrix</h1>\n<table class=\"policy\">\n<tbody>\n")
        .append("<tr><th scope=\"row\">Policy</th><td><code>").append(esc(policy.id())).append("</code></td></tr>\n")
        .append("<tr><th scope=\"row\">Version</th><td><code>").append(esc(policy.version())).append("</code></td></tr>\n")
        .append("<tr><th scope=\"row\">Fingerprint</th><td><code>").append(esc(policy.fingerprint().toString()))
        .append("</code></td></tr>\n")
        .append("<tr><th scope=\"row\">Systems</th><td>").append(esc(String.join(", ", systems))).append("</td></tr>\n")
        .append("</tbody>\n</table>\n");
    h.append("<p>Generated from the policy by <code>OwnershipMatrix</code>: it shows exactly what Steward enforces. ")
        .append("Do not edit it by hand; change the policy and render it again.</p>\n");
    h.append("<p class=\"legend\">Roles: <b>O</b> owner (system of record) &middot; <b>C</b> may originate ")
        .append("(sets the value when it creates the record) &middot; <b>P</b> may propose (recorded and routed for ")
        .append("approval, not applied) &middot; <b>S</b> receives sync &middot; <b>R</b> reads.</p>\n");
    h.append("<p>").append(esc(RULE_ORDER)).append("</p>\n");
    List<EntityType> types = List.copyOf(policy.entityTypes());
    h.append("<nav>\n<ul>\n");
    for (EntityType type : types) {
      h.append("<li><a href=\"#").append(esc(type.schemaName())).append("\">").append(esc(type.schemaName())).append("</a></li>\n");
    }
    h.append("</ul>\n</nav>\n</header>\n<main>\n");
    for (EntityType type : types) {
      h.append("<section id=\"").append(esc(type.schemaName())).append("\">\n<h2>").append(esc(type.schemaName())).append("</h2>\n");
      h.append("<p>").append(createdBy(policy, type, false)).append("</p>\n");
      h.append("<table class=\"matrix\">\n<thead>\n<tr><th scope=\"col\">Attribute</th>");
      for (String s : systems) {
        h.append("<th scope=\"col\" class=\"sys\">").append(esc(s)).append("</th>");
      }
      h.append("<th scope=\"col\">Condition</th><th scope=\"col\">Rule</th></tr>\n</thead>\n<tbody>\n");
      List<Row> rows = rows(policy, type);
      for (Row row : rows) {
        OwnershipRule rule = row.rule();
        boolean conditional = rule != null && rule.condition() != Condition.always();
        h.append(row.first() ? "<tr class=\"first\">" : "<tr>");
        if (row.first()) {
          h.append("<th scope=\"row\"").append(row.groupSize() > 1 ? " rowspan=\"" + row.groupSize() + "\"" : "")
              .append("><code>").append(esc(row.attribute().toString())).append("</code></th>");
        }
        for (String s : systems) {
          String roles = roles(rule, s);
          boolean owner = rule != null && rule.owner().equals(s);
          h.append(owner ? "<td class=\"roles owner\">" : "<td class=\"roles\">").append(esc(roles)).append("</td>");
        }
        if (rule == null) {
          h.append("<td class=\"unowned\">")
              .append(row.fallback() ? "otherwise unowned: no rule applies" : "unowned: no rule covers this attribute")
              .append("</td><td></td>");
        } else {
          h.append(conditional ? "<td class=\"cond\">" : "<td>").append(condition(row, c -> "<code>" + esc(c) + "</code>")).append("</td>")
              .append("<td><code>").append(esc(rule.id())).append("</code></td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n</section>\n");
    }
    List<String> without = withoutRules(policy);
    if (!without.isEmpty()) {
      h.append("<section id=\"without-rules\">\n<h2>Entities without rules</h2>\n<p>The policy has no rules for these ")
          .append("entities, so it names no owner for any of their attributes: ").append(esc(String.join(", ", without)))
          .append(".</p>\n</section>\n");
    }
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * One row of an entity's table: an attribute and one rule that may decide it, or none where no
   * rule applies; {@code fallback} if the row is less specific than the attribute's first, so it
   * holds only where the rows above it do not.
   */
  private record Row(AttributePath attribute, @Nullable OwnershipRule rule, boolean fallback, boolean first, int groupSize) {}

  private static List<Row> rows(OwnershipPolicy policy, EntityType type) {
    List<OwnershipRule> rules = new ArrayList<>(policy.rules(type));
    // The engine's order: most specific first, declaration order among equals (the sort is stable).
    rules.sort(Comparator.comparingInt((OwnershipRule r) -> r.selector().specificity()).reversed());
    LintConditions logic = LintConditions.of(type);
    Map<List<OwnershipRule>, List<@Nullable OwnershipRule>> deciding = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (AttributePath attribute : AttributeCatalog.of(type).attributes()) {
      List<OwnershipRule> covering = rules.stream().filter(r -> r.selector().covers(attribute)).collect(Collectors.toList());
      List<@Nullable OwnershipRule> shown = deciding.computeIfAbsent(covering, c -> deciding(c, logic));
      for (int i = 0; i < shown.size(); i++) {
        OwnershipRule rule = shown.get(i);
        OwnershipRule top = shown.get(0);
        boolean fallback = i > 0 && (rule == null || top == null || rule.selector().specificity() < top.selector().specificity());
        rows.add(new Row(attribute, rule, fallback, i == 0, shown.size()));
      }
    }
    return rows;
  }

  /**
   * Of the rules covering an attribute, most specific first, those that decide it in some state:
   * a rule decides where its condition holds and no earlier rule's does. Ends with {@code null}
   * if in some state no rule holds, so nobody owns the attribute then. What the search cannot
   * settle within its budget is shown.
   */
  private static List<@Nullable OwnershipRule> deciding(List<OwnershipRule> covering, LintConditions logic) {
    List<@Nullable OwnershipRule> shown = new ArrayList<>();
    List<Condition> earlier = new ArrayList<>();
    for (OwnershipRule rule : covering) {
      if (rule.condition() == Condition.always()) {
        if (earlier.isEmpty() || !logic.find(Condition.not(new Condition.AnyOf(earlier))).impossible()) {
          shown.add(rule);
        }
        return shown;
      }
      Condition reach = earlier.isEmpty()
          ? rule.condition()
          : Condition.allOf(rule.condition(), Condition.not(new Condition.AnyOf(earlier)));
      if (!logic.find(reach).impossible()) {
        shown.add(rule);
      }
      earlier.add(rule.condition());
    }
    if (earlier.isEmpty() || !logic.find(Condition.not(new Condition.AnyOf(earlier))).impossible()) {
      shown.add(null);
    }
    return shown;
  }

  /** The condition column: when the row's rule decides, in words; {@code code} formats a condition. */
  private static String condition(Row row, UnaryOperator<String> code) {
    OwnershipRule rule = Objects.requireNonNull(row.rule());
    if (rule.condition() == Condition.always()) {
      return row.fallback() ? "otherwise" : "always";
    }
    String described = code.apply(rule.condition().describe());
    return row.fallback() ? "otherwise, when " + described : described;
  }

  private static String roles(@Nullable OwnershipRule rule, String system) {
    if (rule == null) {
      return "";
    }
    List<String> roles = new ArrayList<>(5);
    if (rule.owner().equals(system)) {
      roles.add("O");
    }
    if (rule.originators().contains(system)) {
      roles.add("C");
    }
    if (rule.proposers().contains(system)) {
      roles.add("P");
    }
    if (rule.syncTargets().contains(system)) {
      roles.add("S");
    }
    if (rule.readers().contains(system)) {
      roles.add("R");
    }
    return String.join(" ", roles);
  }

  /** The declared systems and any a rule names without declaring, sorted. */
  private static List<String> systems(OwnershipPolicy policy) {
    Set<String> all = new TreeSet<>(policy.systems());
    for (EntityType type : policy.entityTypes()) {
      policy.rules(type).forEach(r -> all.addAll(r.systems()));
    }
    return List.copyOf(all);
  }

  private static List<String> withoutRules(OwnershipPolicy policy) {
    List<String> without = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      if (policy.rules(type).isEmpty()) {
        without.add(type.schemaName());
      }
    }
    return without;
  }

  /** Who may create records of the entity, from its defaults rules; escaped for the target format. */
  private static String createdBy(OwnershipPolicy policy, EntityType type, boolean markdown) {
    List<String> parts = new ArrayList<>();
    for (OwnershipRule rule : policy.rules(type)) {
      if (rule.selector() == AttributeSelector.Defaults.INSTANCE) {
        Set<String> creators = new TreeSet<>(rule.originators());
        creators.add(rule.owner());
        String who = String.join(", ", creators);
        String when = rule.condition() == Condition.always() ? "" : " when " + rule.condition().describe();
        parts.add(markdown
            ? who + " (" + code(rule.id() + when) + ")"
            : esc(who) + " (<code>" + esc(rule.id() + when) + "</code>)");
      }
    }
    return parts.isEmpty()
        ? "No defaults rule: attributes without a rule of their own are unowned."
        : "Records may be created by: " + String.join("; ", parts) + ".";
  }

  /**
   * A Markdown code span holding {@code text} literally, safe inside a table cell: line breaks
   * become spaces, pipes are escaped, and the fence is longer than any run of backticks inside.
   */
  private static String code(String text) {
    String flat = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ').replace("|", "\\|");
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" "));
    return pad ? fence + " " + flat + " " + fence : fence + flat + fence;
  }

  /** Escapes text for HTML element content and double- or single-quoted attribute values. */
  private static String esc(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String trimTrailingBlankLines(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == '\n') {
      end--;
    }
    return sb.substring(0, end) + "\n";
  }
}
