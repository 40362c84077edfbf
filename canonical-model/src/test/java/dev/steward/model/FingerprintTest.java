package dev.steward.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {
  private static final String ABC = "sha-256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String EMPTY = "sha-256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void sha256_matchesTheFips180Vectors() {
    assertThat(Fingerprint.sha256("abc".getBytes(UTF_8))).hasToString(ABC);
    assertThat(Fingerprint.sha256(new byte[0])).hasToString(EMPTY);
  }

  @Test
  void parse_toString_roundTrips() {
    Fingerprint fingerprint = Fingerprint.parse(ABC);

    assertThat(fingerprint).hasToString(ABC);
    assertThat(fingerprint).isEqualTo(Fingerprint.sha256("abc".getBytes(UTF_8)));
    assertThat(fingerprint.hex()).isEqualTo(ABC.substring("sha-256:".length()));
    assertThat(fingerprint.bytes()).hasSize(32).startsWith((byte) 0xba, (byte) 0x78);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sha-256:",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "SHA-256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "sha-256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "sha-256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
        "sha-256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015add",
        "sha-256:ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "sha-256: a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "sha-256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
      })
  void parse_otherText_isInvalidValue(String text) {
    Throwable t = catchThrowable(() -> Fingerprint.parse(text));

    assertThat(t).isInstanceOf(ModelException.class);
    assertThat(((ModelException) t).reason()).isEqualTo(ModelException.Reason.INVALID_VALUE);
    assertThat(t.getMessage()).contains("sha-256:");
  }

  @Test
  void parse_veryLongText_isTruncatedInTheMessage() {
    String text = "sha-256:" + "a".repeat(100_000);

    Throwable t = catchThrowable(() -> Fingerprint.parse(text));

    assertThat(t).isInstanceOf(ModelException.class);
    assertThat(t.getMessage()).hasSizeLessThan(200);
  }

  @Test
  void equalsAndHashCode_followTheDigest() {
    Fingerprint a = Fingerprint.sha256("abc".getBytes(UTF_8));
    Fingerprint b = Fingerprint.parse(ABC);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Fingerprint.parse(EMPTY));
    assertThat(a).isNotEqualTo(ABC);
    assertThat(a).isNotEqualTo(null);
  }

  @Test
  void bytes_isACopy() {
    Fingerprint fingerprint = Fingerprint.parse(ABC);

    fingerprint.bytes()[0] = 0;

    assertThat(fingerprint).hasToString(ABC);
    assertThat(fingerprint.bytes()[0]).isEqualTo((byte) 0xba);
  }

  @Test
  void sha256_concurrentCallers_eachGetTheDigestOfTheirOwnInput() throws Exception {
    // MessageDigest is stateful and not thread-safe; caching one instance to save getInstance
    // would mix the inputs of concurrent callers. The oracle is a fresh MessageDigest per input.
    int threads = 4;
    int perThread = 2_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> wrong = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    byte[] input = ("thread " + thread + " input " + i + " ").repeat(1 + i % 40).getBytes(UTF_8);
                    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
                    String actual = Fingerprint.sha256(input).hex();
                    if (!actual.equals(expected)) {
                      wrong.add("thread " + thread + " input " + i + ": " + actual + " != " + expected);
                    }
                  }
                  return wrong;
                }));
      }
      List<String> wrong = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        wrong.addAll(f.get());
      }
      assertThat(wrong).as("digests computed concurrently").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
