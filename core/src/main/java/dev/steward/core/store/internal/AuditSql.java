package dev.steward.core.store.internal;

import dev.steward.core.audit.Actor;
import dev.steward.core.audit.AuditEvent;
import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.store.JdbcStores.Dialect;
import dev.steward.model.Fingerprint;
import dev.steward.model.ModelException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The statements of the audit tables, in one dialect. Each method runs inside the caller's
 * transaction; none commits. Immutable and thread-safe.
 *
 * <p>An entry's time is held in two columns: {@code at}, a {@code TIMESTAMP WITH TIME ZONE} to
 * the microsecond, for people and for time queries, and {@code at_nanos}, the nanoseconds below
 * the microsecond, because the entry's hash covers the time to the nanosecond. The attributes are a
 * JSON array of strings, in their order, and the details a JSON object of strings, keys sorted:
 * both are read back as one piece and never queried.
 */
public final class AuditSql {
  /** The name of the audit table, before the prefix. */
  public static final String TABLE = "audit";
  /** The name of the one-row table every append locks, before the prefix. */
  public static final String HEAD = "audit_head";
  /** The longest entity, correlation id and policy version the table holds. */
  public static final int MAX_TEXT_LENGTH = 255;
  /** The longest hash the table holds: SHA-256 in hex. */
  public static final int MAX_HASH_LENGTH = 64;

  private static final String COLUMNS = "sequence, at, at_nanos, actor_kind, actor_id, action, entity, attributes,"
      + " before_fingerprint, after_fingerprint, correlation_id, policy_version, details, previous_hash, hash";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long NANOS_PER_MICRO = 1_000;

  private final Dialect dialect;
  private final String lockHead;
  private final String last;
  private final String insert;
  private final String read;
  private final String select;

  private AuditSql(Dialect dialect, String table, String head) {
    this.dialect = dialect;
    this.lockHead = "SELECT id FROM " + head + " WHERE id = 1 FOR UPDATE";
    this.select = "SELECT " + COLUMNS + " FROM " + table;
    this.last = select + " ORDER BY sequence DESC" + Jdbc.limit(dialect);
    this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    this.read = select + " WHERE sequence >= ? ORDER BY sequence" + Jdbc.limit(dialect);
  }

  /** Returns the statements for {@code dialect} over the tables {@code names} gives. */
  public static AuditSql of(Dialect dialect, TableNames names) {
    Objects.requireNonNull(dialect, "dialect");
    return new AuditSql(dialect, names.table(TABLE), names.table(HEAD));
  }

  /**
   * Locks the head row until the transaction ends: appends of every process and thread wait for
   * each other here. Returns false if the head row is missing.
   */
  public boolean lockHead(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(lockHead); ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** Returns the entry with the highest sequence, or null if there is none. */
  public @Nullable AuditRecord last(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(last)) {
      ps.setInt(1, 1);
      List<AuditRecord> found = records(ps);
      return found.isEmpty() ? null : found.get(0);
    }
  }

  /**
   * Inserts {@code r}.
   *
   * @throws IllegalArgumentException if a field is longer than its column or its time is out of
   *     the range the database holds
   */
  public void insert(Connection c, AuditRecord r) throws SQLException {
    AuditEvent e = r.event();
    Instant micros = Jdbc.storable(r.at(), "the entry's time");
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setLong(1, r.sequence());
      Jdbc.setTime(ps, 2, micros);
      ps.setShort(3, (short) (r.at().getNano() % NANOS_PER_MICRO));
      ps.setString(4, e.actor().kind().name());
      ps.setString(5, e.actor().id());
      ps.setString(6, e.action());
      ps.setString(7, bounded(e.entity(), MAX_TEXT_LENGTH, "entity"));
      ps.setString(8, attributes(e.attributes()));
      ps.setString(9, e.before() == null ? null : e.before().toString());
      ps.setString(10, e.after() == null ? null : e.after().toString());
      ps.setString(11, bounded(e.correlationId(), MAX_TEXT_LENGTH, "correlationId"));
      ps.setString(12, bounded(e.policyVersion(), MAX_TEXT_LENGTH, "policyVersion"));
      ps.setString(13, details(e.details()));
      ps.setString(14, bounded(r.previousHash(), MAX_HASH_LENGTH, "previousHash"));
      ps.setString(15, bounded(r.hash(), MAX_HASH_LENGTH, "hash"));
      ps.executeUpdate();
    }
  }

  /** Returns up to {@code limit} entries from sequence {@code from} on, by sequence. */
  public List<AuditRecord> read(Connection c, long from, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(read)) {
      ps.setLong(1, from);
      ps.setInt(2, limit);
      return records(ps);
    }
  }

  /** Returns the entries matching {@code q}, by sequence, at most its limit. */
  public List<AuditRecord> query(Connection c, AuditQuery q) throws SQLException {
    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    if (q.actor() != null) {
      where.append(" AND actor_id = ? AND actor_kind = ?");
      args.add(q.actor().id());
      args.add(q.actor().kind().name());
    }
    if (q.action() != null) {
      where.append(" AND action = ?");
      args.add(q.action());
    }
    if (q.entity() != null) {
      where.append(" AND entity = ?");
      args.add(q.entity());
    }
    if (q.correlationId() != null) {
      where.append(" AND correlation_id = ?");
      args.add(q.correlationId());
    }
    if (q.from() != null && !timeCriterion(where, args, q.from(), true)) {
      return List.of();
    }
    if (q.until() != null && !timeCriterion(where, args, q.until(), false)) {
      return List.of();
    }
    String sql = select + (where.length() == 0 ? "" : " WHERE" + where.substring(4)) + " ORDER BY sequence"
        + (q.order() == AuditQuery.Order.NEWEST_FIRST ? " DESC" : "") + Jdbc.limit(dialect);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Object arg : args) {
        if (arg instanceof Instant t) {
          Jdbc.setTime(ps, i++, t);
        } else if (arg instanceof Integer n) {
          ps.setInt(i++, n);
        } else {
          ps.setString(i++, (String) arg);
        }
      }
      ps.setInt(i, q.limit());
      return records(ps);
    }
  }

  // The entry's time t is at (its microsecond) plus at_nanos. For t >= bound: at >= the bound's
  // microsecond, and at the same microsecond at_nanos >= the bound's nanoseconds below it; for
  // t < bound, the mirror. The first conjunct lets the index on at narrow the scan. Returns false
  // when no entry can match: the bound lies past every time the table holds, or before them all.
  private static boolean timeCriterion(StringBuilder where, List<Object> args, Instant bound, boolean lower) {
    Instant micro = bound.truncatedTo(ChronoUnit.MICROS);
    if (micro.isBefore(Jdbc.MIN_TIME)) {
      return lower;
    }
    if (micro.isAfter(Jdbc.MAX_TIME)) {
      return !lower;
    }
    int nanos = (int) (bound.getNano() % NANOS_PER_MICRO);
    if (lower) {
      where.append(" AND at >= ? AND (at > ? OR at_nanos >= ?)");
    } else {
      where.append(" AND at <= ? AND (at < ? OR at_nanos < ?)");
    }
    args.add(micro);
    args.add(micro);
    args.add(nanos);
    return true;
  }

  private static List<AuditRecord> records(PreparedStatement ps) throws SQLException {
    List<AuditRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(record(rs));
      }
    }
    return out;
  }

  // A row changed outside Steward may not make an entry at all (an unknown actor kind, a blank
  // actor id, JSON that is not JSON): that is reported as a failure naming the entry, since the
  // entry cannot be returned for verify() to compare with its hash.
  private static AuditRecord record(ResultSet rs) throws SQLException {
    long sequence = rs.getLong("sequence");
    try {
      Instant at = Jdbc.getRequiredTime(rs, "at").plusNanos(rs.getShort("at_nanos"));
      Actor actor = new Actor(Actor.Kind.valueOf(required(rs, "actor_kind")), required(rs, "actor_id"));
      AuditEvent event = new AuditEvent(actor, required(rs, "action"), rs.getString("entity"),
          attributes(required(rs, "attributes")), fingerprint(rs.getString("before_fingerprint")),
          fingerprint(rs.getString("after_fingerprint")), rs.getString("correlation_id"),
          rs.getString("policy_version"), details(required(rs, "details")));
      return new AuditRecord(sequence, at, event, required(rs, "previous_hash"), required(rs, "hash"));
    } catch (IllegalArgumentException | JacksonException | ModelException e) {
      throw new UnreadableEntryException(sequence, e);
    }
  }

  private static String required(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    if (value == null) {
      throw new SQLException("column " + column + " is null", "22004");
    }
    return value;
  }

  private static @Nullable Fingerprint fingerprint(@Nullable String text) {
    return text == null ? null : Fingerprint.parse(text);
  }

  private static @Nullable String bounded(@Nullable String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException("the audit entry's " + field + " has " + value.length()
          + " characters; the JDBC audit store holds at most " + max);
    }
    return value;
  }

  private static String attributes(List<String> attributes) {
    ArrayNode array = NODES.arrayNode();
    attributes.forEach(array::add);
    return JSON.writeValueAsString(array);
  }

  private static List<String> attributes(String json) {
    JsonNode node = JSON.readTree(json);
    if (!node.isArray()) {
      throw new IllegalArgumentException("attributes is not a JSON array");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isString()) {
        throw new IllegalArgumentException("attributes holds something other than a string");
      }
      out.add(element.stringValue());
    }
    return out;
  }

  private static String details(Map<String, String> details) {
    ObjectNode object = NODES.objectNode();
    new TreeMap<>(details).forEach(object::put);
    return JSON.writeValueAsString(object);
  }

  private static Map<String, String> details(String json) {
    JsonNode node = JSON.readTree(json);
    if (!node.isObject()) {
      throw new IllegalArgumentException("details is not a JSON object");
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> d : node.properties()) {
      if (!d.getValue().isString()) {
        throw new IllegalArgumentException("details holds something other than a string");
      }
      out.put(d.getKey(), d.getValue().stringValue());
    }
    return out;
  }

  /**
   * A stored row that makes no audit entry: it was changed outside Steward so that a field no
   * longer parses. Carries the entry's sequence for the store to report.
   */
  public static final class UnreadableEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long sequence;

    UnreadableEntryException(long sequence, RuntimeException cause) {
      super("entry " + sequence + " cannot be read back, as its row was changed outside Steward: "
          + cause.getMessage(), cause);
      this.sequence = sequence;
    }

    /** Returns the sequence of the entry that cannot be read. */
    public long sequence() {
      return sequence;
    }
  }
}
