package dev.steward.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad reference data files: each fails to load, saying where and what was wrong, and returns nothing. */
class ReferenceDataFileErrorsTest {
  // Three lines; tests add theirs from line 4 on.
  private static final String HEAD = """
      currencies: [EUR, USD, CHF]
      legalEntities:
        - { id: le_01J0ACME000000000000000001, code: ACME-DE, country: DE, functionalCurrency: EUR }
      """;

  // Seven lines: a valid rate card; tests add their own from line 8 on.
  private static final String RATE_CARD = """
      rateCards:
        - meta: { id: rc_01J0ACMERC0000000000000001, version: 1, lastWriter: psa,
                  updatedAt: "2026-11-20T09:30:00Z", schemaVersion: 1 }
          name: Rates
          validity: { start: "2027-01-01", end: "2027-12-31" }
          entries:
            - { role: Partner, rate: { amount: "2400.00", currency: EUR }, unit: DAY }
      """;

  private static ReferenceDataLoadException failure(String text) {
    return failure("acme.yaml", text);
  }

  private static ReferenceDataLoadException failure(String source, String text) {
    try {
      InMemoryReferenceData data = InMemoryReferenceData.load(source, text);
      throw new AssertionError("expected " + source + " to fail to load, but it gave " + data);
    } catch (ReferenceDataLoadException e) {
      return e;
    }
  }

  @Test
  void theRateCardOfTheseTests_isValid() {
    assertThat(InMemoryReferenceData.load("acme.yaml", RATE_CARD).rateCard(AcmeReference.RATES_2027)).isPresent();
  }

  @Test
  void code_isStable() {
    assertThat(failure("").code()).isEqualTo("STEWARD-REFERENCE-LOAD");
  }

  @Test
  void emptyFile_isRefused() {
    assertThat(failure("").getMessage()).isEqualTo("acme.yaml:1:1: the file holds no reference data; expected an"
        + " object with any of currencies, legalEntities, taxCodes, serviceItems, dimensionSets, rateCards");
  }

  @Test
  void malformedYaml_reportsWhereTheParserStopped() {
    ReferenceDataLoadException e = failure("""
        currencies: [EUR, USD
        legalEntities: []
        """);

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(14);
    assertThat(e.pointer()).isEmpty();
    assertThat(e.getMessage()).isEqualTo(
        "acme.yaml:2:14: malformed YAML: expected ',' or ']', but got : (while parsing a flow sequence)");
  }

  @Test
  void malformedJson_reportsLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("acme.json");
    Files.writeString(file, "{\n  \"currencies\": [\"EUR\",]\n}\n");
    try {
      InMemoryReferenceData.load(file);
      throw new AssertionError("expected a failure");
    } catch (ReferenceDataLoadException e) {
      assertThat(e.source()).isEqualTo(file.toString());
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(24);
      assertThat(e.problem()).startsWith("malformed JSON: Unexpected character (']'");
    }
  }

  @Test
  void unknownTopLevelKey_isReportedAtTheKey() {
    ReferenceDataLoadException e = failure(HEAD + "currency: [EUR]\n");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.pointer()).isEqualTo("/currency");
    assertThat(e.problem()).isEqualTo("unknown key 'currency' in the reference data; expected one of currencies,"
        + " legalEntities, taxCodes, serviceItems, dimensionSets, rateCards");
  }

  @Test
  void unknownKeyInAnItem_isReportedAtTheKey() {
    ReferenceDataLoadException e = failure(HEAD + """
        serviceItems:
          - id: svc_01J0ACMESVC000000000000001
            code: PS-CONSULT-SR
            serviceline: consulting
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:7:5 (/serviceItems/0/serviceline): unknown key 'serviceline' in"
        + " a service item; expected one of id, code, serviceLine, usageBased");
  }

  @Test
  void missingKey_isReportedAtTheItem() {
    ReferenceDataLoadException e = failure(HEAD + """
        taxCodes:
          - jurisdiction: DE
            code: DE-S-19
            validFrom: 2021-01-01
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:5:5 (/taxCodes/0): missing key 'ratePercent': a tax code needs"
        + " jurisdiction, code, ratePercent, validFrom");
  }

  @Test
  void wrongType_boolean() {
    ReferenceDataLoadException e = failure(HEAD + """
        serviceItems:
          - id: svc_01J0ACMESVC000000000000001
            code: PS-CONSULT-SR
            serviceLine: consulting
            usageBased: "yes"
        """);

    assertThat(e.getMessage()).isEqualTo(
        "acme.yaml:8:17 (/serviceItems/0/usageBased): expected true or false, found text 'yes'");
  }

  @Test
  void wrongType_numberWhereTextBelongs() {
    ReferenceDataLoadException e = failure(HEAD + """
        dimensionSets:
          - projectCode: 1001
            dimensions: { department: consulting-emea }
        """);

    assertThat(e.getMessage()).isEqualTo(
        "acme.yaml:5:18 (/dimensionSets/0/projectCode): expected text, found the number 1001 (quote it to make it text)");
  }

  @Test
  void wrongType_textWhereARateBelongs() {
    ReferenceDataLoadException e = failure(HEAD + """
        taxCodes:
          - { jurisdiction: DE, code: DE-S-19, ratePercent: 19%, validFrom: 2021-01-01 }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:5:53 (/taxCodes/0/ratePercent): expected a number of percent"
        + " such as 19 or 13.5, found text '19%'");
  }

  @Test
  void wrongType_listWhereAnObjectBelongs() {
    ReferenceDataLoadException e = failure(HEAD + "taxCodes: [[DE, DE-S-19]]\n");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(12);
    assertThat(e.problem()).startsWith("expected a tax code: an object with jurisdiction, code, ratePercent, validFrom,"
        + " found a list");
  }

  @Test
  void badDate() {
    ReferenceDataLoadException e = failure(HEAD + """
        taxCodes:
          - { jurisdiction: DE, code: DE-S-19, ratePercent: 19, validFrom: 2021-02-30 }
        """);

    assertThat(e.getMessage()).isEqualTo(
        "acme.yaml:5:68 (/taxCodes/0/validFrom): expected a date such as 2021-01-01, found '2021-02-30'");
  }

  @Test
  void validToNotAfterValidFrom_isReportedAtValidTo() {
    ReferenceDataLoadException e = failure(HEAD + """
        taxCodes:
          - jurisdiction: DE
            code: DE-S-19
            ratePercent: 19
            validFrom: 2021-01-01
            validTo: 2020-01-01
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:9:14 (/taxCodes/0/validTo): tax code DE/DE-S-19 must end after it"
        + " starts; validFrom 2021-01-01, validTo 2020-01-01 (exclusive)");
  }

  @Test
  void duplicateId_isReportedAtTheSecondId() {
    ReferenceDataLoadException e = failure(HEAD
        + "  - { id: le_01J0ACME000000000000000001, code: ACME-IE, country: IE, functionalCurrency: EUR }\n");

    assertThat(e.getMessage()).isEqualTo(
        "acme.yaml:4:11 (/legalEntities/1/id): duplicate legal entity id le_01J0ACME000000000000000001");
  }

  @Test
  void duplicateCode_isReportedAtTheSecondCode() {
    ReferenceDataLoadException e = failure(HEAD
        + "  - { id: le_01J0ACME000000000000000002, code: ACME-DE, country: IE, functionalCurrency: EUR }\n");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(48);
    assertThat(e.pointer()).isEqualTo("/legalEntities/1/code");
    assertThat(e.problem()).startsWith("duplicate legal entity code ACME-DE");
  }

  @Test
  void overlappingTaxCode_isReportedAtTheSecond() {
    ReferenceDataLoadException e = failure(HEAD + """
        taxCodes:
          - { jurisdiction: DE, code: DE-S-19, ratePercent: 19, validFrom: 2007-01-01, validTo: 2020-07-02 }
          - { jurisdiction: DE, code: DE-S-19, ratePercent: 19, validFrom: 2020-07-01 }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:6:31 (/taxCodes/1/code): duplicate tax code DE/DE-S-19: the one"
        + " valid from 2020-07-01 on overlaps the one valid from 2007-01-01 to 2020-07-02");
  }

  @Test
  void unknownCurrencyCode_isReportedAtTheCode() {
    ReferenceDataLoadException e = failure("currencies: [EUR, USD, XXY]\n");

    assertThat(e.getMessage()).isEqualTo("acme.yaml:1:24 (/currencies/2): currency must be an ISO 4217 currency code"
        + " such as EUR; 'XXY' is no known currency");
  }

  @Test
  void unknownCountry_isReportedAtTheCountry() {
    ReferenceDataLoadException e = failure(HEAD
        + "  - { id: le_01J0ACME000000000000000002, code: ACME-XX, country: XX, functionalCurrency: EUR }\n");

    assertThat(e.getMessage()).isEqualTo("acme.yaml:4:66 (/legalEntities/1/country): country must be an ISO 3166-1"
        + " alpha-2 country code such as DE; was 'XX'");
  }

  @Test
  void badId_isReportedAtTheId() {
    ReferenceDataLoadException e = failure(HEAD + """
        serviceItems:
          - { id: le_01J0ACME000000000000000002, code: PS, serviceLine: consulting }
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:5:11 (/serviceItems/0/id): id must be a svc_ id of a service-item;"
        + " was le_01J0ACME000000000000000002, a legal-entity id");
    assertThat(failure(HEAD + "serviceItems: [{ id: svc_1, code: PS, serviceLine: consulting }]\n").problem())
        .startsWith("'svc_1' is not a canonical id");
  }

  @Test
  void legalEntityInAnInactiveCurrency_isReportedAtTheCurrency() {
    ReferenceDataLoadException e = failure(HEAD + """
          - id: le_01J0ACME000000000000000002
            code: ACME-IE
            country: IE
            functionalCurrency: EUR
            allowedCurrencies: [USD, GBP]
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:8:30 (/legalEntities/1/allowedCurrencies/1): legal entity ACME-IE"
        + " transacts in GBP, which is not among the active currencies [CHF, EUR, USD]; add it to currencies");
  }

  @Test
  void badVatPolicy() {
    ReferenceDataLoadException e = failure(HEAD.replace("functionalCurrency: EUR }",
        "functionalCurrency: EUR, vatCheckUnavailable: IGNORE }"));

    assertThat(e.pointer()).isEqualTo("/legalEntities/0/vatCheckUnavailable");
    assertThat(e.problem()).isEqualTo("expected HOLD or PASS_WITH_WARNING, found 'IGNORE'");
  }

  @Test
  void duplicateYamlKey_isReportedAtTheSecond() {
    ReferenceDataLoadException e = failure(HEAD + "currencies: [GBP]\n");

    assertThat(e.getMessage()).isEqualTo(
        "acme.yaml:4:1 (/currencies): duplicate key 'currencies' (first at line 1); expected each key once");
  }

  @Test
  void yamlAlias_isRefused() {
    ReferenceDataLoadException e = failure("""
        currencies: &active [EUR]
        legalEntities:
          - { id: le_01J0ACME000000000000000001, code: ACME-DE, country: DE, functionalCurrency: EUR,
              allowedCurrencies: *active }
        """);

    assertThat(e.pointer()).isEqualTo("/legalEntities/0/allowedCurrencies");
    assertThat(e.problem()).startsWith("a YAML alias (*active)");
  }

  @Test
  void dimensionSet_valueMustBeText() {
    ReferenceDataLoadException e = failure("""
        dimensionSets:
          - projectCode: PRJ-1
            dimensions:
              department: consulting
              costCentre: [CC-1]
        """);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:5:19 (/dimensionSets/0/dimensions/costCentre): expected the"
        + " dimension's value as text, found a list");
  }

  @Test
  void rateCard_breakingTheCanonicalSchema_isReportedWhereItBreaks() {
    ReferenceDataLoadException e = failure("""
        rateCards:
          - meta: { id: rc_01J0ACMERC0000000000000001, version: 1, lastWriter: psa,
                    updatedAt: "2026-11-20T09:30:00Z", schemaVersion: 1 }
            name: Rates
            validity: { start: "2027-01-01", end: "2027-12-31" }
            entries:
              - { role: Partner, rate: { amount: 2400.00, currency: EUR }, unit: DAY }
        """);

    assertThat(e.pointer()).isEqualTo("/rateCards/0/entries/0/rate/amount");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.column()).isEqualTo(42);
    assertThat(e.problem()).startsWith("the rate card breaks the canonical rate-card schema: ");
  }

  @Test
  void rateCard_badExtensionKey_isReportedAtTheKey() {
    ReferenceDataLoadException e = failure(RATE_CARD + """
            extensions: { Approved By: committee }
        """);

    assertThat(e.pointer()).isEqualTo("/rateCards/0/extensions/Approved By");
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.column()).isEqualTo(19);
    assertThat(e.problem()).startsWith("the rate card breaks the canonical rate-card schema: ");
  }

  @Test
  void rateCard_thatDoesNotBind_isReportedAtTheValue() {
    ReferenceDataLoadException e = failure(RATE_CARD.replace("currency: EUR", "currency: XXY"));

    assertThat(e.pointer()).isEqualTo("/rateCards/0/entries/0/rate/currency");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.column()).isEqualTo(63);
    assertThat(e.problem()).startsWith("the rate card does not bind: ").contains("XXY");
  }

  @Test
  void rateCard_unknownProperty_isReportedAtTheKey() {
    ReferenceDataLoadException e = failure(RATE_CARD.replace("name: Rates", "nome: Rates"));

    assertThat(e.getMessage()).isEqualTo("acme.yaml:4:5 (/rateCards/0/nome): the rate card breaks the canonical"
        + " rate-card schema: property 'nome' is not defined in the schema and the schema does not allow additional"
        + " properties");
  }

  @Test
  void rateCard_endingBeforeItStarts_isReportedAtTheEnd() {
    ReferenceDataLoadException e = failure(RATE_CARD.replace("end: \"2027-12-31\"", "end: \"2026-12-31\""));

    assertThat(e.getMessage()).isEqualTo("acme.yaml:5:43 (/rateCards/0/validity/end): rate card"
        + " rc_01J0ACMERC0000000000000001 must not end before it starts; validity 2027-01-01 to 2026-12-31");
  }

  @Test
  void rateCard_withTwoEntriesForOneRoleAndCurrency_isReportedAtTheSecond() {
    ReferenceDataLoadException e = failure(RATE_CARD
        + "      - { role: Partner, rate: { amount: \"2600.00\", currency: EUR }, unit: DAY }\n");

    assertThat(e.pointer()).isEqualTo("/rateCards/0/entries/1");
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.problem()).isEqualTo("rate card rc_01J0ACMERC0000000000000001 has two entries for role 'Partner' in"
        + " EUR (entries 0 and 1); expected at most one per role and currency");
  }

  @Test
  void taxRateOutOfRange_isReportedAtTheRate() {
    ReferenceDataLoadException e = failure("""
        taxCodes:
          - { jurisdiction: DE, code: DE-X, ratePercent: 101, validFrom: 2020-01-01 }
        """);

    assertThat(e.getMessage()).isEqualTo(
        "acme.yaml:2:50 (/taxCodes/0/ratePercent): rate of tax code DE/DE-X must be from 0 to 100 percent; was 101");
  }

  @Test
  void rateCard_missingAProperty_isReportedAtTheCard() {
    ReferenceDataLoadException e = failure("""
        rateCards:
          - name: Rates
            validity: { start: "2027-01-01", end: "2027-12-31" }
            entries:
              - { role: Partner, rate: { amount: "2400.00", currency: EUR }, unit: DAY }
        """);

    assertThat(e.pointer()).isEqualTo("/rateCards/0/meta");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.problem()).contains("meta");
  }

  @Test
  void topLevelList_isRefused() {
    assertThat(failure("[EUR]\n").getMessage()).startsWith("acme.yaml:1:1: expected an object with any of currencies,");
  }

  @Test
  void notUtf8_isReportedAtTheByte() {
    byte[] bytes = {'c', 'u', 'r', 'r', 'e', 'n', 'c', 'i', 'e', 's', ':', ' ', '[', (byte) 0xC3, '(', ']', '\n'};
    try {
      InMemoryReferenceData.load("acme.yaml", new ByteArrayInputStream(bytes));
      throw new AssertionError("expected a failure");
    } catch (ReferenceDataLoadException e) {
      assertThat(e.getMessage()).isEqualTo("acme.yaml:1:14: byte 0xC3 is not UTF-8; expected UTF-8 text");
    }
  }

  @Test
  void notUtf8_afterMultiByteCharacters_reportsTheCharacterColumn_notTheByteColumn() {
    byte[] bytes = {'#', ' ', (byte) 0xC3, (byte) 0xA4, (byte) 0xC3, (byte) 0xA4, (byte) 0xFF, '\n'};
    try {
      InMemoryReferenceData.load("acme.yaml", new ByteArrayInputStream(bytes));
      throw new AssertionError("expected a failure");
    } catch (ReferenceDataLoadException e) {
      assertThat(e.column()).as(e.getMessage()).isEqualTo(5);
    }
  }

  @Test
  void notUtf8_onALaterLine_countsColumnsFromThatLine_andAByteOrderMarkTakesNone() {
    // BOM, "# ä" on line 1; on line 2 "x: 😀" (a four-byte character), then 0xFF at column 5.
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', (byte) 0xC3, (byte) 0xA4, (byte) 0xFF, '\n'};
    byte[] second = {'#', ' ', (byte) 0xC3, (byte) 0xA4, '\n', 'x', ':', ' ', (byte) 0xF0, (byte) 0x9F, (byte) 0x98,
        (byte) 0x80, (byte) 0xFF, '\n'};
    try {
      InMemoryReferenceData.load("acme.yaml", new ByteArrayInputStream(bytes));
      throw new AssertionError("expected a failure");
    } catch (ReferenceDataLoadException e) {
      assertThat(e.getMessage()).isEqualTo("acme.yaml:1:4: byte 0xFF is not UTF-8; expected UTF-8 text");
    }
    try {
      InMemoryReferenceData.load("acme.yaml", new ByteArrayInputStream(second));
      throw new AssertionError("expected a failure");
    } catch (ReferenceDataLoadException e) {
      assertThat(e.getMessage()).isEqualTo("acme.yaml:2:5: byte 0xFF is not UTF-8; expected UTF-8 text");
    }
  }

  @Test
  void yamlControlCharacter_isReportedWhereItIs() {
    ReferenceDataLoadException e = failure("acme.yaml", HEAD + """
        serviceItems:
          - { id: svc_01J0ACMESVC000000000000001, code: "PS\u0001X", serviceLine: consulting }
        """);

    assertThat(e.getMessage()).contains("special characters");
    assertThat(e.line()).as(e.getMessage()).isEqualTo(5);
    assertThat(e.column()).as(e.getMessage()).isEqualTo(52);
  }

  @Test
  void yamlControlCharacter_afterSupplementaryCharacters_andCrLfLines_isReportedInCharacters() {
    ReferenceDataLoadException e = failure("currencies: [EUR]\r\n# \uD83D\uDE00\uD83D\uDE00 \u00e4\r\n"
        + "legalEntities: []\rx: \"\uD83D\uDE00\u0007\"\r\n");

    assertThat(e.getMessage()).isEqualTo("acme.yaml:4:6: malformed YAML: special characters are not allowed");
  }

  @Test
  void rateCard_declaringAnUnknownSchemaVersion_isRefusedAtTheVersion_namingTheKnownOnes() {
    String text = """
        rateCards:
          - meta: { id: rc_01J0ACMERC0000000000000001, version: 1, lastWriter: psa,
                    updatedAt: "2026-11-20T09:30:00Z", schemaVersion: 99 }
            name: Rates
            validity: { start: "2027-01-01", end: "2027-12-31" }
            entries:
              - { role: Partner, rate: { amount: "2400.00", currency: EUR }, unit: DAY }
        """;

    ReferenceDataLoadException e = failure(text);

    assertThat(e.getMessage()).isEqualTo("acme.yaml:3:63 (/rateCards/0/meta/schemaVersion): schema version 99 of"
        + " rate-card is unknown; expected one this release knows: [1]");
  }

  @Test
  void rateCard_declaringASchemaVersionBeyondIntRange_isRefusedAsUnknown() {
    ReferenceDataLoadException e = failure(RATE_CARD.replace("schemaVersion: 1 ", "schemaVersion: 1099511627776 "));

    assertThat(e.pointer()).isEqualTo("/rateCards/0/meta/schemaVersion");
    assertThat(e.problem()).startsWith("schema version 1099511627776 of rate-card is unknown");
  }

  @Test
  void rateCard_declaringNoWholeSchemaVersion_isRefusedByTheCurrentSchema() {
    ReferenceDataLoadException e = failure(RATE_CARD.replace("schemaVersion: 1 ", "schemaVersion: one "));

    assertThat(e.pointer()).isEqualTo("/rateCards/0/meta/schemaVersion");
    assertThat(e.problem()).startsWith("the rate card breaks the canonical rate-card schema: ");
  }

  @Test
  void tooLarge_isRefusedBeforeParsing() {
    byte[] big = new byte[InMemoryReferenceData.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    try {
      InMemoryReferenceData.load("big.yaml", new ByteArrayInputStream(big));
      throw new AssertionError("expected a failure");
    } catch (ReferenceDataLoadException e) {
      assertThat(e.line()).isZero();
      assertThat(e.getMessage()).startsWith("big.yaml: the file has more than 33554432 bytes");
    }
  }
}
