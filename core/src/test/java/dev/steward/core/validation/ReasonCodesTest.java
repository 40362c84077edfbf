package dev.steward.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonCodesTest {
  private static final Path DOC = Path.of("..", "docs", "reason-codes.md");

  @Test
  void catalogue_listsEveryPublishedCode_once() throws IllegalAccessException {
    List<ReasonCode> declared = new ArrayList<>();
    for (Field f : ReasonCodes.class.getDeclaredFields()) {
      if (f.getType() == ReasonCode.class && Modifier.isPublic(f.getModifiers())) {
        declared.add((ReasonCode) f.get(null));
        assertThat(((ReasonCode) f.get(null)).code()).as("constant name and code").isEqualTo(f.getName());
      }
    }

    assertThat(ReasonCodes.all()).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(ReasonCodes.all()).extracting(ReasonCode::code).doesNotHaveDuplicates();
    assertThat(ReasonCodes.named("INVALID_VAT_NUMBER")).contains(ReasonCodes.INVALID_VAT_NUMBER);
    assertThat(ReasonCodes.named("NO_SUCH_CODE")).isEmpty();
  }

  @Test
  void issueCodes_areInTheCatalogue_withTheirCategories() {
    assertThat(ReasonCodes.all()).extracting(ReasonCode::code)
        .contains("MISSING_CONTRACT_TERMS", "INVALID_TAX_CODE", "UNMAPPED_PROJECT_DIMENSION", "CURRENCY_MISMATCH",
            "INVALID_VAT_NUMBER");
    assertThat(ReasonCodes.UNMAPPED_PROJECT_DIMENSION.category()).isEqualTo(Category.MAPPING);
    assertThat(ReasonCodes.VAT_CHECK_UNAVAILABLE.category()).isEqualTo(Category.DEPENDENCY_UNAVAILABLE);
    assertThat(ReasonCodes.INVALID_VAT_NUMBER.category()).isEqualTo(Category.DATA);
  }

  @Test
  void hostCodes_areCheckedWhenMade() {
    ReasonCode own = ReasonCode.of("MISSING_PO_NUMBER", Category.POLICY, Severity.WARNING,
        "The customer requires a purchase order number.", "Ask the customer for the PO number.", "Billing operations");

    assertThat(own.code()).isEqualTo("MISSING_PO_NUMBER");
    assertThat(ReasonCodeCatalog.markdown(List.of(own))).contains("| `MISSING_PO_NUMBER` | POLICY | WARNING |");
    assertThatThrownBy(() -> ReasonCode.of("missing-po", Category.POLICY, Severity.ERROR, "m", "f", "t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper snake case");
    assertThatThrownBy(() -> ReasonCode.of("X", Category.POLICY, Severity.ERROR, " ", "f", "t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meaning");
  }

  /** The documented catalogue is the catalogue; regenerate with -Dsteward.docs.write=true. */
  @Test
  void documentedCatalogue_matchesTheCodes() throws IOException {
    String rendered = ReasonCodeCatalog.markdown();
    if (Boolean.getBoolean("steward.docs.write")) {
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/reason-codes.md is out of date; run mvn -B -pl core test -Dtest=ReasonCodesTest"
            + " -Dsteward.docs.write=true")
        .isEqualTo(rendered);
  }
}
