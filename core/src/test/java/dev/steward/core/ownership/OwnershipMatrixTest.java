package dev.steward.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ownership matrix shows, for each entity, attribute and system, the roles the policy gives,
 * with conditions and rule ids, in Markdown and HTML; and the matrix in {@code docs/} is the one
 * the reference policy renders.
 */
class OwnershipMatrixTest {
  private static final String REGENERATE =
      "mvn -B -pl core test -Dtest=OwnershipMatrixTest -Dsteward.docs.write=true";

  private static final OwnershipPolicy SMALL = OwnershipPolicy.builder("small", "1")
      .systems("crm", "psa", "erp", "billing")
      .entity(EntityType.CUSTOMER, e -> e
          .defaults(r -> r.owner("erp").originators("crm").syncTo("billing").readers("psa"))
          .attribute("/segment", r -> r.owner("crm").proposers("erp"))
          .attribute("/billingAddress/*", r -> r.id("billing-address").owner("billing").syncTo("erp"))
          .attribute("/billingAddress/country", r -> r.id("billing-country").owner("erp").syncTo("billing"))
          .attribute("/legalName", r -> r.id("name-prospect").when(Condition.attribute("/status").in("PROSPECT"))
              .owner("crm").syncTo("erp"))
          .attribute("/legalName", r -> r.id("name-active")
              .when(Condition.attribute("/status").in("ACTIVE", "ON_HOLD", "CLOSED"))
              .owner("erp").proposers("crm")))
      .relaxLint()
      .build();

  @Test
  void markdown_rowsShowEachSystemsRoleLetters_inSortedSystemColumns() {
    String md = OwnershipMatrix.markdown(SMALL);

    assertThat(md).contains("| attribute | billing | crm | erp | psa | condition | rule |");
    assertThat(md).contains("| `/displayName` | S | C | O | R | always | `customer:defaults` |");
    assertThat(md).contains("| `/segment` | | O | P | | always | `customer:/segment` |");
  }

  @Test
  void markdown_showsOneRowPerConditionalRule_withTheConditionInWords_andOnlyTheMostSpecificRules() {
    String md = OwnershipMatrix.markdown(SMALL);

    assertThat(md).contains("| `/legalName` | | O | S | | `/status in [PROSPECT]` | `name-prospect` |");
    assertThat(md).contains("| `/legalName` | | P | O | | `/status in [ACTIVE, CLOSED, ON_HOLD]` | `name-active` |");
    assertThat(lines(md, "| `/legalName` |")).hasSize(2);
    assertThat(md).contains("| `/billingAddress/country` | S | | O | | always | `billing-country` |");
    assertThat(lines(md, "| `/billingAddress/country` |")).hasSize(1);
    assertThat(md).contains("| `/billingAddress/city` | O | | S | | always | `billing-address` |");
  }

  @Test
  void markdown_showsLessSpecificRules_asOtherwiseRows_whereTheMoreSpecificConditionsLeaveStatesOpen() {
    OwnershipPolicy policy = OwnershipPolicy.builder("fallback", "1").systems("crm", "erp", "billing")
        .entity(EntityType.CUSTOMER, e -> e
            .defaults(r -> r.owner("erp"))
            .attribute("/billingAddress/*", r -> r.id("address-active").when(Condition.attribute("/status").in("ACTIVE"))
                .owner("billing"))
            .attribute("/billingAddress/country", r -> r.id("country-prospect")
                .when(Condition.attribute("/status").in("PROSPECT")).owner("crm")))
        .build();
    String md = OwnershipMatrix.markdown(policy);

    assertThat(lines(md, "| `/billingAddress/country` |")).containsExactly(
        "| `/billingAddress/country` | | O | | `/status in [PROSPECT]` | `country-prospect` |",
        "| `/billingAddress/country` | O | | | otherwise, when `/status in [ACTIVE]` | `address-active` |",
        "| `/billingAddress/country` | | | O | otherwise | `customer:defaults` |");
    assertThat(lines(md, "| `/billingAddress/city` |")).containsExactly(
        "| `/billingAddress/city` | O | | | `/status in [ACTIVE]` | `address-active` |",
        "| `/billingAddress/city` | | | O | otherwise | `customer:defaults` |");
    assertThat(lines(md, "| `/legalName` |")).containsExactly("| `/legalName` | | | O | always | `customer:defaults` |");
  }

  @Test
  void markdown_showsAnOtherwiseUnownedRow_whenNoRuleAppliesInSomeState() {
    OwnershipPolicy policy = OwnershipPolicy.builder("gap", "1").systems("crm")
        .entity(EntityType.CUSTOMER, e -> e
            .defaults(r -> r.when(Condition.attribute("/status").in("PROSPECT", "ACTIVE")).owner("crm")))
        .relaxLint()
        .build();
    String md = OwnershipMatrix.markdown(policy);
    String html = OwnershipMatrix.html(policy);

    assertThat(lines(md, "| `/segment` |")).containsExactly(
        "| `/segment` | O | `/status in [ACTIVE, PROSPECT]` | `customer:defaults` |",
        "| `/segment` | | otherwise **unowned**: no rule applies | |");
    assertThat(html).contains("<td class=\"unowned\">otherwise unowned: no rule applies</td><td></td></tr>");
  }

  @Test
  void markdown_leavesOutRulesThatCanNeverDecide_becauseTheRulesAboveHoldInEveryState() {
    String md = OwnershipMatrix.markdown(SMALL);

    assertThat(lines(md, "| `/legalName` |")).hasSize(2).noneMatch(l -> l.contains("customer:defaults"));
    assertThat(md).contains("Records may be created by: crm, erp (`customer:defaults`).");
  }

  @Test
  void markdown_listsAttributesInCatalogueOrder() {
    String md = OwnershipMatrix.markdown(SMALL);
    List<String> rendered = md.lines()
        .filter(l -> l.startsWith("| `/"))
        .map(l -> l.substring(3, l.indexOf('`', 3)))
        .distinct()
        .collect(Collectors.toList());

    assertThat(rendered).containsExactlyElementsOf(
        AttributeCatalog.of(EntityType.CUSTOMER).attributes().stream().map(AttributePath::toString).collect(Collectors.toList()));
  }

  @Test
  void markdown_headerNamesPolicyIdVersionAndFingerprint_andListsEntitiesWithoutRules() {
    String md = OwnershipMatrix.markdown(SMALL);

    assertThat(md).startsWith("# Ownership matrix: `small` `1`\n");
    assertThat(md).contains("| `small` | `1` | `" + SMALL.fingerprint() + "` |");
    assertThat(md).contains("**O** owner", "**C** may originate", "**P** may propose", "**S** receives sync", "**R** reads");
    assertThat(md).contains("## customer").doesNotContain("## invoice");
    assertThat(md).contains("## Entities without rules").contains("legal-entity, contact, opportunity");
  }

  @Test
  void markdown_ofTheReferencePolicy_showsEveryEntityAttributeRuleAndCondition() {
    OwnershipPolicy policy = ReferencePolicies.seedScenario();
    String md = OwnershipMatrix.markdown(policy);

    assertThat(md).contains(policy.fingerprint().toString()).doesNotContain("Entities without rules").doesNotContain("unowned");
    for (EntityType type : EntityType.values()) {
      assertThat(md).contains("\n## " + type.schemaName() + "\n");
      for (AttributePath attribute : AttributeCatalog.of(type).attributes()) {
        assertThat(md).contains("| `" + attribute + "` |");
      }
      for (OwnershipRule rule : policy.rules(type)) {
        assertThat(md).contains("`" + rule.id() + "`");
        if (rule.condition() != Condition.always()) {
          assertThat(md).contains("`" + rule.condition().describe() + "`");
        }
      }
    }
  }

  @Test
  void markdown_escapesPipesAndBackticksInRuleIds_soTheTableKeepsItsColumns() {
    OwnershipPolicy policy = OwnershipPolicy.builder("p|o`l", "1").systems("crm")
        .entity(EntityType.CONTACT, e -> e.defaults(r -> r.id("a|b`c").owner("crm")))
        .relaxLint()
        .build();
    String md = OwnershipMatrix.markdown(policy);

    assertThat(md).contains("| `/email` | O | always | ``a\\|b`c`` |");
    assertThat(md).startsWith("# Ownership matrix: ``p\\|o`l`` `1`\n");
  }

  @Test
  void markdown_showsAnAttributeNoRuleCovers_asUnowned() {
    OwnershipPolicy policy = OwnershipPolicy.builder("gappy", "1").systems("crm")
        .entity(EntityType.CONTACT, e -> e.attribute("/email", r -> r.owner("crm")))
        .relaxLint()
        .build();
    String md = OwnershipMatrix.markdown(policy);

    assertThat(md).contains("| `/email` | O | always | `contact:/email` |");
    assertThat(md).contains("| `/phone` | | **unowned**: no rule covers this attribute | |");
  }

  @Test
  void html_isOneSelfContainedPage_withATablePerEntity_andBalancedTableTags() {
    OwnershipPolicy policy = ReferencePolicies.seedScenario();
    String html = OwnershipMatrix.html(policy);

    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n");
    assertThat(html).containsIgnoringCase("<meta charset=\"utf-8\">").contains("<style>", "@media print");
    assertThat(html.toLowerCase()).doesNotContain("<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "http://", "https://");
    assertThat(count(html, "<table class=\"matrix\">")).isEqualTo(EntityType.values().length);
    for (String tag : List.of("html", "head", "body", "table", "thead", "tbody", "tr", "td", "th", "section", "code", "p")) {
      assertThat(count(html, "<" + tag + "[\\s>]")).as("<%s> opened as often as closed", tag).isEqualTo(count(html, "</" + tag + ">"));
    }
    assertThat(count(html, "<td[\\s>]")).isGreaterThan(0);
  }

  @Test
  void html_ofTheReferencePolicy_showsEveryEntityAttributeRuleConditionAndTheFingerprint() {
    OwnershipPolicy policy = ReferencePolicies.seedScenario();
    String html = OwnershipMatrix.html(policy);

    assertThat(html).contains("<code>" + policy.fingerprint() + "</code>", "<code>steward-reference</code>", "<code>2026.11</code>");
    for (EntityType type : EntityType.values()) {
      assertThat(html).contains("<section id=\"" + type.schemaName() + "\">", "<h2>" + type.schemaName() + "</h2>");
      for (AttributePath attribute : AttributeCatalog.of(type).attributes()) {
        assertThat(html).contains("<code>" + attribute + "</code></th>");
      }
      for (OwnershipRule rule : policy.rules(type)) {
        assertThat(html).contains("<code>" + rule.id() + "</code>");
        if (rule.condition() != Condition.always()) {
          assertThat(html).contains("<td class=\"cond\"><code>" + rule.condition().describe() + "</code></td>");
        }
      }
    }
  }

  @Test
  void html_rowsShowRoleLetters_andGroupConditionalRulesUnderTheirAttribute() {
    String html = OwnershipMatrix.html(SMALL);

    assertThat(html).contains("<tr><th scope=\"col\">Attribute</th><th scope=\"col\" class=\"sys\">billing</th>"
        + "<th scope=\"col\" class=\"sys\">crm</th><th scope=\"col\" class=\"sys\">erp</th><th scope=\"col\" class=\"sys\">psa</th>"
        + "<th scope=\"col\">Condition</th><th scope=\"col\">Rule</th></tr>");
    assertThat(html).contains("<tr class=\"first\"><th scope=\"row\"><code>/displayName</code></th>"
        + "<td class=\"roles\">S</td><td class=\"roles\">C</td><td class=\"roles owner\">O</td><td class=\"roles\">R</td>"
        + "<td>always</td><td><code>customer:defaults</code></td></tr>");
    assertThat(html).contains("<tr class=\"first\"><th scope=\"row\" rowspan=\"2\"><code>/legalName</code></th>"
        + "<td class=\"roles\"></td><td class=\"roles owner\">O</td><td class=\"roles\">S</td><td class=\"roles\"></td>"
        + "<td class=\"cond\"><code>/status in [PROSPECT]</code></td><td><code>name-prospect</code></td></tr>\n"
        + "<tr><td class=\"roles\"></td><td class=\"roles\">P</td><td class=\"roles owner\">O</td><td class=\"roles\"></td>"
        + "<td class=\"cond\"><code>/status in [ACTIVE, CLOSED, ON_HOLD]</code></td><td><code>name-active</code></td></tr>");
  }

  @Test
  void html_escapesSpecialCharactersInPolicyIdsRuleIdsAndConditionValues() {
    OwnershipPolicy policy = OwnershipPolicy.builder("<acme & co>", "\"1\"").systems("crm")
        .entity(EntityType.CUSTOMER, e -> e
            .defaults(r -> r.id("<script>alert('x')</script>").owner("crm"))
            .attribute("/segment", r -> r.id("seg<&>").when(Condition.attribute("/displayName").in("A&B <C>")).owner("crm")))
        .relaxLint()
        .build();
    String html = OwnershipMatrix.html(policy);

    assertThat(html).doesNotContain("<script", "seg<&>", "<acme", "A&B <C>");
    assertThat(html).contains(
        "<title>Ownership matrix: &lt;acme &amp; co&gt; &quot;1&quot;</title>",
        "<code>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</code>",
        "<code>seg&lt;&amp;&gt;</code>",
        "<code>/displayName in [A&amp;B &lt;C&gt;]</code>");
    assertThat(html.replaceAll("&(amp|lt|gt|quot|#39|middot);", "")).doesNotContain("&");
    for (String tag : List.of("table", "tr", "td", "th", "code")) {
      assertThat(count(html, "<" + tag + "[\\s>]")).as("<%s> balanced", tag).isEqualTo(count(html, "</" + tag + ">"));
    }
  }

  @Test
  void rendering_dependsOnlyOnThePolicy() {
    assertThat(OwnershipMatrix.markdown(ReferencePolicies.seedScenario())).isEqualTo(OwnershipMatrix.markdown(ReferencePolicies.seedScenario()));
    assertThat(OwnershipMatrix.html(ReferencePolicies.seedScenario())).isEqualTo(OwnershipMatrix.html(ReferencePolicies.seedScenario()));
    assertThat(OwnershipMatrix.markdown(SMALL)).doesNotContain("\r").endsWith("|\n\n## Entities without rules\n\n"
        + "The policy has no rules for these entities, so it names no owner for any of their attributes: "
        + "legal-entity, contact, opportunity, contract, project, resource, assignment, time-entry, expense, rate-card, "
        + "service-item, billing-schedule, usage-record, invoice, revenue-schedule, payment.\n");
  }

  /**
   * The documented matrix and the enforced policy are one artefact: the files in {@code docs/}
   * must be exactly what the reference policy renders. Run with {@code -Dsteward.docs.write=true}
   * to write them.
   */
  @Test
  void committedDocs_areWhatTheReferencePolicyRenders() throws IOException {
    OwnershipPolicy policy = ReferencePolicies.seedScenario();
    Path docs = repositoryRoot().resolve("docs");
    Path markdown = docs.resolve("ownership-matrix.md");
    Path html = docs.resolve("ownership-matrix.html");
    if (Boolean.getBoolean("steward.docs.write")) {
      Files.createDirectories(docs);
      Files.writeString(markdown, OwnershipMatrix.markdown(policy), StandardCharsets.UTF_8);
      Files.writeString(html, OwnershipMatrix.html(policy), StandardCharsets.UTF_8);
    }
    for (Path file : List.of(markdown, html)) {
      String hint = "docs/" + file.getFileName() + " must be what OwnershipMatrix renders for ReferencePolicies.seedScenario();"
          + " after changing the policy or the renderer, regenerate it with: " + REGENERATE;
      assertThat(Files.exists(file)).as("%s is missing; %s", file, hint).isTrue();
      String expected = file.equals(markdown) ? OwnershipMatrix.markdown(policy) : OwnershipMatrix.html(policy);
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(hint).isEqualTo(expected);
    }
  }

  /** The directory whose pom.xml lists the core module, found by walking up from the working directory. */
  private static Path repositoryRoot() throws IOException {
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && Files.readString(pom, StandardCharsets.UTF_8).contains("<module>core</module>")) {
        return dir;
      }
    }
    throw new IllegalStateException("no pom.xml with <module>core</module> in " + start + " or above");
  }

  private static List<String> lines(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
