package dev.steward.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a batch write, one {@link Item} per record sent, in the order sent. A batch may
 * succeed in part: each item says whether its record was written or why it was not, so that
 * only the failed ones are retried or parked.
 *
 * @param items one outcome per record, in the order the records were given
 */
public record BatchResult(List<Item> items) {
  /** Copies the items and checks they are numbered 0, 1, 2... in order. */
  public BatchResult {
    items = List.copyOf(items);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).index() != i) {
        throw new IllegalArgumentException("item " + i + " of the batch result has index " + items.get(i).index());
      }
    }
  }

  /** The outcome of one record of a batch: {@link Written} or {@link Failed}. */
  public sealed interface Item permits Written, Failed {
    /** Returns the record's position in the batch, from 0. */
    int index();
  }

  /**
   * A record of the batch that was written.
   *
   * @param index the record's position in the batch
   * @param result what the write did
   */
  public record Written(int index, WriteResult result) implements Item {
    /** Checks the result is present. */
    public Written {
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * A record of the batch that was not written, or whose outcome is unknown.
   *
   * @param index the record's position in the batch
   * @param failure why, classified as for a single call
   */
  public record Failed(int index, ConnectorException failure) implements Item {
    /** Checks the failure is present. */
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** Returns the records that failed, in batch order. */
  public List<Failed> failures() {
    List<Failed> failed = new ArrayList<>();
    for (Item item : items) {
      if (item instanceof Failed f) {
        failed.add(f);
      }
    }
    return failed;
  }

  /** Returns whether every record was written. */
  public boolean allWritten() {
    for (Item item : items) {
      if (item instanceof Failed) {
        return false;
      }
    }
    return true;
  }
}
