package dev.steward.benchmarks;

import dev.steward.model.Address;
import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.CustomerStatus;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.ExternalRef;
import dev.steward.model.IdGenerator;
import dev.steward.model.TaxId;
import dev.steward.spi.CallContext;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.WriteResult;
import dev.steward.testkit.simulated.FaultPlan;
import dev.steward.testkit.simulated.SimulatedBilling;
import dev.steward.testkit.simulated.SimulatedCrm;
import dev.steward.testkit.simulated.SimulatedErp;
import dev.steward.testkit.simulated.SimulatedSystem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Upsert throughput of the testkit's simulated systems with no faults, so that flows measured
 * against them later are not limited by the testkit.
 *
 * <ul>
 *   <li>{@code upsert} upserts customers into a simulated {@code crm} (Salesforce-style), {@code
 *       erp} (NetSuite-style) or {@code billing} (Stripe-style) system, with {@link
 *       FaultPlan#none()} and a fixed clock. The records are {@value #RECORDS} customers built
 *       beforehand (legal entity, tax id, billing address, a reference to another system, an
 *       extension), each upserted once in {@link #setUp()}, so every measured call updates a record
 *       and appends a change to the feed; the thread cycles through them. Envelopes are not built:
 *       nobody polls the feed.
 *   <li>{@code baseline_concurrentHashMapPut} is the floor: a bare {@link ConcurrentHashMap#put} of
 *       the same records under their canonical ids, no version, no change log, no lock.
 * </ul>
 *
 * <p>Throughput, one thread: {@code java -jar benchmarks/target/benchmarks.jar
 * SimulatedSystemBenchmark -prof gc -t 1}. There is no peer: an HTTP mock server (WireMock) answers
 * in tens of microseconds per request and keeps no records, so it is not what a flow test would be
 * limited by.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SimulatedSystemBenchmark {
  /** Customers cycled through; a power of two. */
  static final int RECORDS = 4096;

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  /** Which simulated system is measured. */
  @Param({"crm", "erp", "billing"})
  public String system;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final CallContext context = CallContext.builder(NOW.plusSeconds(3_600)).build();
  private Customer[] customers;
  private SimulatedSystem simulated;
  private EntityOperations<Customer> operations;
  private ConcurrentHashMap<CanonicalId, Customer> map;

  /** Each thread's place in the ring of records. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int take() {
      return next++ & (RECORDS - 1);
    }
  }

  /** Builds the system and the records, writes each record once, and checks the scenario. */
  @Setup
  public void setUp() {
    IdGenerator ids = IdGenerator.create(clock, new Random(1));
    CanonicalId legalEntity = ids.next(EntityType.LEGAL_ENTITY);
    customers = new Customer[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      CanonicalId id = ids.next(EntityType.CUSTOMER);
      EntityMeta meta = new EntityMeta(id, List.of(new ExternalRef("psa", "a1v8d000000" + i, null)), 4L, "crm", NOW, 1);
      customers[i] = new Customer(meta, "Customer " + i + " GmbH", "Customer " + i, null, "enterprise",
          CustomerStatus.ACTIVE, legalEntity, List.of(new TaxId("DE", "DE8" + (10_000_000 + i))),
          new Address(List.of("Hauptstrasse " + (i % 200 + 1)), "Berlin", null, "10115", "DE"), null,
          Map.of("acme:segmentCode", JsonNodeFactory.instance.textNode("S" + i % 7)));
    }
    simulated = switch (system) {
      case "crm" -> SimulatedCrm.builder().clock(clock).faultPlan(FaultPlan.none()).build();
      case "erp" -> SimulatedErp.builder().clock(clock).faultPlan(FaultPlan.none()).build();
      case "billing" -> SimulatedBilling.builder().clock(clock).faultPlan(FaultPlan.none()).build();
      default -> throw new IllegalArgumentException("no simulated system '" + system + "'");
    };
    operations = simulated.operations(Customer.class);
    map = new ConcurrentHashMap<>();

    long lastVersion = 0;
    for (Customer c : customers) {
      WriteResult first = operations.upsert(context, c);
      check(first.created() && first.version() > lastVersion, "creates each record once, with a higher version");
      lastVersion = first.version();
      map.put(c.id(), c);
    }
    WriteResult again = operations.upsert(context, customers[0]);
    check(!again.created() && again.version() > lastVersion, "updates on a second upsert: " + again);
    RemoteRecord<Customer> read = operations.find(context, customers[0].id()).orElseThrow();
    check(read.version() == again.version() && read.record().legalName().equals(customers[0].legalName())
        && read.record().meta().externalRefs().size() == 2, "reads back what it wrote: " + read);
    check(simulated.recordCount(EntityType.CUSTOMER) == RECORDS, "holds one record per canonical id");
    check(simulated.faultLog().isEmpty(), "injects no fault");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("the benchmark scenario no longer holds: the system " + what);
    }
  }

  /** Upserts the next customer: an update, and a change appended to the feed. */
  @Benchmark
  public WriteResult upsert(Cursor cursor) {
    return operations.upsert(context, customers[cursor.take()]);
  }

  /** Puts the next customer into a bare concurrent map: the floor. */
  @Benchmark
  public Customer baseline_concurrentHashMapPut(Cursor cursor) {
    Customer c = customers[cursor.take()];
    return map.put(c.id(), c);
  }
}
