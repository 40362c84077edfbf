package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {
  @Test
  void suffix_matchesSalesforcesPublishedExample() {
    // 001D000000IRFmaIAH: a widely published pair of 15- and 18-character forms of one id.
    assertThat(SalesforceIds.suffix("001D000000IRFma")).isEqualTo("IAH");
  }

  @Test
  void suffix_encodesUppercasePositionsPerChunk() {
    assertThat(SalesforceIds.suffix("aaaaaaaaaaaaaaa")).isEqualTo("AAA");
    assertThat(SalesforceIds.suffix("AAAAAAAAAAAAAAA")).isEqualTo("555");
    assertThat(SalesforceIds.suffix("Aaaaaaaaaaaaaaa")).isEqualTo("BAA");
    assertThat(SalesforceIds.suffix("aaaaAaaaaaaaaaA")).isEqualTo("QAQ");
  }

  @Test
  void normalize_turns15Into18AndRestoresCaseOf18() {
    assertThat(SalesforceIds.normalize("001D000000IRFma")).isEqualTo("001D000000IRFmaIAH");
    assertThat(SalesforceIds.normalize("001d000000irfmaiah")).isEqualTo("001D000000IRFmaIAH");
    assertThat(SalesforceIds.normalize("001D000000IRFmaIAH")).isEqualTo("001D000000IRFmaIAH");
    // Another suffix names another id: the case of the fifth letter of the last chunk differs.
    assertThat(SalesforceIds.normalize("001D000000IRFmaIAX")).isEqualTo("001D000000IRFmAIAX");
  }

  @Test
  void normalize_refusesWhatIsNoId() {
    // The suffix says the second chunk holds capitals, but it is all digits.
    assertThat(SalesforceIds.normalize("001D000000IRFmaI5H")).isNull();
    assertThat(SalesforceIds.normalize("001D000000IRF-a")).isNull();
    assertThat(SalesforceIds.normalize("001D00")).isNull();
    assertThat(SalesforceIds.normalize("001D000000IRFmaZZ9")).isNull();
  }

  @Test
  void next_makesDistinct18CharacterIdsWithPrefixAndValidSuffix() {
    SalesforceIds ids = new SalesforceIds(new SplittableRandom(3));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String id = ids.next("006");
      assertThat(id).hasSize(18).startsWith("006").matches("[0-9A-Za-z]{18}");
      assertThat(id.charAt(5)).isEqualTo('0');
      assertThat(id.substring(15)).isEqualTo(SalesforceIds.suffix(id.substring(0, 15)));
      assertThat(SalesforceIds.normalize(id.toLowerCase(Locale.ROOT))).isEqualTo(id);
      seen.add(id);
    }
    assertThat(seen).hasSize(1_000);
  }
}
