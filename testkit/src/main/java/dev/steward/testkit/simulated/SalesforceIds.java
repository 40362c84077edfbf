package dev.steward.testkit.simulated;

import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Salesforce record ids: a 3-character key prefix naming the object, a 2-character pod, a
 * reserved {@code 0}, 9 base-62 characters of a counter, and the 3-character suffix that makes the
 * 18-character form safe in case-insensitive places. Not thread-safe; the owning system guards it.
 */
final class SalesforceIds {
  static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final long COUNTER_SPAN = 62L * 62 * 62 * 62 * 62 * 62 * 62 * 62 * 62;

  private final String pod;
  private long counter;

  /** Picks a pod and a starting counter from {@code random}, as an org created at some point would have. */
  SalesforceIds(SplittableRandom random) {
    this.pod = "" + BASE62.charAt(1 + random.nextInt(9)) + BASE62.charAt(10 + random.nextInt(52));
    this.counter = 62L * 62 * 62 * 62 + random.nextLong(62L * 62 * 62 * 62 * 62 * 62);
  }

  /** Returns the next 18-character id of an object with key prefix {@code keyPrefix}. */
  String next(String keyPrefix) {
    long n = counter++ % COUNTER_SPAN;
    char[] id = new char[18];
    keyPrefix.getChars(0, 3, id, 0);
    id[3] = pod.charAt(0);
    id[4] = pod.charAt(1);
    id[5] = '0';
    for (int i = 14; i >= 6; i--) {
      id[i] = BASE62.charAt((int) (n % 62));
      n /= 62;
    }
    appendSuffix(id);
    return new String(id);
  }

  /** Fills positions 15 to 17 of {@code id} with the case-safe suffix of its first 15 characters. */
  static void appendSuffix(char[] id) {
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id[chunk * 5 + i];
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      id[15 + chunk] = SUFFIX.charAt(bits);
    }
  }

  /** Returns the 3-character case-safe suffix of a 15-character id. */
  static String suffix(String id15) {
    if (id15.length() != 15) {
      throw new IllegalArgumentException("a 15-character id is needed; was " + id15.length() + " characters");
    }
    char[] id = new char[18];
    id15.getChars(0, 15, id, 0);
    appendSuffix(id);
    return new String(id, 15, 3);
  }

  /**
   * Returns the 18-character form of an id given in 15 characters, or in 18 with its first 15 in
   * any case (Salesforce accepts both); null if {@code id} is neither.
   */
  static @Nullable String normalize(String id) {
    if (id.length() == 15) {
      return isBase62(id, 15) ? id + suffix(id) : null;
    }
    if (id.length() != 18 || !isBase62(id, 18)) {
      return null;
    }
    char[] fixed = new char[18];
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = SUFFIX.indexOf(Character.toUpperCase(id.charAt(15 + chunk)));
      if (bits < 0) {
        return null;
      }
      for (int i = 0; i < 5; i++) {
        char c = id.charAt(chunk * 5 + i);
        fixed[chunk * 5 + i] = (bits & 1 << i) != 0 ? Character.toUpperCase(c) : Character.toLowerCase(c);
      }
    }
    appendSuffix(fixed);
    String normal = new String(fixed);
    return normal.regionMatches(true, 15, id, 15, 3) ? normal : null;
  }

  private static boolean isBase62(String id, int length) {
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }
}
