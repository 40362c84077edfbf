package dev.steward.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One general-ledger dimension value that postings carry: department, cost centre, practice,
 * region.
 *
 * @param name the dimension, such as {@code department}
 * @param value its value, such as {@code consulting-emea}
 */
public record Dimension(@NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 128) String value) {}
