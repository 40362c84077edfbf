package dev.steward.testkit.simulated;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.model.ExternalRef;
import dev.steward.model.SchemaRef;
import dev.steward.model.SystemIds;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.CapabilityMissingException;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.ChangeTypes;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.ConnectorException;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.HttpFailures;
import dev.steward.spi.Operation;
import dev.steward.spi.Page;
import dev.steward.spi.PageRequest;
import dev.steward.spi.PermanentFailureException;
import dev.steward.spi.RateLimit;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.SystemConnector;
import dev.steward.spi.TargetMessage;
import dev.steward.spi.TransientFailureException;
import dev.steward.spi.UnknownOutcomeException;
import dev.steward.spi.WriteResult;
import dev.steward.testkit.simulated.InjectedFault.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the four simulated systems share: an in-memory {@link SystemConnector} that keeps canonical
 * records under ids of its platform's form, a change feed, business rules of its platform, and a
 * {@link FaultPlan} it injects faults from. Get one from {@link SimulatedCrm#builder()}, {@link
 * SimulatedPsa#builder()}, {@link SimulatedErp#builder()} or {@link SimulatedBilling#builder()}.
 *
 * <h2>Behaviour</h2>
 *
 * <ul>
 *   <li>A record is upserted by its canonical id, which the system keeps as its external-id field:
 *       a second upsert of the same id updates the record the first made. A create of a canonical
 *       id the system already holds is refused, as a unique external-id field refuses it.
 *   <li>Records read back are the records written, with this system's {@link ExternalRef} in
 *       {@code meta().externalRefs()} (replacing any other reference to this system); references
 *       to other systems and extensions are kept as written.
 *   <li>Every write appends a change to the system's log, and the change's number is the record's
 *       version: versions only move forward, for each record and across a delete and re-create.
 *   <li>{@link #changes} returns the changes after a cursor, oldest first, as envelopes of type
 *       {@link ChangeTypes#changed} or {@link ChangeTypes#deleted}, source {@code /systems/<id>},
 *       subject the external id, {@code entityversion} the version and data the canonical JSON as
 *       read back. The page's cursor resumes exactly after the last change it holds. The log keeps
 *       the last {@linkplain Builder#changeRetention changeRetention} changes; polling from before
 *       them fails with {@link PermanentFailureException}.
 *   <li>Each call counts as one, numbered from 1, and the {@link FaultPlan} decides its faults from
 *       that number; a call whose deadline has passed is not sent and is not counted. The same
 *       seed, plan and sequence of calls give the same ids, faults and feed.
 *   <li>Failures are the SPI's {@link ConnectorException}s, HTTP answers classified through {@link
 *       HttpFailures#classify}; a refusal by a business rule is a {@link
 *       dev.steward.spi.RejectedByTargetException} carrying the platform's message code.
 * </ul>
 *
 * <p>Thread-safe: one lock per system serializes the calls' effects, so concurrent writes of one
 * canonical id make one record with distinct, increasing versions; latency is spent outside the
 * lock. Holds no credential.
 */
public abstract sealed class SimulatedSystem implements SystemConnector
    permits SimulatedCrm, SimulatedPsa, SimulatedErp, SimulatedBilling {
  /** The changes a system keeps by default before it drops the oldest. */
  public static final int DEFAULT_CHANGE_RETENTION = 1_000_000;
  /** The most changes a system can be told to keep. */
  public static final int MAX_CHANGE_RETENTION = 100_000_000;
  /** The most changes one poll of the feed returns, whatever limit it asks for. */
  public static final int MAX_CHANGE_PAGE = 10_000;
  /** The injected faults a system's log keeps by default before it drops the oldest. */
  public static final int DEFAULT_FAULT_LOG_CAPACITY = 100_000;
  /** The most idempotency keys a system that takes them remembers having received; the newest are kept. */
  public static final int KEYS_RECEIVED_KEPT = 10_000;

  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  private final String systemId;
  private final Clock clock;
  private final FaultPlan plan;
  private final @Nullable RateLimit rateLimit;
  private final Sleeper sleeper;
  private final long seed;
  private final ConnectorCapabilities capabilities;
  private final Map<Class<?>, SimulatedOperations<?>> operations;

  /** Guards everything below, and the state the subclasses' id generators keep. */
  private final Object lock = new Object();
  private final EnumMap<EntityType, Store> stores = new EnumMap<>(EntityType.class);
  private final ChangeLog log;
  private final ArrayDeque<InjectedFault> faults = new ArrayDeque<>();
  private final int faultLogCapacity;
  private long faultsInjected;
  private final ArrayDeque<Script> scripts = new ArrayDeque<>();
  private final LinkedHashMap<String, KeyedCreate> idempotencyKeys = new LinkedHashMap<>();
  /** The idempotency keys of the writes received, oldest first; null where the platform takes no key. */
  private final @Nullable ArrayDeque<String> keysReceived;
  private final SplittableRandom random;
  private long calls;
  private long ordinals;
  private long rateWindow = Long.MIN_VALUE;
  private int rateUsed;

  SimulatedSystem(Builder<?> b, ConnectorCapabilities.Builder declared) {
    this.systemId = b.systemId;
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.plan = b.plan == null ? FaultPlan.none() : b.plan;
    this.rateLimit = plan.rateLimit().orElse(null);
    this.sleeper = b.sleeper == null ? Sleeper.none() : b.sleeper;
    this.seed = b.seed == null ? 0 : b.seed;
    this.log = new ChangeLog(b.changeRetention == null ? DEFAULT_CHANGE_RETENTION : b.changeRetention);
    this.faultLogCapacity = b.faultLogCapacity == null ? DEFAULT_FAULT_LOG_CAPACITY : b.faultLogCapacity;
    this.random = new SplittableRandom(FaultPlan.mix(seed ^ 0x5DEECE66DL));
    if (rateLimit != null) {
      declared.rateLimit(rateLimit);
    }
    this.capabilities = declared.build();
    // A platform that honours Idempotency-Key on creates is sent one with every write request.
    this.keysReceived = capabilities.idempotentCreate() ? new ArrayDeque<>() : null;
    Map<Class<?>, SimulatedOperations<?>> ops = new HashMap<>();
    for (EntityType type : capabilities.entityTypes()) {
      ops.put(type.recordType(), operationsOf(type, type.recordType()));
      stores.put(type, new Store(type));
    }
    this.operations = Collections.unmodifiableMap(ops);
  }

  private <T extends CanonicalEntity> SimulatedOperations<T> operationsOf(EntityType type, Class<T> recordType) {
    return new SimulatedOperations<>(this, type, recordType, capabilities.operations(type));
  }

  // ---- what the platforms differ in -------------------------------------------------------

  /** Returns a new id of the platform's form for a record of {@code type}; called under the lock. */
  abstract String newExternalId(EntityType type, SplittableRandom random);

  /** Returns the form of {@code externalId} the system stores, for ids the platform accepts in several forms. */
  String normalizeExternalId(EntityType type, String externalId) {
    return externalId;
  }

  /** Returns why the platform refuses to write {@code incoming} over {@code stored} (null: a new record). */
  Optional<TargetMessage> refuseWrite(EntityType type, @Nullable CanonicalEntity stored, CanonicalEntity incoming) {
    return Optional.empty();
  }

  /** Returns why the platform refuses to delete {@code stored}. */
  Optional<TargetMessage> refuseDelete(EntityType type, CanonicalEntity stored) {
    return Optional.empty();
  }

  /** Returns the platform's message refusing a create of a canonical id held by record {@code externalId}. */
  abstract TargetMessage duplicateMessage(EntityType type, String externalId);

  /** Returns the platform's message for one record of a batch failing for contention. */
  abstract TargetMessage batchItemFailure();

  /** Returns the platform's message refusing a create whose idempotency key was used for another request. */
  TargetMessage idempotencyMismatch(String key) {
    return new TargetMessage("idempotency_error", null, "idempotency key '" + key + "' was first used for another request");
  }

  /** Returns the id of change {@code seq}, unique within the system. */
  String changeId(long seq) {
    return Long.toString(seq);
  }

  /**
   * Returns the external id of the first record of {@code type} that {@code test} accepts; for
   * rules that look at other records. Called under the lock, from the rule hooks.
   */
  final Optional<String> findStored(EntityType type, Predicate<CanonicalEntity> test) {
    Store store = stores.get(type);
    if (store != null) {
      for (Entry e : store.byOrdinal.values()) {
        if (test.test(e.record)) {
          return Optional.of(e.externalId);
        }
      }
    }
    return Optional.empty();
  }

  // ---- public face -------------------------------------------------------------------------

  @Override
  public final String systemId() {
    return systemId;
  }

  @Override
  public final ConnectorCapabilities capabilities() {
    return capabilities;
  }

  /**
   * Returns the operations on records of {@code recordType}.
   *
   * @throws CapabilityMissingException if the system does not handle the type (operation {@link
   *     Operation#READ})
   * @throws IllegalArgumentException if {@code recordType} is not a canonical record class
   */
  @Override
  public final <T extends CanonicalEntity> EntityOperations<T> operations(Class<T> recordType) {
    Objects.requireNonNull(recordType, "recordType");
    SimulatedOperations<?> ops = operations.get(recordType);
    if (ops == null) {
      for (EntityType type : EntityType.values()) {
        if (type.recordType() == recordType) {
          throw new CapabilityMissingException(systemId, type, Operation.READ);
        }
      }
      throw new IllegalArgumentException(recordType.getName() + " is not a canonical record class");
    }
    @SuppressWarnings("unchecked")
    EntityOperations<T> typed = (EntityOperations<T>) ops;
    return typed;
  }

  /**
   * Polls the changes after {@code after}, at most {@code limit} envelopes (and at most {@value
   * #MAX_CHANGE_PAGE}, as platforms cap their pages), oldest first except for the faults the plan
   * injects: duplicates (the same envelope twice, counted against {@code limit}) and neighbours
   * swapped within the page.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive, or the cursor was not made
   *     by this system
   * @throws PermanentFailureException if changes after the cursor were dropped from the log
   * @throws ConnectorException as the fault plan or a scripted answer decides
   */
  @Override
  public final ChangePage changes(CallContext context, ChangeCursor after, int limit) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(after, "after");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1; was " + limit);
    }
    long from = parseCursor(after);
    int capped = Math.min(limit, MAX_CHANGE_PAGE);
    return invoke(Operation.CHANGE_FEED, null, null, false, context, (call, now) -> page(call, after, from, capped));
  }

  /** Returns the fault plan the system injects from. */
  public final FaultPlan faultPlan() {
    return plan;
  }

  /** Returns the seed the system's own ids are drawn from. */
  public final long seed() {
    return seed;
  }

  /**
   * Returns the faults injected so far, oldest first: at most the builder's {@code
   * faultLogCapacity}, the newest kept.
   */
  public final List<InjectedFault> faultLog() {
    synchronized (lock) {
      return List.copyOf(faults);
    }
  }

  /** Returns how many faults were injected in all, including any the log no longer holds. */
  public final long faultsInjected() {
    synchronized (lock) {
      return faultsInjected;
    }
  }

  /** Returns how many calls the system has received. */
  public final long callCount() {
    synchronized (lock) {
      return calls;
    }
  }

  /** Returns how many records of {@code type} the system holds; 0 for a type it does not handle. */
  public final int recordCount(EntityType type) {
    Objects.requireNonNull(type, "type");
    synchronized (lock) {
      Store store = stores.get(type);
      return store == null ? 0 : store.byId.size();
    }
  }

  /**
   * Makes the next {@code calls} calls, of any operation, answer {@code answer} without being
   * applied. Scripted answers are used in the order scripted, before the fault plan's.
   *
   * @throws IllegalArgumentException if {@code calls} is not positive
   */
  public final void answerNext(int calls, HttpAnswer answer) {
    script(null, calls, answer);
  }

  /**
   * Makes the next {@code calls} calls of {@code operation} answer {@code answer} without being
   * applied; calls of other operations are served as usual.
   *
   * @throws IllegalArgumentException if {@code calls} is not positive
   */
  public final void answerNext(Operation operation, int calls, HttpAnswer answer) {
    script(Objects.requireNonNull(operation, "operation"), calls, answer);
  }

  /** Drops the scripted answers not yet used. */
  public final void clearScriptedAnswers() {
    synchronized (lock) {
      scripts.clear();
    }
  }

  private void script(@Nullable Operation operation, int calls, HttpAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    if (calls < 1) {
      throw new IllegalArgumentException("calls must be at least 1; was " + calls);
    }
    synchronized (lock) {
      scripts.addLast(new Script(operation, calls, answer));
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[systemId=" + systemId + ", seed=" + seed + ", faultPlan=" + plan + "]";
  }

  // ---- operations ----------------------------------------------------------------------------

  final <T extends CanonicalEntity> Optional<RemoteRecord<T>> read(SimulatedOperations<T> ops, CallContext context,
      String externalId) {
    Store store = stores.get(ops.type);
    return invoke(Operation.READ, ops.type, externalId, false, context, (call, now) -> {
      Entry e = store.byExternalId.get(normalizeExternalId(ops.type, externalId));
      return e == null ? Optional.empty() : Optional.of(remote(e, ops.recordType));
    });
  }

  final <T extends CanonicalEntity> Optional<RemoteRecord<T>> find(SimulatedOperations<T> ops, CallContext context,
      CanonicalId id) {
    if (id.type() != ops.type) {
      throw new IllegalArgumentException("find of " + ops.type.schemaName() + " records needs a " + ops.type
          + " id; " + id + " is a " + id.type() + " id");
    }
    Store store = stores.get(ops.type);
    return invoke(Operation.READ, ops.type, id, false, context, (call, now) -> {
      Entry e = store.byId.get(id);
      return e == null ? Optional.empty() : Optional.of(remote(e, ops.recordType));
    });
  }

  final <T extends CanonicalEntity> WriteResult upsert(SimulatedOperations<T> ops, CallContext context, T record) {
    CanonicalId id = checkRecord(ops.type, record, "record");
    Store store = stores.get(ops.type);
    // The path of invoke() without faults, spelled out: upserts are what flows call most, and
    // this one allocates nothing but its result.
    Instant start = clock.instant();
    if (start.isBefore(context.deadline())) {
      synchronized (lock) {
        if (plan.isNone() && scripts.isEmpty()) {
          calls++;
          noteKey(context);
          return upsertLocked(store, record, start);
        }
      }
    }
    return invoke(Operation.UPSERT, ops.type, id, true, context, (call, now) -> upsertLocked(store, record, now));
  }

  final <T extends CanonicalEntity> BatchResult upsertAll(SimulatedOperations<T> ops, CallContext context, List<T> records) {
    int max = capabilities.maxBatchSize();
    if (records.size() > max) {
      throw new IllegalArgumentException("a batch to " + systemId + " holds at most " + max + " records (maxBatchSize); was "
          + records.size() + ": split it");
    }
    List<T> batch = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      T record = records.get(i);
      checkRecord(ops.type, record, "records[" + i + "]");
      batch.add(record);
    }
    Store store = stores.get(ops.type);
    String subject = "(batch of " + batch.size() + ")";
    return invoke(Operation.UPSERT, ops.type, subject, true, context, (call, now) -> {
      List<BatchResult.Item> items = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        CanonicalEntity record = batch.get(i);
        if (plan.batchItemFails(call, i)) {
          logFault(call, Operation.UPSERT, ops.type, Kind.PARTIAL_BATCH_FAILURE, "record " + i + " (" + record.id() + ") failed");
          items.add(new BatchResult.Failed(i, HttpFailures.classify(systemId, describe(Operation.UPSERT, ops.type, record.id()),
              503, null, List.of(batchItemFailure()), clock)));
          continue;
        }
        try {
          items.add(new BatchResult.Written(i, upsertLocked(store, record, now)));
        } catch (ConnectorException e) {
          items.add(new BatchResult.Failed(i, e));
        }
      }
      return new BatchResult(items);
    });
  }

  final <T extends CanonicalEntity> WriteResult create(SimulatedOperations<T> ops, CallContext context, T record) {
    CanonicalId id = checkRecord(ops.type, record, "record");
    Store store = stores.get(ops.type);
    String key = capabilities.idempotentCreate() ? context.idempotencyKey().orElse(null) : null;
    return invoke(Operation.CREATE, ops.type, id, true, context, (call, now) -> createLocked(store, record, key, now));
  }

  final <T extends CanonicalEntity> boolean delete(SimulatedOperations<T> ops, CallContext context, String externalId) {
    Store store = stores.get(ops.type);
    return invoke(Operation.DELETE, ops.type, externalId, true, context, (call, now) -> {
      Entry e = store.byExternalId.get(normalizeExternalId(ops.type, externalId));
      if (e == null) {
        return false;
      }
      Optional<TargetMessage> refusal = refuseDelete(ops.type, e.record);
      if (refusal.isPresent()) {
        throw rejected(describe(Operation.DELETE, ops.type, e.externalId), refusal.get());
      }
      store.byId.remove(e.id);
      store.byExternalId.remove(e.externalId);
      store.byOrdinal.remove(e.ordinal);
      log.append(ops.type, e.externalId, null, now);
      return true;
    });
  }

  final <T extends CanonicalEntity> Page<RemoteRecord<T>> readAll(SimulatedOperations<T> ops, CallContext context,
      PageRequest request) {
    long after = request.token().map(token -> parsePageToken(ops.type, token)).orElse(0L);
    Store store = stores.get(ops.type);
    return invoke(Operation.BULK_READ, ops.type, null, false, context, (call, now) -> {
      NavigableMap<Long, Entry> tail = store.byOrdinal.tailMap(after, false);
      List<RemoteRecord<T>> items = new ArrayList<>(Math.min(request.size(), tail.size()));
      long last = after;
      for (Entry e : tail.values()) {
        if (items.size() == request.size()) {
          return new Page<>(items, pageToken(ops.type, last));
        }
        items.add(remote(e, ops.recordType));
        last = e.ordinal;
      }
      return Page.last(items);
    });
  }

  // ---- state changes, under the lock ----------------------------------------------------------

  private WriteResult upsertLocked(Store store, CanonicalEntity record, Instant now) {
    Entry e = store.byId.get(record.id());
    Optional<TargetMessage> refusal = refuseWrite(store.type, e == null ? null : e.record, record);
    if (refusal.isPresent()) {
      throw rejected(describe(Operation.UPSERT, store.type, record.id()), refusal.get());
    }
    if (e == null) {
      e = insert(store, record, now);
      return new WriteResult(e.externalId, true, e.version);
    }
    long version = log.append(store.type, e.externalId, record, now);
    e.record = record;
    e.version = version;
    e.modifiedAt = now;
    e.view = null;
    return new WriteResult(e.externalId, false, version);
  }

  private WriteResult createLocked(Store store, CanonicalEntity record, @Nullable String key, Instant now) {
    if (key != null) {
      expireKeys(now);
      KeyedCreate first = idempotencyKeys.get(key);
      if (first != null) {
        if (first.type == store.type && first.record.equals(record)) {
          return new WriteResult(first.result.externalId(), false, first.result.version());
        }
        throw rejected(describe(Operation.CREATE, store.type, record.id()), idempotencyMismatch(key));
      }
    }
    Entry existing = store.byId.get(record.id());
    if (existing != null) {
      throw rejected(describe(Operation.CREATE, store.type, record.id()), duplicateMessage(store.type, existing.externalId));
    }
    Optional<TargetMessage> refusal = refuseWrite(store.type, null, record);
    if (refusal.isPresent()) {
      throw rejected(describe(Operation.CREATE, store.type, record.id()), refusal.get());
    }
    Entry e = insert(store, record, now);
    WriteResult result = new WriteResult(e.externalId, true, e.version);
    if (key != null) {
      idempotencyKeys.put(key, new KeyedCreate(store.type, record, result, now));
    }
    return result;
  }

  private void expireKeys(Instant now) {
    Instant cutoff = now.minus(SimulatedBilling.IDEMPOTENCY_KEY_RETENTION);
    Iterator<KeyedCreate> it = idempotencyKeys.values().iterator();
    while (it.hasNext() && !it.next().at.isAfter(cutoff)) {
      it.remove();
    }
  }

  private Entry insert(Store store, CanonicalEntity record, Instant now) {
    String externalId = null;
    for (int attempt = 0; externalId == null; attempt++) {
      String candidate = newExternalId(store.type, random);
      if (!store.byExternalId.containsKey(candidate)) {
        externalId = candidate;
      } else if (attempt == 16) {
        throw new IllegalStateException(systemId + " made 16 colliding ids for " + store.type + " in a row");
      }
    }
    long version = log.append(store.type, externalId, record, now);
    Entry e = new Entry(externalId, record.id(), ++ordinals, record, version, now);
    store.byId.put(e.id, e);
    store.byExternalId.put(externalId, e);
    store.byOrdinal.put(e.ordinal, e);
    return e;
  }

  private ChangePage page(long call, ChangeCursor after, long polledFrom, int limit) {
    long last = log.lastSeq();
    // The beginning is before the first change still held, however many were dropped.
    long from = after.isBeginning() ? log.firstSeq() - 1 : polledFrom;
    if (from > last) {
      throw new IllegalArgumentException("cursor " + after + " is ahead of the change log of system " + systemId
          + " (last change " + last + "): it was made by another system or another instance");
    }
    if (from < log.firstSeq() - 1) {
      throw new PermanentFailureException(systemId, "change feed poll after " + after + ": changes up to "
          + (log.firstSeq() - 1) + " are no longer held (the log keeps the last " + log.retention()
          + " changes); read all records again and poll from the beginning");
    }
    List<Long> picked = new ArrayList<>(Math.min(limit, (int) Math.min(Integer.MAX_VALUE, last - from)));
    long seq = from + 1;
    for (; seq <= last && picked.size() < limit; seq++) {
      picked.add(seq);
      if (picked.size() < limit && plan.duplicated(seq)) {
        picked.add(seq);
        logFault(call, Operation.CHANGE_FEED, log.type(seq), Kind.DUPLICATE_DELIVERY,
            "change " + changeId(seq) + " delivered twice");
      }
    }
    long next = seq - 1;
    for (int i = 0; i + 1 < picked.size(); i++) {
      long a = picked.get(i);
      long b = picked.get(i + 1);
      if (a != b && plan.reordered(a)) {
        picked.set(i, b);
        picked.set(i + 1, a);
        logFault(call, Operation.CHANGE_FEED, log.type(a), Kind.REORDERED_CHANGES,
            "change " + changeId(a) + " delivered after change " + changeId(b));
        i++;
      }
    }
    List<Envelope> envelopes = new ArrayList<>(picked.size());
    for (long change : picked) {
      envelopes.add(envelope(change));
    }
    ChangeCursor cursor = next == from ? after : ChangeCursor.of(systemId + ":" + next);
    return new ChangePage(envelopes, cursor, next < last);
  }

  private Envelope envelope(long seq) {
    Envelope built = log.envelope(seq);
    if (built == null) {
      EntityType type = log.type(seq);
      String externalId = log.externalId(seq);
      Envelope.Builder b = Envelope.builder()
          .id(changeId(seq))
          .sourceSystem(systemId)
          .subject(externalId)
          .time(log.time(seq))
          .entityVersion(seq);
      CanonicalEntity record = log.record(seq);
      if (record == null) {
        b.type(ChangeTypes.deleted(type));
      } else {
        CanonicalEntity view = readView(record, externalId);
        Integer schemaVersion = view.meta().schemaVersion();
        b.type(ChangeTypes.changed(type))
            .data(JSON.readTree(JSON.writeBytes(view)))
            .dataSchema(SchemaRef.of(type, schemaVersion == null ? EntityMeta.CURRENT_SCHEMA_VERSION : schemaVersion));
      }
      built = b.build();
      log.envelope(seq, built);
    }
    return built;
  }

  private <T extends CanonicalEntity> RemoteRecord<T> remote(Entry e, Class<T> recordType) {
    CanonicalEntity view = e.view;
    if (view == null) {
      view = readView(e.record, e.externalId);
      e.view = view;
    }
    return new RemoteRecord<>(e.externalId, recordType.cast(view), e.version, e.modifiedAt);
  }

  /** Returns {@code record} with this system's reference {@code externalId}, and no other to this system. */
  private CanonicalEntity readView(CanonicalEntity record, String externalId) {
    EntityMeta meta = record.meta();
    List<ExternalRef> refs = meta.externalRefs();
    int mine = 0;
    boolean exact = false;
    for (ExternalRef ref : refs) {
      if (ref != null && systemId.equals(ref.system())) {
        mine++;
        exact |= externalId.equals(ref.id());
      }
    }
    if (mine == 1 && exact) {
      return record;
    }
    List<ExternalRef> kept = new ArrayList<>(refs.size() + 1);
    boolean added = false;
    for (ExternalRef ref : refs) {
      if (ref == null || !systemId.equals(ref.system())) {
        kept.add(ref);
      } else if (!added && externalId.equals(ref.id())) {
        kept.add(ref);
        added = true;
      }
    }
    if (!added) {
      kept.add(new ExternalRef(systemId, externalId, null));
    }
    return RecordShapes.withMeta(record, new EntityMeta(meta.id(), kept, meta.version(), meta.lastWriter(),
        meta.updatedAt(), meta.schemaVersion()));
  }

  // ---- the call: deadline, faults, latency ------------------------------------------------------

  /** The effect of a call, run under the lock at the instant the system applies it. */
  @FunctionalInterface
  private interface Action<R> {
    R run(long call, Instant now);
  }

  private <R> R invoke(Operation op, @Nullable EntityType type, @Nullable Object subject, boolean write,
      CallContext context, Action<R> action) {
    Instant start = clock.instant();
    Instant deadline = context.deadline();
    if (!start.isBefore(deadline)) {
      throw new TransientFailureException(systemId, describe(op, type, subject) + " was not sent: its deadline "
          + deadline + " had passed");
    }
    long call;
    Duration latency;
    boolean loseAnswer;
    synchronized (lock) {
      call = ++calls;
      if (op == Operation.UPSERT || op == Operation.CREATE) {
        noteKey(context);
      }
      if (plan.isNone() && scripts.isEmpty()) {
        return action.run(call, start);
      }
      ConnectorException refused = refuseBeforeSend(call, op, type, subject, start);
      if (refused != null) {
        throw refused;
      }
      latency = plan.latency(call);
      loseAnswer = write && plan.timeoutAfterCommit(call);
      if (!latency.isZero()) {
        logFault(call, op, type, Kind.LATENCY, latency.toMillis() + " ms");
      } else if (!loseAnswer) {
        return action.run(call, start);
      }
    }
    Duration toApply = latency.dividedBy(2);
    Instant appliedAt = start.plus(toApply);
    if (appliedAt.isAfter(deadline)) {
      sleeper.sleep(Duration.between(start, deadline));
      logFault(call, op, type, Kind.TIMEOUT_BEFORE_COMMIT, "deadline passed after " + Duration.between(start, deadline).toMillis()
          + " ms of " + latency.toMillis() + " ms latency, before the system applied the call");
      throw new TransientFailureException(systemId, describe(op, type, subject) + " timed out before the system applied it");
    }
    if (!toApply.isZero()) {
      sleeper.sleep(toApply);
    }
    R result;
    synchronized (lock) {
      result = action.run(call, clock.instant());
    }
    Duration toAnswer = latency.minus(toApply);
    if (appliedAt.plus(toAnswer).isAfter(deadline)) {
      sleeper.sleep(Duration.between(appliedAt, deadline));
      if (write) {
        logFault(call, op, type, Kind.TIMEOUT_AFTER_COMMIT, "deadline passed after the system applied the call, "
            + latency.toMillis() + " ms latency");
        throw new UnknownOutcomeException(systemId, describe(op, type, subject) + " timed out after it was sent; "
            + "it may have been applied: read back before retrying");
      }
      logFault(call, op, type, Kind.TIMEOUT_BEFORE_COMMIT, "deadline passed before the answer came, "
          + latency.toMillis() + " ms latency");
      throw new TransientFailureException(systemId, describe(op, type, subject) + " timed out waiting for the answer");
    }
    if (!toAnswer.isZero()) {
      sleeper.sleep(toAnswer);
    }
    if (loseAnswer) {
      logFault(call, op, type, Kind.TIMEOUT_AFTER_COMMIT, "answer lost after the system applied the call");
      throw new UnknownOutcomeException(systemId, describe(op, type, subject) + " timed out after it was sent; "
          + "it may have been applied: read back before retrying");
    }
    return result;
  }

  /** Keeps the idempotency key of a write request received, where the platform takes one; called under the lock. */
  private void noteKey(CallContext context) {
    if (keysReceived == null) {
      return;
    }
    String key = context.idempotencyKey().orElse(null);
    if (key != null) {
      if (keysReceived.size() == KEYS_RECEIVED_KEPT) {
        keysReceived.removeFirst();
      }
      keysReceived.addLast(key);
    }
  }

  /** Returns the idempotency keys of the write requests received, oldest first; empty where the platform takes none. */
  final List<String> keysReceived() {
    synchronized (lock) {
      return keysReceived == null ? List.of() : List.copyOf(keysReceived);
    }
  }

  /** Returns the answer that refuses call {@code call} before it is applied, or null to serve it. */
  private @Nullable ConnectorException refuseBeforeSend(long call, Operation op, @Nullable EntityType type,
      @Nullable Object subject, Instant now) {
    HttpAnswer scripted = null;
    for (Iterator<Script> it = scripts.iterator(); it.hasNext(); ) {
      Script s = it.next();
      if (s.operation == null || s.operation == op) {
        if (--s.remaining == 0) {
          it.remove();
        }
        scripted = s.answer;
        break;
      }
    }
    if (scripted == null) {
      scripted = plan.scheduledAnswer(call);
    }
    if (scripted != null) {
      logFault(call, op, type, Kind.SCRIPTED_ANSWER, scripted.toString());
      return scripted.classify(systemId, describe(op, type, subject), clock);
    }
    if (rateLimit != null) {
      long period = rateLimit.period().toMillis();
      long millis = now.toEpochMilli();
      long window = Math.floorDiv(millis, period);
      if (window != rateWindow) {
        rateWindow = window;
        rateUsed = 0;
      }
      if (rateUsed < rateLimit.permits()) {
        rateUsed++;
      } else {
        long waitMillis = (window + 1) * period - millis;
        String retryAfter = Long.toString(Math.max(1, (waitMillis + 999) / 1000));
        logFault(call, op, type, Kind.RATE_LIMITED, "429 Too Many Requests, Retry-After: " + retryAfter);
        return HttpFailures.classify(systemId, describe(op, type, subject), 429, retryAfter, List.of(), clock);
      }
    }
    if (plan.transientError(call)) {
      logFault(call, op, type, Kind.TRANSIENT_ERROR, "503 Service Unavailable");
      return HttpFailures.classify(systemId, describe(op, type, subject), 503, null, List.of(), clock);
    }
    return null;
  }

  private void logFault(long call, Operation op, @Nullable EntityType type, Kind kind, String detail) {
    synchronized (lock) {
      faultsInjected++;
      if (faultLogCapacity == 0) {
        return;
      }
      if (faults.size() == faultLogCapacity) {
        faults.removeFirst();
      }
      faults.addLast(new InjectedFault(call, op, type, kind, detail));
    }
  }

  private ConnectorException rejected(String what, TargetMessage message) {
    return HttpFailures.classify(systemId, what, 400, null, List.of(message), clock);
  }

  private static String describe(Operation op, @Nullable EntityType type, @Nullable Object subject) {
    String verb;
    switch (op) {
      case READ:
        verb = "read";
        break;
      case UPSERT:
        verb = "upsert";
        break;
      case CREATE:
        verb = "create";
        break;
      case DELETE:
        verb = "delete";
        break;
      case BULK_READ:
        verb = "bulk read";
        break;
      default:
        verb = "change feed poll";
        break;
    }
    StringBuilder s = new StringBuilder(verb);
    if (type != null) {
      s.append(" of ").append(type.schemaName());
    }
    if (subject != null) {
      String text = subject.toString();
      // An id comes from the caller and may be anything; a message quotes at most 100 characters of it.
      s.append(' ').append(text.length() > 100 ? text.substring(0, 100) + "..." : text);
    }
    return s.toString();
  }

  // ---- input checks ------------------------------------------------------------------------------

  private static CanonicalId checkRecord(EntityType type, @Nullable CanonicalEntity record, String where) {
    if (record == null) {
      throw new IllegalArgumentException(where + " is null");
    }
    if (record.entityType() != type) {
      throw new IllegalArgumentException(where + " is a " + record.entityType() + " record; these operations take "
          + type + " records");
    }
    EntityMeta meta = record.meta();
    if (meta == null || meta.id() == null) {
      throw new IllegalArgumentException(where + " has no meta.id: a record written to a system carries its canonical id");
    }
    CanonicalId id = meta.id();
    if (id.type() != type) {
      throw new IllegalArgumentException(where + " has meta.id " + id + ", a " + id.type() + " id; a " + type
          + " record needs a " + type.prefix() + "_ id");
    }
    return id;
  }

  private long parseCursor(ChangeCursor cursor) {
    if (cursor.isBeginning()) {
      return 0;
    }
    String value = cursor.value();
    int colon = systemId.length();
    if (value.length() > colon + 1 && value.length() <= colon + 19 && value.startsWith(systemId)
        && value.charAt(colon) == ':' && digits(value, colon + 1)) {
      return Long.parseLong(value.substring(colon + 1));
    }
    throw new IllegalArgumentException("cursor " + cursor + " was not made by system " + systemId
        + ": its cursors read '" + systemId + ":<change number>'");
  }

  private static String pageToken(EntityType type, long ordinal) {
    return type.prefix() + "." + ordinal;
  }

  private long parsePageToken(EntityType type, String token) {
    int dot = type.prefix().length();
    if (token.length() > dot + 1 && token.length() <= dot + 19 && token.startsWith(type.prefix())
        && token.charAt(dot) == '.' && digits(token, dot + 1)) {
      return Long.parseLong(token.substring(dot + 1));
    }
    throw new IllegalArgumentException("page token '" + token + "' was not made by system " + systemId + " for "
        + type.schemaName() + " records");
  }

  private static boolean digits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  // ---- state -----------------------------------------------------------------------------------------

  /** The records of one entity type, by canonical id, external id and order of creation. */
  private static final class Store {
    final EntityType type;
    final HashMap<CanonicalId, Entry> byId = new HashMap<>();
    final HashMap<String, Entry> byExternalId = new HashMap<>();
    final TreeMap<Long, Entry> byOrdinal = new TreeMap<>();

    Store(EntityType type) {
      this.type = type;
    }
  }

  /** One record as the system holds it: the record as written, and its read-back form once asked for. */
  private static final class Entry {
    final String externalId;
    final CanonicalId id;
    final long ordinal;
    CanonicalEntity record;
    long version;
    Instant modifiedAt;
    @Nullable CanonicalEntity view;

    Entry(String externalId, CanonicalId id, long ordinal, CanonicalEntity record, long version, Instant modifiedAt) {
      this.externalId = externalId;
      this.id = id;
      this.ordinal = ordinal;
      this.record = record;
      this.version = version;
      this.modifiedAt = modifiedAt;
    }
  }

  /** Scripted answers for the next calls, of one operation or of any. */
  private static final class Script {
    final @Nullable Operation operation;
    int remaining;
    final HttpAnswer answer;

    Script(@Nullable Operation operation, int remaining, HttpAnswer answer) {
      this.operation = operation;
      this.remaining = remaining;
      this.answer = answer;
    }
  }

  /** The first create made under an idempotency key, and what it returned. */
  private record KeyedCreate(EntityType type, CanonicalEntity record, WriteResult result, Instant at) {}

  /**
   * Builds a simulated system. Each setter checks its argument at once and may be called once; a
   * second call is an {@link IllegalStateException}. Only the clock is required. Not thread-safe.
   *
   * @param <S> the simulated system built
   */
  public static final class Builder<S extends SimulatedSystem> {
    private final Function<Builder<S>, S> factory;
    private String systemId;
    private boolean systemIdSet;
    private @Nullable Clock clock;
    private @Nullable FaultPlan plan;
    private @Nullable Long seed;
    private @Nullable Sleeper sleeper;
    private @Nullable Integer changeRetention;
    private @Nullable Integer faultLogCapacity;

    Builder(String defaultSystemId, Function<Builder<S>, S> factory) {
      this.systemId = defaultSystemId;
      this.factory = factory;
    }

    /**
     * Sets the system id, in place of the default ({@code crm}, {@code psa}, {@code erp} or {@code
     * billing}).
     *
     * @throws IllegalArgumentException if {@code systemId} is not a {@linkplain SystemIds system id}
     */
    public Builder<S> systemId(String systemId) {
      Objects.requireNonNull(systemId, "systemId");
      if (systemIdSet) {
        throw new IllegalStateException("systemId is already set to " + this.systemId);
      }
      if (!SystemIds.isValid(systemId)) {
        throw new IllegalArgumentException("'" + systemId + "' is not a system id: expected " + SystemIds.PATTERN);
      }
      this.systemId = systemId;
      this.systemIdSet = true;
      return this;
    }

    /** Sets the clock the system reads time from: modification times, rate windows, idempotency key ages. Required. */
    public Builder<S> clock(Clock clock) {
      this.clock = once("clock", this.clock, Objects.requireNonNull(clock, "clock"));
      return this;
    }

    /** Sets the faults to inject; by default {@link FaultPlan#none()}. */
    public Builder<S> faultPlan(FaultPlan plan) {
      this.plan = once("faultPlan", this.plan, Objects.requireNonNull(plan, "plan"));
      return this;
    }

    /** Sets the seed the system's own ids are drawn from; by default 0. Faults are drawn from the plan's seed. */
    public Builder<S> seed(long seed) {
      this.seed = once("seed", this.seed, seed);
      return this;
    }

    /** Sets how latency is spent; by default {@link Sleeper#none()}, which counts it against deadlines only. */
    public Builder<S> sleeper(Sleeper sleeper) {
      this.sleeper = once("sleeper", this.sleeper, Objects.requireNonNull(sleeper, "sleeper"));
      return this;
    }

    /**
     * Sets how many changes the log keeps before it drops the oldest; by default {@value
     * SimulatedSystem#DEFAULT_CHANGE_RETENTION}.
     *
     * @throws IllegalArgumentException if not from 1 to {@value SimulatedSystem#MAX_CHANGE_RETENTION}
     */
    public Builder<S> changeRetention(int changes) {
      if (changes < 1 || changes > MAX_CHANGE_RETENTION) {
        throw new IllegalArgumentException("changeRetention must be from 1 to " + MAX_CHANGE_RETENTION + "; was " + changes);
      }
      this.changeRetention = once("changeRetention", this.changeRetention, changes);
      return this;
    }

    /**
     * Sets how many injected faults the log keeps before it drops the oldest; by default {@value
     * SimulatedSystem#DEFAULT_FAULT_LOG_CAPACITY}, and 0 keeps none.
     *
     * @throws IllegalArgumentException if negative or above {@value SimulatedSystem#MAX_CHANGE_RETENTION}
     */
    public Builder<S> faultLogCapacity(int faults) {
      if (faults < 0 || faults > MAX_CHANGE_RETENTION) {
        throw new IllegalArgumentException("faultLogCapacity must be from 0 to " + MAX_CHANGE_RETENTION + "; was " + faults);
      }
      this.faultLogCapacity = once("faultLogCapacity", this.faultLogCapacity, faults);
      return this;
    }

    /**
     * Returns a new, empty system.
     *
     * @throws IllegalStateException if no clock was set
     */
    public S build() {
      if (clock == null) {
        throw new IllegalStateException("a simulated system needs a clock: call clock(Clock), such as a fixed or test clock");
      }
      return factory.apply(this);
    }

    private static <T> T once(String name, @Nullable T current, T value) {
      if (current != null) {
        throw new IllegalStateException(name + " is already set to " + current);
      }
      return value;
    }
  }
}
