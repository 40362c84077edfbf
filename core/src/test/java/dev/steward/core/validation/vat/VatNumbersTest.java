package dev.steward.core.validation.vat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.validation.vat.VatCheck.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VatNumbersTest {

  /** One valid number per accepted prefix, written with separators where the country allows them. */
  private static final Map<String, String> VALID = new TreeMap<>(Map.ofEntries(
      Map.entry("AT", "ATU 142 43 102"), Map.entry("BE", "BE 0403.019.261"), Map.entry("BG", "BG 175 074 752"),
      Map.entry("CY", "CY-10259033P"), Map.entry("CZ", "CZ 25123891"), Map.entry("DE", "DE 136 695 976"),
      Map.entry("DK", "DK 13 58 56 28"), Map.entry("EE", "EE 100 931 558"), Map.entry("EL", "EL 094259216"),
      Map.entry("ES", "ES B-58378431"), Map.entry("FI", "FI 2077474-0"), Map.entry("FR", "FR 23 334 175 221"),
      Map.entry("HR", "HR 33392005961"), Map.entry("HU", "HU-12892312"), Map.entry("IE", "IE 6433435OA"),
      Map.entry("IT", "IT 00743110157"), Map.entry("LT", "LT 100001919017"), Map.entry("LU", "LU 150 274 42"),
      Map.entry("LV", "LV 4000 3521 600"), Map.entry("MT", "MT 1167-9112"), Map.entry("NL", "NL 004495445B01"),
      Map.entry("PL", "PL 856-734-62-15"), Map.entry("PT", "PT 501 964 843"), Map.entry("RO", "RO 185 472 90"),
      Map.entry("SE", "SE 123456789701"), Map.entry("SI", "SI 5022 3054"), Map.entry("SK", "SK 202 274 96 19"),
      Map.entry("XI", "XI 432525179"), Map.entry("EU", "EU 372022452")));

  @Test
  void everySupportedPrefix_hasAValidExampleHere() {
    assertThat(VALID.keySet()).containsExactlyElementsOf(VatNumbers.supportedPrefixes());
    VALID.forEach((prefix, number) -> {
      VatCheck result = VatNumbers.check(number);
      assertThat(result.valid()).as("%s: %s", number, result.message()).isTrue();
      assertThat(result.prefix()).isEqualTo(prefix);
      assertThat(VatNumbers.check(prefix, number)).isEqualTo(result);
    });
  }

  @Nested
  class SupportedPrefixes {

    @Test
    void areThe27MemberStatesWithElPlusXiAndEu_sorted() {
      assertThat(VatNumbers.supportedPrefixes()).hasSize(29)
          .containsExactly("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "EU", "FI", "FR", "HR", "HU",
              "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI")
          .doesNotContain("GR", "IM", "GB");
    }

    @Test
    void cannotBeModified() {
      assertThatThrownBy(() -> VatNumbers.supportedPrefixes().add("GB"))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class ValidNumbers {

    @Test
    void areCompactedToPrefixAndNationalPart() {
      VatCheck result = VatNumbers.check(" atu 142 43 102 ");

      assertThat(result.valid()).isTrue();
      assertThat(result.prefix()).isEqualTo("AT");
      assertThat(result.compact()).isEqualTo("ATU14243102");
      assertThat(result.failure()).isEmpty();
      assertThat(result.message())
          .isEqualTo("the AT VAT number ATU14243102 has a valid format and check digits for Austria");
    }

    @Test
    void twoArgumentForm_acceptsTheNumberWithOrWithoutItsPrefix() {
      VatCheck without = VatNumbers.check(" de ", "136 695 976");
      VatCheck with = VatNumbers.check("DE", "DE136695976");

      assertThat(without.valid()).isTrue();
      assertThat(without).isEqualTo(with).isEqualTo(VatNumbers.check("DE136695976"));
      assertThat(without.compact()).isEqualTo("DE136695976");
    }

    @Test
    void oldShortFormsArePaddedInTheCompactForm() {
      assertThat(VatNumbers.check("BE 428759497").compact()).isEqualTo("BE0428759497");
      assertThat(VatNumbers.check("BE (0)428759497").compact()).isEqualTo("BE0428759497");
      assertThat(VatNumbers.check("EL 94259216").compact()).isEqualTo("EL094259216");
      assertThat(VatNumbers.check("NL4495445B01").compact()).isEqualTo("NL004495445B01");
    }

    @Test
    void separatorsFollowEachCountrysRules() {
      assertThat(VatNumbers.check("DE 136,695 976").valid()).as("comma is a German separator").isTrue();
      assertThat(VatNumbers.check("EL: 094279805").valid()).as("colon is a Greek separator").isTrue();
      assertThat(VatNumbers.check("CZ 710319/2745").valid()).as("slash is a Czech separator").isTrue();
      VatCheck belgian = VatNumbers.check("BE 0220,764.971");
      assertThat(belgian.failure()).as("comma is not a Belgian separator").contains(Failure.INVALID_FORMAT);
      assertThat(VatNumbers.check("BE 0220.764.971").valid()).isTrue();
      assertThat(VatNumbers.check("EE 100-931-558").failure()).as("Estonia allows only spaces")
          .contains(Failure.INVALID_FORMAT);
    }

    @Test
    void lookAlikeSeparatorsAndFullWidthDigitsCountAsAscii() {
      assertThat(VatNumbers.check("DE\u00a0136\u2013695\u2013976").compact()).isEqualTo("DE136695976");
      assertThat(VatNumbers.check("DE\u00a0136\u2013695\u2013976").valid()).isTrue();
      VatCheck fullWidth = VatNumbers.check("DE\uff11\uff13\uff16\uff16\uff19\uff15\uff19\uff17\uff16");
      assertThat(fullWidth.valid()).isTrue();
      assertThat(fullWidth.compact()).isEqualTo("DE136695976");
    }

    @Test
    void greece_acceptsGrAsAnAliasOfEl_andReportsEl() {
      VatCheck gr = VatNumbers.check("GR 094259216");

      assertThat(gr.valid()).isTrue();
      assertThat(gr.prefix()).isEqualTo("EL");
      assertThat(gr.compact()).isEqualTo("EL094259216");
      assertThat(VatNumbers.check("gr", "094259216")).isEqualTo(gr);
      assertThat(VatNumbers.check("EL", "GR094259216")).isEqualTo(gr);
      assertThat(VatNumbers.check("el 094259216")).isEqualTo(gr);
    }

    @Test
    void northernIreland_usesUkRules_butOnlyWithTheXiPrefix() {
      assertThat(VatNumbers.check("XI 432525179").valid()).isTrue();
      assertThat(VatNumbers.check("XI", "432525179").valid()).isTrue();
      assertThat(VatNumbers.check("XI GD100").valid()).as("government department").isTrue();
      assertThat(VatNumbers.check("XI HA500").valid()).as("health authority").isTrue();
      assertThat(VatNumbers.check("GB 432525179").failure()).contains(Failure.UNKNOWN_COUNTRY);
      assertThat(VatNumbers.check("XI", "GB 432525179").valid()).isFalse();
    }

    @Test
    void oneStopShop_acceptsEuNumbers_andImportSchemeImNumbers() {
      assertThat(VatNumbers.check("EU372022452").valid()).isTrue();
      assertThat(VatNumbers.check("EU", "372022452").valid()).isTrue();
      VatCheck importScheme = VatNumbers.check("IM 372 000 0013");
      assertThat(importScheme.valid()).isTrue();
      assertThat(importScheme.prefix()).isEqualTo("IM");
      assertThat(VatNumbers.check("EU 999022452").failure()).contains(Failure.INVALID_COMPONENT);
    }
  }

  @Nested
  class Failures {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "QQ 124567 | UNKNOWN_COUNTRY",
        "U13585627 | UNKNOWN_COUNTRY",
        "'' | UNKNOWN_COUNTRY",
        "'   ' | UNKNOWN_COUNTRY",
        "A | UNKNOWN_COUNTRY",
        "A T U13585627 | UNKNOWN_COUNTRY",
        "AT ATU 65033803 | INVALID_FORMAT",
        "ATX13585627 | INVALID_FORMAT",
        "DE 12345678A | INVALID_FORMAT",
        "DE 036695976 | INVALID_FORMAT",
        "FR IO334175221 | INVALID_FORMAT",
        "IE 8?79739J | INVALID_FORMAT",
        "NL 004495445A01 | INVALID_FORMAT",
        "DE 13669597 | INVALID_LENGTH",
        "ATU1358562 | INVALID_LENGTH",
        "IE 1234567ABC | INVALID_LENGTH",
        "RO 12345678901 | INVALID_LENGTH",
        "CZ 640903926 | VALID",
        "CZ 540903926 | INVALID_LENGTH",
        "DE136695978 | INVALID_CHECKSUM",
        "ATU13585626 | INVALID_CHECKSUM",
        "ES 54362315Z | INVALID_CHECKSUM",
        "BE 2000021323 | INVALID_COMPONENT",
        "CY 12000000X | INVALID_COMPONENT",
        "IT 00743111017 | INVALID_COMPONENT",
        "LV 161375-19997 | INVALID_COMPONENT",
        "RO 1630615993457 | INVALID_COMPONENT",
        "EU 999022452 | INVALID_COMPONENT"})
    void eachKindOfMistake_getsItsFailure(String number, String expected) {
      VatCheck result = VatNumbers.check(number);

      assertThat(result.failure().map(Failure::name).orElse("VALID")).as(result.message()).isEqualTo(expected);
      assertThat(result.valid()).isEqualTo(expected.equals("VALID"));
    }

    @Test
    void unknownPrefixInTheTwoArgumentForm_isUnknownCountry() {
      VatCheck result = VatNumbers.check("GB", "432525179");

      assertThat(result.failure()).contains(Failure.UNKNOWN_COUNTRY);
      assertThat(result.prefix()).isEqualTo("GB");
      assertThat(result.compact()).isEqualTo("GB432525179");
      assertThat(VatNumbers.check("", "DE136695976").failure()).contains(Failure.UNKNOWN_COUNTRY);
    }
  }

  @Nested
  class Messages {

    @Test
    void checksum_saysTheCheckDigitDoesNotMatch() {
      assertThat(VatNumbers.check("DE 136 695 978").message())
          .isEqualTo("the check digit of DE VAT number DE136695978 does not match");
    }

    @Test
    void eachFailure_namesTheCountryAndTheNumber() {
      assertThat(VatNumbers.check("DE 12345678A").message()).isEqualTo("the DE VAT number DE12345678A contains "
          + "characters that are not allowed, or not allowed in that position, for Germany");
      assertThat(VatNumbers.check("NL 004495445 B0123").message())
          .isEqualTo("the NL VAT number NL004495445B0123 has the wrong number of characters for the Netherlands");
      assertThat(VatNumbers.check("IT 00743111017").message()).isEqualTo("the IT VAT number IT00743111017 contains "
          + "a part (such as a date, region or type code) that is not valid for Italy");
      assertThat(VatNumbers.check("QQ 124567").message()).isEqualTo(
          "the VAT number QQ124567 does not start with a supported EU VAT country prefix (found \"QQ\")");
      assertThat(VatNumbers.check("").message())
          .isEqualTo("the VAT number \"\" does not start with a supported EU VAT country prefix");
    }

    @Test
    void controlCharactersAreEscaped_soTheMessageStaysOneLine() {
      String message = VatNumbers.check("DE136\n695976").message();

      assertThat(message).doesNotContain("\n").contains("DE136\\u000A695976");
    }
  }

  @Nested
  class Input {

    @Test
    void nullArguments_throwNamingTheParameter() {
      assertThatThrownBy(() -> VatNumbers.check(null))
          .isInstanceOf(NullPointerException.class).hasMessage("number");
      assertThatThrownBy(() -> VatNumbers.check(null, "DE136695976"))
          .isInstanceOf(NullPointerException.class).hasMessage("countryPrefix");
      assertThatThrownBy(() -> VatNumbers.check("DE", null))
          .isInstanceOf(NullPointerException.class).hasMessage("number");
    }

    @Test
    void tenThousandCharacters_giveAResultWithAShortMessage() {
      VatCheck digits = VatNumbers.check("DE" + "1".repeat(9_998));
      assertThat(digits.failure()).contains(Failure.INVALID_LENGTH);
      assertThat(digits.compact()).hasSize(10_000);
      assertThat(digits.message()).hasSizeLessThan(200).contains("(10000 characters)");

      List<String> prefixes = new ArrayList<>(VatNumbers.supportedPrefixes());
      prefixes.addAll(List.of("GR", "IM", "QQ"));
      for (String prefix : prefixes) {
        for (String filler : List.of("7", "A", "-", "\u0661", "\ud835\udfce")) {
          String number = prefix + filler.repeat(10_000 / filler.length() - 1);
          VatCheck result = VatNumbers.check(number);
          assertThat(result.valid()).as(prefix + " filled with " + filler).isFalse();
          assertThat(result.message()).hasSizeLessThan(250);
          assertThat(VatNumbers.check(prefix, number).valid()).isFalse();
        }
      }
    }

    @Test
    void otherScriptsDigits_areInvalidFormat_neverAccepted() {
      VALID.forEach((prefix, number) -> {
        for (char zero : new char[] {'\u0660', '\u06f0', '\u0966'}) { // Arabic-Indic, Persian, Devanagari
          String foreign = withDigitsFrom(number, zero);
          VatCheck result = VatNumbers.check(foreign);
          assertThat(result.failure()).as("%s: %s", foreign, result.message()).contains(Failure.INVALID_FORMAT);
          assertThat(VatNumbers.check(prefix, foreign).failure()).contains(Failure.INVALID_FORMAT);
        }
      });
    }

    private static String withDigitsFrom(String number, char zero) {
      StringBuilder text = new StringBuilder();
      for (char c : number.toCharArray()) {
        text.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
      }
      return text.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "DE\udc00136695976", "\u0000\u0000", "DE\t136695976", "(0)", "DE()",
        "\u00df\u00df", "\ufb01 02459042", "NL\u0085004495445B01", "RO", "SE01", "XI", "EU", "ES", "IE"})
    void oddInput_givesAResult(String number) {
      VatCheck result = VatNumbers.check(number);

      assertThat(result.failure().isPresent()).isNotEqualTo(result.valid());
      assertThat(result.message()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void randomText_neverThrows_andResultsAreConsistent() {
      Random random = new Random(20_240_601);
      String pool = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefxyz -./,:()+*?\t\n\u00a0\u2013\uff11\u0661\u00df\ud835";
      List<String> prefixes = new ArrayList<>(VatNumbers.supportedPrefixes());
      for (int i = 0; i < 20_000; i++) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? prefixes.get(random.nextInt(29)) : "");
        int length = random.nextInt(16);
        for (int j = 0; j < length; j++) {
          text.append(pool.charAt(random.nextInt(pool.length())));
        }
        VatCheck result = VatNumbers.check(text.toString());
        assertThat(result.failure().isPresent()).isNotEqualTo(result.valid());
        if (result.valid()) {
          assertThat(VatNumbers.check(result.compact())).as(text.toString()).isEqualTo(result);
        }
      }
    }
  }

  @Test
  void results_areValues() {
    assertThat(VatNumbers.check("DE136695976")).isEqualTo(VatNumbers.check("de 136.695.976"))
        .hasSameHashCodeAs(VatNumbers.check("de 136.695.976"))
        .isNotEqualTo(VatNumbers.check("DE136695978"));
    assertThat(VatNumbers.check("DE136695978")).hasToString("VatCheck[DE136695978, INVALID_CHECKSUM]");
  }
}
