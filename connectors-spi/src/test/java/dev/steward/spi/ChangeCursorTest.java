package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChangeCursorTest {
  @Test
  void beginning_isTheEmptyValue() {
    assertThat(ChangeCursor.beginning().value()).isEmpty();
    assertThat(ChangeCursor.beginning().isBeginning()).isTrue();
    assertThat(ChangeCursor.of("")).isSameAs(ChangeCursor.beginning());
    assertThat(ChangeCursor.beginning()).hasToString("ChangeCursor[beginning]");
  }

  @Test
  void of_roundTripsItsValue() {
    ChangeCursor cursor = ChangeCursor.of("replay:4711");
    assertThat(cursor.value()).isEqualTo("replay:4711");
    assertThat(cursor.isBeginning()).isFalse();
    assertThat(ChangeCursor.of(cursor.value())).isEqualTo(cursor).hasSameHashCodeAs(cursor);
    assertThat(cursor).isNotEqualTo(ChangeCursor.of("replay:4712")).hasToString("ChangeCursor[replay:4711]");
  }

  @Test
  void of_acceptsTheMaximumLength_andRefusesLonger() {
    assertThat(ChangeCursor.of("c".repeat(ChangeCursor.MAX_LENGTH)).value()).hasSize(1024);
    assertThatThrownBy(() -> ChangeCursor.of("c".repeat(ChangeCursor.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a change cursor is at most 1024 characters; was 1025");
  }
}
