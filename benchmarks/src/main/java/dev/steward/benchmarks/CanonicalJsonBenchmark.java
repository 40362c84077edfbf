package dev.steward.benchmarks;

import dev.steward.model.CanonicalJson;
import dev.steward.model.Fingerprint;
import dev.steward.model.Invoice;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Canonical JSON on a realistic invoice (five lines, about 2 KB in compact canonical form).
 *
 * <ul>
 *   <li>{@code bindInvoice} reads the bytes into the {@link Invoice} record, with the strict,
 *       bounded reader; {@code baseline_readTree} reads the same bytes into a {@link JsonNode}
 *       with the same reader, the floor for any binding.
 *   <li>{@code fingerprintInvoice} computes RFC 8785 canonical bytes and their SHA-256 from the
 *       record; {@code fingerprintTree} does so from an already-read tree; {@code baseline_sha256}
 *       hashes the raw bytes alone, the floor any fingerprint pays.
 *   <li>Peers, what a user would write instead: {@code peer_plainJacksonBind} binds with a
 *       default Jackson 3 mapper (no read limits, no strictness); {@code peer_sha256OfJacksonBytes}
 *       hashes Jackson's ordinary serialization, which is not canonical (property order and
 *       number forms vary with the writer) and so cannot be compared across systems.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CanonicalJsonBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CanonicalJsonBenchmark {
  private final CanonicalJson json = CanonicalJson.ofDefaults();
  private final JsonMapper plain = JsonMapper.builder().build();
  private byte[] invoiceBytes;
  private Invoice invoice;
  private JsonNode invoiceTree;

  /** Loads the invoice and writes it in compact canonical form. */
  @Setup
  public void setUp() throws IOException {
    try (InputStream in = CanonicalJsonBenchmark.class.getResourceAsStream("/invoice.json")) {
      if (in == null) {
        throw new IllegalStateException("benchmark resource /invoice.json is missing");
      }
      invoice = json.read(in.readAllBytes(), Invoice.class);
    }
    invoiceBytes = json.writeBytes(invoice);
    invoiceTree = json.readTree(invoiceBytes);
  }

  /** Binds the invoice bytes to the record. */
  @Benchmark
  public Invoice bindInvoice() {
    return json.read(invoiceBytes, Invoice.class);
  }

  /** Reads the same bytes into a tree: the floor of binding. */
  @Benchmark
  public JsonNode baseline_readTree() {
    return json.readTree(invoiceBytes);
  }

  /** RFC 8785 + SHA-256 of the invoice record. */
  @Benchmark
  public Fingerprint fingerprintInvoice() {
    return json.fingerprint(invoice);
  }

  /** RFC 8785 + SHA-256 of the invoice as an already-read tree. */
  @Benchmark
  public Fingerprint fingerprintTree() {
    return json.fingerprint(invoiceTree);
  }

  /** SHA-256 of the raw bytes: the floor of any fingerprint. */
  @Benchmark
  public byte[] baseline_sha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(invoiceBytes);
  }

  /** Binds with a default Jackson mapper: what a user would write without Steward. */
  @Benchmark
  public Invoice peer_plainJacksonBind() {
    return plain.readValue(invoiceBytes, Invoice.class);
  }

  /** SHA-256 of Jackson's ordinary, non-canonical serialization. */
  @Benchmark
  public byte[] peer_sha256OfJacksonBytes() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(plain.writeValueAsBytes(invoice));
  }

  /** Returns the size of the compact canonical invoice, for the results table. */
  public int invoiceSize() {
    return invoiceBytes.length;
  }
}
