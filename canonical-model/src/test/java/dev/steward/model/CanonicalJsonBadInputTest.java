package dev.steward.model;

import static dev.steward.model.ModelTestSupport.jsonFailure;
import static dev.steward.model.ModelTestSupport.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that is not canonical JSON of a record — malformed, trailing content, duplicate or unknown
 * properties, wrong types — is refused with a {@link CanonicalJsonException} whose reason, pointer
 * and location say what and where.
 */
class CanonicalJsonBadInputTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final String CUSTOMER = new String(resource("samples/v1/customer.json"), UTF_8);

  @Test
  void read_theSampleCustomer_succeeds() {
    assertThat(JSON.read(CUSTOMER, Customer.class).legalName()).isEqualTo("Nordlicht Logistik GmbH");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": 1,,}", "{\"a\" 1}", "[1, 2", "{\"a\": tru}", "\"unterminated", "{'a': 1}", "[01]", "[NaN]", "[1,]"})
  void readTree_malformedJson_isRefusedWithLineAndColumn(String doc) {
    CanonicalJsonException e = jsonFailure(() -> JSON.readTree(doc));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.MALFORMED_JSON);
    assertThat(e.code()).isEqualTo("STEWARD-JSON-MALFORMED_JSON");
    assertThat(e.line()).isPositive();
    assertThat(e.column()).isPositive();
    assertThat(e.getMessage()).contains("malformed JSON").contains("line " + e.line() + ", column " + e.column());
  }

  @Test
  void readTree_malformedOnTheSecondLine_reportsThatLineAndColumn() {
    CanonicalJsonException e = jsonFailure(() -> JSON.readTree("{\n  \"a\": tru\n}"));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.MALFORMED_JSON);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(8);
  }

  @Test
  void read_malformedCustomer_isRefusedWithLineAndColumn() {
    String broken = CUSTOMER.replace("\"displayName\": \"Nordlicht\",", "\"displayName\": \"Nordlicht\" \"x\",");
    assertThat(broken).isNotEqualTo(CUSTOMER);

    CanonicalJsonException e = jsonFailure(() -> JSON.read(broken, Customer.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.MALFORMED_JSON);
    assertThat(e.line()).isEqualTo(15);
    assertThat(e.column()).isPositive();
  }

  @Test
  void readTree_trailingGarbage_isMalformed() {
    CanonicalJsonException e = jsonFailure(() -> JSON.readTree("{} x"));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.MALFORMED_JSON);
    assertThat(e.column()).isEqualTo(4);
  }

  @Test
  void readTree_aSecondDocument_isRefused() {
    CanonicalJsonException e = jsonFailure(() -> JSON.readTree("{} {}"));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.getMessage()).contains("Trailing token");
  }

  @Test
  void read_customerFollowedByGarbage_isRefused() {
    assertThat(jsonFailure(() -> JSON.read(CUSTOMER + "x", Customer.class)).reason())
        .isEqualTo(CanonicalJsonException.Reason.MALFORMED_JSON);
    assertThat(jsonFailure(() -> JSON.read(CUSTOMER + "}", Customer.class)).reason())
        .isEqualTo(CanonicalJsonException.Reason.MALFORMED_JSON);
    assertThat(jsonFailure(() -> JSON.read((CUSTOMER + " {}").getBytes(UTF_8), Customer.class)).reason())
        .isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(jsonFailure(() -> JSON.read(stream(CUSTOMER + " []"), Customer.class)).reason())
        .isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
  }

  @Test
  void readTree_duplicateProperty_isRefused() {
    CanonicalJsonException e = jsonFailure(() -> JSON.readTree("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}"));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.MALFORMED_JSON);
    assertThat(e.getMessage()).contains("Duplicate").contains("\"c\"");
  }

  @Test
  void read_customerWithDuplicateProperty_isRefused() {
    String duplicated = CUSTOMER.replace("\"segment\"", "\"legalName\": \"Someone Else GmbH\", \"segment\"");
    assertThat(duplicated).isNotEqualTo(CUSTOMER);

    CanonicalJsonException e = jsonFailure(() -> JSON.read(duplicated, Customer.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.MALFORMED_JSON);
    assertThat(e.getMessage()).contains("Duplicate").contains("legalName");
    assertThat(e.line()).isPositive();
  }

  @Test
  void read_customerWithUnknownProperty_isRefusedNamingIt() {
    String unknown = CUSTOMER.replace("\"segment\"", "\"nickname\": \"Nordi\", \"segment\"");
    assertThat(unknown).isNotEqualTo(CUSTOMER);

    CanonicalJsonException e = jsonFailure(() -> JSON.read(unknown, Customer.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.code()).isEqualTo("STEWARD-JSON-BINDING_FAILED");
    assertThat(e.pointer()).isEqualTo("/nickname");
    assertThat(e.getMessage()).contains("'nickname'").contains("Customer").contains("extensions");
  }

  @Test
  void read_customerWithUnknownNestedProperty_pointsIntoTheNestedObject() {
    String unknown = CUSTOMER.replace("\"city\"", "\"district\": \"HafenCity\", \"city\"");
    assertThat(unknown).isNotEqualTo(CUSTOMER);

    CanonicalJsonException e = jsonFailure(() -> JSON.read(unknown, Customer.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.pointer()).isEqualTo("/billingAddress/district");
  }

  @Test
  void read_customerWithStringForMetaVersion_isRefusedAtThatPointer() {
    String wrongType = CUSTOMER.replace("\"version\": 7", "\"version\": \"seven\"");
    assertThat(wrongType).isNotEqualTo(CUSTOMER);

    CanonicalJsonException e = jsonFailure(() -> JSON.read(wrongType, Customer.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.pointer()).isEqualTo("/meta/version");
    assertThat(e.getMessage()).startsWith("/meta/version").contains("seven");
    assertThat(e.line()).isEqualTo(9);
  }

  @Test
  void read_customerWithWrongTypeInAnArray_pointsAtTheElement() {
    String wrongType = CUSTOMER.replace("[ \"Am Sandtorkai 50\" ]", "[ \"Am Sandtorkai 50\", {} ]");
    assertThat(wrongType).isNotEqualTo(CUSTOMER);

    CanonicalJsonException e = jsonFailure(() -> JSON.read(wrongType, Customer.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.pointer()).isEqualTo("/billingAddress/lines/1");
  }

  @Test
  void read_customerWithInvalidId_isRefusedWithTheIdentifierMessage() {
    String badId = CUSTOMER.replace("\"le_01JDQ5AAAAAAAAAAAAAAAAAAAA\"", "\"le_nope\"");
    assertThat(badId).isNotEqualTo(CUSTOMER);

    CanonicalJsonException e = jsonFailure(() -> JSON.read(badId, Customer.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.pointer()).isEqualTo("/contractingEntityId");
    assertThat(e.getMessage()).contains("'le_nope' is not a canonical id");
  }

  @Test
  void read_failingStream_isReadFailed() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    CanonicalJsonException e = jsonFailure(() -> JSON.read(failing, Customer.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.READ_FAILED);
    assertThat(e.getMessage()).contains("connection reset");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }
}
