package dev.steward.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad policy files: each fails to load, saying where and what was expected, and returns no policy. */
class OwnershipPolicyFileErrorsTest {
  // Six lines; tests add their own from line 7 on.
  private static final String HEAD = """
      policy: acme-governance
      version: "2026.11"
      systems: [crm, erp, billing]
      entities:
        customer:
          defaults: { owner: erp }
      """;

  private static PolicyLoadException failure(String text) {
    return failure("acme.yaml", text);
  }

  private static PolicyLoadException failure(String source, String text) {
    try {
      OwnershipPolicy policy = OwnershipPolicies.load(source, text);
      throw new AssertionError("expected " + source + " to fail to load, but it gave " + policy);
    } catch (PolicyLoadException e) {
      return e;
    }
  }

  @Test
  void code_isStable() {
    assertThat(failure("").code()).isEqualTo("STEWARD-OWNERSHIP-LOAD");
  }

  @Test
  void malformedYaml_reportsTheLineAndColumnOfTheSyntaxError() {
    PolicyLoadException e = failure("""
        policy: acme-governance
        version: "2026.11"
        systems: [crm, erp
        entities: {}
        """);

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(9);
    assertThat(e.expected()).isEqualTo("well-formed YAML");
    assertThat(e.getMessage()).isEqualTo(
        "acme.yaml:4:9: malformed YAML: expected ',' or ']', but got : (while parsing a flow sequence)");
  }

  @Test
  void yamlControlCharacter_isReportedWhereItIs() {
    PolicyLoadException e = failure(HEAD + """
            rules:
              - { owner: "cr\u0001m" }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:8:21: malformed YAML: special characters are not allowed");
  }

  @Test
  void malformedYaml_badIndentation_isReportedWhereTheParserStopped() {
    PolicyLoadException e = failure("""
        policy: acme-governance
          version: "2026.11"
        """);

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).startsWith("acme.yaml:2:").contains("malformed YAML");
  }

  @Test
  void wrongType_saysWhereWhatWasExpectedAndWhatWasFound() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /segment: { owner: 42 }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:8:26 (/entities/customer/attributes/~1segment/owner): "
        + "expected a system id such as crm, found 42 (write \"42\" in quotes if you meant text)");
    assertThat(e.source()).isEqualTo("acme.yaml");
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.column()).isEqualTo(26);
    assertThat(e.pointer()).isEqualTo("/entities/customer/attributes/~1segment/owner");
    assertThat(e.expected()).isEqualTo("a system id such as crm");
    assertThat(e.problems()).hasSize(1);
  }

  @Test
  void unquotedVersion_isANumber_andTheMessageSaysToQuoteIt() {
    PolicyLoadException e = failure(HEAD.replace("\"2026.11\"", "2026.10"));

    assertThat(e.getMessage()).startsWith("acme.yaml:2:10 (/version): expected the policy's version")
        .endsWith("found 2026.10 (write \"2026.10\" in quotes if you meant text)");
  }

  @Test
  void systemIdInCapitals_isRefusedWithWhatASystemIdLooksLike() {
    PolicyLoadException e = failure(HEAD.replace("[crm, erp, billing]", "[CRM, erp, billing]"));

    assertThat(e.getMessage()).isEqualTo("acme.yaml:3:11 (/systems/0): expected a system id such as crm, found 'CRM'");
  }

  @Test
  void unknownKeyInARule_isReportedAtTheKey_withTheKeysAllowed() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /segment: { owner: crm, sycnTo: [erp] }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:8:31 (/entities/customer/attributes/~1segment/sycnTo): "
        + "unknown key 'sycnTo' (did you mean syncTo?); expected one of id, when, owner, originators, proposers, syncTo, readers");
  }

  @Test
  void unknownTopLevelKey_isReportedAtTheKey() {
    PolicyLoadException e = failure("owners: {}\n" + HEAD);

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.pointer()).isEqualTo("/owners");
    assertThat(e.getMessage()).contains("unknown key 'owners'");
  }

  @Test
  void missingOwner_isReportedAtTheKeyOfTheRule() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /segment: { syncTo: [erp] }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:8:7 (/entities/customer/attributes/~1segment): "
        + "missing key 'owner'; expected a rule such as {owner: crm, syncTo: [erp]}");
  }

  @Test
  void emptyValue_isReportedAsEmpty() {
    PolicyLoadException e = failure(HEAD.replace("{ owner: erp }", "{ owner: }"));

    assertThat(e.getMessage()).isEqualTo("acme.yaml:6:23 (/entities/customer/defaults/owner): "
        + "expected a system id such as crm, found an empty value");
  }

  @Test
  void emptyRuleList_isRefused() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /segment: []
        """);

    assertThat(e.getMessage()).endsWith("expected a non-empty list of rules, found an empty list");
  }

  @Test
  void unknownEntityType_isReportedAtItsKey() {
    PolicyLoadException e = failure(HEAD + """
        custmer:
          defaults: { owner: crm }
        """.indent(2));

    assertThat(e.line()).isEqualTo(7);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.pointer()).isEqualTo("/entities/custmer");
    assertThat(e.getMessage()).contains("unknown key 'custmer' (did you mean customer?); expected one of customer, legal-entity,");
  }

  @Test
  void unknownAttributePath_isReportedAtItsKey() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /segment: { owner: crm }
              /segmnt: { owner: crm }
        """);

    assertThat(e.line()).isEqualTo(9);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.pointer()).isEqualTo("/entities/customer/attributes/~1segmnt");
    assertThat(e.getMessage()).contains("unknown attribute '/segmnt' of customer (did you mean /segment?)");
  }

  @Test
  void attributePathWithoutSlash_isRefusedByTheSchema() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              segment: { owner: crm }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:8:7 (/entities/customer/attributes/segment): "
        + "expected an attribute path such as /legalName or /billingAddress/* as key, found 'segment'");
  }

  @Test
  void conditionOnAMissingAttribute_isReportedAtTheConditionsAttribute() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /legalName:
                - when: { attribute: /lifecycle, in: [PROSPECT] }
                  owner: crm
        """);

    assertThat(e.line()).isEqualTo(9);
    assertThat(e.column()).isEqualTo(30);
    assertThat(e.pointer()).isEqualTo("/entities/customer/attributes/~1legalName/0/when/attribute");
    assertThat(e.getMessage()).contains("a condition on '/lifecycle', which is no attribute of customer");
  }

  @Test
  void conditionOnAListAttribute_isRefused() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /legalName: { owner: crm, when: { attribute: /taxIds/*/country, in: [DE] } }
        """);

    assertThat(e.pointer()).isEqualTo("/entities/customer/attributes/~1legalName/when/attribute");
    assertThat(e.expected()).isEqualTo("a single-valued attribute of customer");
  }

  @Test
  void unknownValueSet_isReportedAtTheReference() {
    PolicyLoadException e = failure(HEAD.replace("entities:", "valueSets:\n  EU: [DE, FR]\nentities:") + """
            attributes:
              /taxIds/*: { owner: erp, when: { attribute: /billingAddress/country, in: $EUR } }
        """);

    assertThat(e.line()).isEqualTo(10);
    assertThat(e.column()).isEqualTo(80);
    assertThat(e.pointer()).isEqualTo("/entities/customer/attributes/~1taxIds~1*/when/in");
    assertThat(e.getMessage()).endsWith(
        "unknown value set '$EUR' (did you mean EU?); expected a value set declared under valueSets (this file declares $EU)");
  }

  @Test
  void valueSetReferenceInsideAList_isRefused() {
    PolicyLoadException e = failure(HEAD.replace("entities:", "valueSets:\n  EU: [DE, FR]\nentities:") + """
            attributes:
              /taxIds/*: { owner: erp, when: { attribute: /billingAddress/country, in: [$EU, CH] } }
        """);

    assertThat(e.pointer()).isEqualTo("/entities/customer/attributes/~1taxIds~1*/when/in/0");
    assertThat(e.getMessage()).contains("a value set is referenced on its own, as in: in: $EU");
  }

  @Test
  void undeclaredSystem_failsTheLint_atTheSystemsPosition_withTheFindingsAsCause() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /segment: { owner: crm, syncTo: [erp, biling] }
        """);

    assertThat(e.line()).isEqualTo(8);
    assertThat(e.column()).isEqualTo(45);
    assertThat(e.pointer()).isEqualTo("/entities/customer/attributes/~1segment/syncTo/1");
    assertThat(e.expected()).isEqualTo("one of the declared systems [billing, crm, erp]");
    assertThat(e.getMessage()).contains("lint OWN-005 UNDECLARED_SYSTEM: rule customer:/segment names [biling]");
    assertThat(e.getCause()).isInstanceOfSatisfying(PolicyLintException.class, lint ->
        assertThat(lint.findings()).extracting(LintFinding::code).contains(LintCode.UNDECLARED_SYSTEM));
  }

  @Test
  void duplicateRuleIds_inOneEntity_areRefusedAtTheSecondId() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /segment: { id: mine, owner: crm }
              /legalName: { id: mine, owner: crm }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:9:25 (/entities/customer/attributes/~1legalName/id): "
        + "rule id 'mine' is already used by the rule at line 8; expected each rule id once in the policy");
  }

  @Test
  void duplicateRuleIds_acrossEntities_areRefused() {
    PolicyLoadException e = failure(HEAD.replace("{ owner: erp }", "{ id: base, owner: erp }") + """
          contact:
            defaults: { id: base, owner: crm }
        """);

    assertThat(e.pointer()).isEqualTo("/entities/contact/defaults/id");
    assertThat(e.line()).isEqualTo(8);
  }

  @Test
  void explicitIdEqualToAnotherEntitysDefaultId_isRefused() {
    PolicyLoadException e = failure(HEAD + """
          contact:
            defaults: { id: "customer:defaults", owner: crm }
        """);

    assertThat(e.pointer()).isEqualTo("/entities/contact/defaults/id");
    assertThat(e.getMessage()).startsWith("acme.yaml:8:21 (/entities/contact/defaults/id): rule id 'customer:defaults' is used twice in the policy");
  }

  @Test
  void duplicateKeys_areRefusedAtTheSecondKey() {
    PolicyLoadException e = failure(HEAD + """
            attributes:
              /segment: { owner: crm }
              /segment: { owner: erp }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:9:7 (/entities/customer/attributes/~1segment): "
        + "duplicate key '/segment' (first at line 8); expected each key once");
  }

  @Test
  void duplicateKeysInJson_areRefusedToo() {
    PolicyLoadException e = failure("acme.json", "{\"policy\": \"a\", \"policy\": \"b\"}");

    assertThat(e.getMessage()).isEqualTo("acme.json:1:17 (/policy): duplicate key 'policy' (first at line 1); expected each key once");
  }

  @Test
  void yamlAlias_isRefused() {
    PolicyLoadException e = failure(HEAD.replace("{ owner: erp }", "{ owner: &erp erp, originators: [*erp] }"));

    assertThat(e.pointer()).isEqualTo("/entities/customer/defaults/originators/0");
    assertThat(e.getMessage()).contains("a YAML alias (*erp)");
  }

  @Test
  void secondYamlDocument_isRefused() {
    PolicyLoadException e = failure(HEAD + "---\n" + HEAD);

    assertThat(e.line()).isEqualTo(8);
    assertThat(e.getMessage()).contains("a second YAML document; expected one policy per file");
  }

  @Test
  void emptyFile_isRefused() {
    assertThat(failure("# nothing but a comment\n").getMessage())
        .isEqualTo("acme.yaml:1:1: the file holds no policy; expected an object with policy, version, systems and entities");
  }

  @Test
  void listInsteadOfAPolicy_isRefused() {
    assertThat(failure("- policy: acme\n").getMessage()).isEqualTo("acme.yaml:1:1: expected a Steward ownership policy, found a list");
  }

  @Test
  void everySchemaViolation_isReported_inDocumentOrder() {
    PolicyLoadException e = failure("""
        policy: acme-governance
        version: 2026.10
        systems: [crm, crm]
        entities: {}
        extra: 1
        """);

    assertThat(e.problems()).extracting(PolicyLoadException.Problem::pointer)
        .containsExactly("/version", "/systems/1", "/entities", "/extra");
    assertThat(e.getMessage().lines()).hasSize(4);
    assertThat(e.getMessage().lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("  also acme.yaml:"));
  }

  @Test
  void everyMissingKey_isReported() {
    PolicyLoadException e = failure("policy: acme-governance\n");

    assertThat(e.problems()).extracting(PolicyLoadException.Problem::message).containsExactly(
        "missing key 'version'; expected a Steward ownership policy",
        "missing key 'systems'; expected a Steward ownership policy",
        "missing key 'entities'; expected a Steward ownership policy");
  }

  @Test
  void emptyCondition_isReportedOnce_asWhatAConditionLooksLike() {
    PolicyLoadException e = failure(HEAD.replace("{ owner: erp }", "{ owner: erp, when: {} }"));

    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage()).isEqualTo("acme.yaml:6:35 (/entities/customer/defaults/when): expected a condition: "
        + "{attribute: /status, in: [ACTIVE]}, {allOf: [...]}, {anyOf: [...]} or {not: {...}}, found an empty object");
  }

  @Test
  void fiftyThousandRules_areRefusedAtTheFirstRuleBeyondTheLimit() {
    StringBuilder text = new StringBuilder(HEAD.replace("defaults: { owner: erp }", "defaults:"));
    for (int i = 0; i < 50_000; i++) {
      text.append("    - owner: erp\n");
    }

    PolicyLoadException e = failure(text.toString());

    assertThat(e.pointer()).isEqualTo("/entities/customer/defaults/" + OwnershipPolicies.MAX_RULES);
    assertThat(e.line()).isEqualTo(7 + OwnershipPolicies.MAX_RULES);
    assertThat(e.getMessage()).contains("more than " + OwnershipPolicies.MAX_RULES + " rules", "OwnershipPolicies.MAX_RULES");
  }

  @Test
  void deeplyNestedConditions_areRefusedAtTheLevelBeyondTheLimit() {
    String when = "{ not: ".repeat(40) + "{ attribute: /status, in: [ACTIVE] }" + " }".repeat(40);

    PolicyLoadException e = failure(HEAD.replace("{ owner: erp }", "{ owner: erp, when: " + when + " }"));

    // The root is level 1 and 'when' level 5, so level 33 is the 28th 'not' inside it.
    assertThat(e.pointer()).isEqualTo("/entities/customer/defaults/when" + "/not".repeat(28));
    assertThat(e.getMessage()).contains("nested deeper than 32 levels", "OwnershipPolicies.MAX_NESTING_DEPTH");
  }

  @Test
  void hundredThousandOpenBrackets_areRefusedWithoutExhaustingTheStack() {
    PolicyLoadException json = failure("deep.json", "[".repeat(100_000));
    PolicyLoadException yaml = failure("deep.yaml", "[".repeat(100_000));

    assertThat(json.line()).isEqualTo(1);
    assertThat(json.column()).isEqualTo(OwnershipPolicies.MAX_NESTING_DEPTH + 1);
    assertThat(yaml.column()).isEqualTo(OwnershipPolicies.MAX_NESTING_DEPTH + 1);
  }

  @Test
  void hugeText_isRefusedBeforeParsing() {
    PolicyLoadException e = failure("# " + "x".repeat(OwnershipPolicies.MAX_FILE_BYTES));

    assertThat(e.line()).isZero();
    assertThat(e.getMessage()).isEqualTo("acme.yaml: the file has more than 1048576 bytes; "
        + "expected at most 1048576 bytes (OwnershipPolicies.MAX_FILE_BYTES)");
  }

  @Test
  void textWhoseUtf8IsTooLarge_isRefusedWithItsSize() {
    // 600,000 chars of which each takes two bytes in UTF-8.
    PolicyLoadException e = failure("# " + "é".repeat(600_000));

    assertThat(e.getMessage()).startsWith("acme.yaml: the file has 1200002 bytes;");
  }

  @Test
  void hugeStream_isReadNoFurtherThanJustPastTheLimit() {
    int[] read = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        read[0]++;
        return ' ';
      }
    };

    try {
      OwnershipPolicies.load("endless.yaml", endless);
      throw new AssertionError("an endless stream loaded");
    } catch (PolicyLoadException e) {
      assertThat(e.getMessage()).contains("more than 1048576 bytes");
    }
    assertThat(read[0]).isEqualTo(OwnershipPolicies.MAX_FILE_BYTES + 1);
  }

  @Test
  void hugeFile_isRefusedBySize(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("huge.yaml");
    Files.write(file, new byte[OwnershipPolicies.MAX_FILE_BYTES + 1]);

    try {
      OwnershipPolicies.load(file);
      throw new AssertionError("a huge file loaded");
    } catch (PolicyLoadException e) {
      assertThat(e.getMessage()).isEqualTo(file + ": the file has 1048577 bytes; expected at most 1048576 bytes (OwnershipPolicies.MAX_FILE_BYTES)");
    }
  }

  @Test
  void valueSetReferencedByManyRules_isBoundedByMaxConditionValues() {
    StringBuilder text = new StringBuilder(HEAD.replace("entities:", "valueSets:\n  BIG:\nentities:"));
    int size = 60_000;
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < size; i++) {
      values.append("    - V").append(i).append('\n');
    }
    text.insert(text.indexOf("entities:"), values);
    text.append("""
            attributes:
              /legalName:
                - { owner: crm, when: { attribute: /status, in: $BIG } }
                - { owner: erp, when: { attribute: /status, in: $BIG } }
        """);

    PolicyLoadException e = failure(text.toString());

    assertThat(e.pointer()).isEqualTo("/entities/customer/attributes/~1legalName/1/when/in");
    assertThat(e.getMessage()).contains("more than 100000 condition values", "OwnershipPolicies.MAX_CONDITION_VALUES");
  }

  @Test
  void bytesThatAreNotUtf8_areReportedWhereTheyStand() {
    byte[] text = (HEAD.replace("acme-governance", "acme-\u00ff")).getBytes(StandardCharsets.ISO_8859_1);

    try {
      OwnershipPolicies.load("latin1.yaml", new ByteArrayInputStream(text));
      throw new AssertionError("ISO-8859-1 text loaded");
    } catch (PolicyLoadException e) {
      assertThat(e.getMessage()).isEqualTo("latin1.yaml:1:14: byte 0xFF is not UTF-8; expected UTF-8 text");
    }
  }
}
