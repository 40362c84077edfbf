package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchResultTest {
  private static final BatchResult.Written WRITTEN_0 = new BatchResult.Written(0, new WriteResult("a", true, 1));
  private static final BatchResult.Failed FAILED_1 = new BatchResult.Failed(1, new TransientFailureException("crm", "timed out"));
  private static final BatchResult.Written WRITTEN_2 = new BatchResult.Written(2, new WriteResult("c", false, 4));

  @Test
  void items_numberedInOrder_areAccepted() {
    BatchResult result = new BatchResult(List.of(WRITTEN_0, FAILED_1, WRITTEN_2));
    assertThat(result.items()).containsExactly(WRITTEN_0, FAILED_1, WRITTEN_2);
    assertThat(result.failures()).containsExactly(FAILED_1);
    assertThat(result.allWritten()).isFalse();
    assertThat(new BatchResult(List.of(WRITTEN_0)).allWritten()).isTrue();
    assertThat(new BatchResult(List.of()).allWritten()).isTrue();
  }

  @Test
  void items_outOfOrder_areRefusedNamingThePosition() {
    assertThatThrownBy(() -> new BatchResult(List.of(WRITTEN_0, WRITTEN_2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("item 1 of the batch result has index 2");
    assertThatThrownBy(() -> new BatchResult(List.of(FAILED_1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("item 0 of the batch result has index 1");
  }

  @Test
  void items_areCopied() {
    List<BatchResult.Item> items = new ArrayList<>(List.of(WRITTEN_0));
    BatchResult result = new BatchResult(items);
    items.add(FAILED_1);
    assertThat(result.items()).containsExactly(WRITTEN_0);
    assertThatThrownBy(() -> result.items().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void items_needTheirOutcome() {
    assertThatThrownBy(() -> new BatchResult.Written(0, null)).isInstanceOf(NullPointerException.class).hasMessage("result");
    assertThatThrownBy(() -> new BatchResult.Failed(0, null)).isInstanceOf(NullPointerException.class).hasMessage("failure");
  }
}
