package dev.steward.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String VALUE = "s3cr3t-value-ä";

  @Test
  void toString_showsTheNameAndNeverTheValue() {
    Secret secret = Secret.of("crm.client-secret", VALUE);
    assertThat(secret.toString()).isEqualTo("Secret[crm.client-secret, value hidden]").doesNotContain(VALUE);
    assertThat(secret.name()).isEqualTo("crm.client-secret");
  }

  @Test
  void reveal_givesTheValue_andWipesItsCopyAfterwards() {
    Secret secret = Secret.of("k", VALUE);
    AtomicReference<char[]> seen = new AtomicReference<>();
    String revealed = secret.reveal(chars -> {
      seen.set(chars);
      return new String(chars);
    });
    assertThat(revealed).isEqualTo(VALUE);
    assertThat(seen.get()).containsOnly('\0');
    assertThat(value(secret)).as("the value itself is kept").isEqualTo(VALUE);
  }

  @Test
  void reveal_functionReturningTheArrayItWasGiven_isRefused_ratherThanHandingBackAWipedKey() {
    Secret secret = Secret.of("k", VALUE);
    assertThatThrownBy(() -> secret.reveal(chars -> chars))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secret k").hasMessageNotContaining(VALUE);
    assertThat(secret.reveal(char[]::clone)).containsExactly(VALUE.toCharArray());
  }

  @Test
  void of_copiesTheArray() {
    char[] value = VALUE.toCharArray();
    Secret secret = Secret.of("k", value);
    java.util.Arrays.fill(value, 'x');
    assertThat(value(secret)).isEqualTo(VALUE);
  }

  @Test
  void utf8_isTheValuesBytes() {
    assertThat(Secret.of("k", VALUE).utf8()).isEqualTo(VALUE.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void matches_comparesTheValue() {
    Secret secret = Secret.of("k", VALUE);
    assertThat(secret.matches(VALUE.toCharArray())).isTrue();
    assertThat(secret.matches("s3cr3t-value-a".toCharArray())).isFalse();
    assertThat(secret.matches((VALUE + "x").toCharArray())).isFalse();
    assertThat(secret.matches(new char[0])).isFalse();
  }

  @Test
  void matches_candidateWithAnUnpairedSurrogate_doesNotMatchTheQuestionMarkItWouldBeEncodedAs() {
    // A lone surrogate, which a JSON string escape can carry, is encoded to UTF-8 as '?'.
    Secret secret = Secret.of("k", "pass?word");
    assertThat(secret.matches("pass\ud800word".toCharArray())).isFalse();
    assertThat(secret.matches("pass?word".toCharArray())).isTrue();
  }

  @Test
  void of_valueWithAnUnpairedSurrogate_isRefused_namingWhereNotWhat() {
    // Its UTF-8 key would silently hold '?' in its place.
    assertThatThrownBy(() -> Secret.of("k", "ab\udc00cd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret k holds an unpaired surrogate at index 2; it has no UTF-8 form");
    assertThat(Secret.of("k", "emoji-\ud83d\ude00").utf8()).isEqualTo("emoji-\ud83d\ude00".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void destroy_wipesTheValue_andLaterReadsFail() {
    Secret secret = Secret.of("k", VALUE);
    assertThat(secret.isDestroyed()).isFalse();
    secret.destroy();
    assertThat(secret.isDestroyed()).isTrue();
    assertThatThrownBy(() -> secret.reveal(String::new))
        .isInstanceOf(IllegalStateException.class).hasMessage("secret k was destroyed");
    assertThatThrownBy(secret::utf8).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> secret.matches(VALUE.toCharArray())).isInstanceOf(IllegalStateException.class);
    assertThat(secret.toString()).isEqualTo("Secret[k, value hidden]");
  }

  @Test
  void isNotSerializable_andEqualOnlyToItself() {
    assertThat(Serializable.class.isAssignableFrom(Secret.class)).isFalse();
    Secret a = Secret.of("k", VALUE);
    assertThat(a).isEqualTo(a).isNotEqualTo(Secret.of("k", VALUE));
  }

  @Test
  void of_refusesABlankNameOrAnEmptyValue() {
    assertThatThrownBy(() -> Secret.of(" ", VALUE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a secret's name must not be blank");
    assertThatThrownBy(() -> Secret.of("k", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("secret k is empty");
  }

  private static String value(Secret secret) {
    return secret.reveal(String::new);
  }
}
