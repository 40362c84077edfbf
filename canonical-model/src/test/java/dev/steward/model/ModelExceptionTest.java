package dev.steward.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ModelExceptionTest {

  @ParameterizedTest
  @EnumSource(ModelException.Reason.class)
  void code_isStewardModelAndTheReason(ModelException.Reason reason) {
    ModelException e = new ModelException(reason, "what was wrong");

    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.code()).isEqualTo("STEWARD-MODEL-" + reason.name());
    assertThat(e).hasMessage("what was wrong").hasNoCause().isInstanceOf(StewardException.class);
    assertThat(e).hasToString("dev.steward.model.ModelException [STEWARD-MODEL-" + reason.name() + "]: what was wrong");
  }

  @Test
  void cause_isKept() {
    ArithmeticException cause = new ArithmeticException("rounding necessary");

    assertThat(new ModelException(ModelException.Reason.INEXACT_AMOUNT, "m", cause)).hasCause(cause);
  }

  @ParameterizedTest
  @EnumSource(CanonicalJsonException.Reason.class)
  void canonicalJsonException_codeIsStewardJsonAndTheReason(CanonicalJsonException.Reason reason) {
    IOException cause = new IOException("x");

    CanonicalJsonException e = new CanonicalJsonException(reason, "at /a/0", "/a/0", 3, 14, cause);

    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.code()).isEqualTo("STEWARD-JSON-" + reason.name());
    assertThat(e.pointer()).isEqualTo("/a/0");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(14);
    assertThat(e).hasMessage("at /a/0").hasCause(cause).isInstanceOf(StewardException.class);
  }
}
