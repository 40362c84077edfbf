package dev.steward.core.reference;

import dev.steward.model.CanonicalId;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The ids and files of the example reference data in {@code src/test/resources/reference}. */
final class AcmeReference {
  static final CanonicalId ACME_GMBH = CanonicalId.parse("le_01J0ACME000000000000000001");
  static final CanonicalId ACME_LTD = CanonicalId.parse("le_01J0ACME000000000000000002");
  static final CanonicalId ACME_INC = CanonicalId.parse("le_01J0ACME000000000000000003");
  static final CanonicalId ACME_KK = CanonicalId.parse("le_01J0ACME000000000000000004");
  static final CanonicalId ACME_WLL = CanonicalId.parse("le_01J0ACME000000000000000005");
  static final CanonicalId CONSULT_SR = CanonicalId.parse("svc_01J0ACMESVC000000000000001");
  static final CanonicalId CLOUD_OPS = CanonicalId.parse("svc_01J0ACMESVC000000000000003");
  static final CanonicalId RATES_2027 = CanonicalId.parse("rc_01J0ACMERC0000000000000001");
  static final CanonicalId UNKNOWN_LE = CanonicalId.parse("le_01J0ACME000000000000000099");

  private AcmeReference() {}

  static Path file(String name) {
    try {
      return Path.of(AcmeReference.class.getResource("/reference/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static InMemoryReferenceData yaml() {
    return InMemoryReferenceData.load(file("acme-reference.yaml"));
  }
}
