package dev.steward.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.spi.CredentialProvider;
import dev.steward.spi.Secret;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretWatchTest {
  private final SecretWatch watch = new SecretWatch();

  @Test
  void canaries_areStablePerName_distinctAcrossNames_andMarked() {
    CredentialProvider canaries = SecretWatch.canaries();
    String a = reveal(canaries.secret("a"));
    assertThat(reveal(canaries.secret("a"))).isEqualTo(a);
    assertThat(reveal(canaries.secret("b"))).isNotEqualTo(a);
    assertThat(a).startsWith(SecretWatch.CANARY_PREFIX).hasSize(SecretWatch.CANARY_PREFIX.length() + 24);
    assertThat(reveal(SecretWatch.canaries().secret("a"))).as("another provider's canary").isNotEqualTo(a);
  }

  @Test
  void revealedIn_text_namesTheCredentialHandedOut() {
    CredentialProvider watched = watch.watching(SecretWatch.canaries());
    String value = reveal(watched.secret("api-key"));
    assertThat(watch.revealedIn("Authorization: Bearer " + value)).contains("api-key");
    assertThat(watch.revealedIn("Authorization: Bearer (hidden)")).isEmpty();
    assertThat(watch.asked()).containsExactly("api-key");
  }

  @Test
  void revealedIn_text_ignoresCredentialsNeverHandedOut() {
    CredentialProvider canaries = SecretWatch.canaries();
    watch.watching(canaries);
    assertThat(watch.revealedIn(reveal(canaries.secret("not-asked-through-the-watch")))).isEmpty();
  }

  @Test
  void revealedIn_text_skipsValuesTooShortToSearchFor() {
    CredentialProvider watched = watch.watching(CredentialProvider.of(Map.of("pin", Secret.of("pin", "1234567"))));
    watched.secret("pin");
    assertThat(watch.revealedIn("order 1234567 shipped")).isEmpty();
  }

  @Test
  void revealedIn_failure_searchesCausesAndSuppressed() {
    String value = reveal(watch.watching(SecretWatch.canaries()).secret("api-key"));
    assertThat(watch.revealedIn(new IllegalStateException("key " + value))).hasValueSatisfying(
        where -> assertThat(where).startsWith("the exception (java.lang.IllegalStateException)").contains("'api-key'"));
    assertThat(watch.revealedIn(new IllegalStateException("outer", new IOException("header " + value))))
        .hasValueSatisfying(where -> assertThat(where).startsWith("a cause of the exception (java.io.IOException)"));
    IllegalStateException suppressing = new IllegalStateException("outer");
    suppressing.addSuppressed(new IOException(value));
    assertThat(watch.revealedIn(suppressing))
        .hasValueSatisfying(where -> assertThat(where).startsWith("an exception suppressed by the exception"));
    assertThat(watch.revealedIn(new IllegalStateException("clean", new IOException("clean")))).isEmpty();
  }

  @Test
  void revealedIn_failure_endsOnACycle() {
    watch.watching(SecretWatch.canaries()).secret("api-key");
    IllegalStateException a = new IllegalStateException("a");
    IllegalStateException b = new IllegalStateException("b", a);
    a.addSuppressed(b);
    assertThat(watch.revealedIn(b)).isEmpty();
  }

  private static String reveal(Secret secret) {
    return secret.reveal(String::new);
  }
}
