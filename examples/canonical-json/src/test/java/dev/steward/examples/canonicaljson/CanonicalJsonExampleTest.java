package dev.steward.examples.canonicaljson;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CanonicalJsonExampleTest {
  @Test
  void bundledDocuments_validOneIsAccepted_brokenOneListsEveryProblemWithItsPath() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int refused;
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      CanonicalJsonExample example =
          new CanonicalJsonExample(
              factory.getValidator(), Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC), out);
      refused = example.run(new String[0]);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(refused).isEqualTo(1);
    assertThat(output)
        .contains("VALID cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA, version 7, fingerprint sha-256:")
        .contains("source /systems/erp, dataschema https://schemas.steward.dev/v1/customer.schema.json, entityversion 7")
        .contains("INVALID")
        .contains("/legalName  schema:")
        .contains("/legalName  bean:")
        .contains("/billingAddress/country  bean:")
        .contains("/taxIds/0/number  schema:");
  }
}
