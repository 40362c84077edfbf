package dev.steward.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where a canonical entity lives in one connected system: that system's id for it and,
 * optionally, a link a person can open.
 *
 * @param system the system id, such as {@code crm} (see {@link SystemIds})
 * @param id that system's own id for the record, such as a Salesforce {@code 0015g00000XyZabAAB}
 * @param url a link to the record in that system's user interface, if known
 */
public record ExternalRef(
    @NotNull @Pattern(regexp = SystemIds.PATTERN) String system,
    @NotBlank @Size(max = 255) String id,
    @Nullable URI url) {}
