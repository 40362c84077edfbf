package dev.steward.testkit.mapping;

import dev.steward.model.ApprovalState;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.TimeEntry;
import dev.steward.spi.mapping.EnumMapping;
import dev.steward.spi.mapping.MappingContext;
import dev.steward.spi.mapping.MappingException;
import dev.steward.spi.mapping.RecordMapper;
import dev.steward.spi.mapping.VendorReader;
import dev.steward.spi.mapping.VendorWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Business Central API v2.0 {@code timeRegistrationEntry} to a {@link TimeEntry} and back.
 *
 * <table>
 *   <caption>TimeEntry fields and their sources</caption>
 *   <tr><th>canonical</th><th>Business Central</th></tr>
 *   <tr><td>meta (external id)</td><td>{@code id}</td></tr>
 *   <tr><td>meta.updatedAt</td><td>{@code lastModfiedDateTime} (so spelled by the API), read-only in Business Central: kept and never written</td></tr>
 *   <tr><td>resourceId</td><td>{@code employeeId}, through the id map</td></tr>
 *   <tr><td>projectId</td><td>{@code jobId}, through the id map; for an entry on no job (the empty GUID, such as an absence) the context's default {@link EntityType#PROJECT}, and {@code jobId} is kept</td></tr>
 *   <tr><td>taskCode</td><td>{@code jobTaskNumber}</td></tr>
 *   <tr><td>workDate</td><td>{@code date}</td></tr>
 *   <tr><td>hours</td><td>{@code quantity}, whose {@code unitOfMeasureCode} must be {@code HOUR}</td></tr>
 *   <tr><td>approvalState</td><td>{@code status}: Open (DRAFT), Submitted, Approved, Rejected</td></tr>
 *   <tr><td>billable</td><td>derived: the entry is on a job and is no absence</td></tr>
 *   <tr><td>extensions {@code bc:*}</td><td>everything else: {@code employeeNumber}, {@code jobNumber}, {@code absence}, {@code lineNumber}, {@code unitOfMeasureId}</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class BusinessCentralTimeEntryMapper implements RecordMapper<TimeEntry> {
  /** The extension namespace of Business Central fields. */
  public static final String NAMESPACE = "bc";

  /** Business Central's time sheet line statuses. */
  public static final EnumMapping<ApprovalState> STATUS = EnumMapping.builder(ApprovalState.class)
      .map("Open", ApprovalState.DRAFT)
      .map("Submitted", ApprovalState.SUBMITTED)
      .map("Approved", ApprovalState.APPROVED)
      .map("Rejected", ApprovalState.REJECTED)
      .build();

  @Override
  public Class<TimeEntry> recordType() {
    return TimeEntry.class;
  }

  @Override
  public TimeEntry toCanonical(JsonNode vendorObject, MappingContext context) {
    VendorReader r = VendorReader.of(vendorObject, context);
    String id = r.requireText("/id");
    CanonicalId resource = context.canonicalId(EntityType.RESOURCE, r.requireText("/employeeId"));
    String job = r.peek("/jobId").filter(JsonNode::isString).map(JsonNode::stringValue).orElse(Samples.EMPTY_GUID);
    boolean onJob = !job.equals(Samples.EMPTY_GUID);
    CanonicalId project = onJob ? context.canonicalId(EntityType.PROJECT, r.requireText("/jobId"))
        : context.requireDefaultId(EntityType.PROJECT, "/jobId");
    String unit = r.requireText("/unitOfMeasureCode");
    if (!unit.equals("HOUR")) {
      throw new MappingException(MappingException.Reason.INVALID_VALUE, context.systemId(), "/unitOfMeasureCode",
          "time is mapped in hours; this entry counts '" + unit + "'");
    }
    boolean absence = r.peek("/absence").filter(a -> a.isString() && !a.stringValue().isEmpty()).isPresent();
    return new TimeEntry(context.meta(EntityType.TIME_ENTRY, id, Samples.peekInstant(r, "/lastModfiedDateTime").orElse(null)), resource,
        project, null, Samples.emptyToNull(r.text("/jobTaskNumber").orElse(null)), r.requireDate("/date"),
        r.requireDecimal("/quantity"), onJob && !absence, r.requireEnum("/status", STATUS), null, null, null, null,
        r.extensions(NAMESPACE));
  }

  @Override
  public ObjectNode toVendor(TimeEntry record, MappingContext context) {
    VendorWriter w = VendorWriter.of(record, NAMESPACE, context);
    w.putText("/id", context.externalId(record.meta()).orElse(null));
    w.putText("/employeeId", context.requireExternalId(record.resourceId(), "/employeeId"));
    if (!w.isUnmapped("/jobId")) {
      w.putText("/jobId", context.requireExternalId(record.projectId(), "/jobId"));
    }
    w.putText("/jobTaskNumber", Samples.nullToEmpty(record.taskCode()));
    w.putDate("/date", record.workDate());
    w.putDecimal("/quantity", record.hours());
    w.putText("/unitOfMeasureCode", "HOUR");
    w.putEnum("/status", STATUS, record.approvalState());
    return w.build();
  }
}
