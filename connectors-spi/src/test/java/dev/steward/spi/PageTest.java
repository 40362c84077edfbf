package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
  @Test
  void emptyNextToken_isRefusedWhereThePageIsMade_notWhereTheNextIsAskedFor() {
    // Some APIs answer "" for "no more pages"; taken as a token it promised a page that
    // PageRequest.after could never ask for.
    assertThatThrownBy(() -> new Page<>(List.of("a"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nextToken");
  }

  @Test
  void lastPage_hasNoNext_andAPageWithATokenLeadsToTheNextRequest() {
    assertThat(Page.last(List.of("a")).hasNext()).isFalse();
    assertThat(Page.last(List.of("a")).next(10)).isEmpty();
    assertThat(new Page<>(List.of("a"), "t1").next(10)).contains(PageRequest.after("t1", 10));
  }
}
