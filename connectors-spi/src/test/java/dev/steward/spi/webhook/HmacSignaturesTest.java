package dev.steward.spi.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSignaturesTest {
  private static final String SECRET = "whsec_4eC39HqLyjWDarjtT1zdp7dc";
  private static final byte[] BODY = "{\n  \"id\": \"evt_1NG8Du2eZvKYlo2CUI79vXWy\",\n  \"object\": \"event\"\n}"
      .getBytes(StandardCharsets.UTF_8);
  private static final long T = 1_686_089_970L;
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final Clock atT = Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC);
  private final SignatureVerifier stripe = HmacSignatures.stripe(Secret.of("stripe.webhook", SECRET), TOLERANCE, atT);

  /** Computed here with the JDK's Mac, independently of the code under test. */
  private static byte[] hmac(String key, byte[]... parts) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }

  private static String stripeV1(String key, long t, byte[] body) throws Exception {
    return HexFormat.of().formatHex(hmac(key, (t + ".").getBytes(StandardCharsets.UTF_8), body));
  }

  private static WebhookRequest request(String header, String value, byte[] body) {
    return WebhookRequest.of(Map.of(header, value), body);
  }

  private SignatureCheck stripeCheck(String header) {
    return stripe.verify(request("Stripe-Signature", header, BODY));
  }

  private static void assertRejected(SignatureCheck check, SignatureFailure failure) {
    assertThat(check).isInstanceOfSatisfying(SignatureCheck.Rejected.class, r -> assertThat(r.failure()).isEqualTo(failure));
  }

  @Test
  void stripe_signatureOverTimestampAndBody_isVerifiedWithItsTime() throws Exception {
    SignatureCheck check = stripeCheck("t=" + T + ",v1=" + stripeV1(SECRET, T, BODY));

    assertThat(check).isEqualTo(new SignatureCheck.Verified(Instant.ofEpochSecond(T)));
  }

  @Test
  void stripe_headerNameInAnyCase_isFound() throws Exception {
    SignatureCheck check = stripe.verify(request("stripe-signature", "t=" + T + ",v1=" + stripeV1(SECRET, T, BODY), BODY));

    assertThat(check.verified()).isTrue();
  }

  @Test
  void stripe_severalV1AndOtherSchemes_anyV1MayMatch() throws Exception {
    String other = stripeV1("whsec_rolled_out_secret", T, BODY);
    String header = "t=" + T + ",v1=" + other + ",v1=" + stripeV1(SECRET, T, BODY) + ",v0=" + "ab".repeat(32);

    assertThat(stripeCheck(header).verified()).isTrue();
  }

  @Test
  void stripe_wrongSecret_isMismatch_andNamesNeitherSecretNorSignature() throws Exception {
    String expected = stripeV1(SECRET, T, BODY);
    SignatureCheck check = stripeCheck("t=" + T + ",v1=" + stripeV1("whsec_some_other_secret", T, BODY));

    assertRejected(check, SignatureFailure.MISMATCH);
    String detail = ((SignatureCheck.Rejected) check).detail();
    assertThat(detail).doesNotContain(SECRET).doesNotContain(expected).contains("Stripe-Signature");
  }

  @Test
  void stripe_tamperedBody_isMismatch() throws Exception {
    byte[] tampered = BODY.clone();
    tampered[tampered.length - 3] ^= 1;

    assertRejected(stripe.verify(request("Stripe-Signature", "t=" + T + ",v1=" + stripeV1(SECRET, T, BODY), tampered)),
        SignatureFailure.MISMATCH);
  }

  @Test
  void stripe_timestampReplacedWithoutResigning_isMismatch() throws Exception {
    assertRejected(stripeCheck("t=" + (T + 1) + ",v1=" + stripeV1(SECRET, T, BODY)), SignatureFailure.MISMATCH);
  }

  @Test
  void stripe_timestampExactlyAtTolerance_isAccepted_bothSides() throws Exception {
    long past = T - TOLERANCE.toSeconds();
    long future = T + TOLERANCE.toSeconds();

    assertThat(stripeCheck("t=" + past + ",v1=" + stripeV1(SECRET, past, BODY)).verified()).isTrue();
    assertThat(stripeCheck("t=" + future + ",v1=" + stripeV1(SECRET, future, BODY)).verified()).isTrue();
  }

  @Test
  void stripe_timestampOneSecondBeyondTolerance_isOutOfTolerance_bothSides() throws Exception {
    long past = T - TOLERANCE.toSeconds() - 1;
    long future = T + TOLERANCE.toSeconds() + 1;

    assertRejected(stripeCheck("t=" + past + ",v1=" + stripeV1(SECRET, past, BODY)), SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE);
    assertRejected(stripeCheck("t=" + future + ",v1=" + stripeV1(SECRET, future, BODY)), SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void stripe_toleranceIsMeasuredOnTheInjectedClock() throws Exception {
    MutableClock clock = new MutableClock(Instant.ofEpochSecond(T));
    SignatureVerifier verifier = HmacSignatures.stripe(Secret.of("s", SECRET), TOLERANCE, clock);
    WebhookRequest signed = request("Stripe-Signature", "t=" + T + ",v1=" + stripeV1(SECRET, T, BODY), BODY);

    assertThat(verifier.verify(signed).verified()).isTrue();
    clock.advance(TOLERANCE.plusSeconds(1));
    assertRejected(verifier.verify(signed), SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void stripe_missingHeader_isMissingHeader() {
    assertRejected(stripe.verify(WebhookRequest.of(Map.of(), BODY)), SignatureFailure.MISSING_HEADER);
  }

  @Test
  void stripe_malformedHeaders_areMalformed() throws Exception {
    String v1 = stripeV1(SECRET, T, BODY);
    List<String> malformed = List.of(
        "",
        "v1=" + v1,
        "t=" + T,
        "t=" + T + ",v0=" + v1,
        "t=abc,v1=" + v1,
        "t=-5,v1=" + v1,
        "t=" + T + ",t=" + T + ",v1=" + v1,
        "t=" + T + ",v1=" + v1.substring(2),
        "t=" + T + ",v1=" + "zz" + v1.substring(2),
        "t=" + T + ",v1=" + v1 + ",garbage",
        "t=" + T + ",v1=" + v1 + ",x=" + "y".repeat(HmacSignatures.MAX_HEADER_LENGTH),
        "t=" + T + ",v1=" + "\u0663".repeat(64));
    for (String header : malformed) {
      assertRejected(stripeCheck(header), SignatureFailure.MALFORMED_HEADER);
    }
  }

  @Test
  void stripe_toleranceMustBePositive() {
    Secret secret = Secret.of("s", SECRET);
    assertThatThrownBy(() -> HmacSignatures.stripe(secret, Duration.ZERO, atT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
  }

  @Test
  void requireValid_rejected_throwsTypedException() throws Exception {
    WebhookRequest bad = request("Stripe-Signature", "t=" + T + ",v1=" + stripeV1("whsec_wrong", T, BODY), BODY);

    assertThatThrownBy(() -> stripe.requireValid(bad))
        .isInstanceOfSatisfying(WebhookSignatureException.class, e -> {
          assertThat(e.failure()).isEqualTo(SignatureFailure.MISMATCH);
          assertThat(e.code()).isEqualTo("STEWARD-WEBHOOK-MISMATCH");
          assertThat(e.getMessage()).doesNotContain(SECRET);
        });
  }

  @Test
  void github_hexOfBodyAfterPrefix_isVerified_inEitherCase() throws Exception {
    String hex = HexFormat.of().formatHex(hmac("gh-secret", BODY));
    SignatureVerifier github = HmacSignatures.github(Secret.of("github.webhook", "gh-secret"));

    assertThat(github.verify(request("X-Hub-Signature-256", "sha256=" + hex, BODY)).verified()).isTrue();
    assertThat(github.verify(request("X-Hub-Signature-256", "sha256=" + hex.toUpperCase(), BODY)).verified()).isTrue();
  }

  @Test
  void github_wrongSecret_isMismatch_andMissingPrefix_isMalformed() throws Exception {
    String hex = HexFormat.of().formatHex(hmac("gh-secret", BODY));
    SignatureVerifier github = HmacSignatures.github(Secret.of("github.webhook", "another-secret"));

    assertRejected(github.verify(request("X-Hub-Signature-256", "sha256=" + hex, BODY)), SignatureFailure.MISMATCH);
    assertRejected(github.verify(request("X-Hub-Signature-256", hex, BODY)), SignatureFailure.MALFORMED_HEADER);
    assertRejected(github.verify(request("X-Hub-Signature", "sha1=" + hex, BODY)), SignatureFailure.MISSING_HEADER);
  }

  @Test
  void shopify_base64OfBody_isVerified_andBadBase64_isMalformed() throws Exception {
    String b64 = Base64.getEncoder().encodeToString(hmac("shpss_secret", BODY));
    SignatureVerifier shopify = HmacSignatures.shopify(Secret.of("shopify.webhook", "shpss_secret"));

    assertThat(shopify.verify(request("X-Shopify-Hmac-Sha256", b64, BODY)).verified()).isTrue();
    assertRejected(shopify.verify(request("X-Shopify-Hmac-Sha256", "not base64!", BODY)), SignatureFailure.MALFORMED_HEADER);
    assertRejected(shopify.verify(request("X-Shopify-Hmac-Sha256", b64, "{}".getBytes(StandardCharsets.UTF_8))),
        SignatureFailure.MISMATCH);
  }

  @Test
  void anyOf_acceptsEitherSecretWhileRotating() throws Exception {
    SignatureVerifier rotating = SignatureVerifier.anyOf(List.of(
        HmacSignatures.stripe(Secret.of("new", "whsec_new"), TOLERANCE, atT),
        HmacSignatures.stripe(Secret.of("old", SECRET), TOLERANCE, atT)));

    assertThat(rotating.verify(request("Stripe-Signature", "t=" + T + ",v1=" + stripeV1(SECRET, T, BODY), BODY)).verified()).isTrue();
    assertRejected(rotating.verify(request("Stripe-Signature", "t=" + T + ",v1=" + stripeV1("whsec_x", T, BODY), BODY)),
        SignatureFailure.MISMATCH);
  }

  @Test
  void destroyedSecret_failsLoudly() throws Exception {
    Secret secret = Secret.of("s", SECRET);
    SignatureVerifier verifier = HmacSignatures.stripe(secret, TOLERANCE, atT);
    secret.destroy();

    assertThatThrownBy(() -> verifier.verify(request("Stripe-Signature", "t=" + T + ",v1=" + stripeV1(SECRET, T, BODY), BODY)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void request_toString_showsNoHeaderValue() {
    assertThat(request("Stripe-Signature", "t=1,v1=abc", BODY).toString()).doesNotContain("abc").contains("stripe-signature");
  }
}
