package dev.steward.model;

import static dev.steward.model.ModelTestSupport.resource;
import static dev.steward.model.ModelTestSupport.reversed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The binding fast paths (record assembly in declaration order, digit-by-digit dates and
 * instants, one-pass id decoding) give exactly what the general paths give, and refuse what they
 * refuse.
 */
class FastPathEquivalenceTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final long SEED = Long.getLong("steward.seed", System.nanoTime());

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void sample_withEveryObjectsPropertiesReversed_bindsToTheSameRecord(EntityType type) {
    JsonNode sample = JSON.readTree(resource("samples/v1/" + type.schemaName() + ".json"));

    CanonicalEntity inOrder = JSON.fromTree(sample, type.recordType());
    CanonicalEntity reversed = JSON.read(JSON.mapper().writeValueAsBytes(reversed(sample)), type.recordType());

    assertThat(reversed).isEqualTo(inOrder);
  }

  @Test
  void instantsWithEveryFractionLength_readAsJavaTimeReadsThem() {
    Random random = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
      int digits = random.nextInt(10);
      String text = truncated(instant, digits);
      assertThat(JSON.read("\"" + text + "\"", Instant.class)).as("%s (seed %d)", text, SEED).isEqualTo(Instant.parse(text));
      String offset = OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.ofHours(2)).toString();
      assertThat(JSON.read("\"" + offset + "\"", Instant.class)).as("%s (seed %d)", offset, SEED).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void datesAcrossCenturies_readAsJavaTimeReadsThem() {
    for (LocalDate d = LocalDate.of(1899, 12, 25); d.isBefore(LocalDate.of(2101, 1, 10)); d = d.plusDays(3)) {
      assertThat(JSON.read("\"" + d + "\"", LocalDate.class)).isEqualTo(d);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-02", " 2026-11-02", "2026/11/02", "20261102", "２０２６-11-02",
        "2026-11-02T24:00:00Z", "2026-11-02T09:60:00Z", "2026-11-02T09:15:00",
        "2026-11-02T09:15:00.1234567890Z", "2026-11-02 09:15:00Z", "2026-11-02T09:15:00+25:00"
      })
  void malformedDatesAndInstants_areRefusedNamingTheValue(String text) {
    Class<?> type = text.length() > 10 && text.contains(":") ? Instant.class : LocalDate.class;

    CanonicalJsonException e =
        catchThrowableOfType(CanonicalJsonException.class, () -> JSON.read("{\"t\":\"" + text + "\"}", holder(type)));

    assertThat(e).as("refusal of %s", text).isNotNull();
    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.pointer()).isEqualTo("/t");
    assertThat(e.getMessage()).contains(text.trim().isEmpty() ? text : text.strip());
  }

  @Test
  void ids_decodeExactlyAsTheUlidLibraryDoes() {
    Random random = new Random(SEED);
    for (int i = 0; i < 50_000; i++) {
      Ulid ulid = new Ulid(random.nextLong(), random.nextLong());
      EntityType type = EntityType.values()[random.nextInt(EntityType.values().length)];
      String text = type.prefix() + "_" + ulid;

      CanonicalId id = CanonicalId.parse(text);

      assertThat(id.toString()).as("seed %d", SEED).isEqualTo(text);
      assertThat(id.createdAt()).isEqualTo(Ulid.from(ulid.toString()).getInstant());
      assertThat(id.type()).isEqualTo(type);
    }
  }

  /** Holders for the malformed-value test, so that the pointer names a property. */
  record DateHolder(LocalDate t) {}

  record InstantHolder(Instant t) {}

  private static Class<?> holder(Class<?> type) {
    return type == Instant.class ? InstantHolder.class : DateHolder.class;
  }

  private static String truncated(Instant instant, int fractionDigits) {
    String base = instant.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0) + "";
    if (base.length() == 16) {
      base += ":00"; // LocalDateTime omits zero seconds
    }
    if (fractionDigits == 0) {
      return base + "Z";
    }
    String nanos = String.format("%09d", instant.getNano()).substring(0, fractionDigits);
    return base + "." + nanos + "Z";
  }
}
