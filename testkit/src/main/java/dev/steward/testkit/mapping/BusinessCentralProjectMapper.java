package dev.steward.testkit.mapping;

import dev.steward.model.EntityType;
import dev.steward.model.Project;
import dev.steward.model.ProjectStatus;
import dev.steward.model.ProjectType;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Business Central API v2.0 {@code project} (a job) to a {@link Project} and back. The
 * API's project carries only its id, number and name; everything else a canonical project needs
 * comes from the mapping context.
 *
 * <table>
 *   <caption>Project fields and their sources</caption>
 *   <tr><th>canonical</th><th>source</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code id}, the project's GUID</td></tr>
 *   <tr><td>code</td><td>{@code number}</td></tr>
 *   <tr><td>name</td><td>{@code displayName}</td></tr>
 *   <tr><td>type</td><td>the context setting {@value #PROJECT_TYPE_SETTING} (a {@link ProjectType} name), else TIME_AND_MATERIALS</td></tr>
 *   <tr><td>customerId</td><td>the context's default {@link EntityType#CUSTOMER}: the API's project names no customer</td></tr>
 *   <tr><td>legalEntityId</td><td>the context's default {@link EntityType#LEGAL_ENTITY}: the company the API path names</td></tr>
 *   <tr><td>currency</td><td>the context's default currency: the company's local currency</td></tr>
 *   <tr><td>status</td><td>ACTIVE: the API lists the projects one can post to</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class BusinessCentralProjectMapper implements RecordMapper<Project> {
  /** The extension namespace of Business Central fields. */
  public static final String NAMESPACE = "bc";
  /** The setting that names the {@link ProjectType} of Business Central projects. */
  public static final String PROJECT_TYPE_SETTING = "bc.projectType";

  @Override
  public Class<Project> recordType() {
    return Project.class;
  }

  @Override
  public Project toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    String id = r.requireText("/id");
    ProjectType type;
    try {
      type = ProjectType.valueOf(context.setting(PROJECT_TYPE_SETTING).orElse(ProjectType.TIME_AND_MATERIALS.name()));
    } catch (IllegalArgumentException e) {
      throw new MappingException(MappingException.Reason.INVALID_VALUE, context.systemId(), "",
          "setting " + PROJECT_TYPE_SETTING + " is not one of " + List.of(ProjectType.values()), e);
    }
    return new Project(context.meta(EntityType.PROJECT, id, null), r.requireText("/number"), r.requireText("/displayName"),
        type, context.requireDefaultId(EntityType.CUSTOMER, ""), null, null,
        context.requireDefaultId(EntityType.LEGAL_ENTITY, ""), context.requireDefaultCurrency(""), null, List.of(),
        ProjectStatus.ACTIVE, null, null, List.of(), r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(Project record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    w.putText("/id", context.externalId(record.meta()).orElse(null));
    w.putText("/number", record.code());
    w.putText("/displayName", record.name());
    return w.build();
  }
}
