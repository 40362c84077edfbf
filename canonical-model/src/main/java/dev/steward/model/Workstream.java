package dev.steward.model;

import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A workstream (phase) of a project, grouping its tasks, such as {@code Discovery} or {@code
 * Data migration}.
 *
 * @param code the workstream code, unique within the project
 * @param name the workstream's name
 * @param tasks the tasks of the workstream
 */
public record Workstream(
    @NotBlank @Size(max = 32) String code,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) List<@NotNull @Valid ProjectTask> tasks) {

  /** Copies the tasks into an unmodifiable list; absent tasks become empty. */
  public Workstream {
    tasks = Immutables.list(tasks);
  }
}
