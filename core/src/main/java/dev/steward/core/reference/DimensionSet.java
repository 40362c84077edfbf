package dev.steward.core.reference;

import dev.steward.core.reference.internal.Checks;
import dev.steward.model.Dimension;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ERP general-ledger dimensions that postings for a PSA project carry: the set a project code
 * maps to, such as department, cost centre, practice and region.
 *
 * @param projectCode the PSA project code, such as {@code PRJ-DE-1001}; at most 64 characters
 * @param dimensions the dimension values, at least one, each dimension name once; unmodifiable,
 *     in the order given
 */
public record DimensionSet(String projectCode, List<Dimension> dimensions) {

  /**
   * Checks the values and copies the dimensions into an unmodifiable list.
   *
   * @throws IllegalArgumentException if the project code is blank or too long, there is no
   *     dimension, a dimension's name or value is blank or too long (64 and 128 characters), or a
   *     name repeats
   * @throws NullPointerException if a value is null
   */
  public DimensionSet {
    Checks.text(projectCode, "project code", 64);
    Objects.requireNonNull(dimensions, "dimensions");
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("the dimension set of project " + projectCode + " must have at least one dimension");
    }
    Set<String> names = new HashSet<>();
    for (Dimension d : dimensions) {
      Objects.requireNonNull(d, "dimension of project " + projectCode);
      Checks.text(d.name(), "dimension name of project " + projectCode, 64);
      Checks.text(d.value(), "value of dimension " + d.name() + " of project " + projectCode, 128);
      if (!names.add(d.name())) {
        throw new IllegalArgumentException(
            "the dimension set of project " + projectCode + " names dimension '" + d.name() + "' twice");
      }
    }
    dimensions = List.copyOf(dimensions);
  }

  /** Returns the value of the dimension named {@code name}, if the set has it. */
  public Optional<String> value(String name) {
    Objects.requireNonNull(name, "name");
    for (Dimension d : dimensions) {
      if (d.name().equals(name)) {
        return Optional.of(d.value());
      }
    }
    return Optional.empty();
  }
}
