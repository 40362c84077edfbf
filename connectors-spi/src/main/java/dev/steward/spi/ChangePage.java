package dev.steward.spi;

import dev.steward.model.Envelope;
import java.util.List;
import java.util.Objects;

/**
 * What one poll of a change feed returned: the changes after the cursor polled from, in the
 * order the system made them, each as an {@link Envelope}, and the cursor to poll from next.
 *
 * <p>Each envelope's {@code id} is the system's id for that change, so a change delivered twice
 * carries the same id twice; its {@code source} is {@code /systems/<system id>}, its {@code
 * subject} the record's external id, its {@code entityVersion} the record's version in the
 * system, and its {@code data} the canonical record (absent for a deletion).
 *
 * @param changes the changes, oldest first
 * @param next the cursor after the last change returned (the cursor polled from when none)
 * @param more whether the system holds further changes after {@code next} already
 */
public record ChangePage(List<Envelope> changes, ChangeCursor next, boolean more) {
  /** Copies the changes. */
  public ChangePage {
    changes = List.copyOf(changes);
    Objects.requireNonNull(next, "next");
  }
}
