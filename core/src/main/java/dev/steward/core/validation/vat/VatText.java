package dev.steward.core.validation.vat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text clean-up shared by every country: look-alike punctuation and digits become their ASCII form, letters are
 * upper-cased and surrounding white space goes, the way python-stdnum's {@code clean(...).upper().strip()} does.
 *
 * <p>Only the look-alikes listed here are folded; other scripts' digits (Arabic-Indic, Devanagari, ...) are kept as
 * they are, so a country rule later rejects them as a bad format. Stateless and thread-safe.
 */
final class VatText {

  /** Unicode characters, by name, that people paste in place of the ASCII character they map to. */
  private static final Map<Integer, Integer> LOOK_ALIKES = lookAlikes();

  private VatText() {}

  /** Folds look-alikes to ASCII, upper-cases and strips surrounding white space. */
  static String normalise(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> folded.appendCodePoint(LOOK_ALIKES.getOrDefault(cp, cp)));
    return strip(folded.toString().toUpperCase(Locale.ROOT));
  }

  /** Removes every character of {@code separators} from {@code text}, then strips surrounding white space. */
  static String removeSeparators(String text, String separators) {
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (separators.indexOf(c) < 0) {
        kept.append(c);
      }
    }
    return strip(kept.toString());
  }

  /** Strips white space at both ends, counting every Unicode space and control separator as white space. */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  private static Map<Integer, Integer> lookAlikes() {
    Map<Integer, Integer> map = new HashMap<>();
    add(map, '-', List.of("HYPHEN-MINUS", "ARMENIAN HYPHEN", "HEBREW PUNCTUATION MAQAF", "HYPHEN",
        "NON-BREAKING HYPHEN", "FIGURE DASH", "EN DASH", "EM DASH", "HORIZONTAL BAR", "SMALL HYPHEN-MINUS",
        "FULLWIDTH HYPHEN-MINUS", "MONGOLIAN NIRUGU", "OVERLINE", "HYPHEN BULLET", "MACRON",
        "MODIFIER LETTER MINUS SIGN", "FULLWIDTH MACRON", "OGHAM SPACE MARK", "SUPERSCRIPT MINUS",
        "SUBSCRIPT MINUS", "MINUS SIGN", "HORIZONTAL LINE EXTENSION", "HORIZONTAL SCAN LINE-1",
        "HORIZONTAL SCAN LINE-3", "HORIZONTAL SCAN LINE-7", "HORIZONTAL SCAN LINE-9", "STRAIGHTNESS"));
    add(map, '*', List.of("ASTERISK", "ARABIC FIVE POINTED STAR", "SYRIAC HARKLEAN ASTERISCUS",
        "FLOWER PUNCTUATION MARK", "VAI FULL STOP", "SMALL ASTERISK", "FULLWIDTH ASTERISK", "ASTERISK OPERATOR",
        "STAR OPERATOR", "HEAVY ASTERISK", "LOW ASTERISK", "OPEN CENTRE ASTERISK", "EIGHT SPOKED ASTERISK",
        "SIXTEEN POINTED ASTERISK", "TEARDROP-SPOKED ASTERISK", "OPEN CENTRE TEARDROP-SPOKED ASTERISK",
        "HEAVY TEARDROP-SPOKED ASTERISK", "EIGHT TEARDROP-SPOKED PROPELLER ASTERISK",
        "HEAVY EIGHT TEARDROP-SPOKED PROPELLER ASTERISK"));
    add(map, ',', List.of("COMMA", "ARABIC COMMA", "SINGLE LOW-9 QUOTATION MARK", "IDEOGRAPHIC COMMA",
        "ARABIC DECIMAL SEPARATOR", "ARABIC THOUSANDS SEPARATOR", "PRIME", "RAISED COMMA",
        "PRESENTATION FORM FOR VERTICAL COMMA", "SMALL COMMA", "SMALL IDEOGRAPHIC COMMA", "FULLWIDTH COMMA",
        "CEDILLA"));
    add(map, '.', List.of("FULL STOP", "MIDDLE DOT", "GREEK ANO TELEIA", "ARABIC FULL STOP", "IDEOGRAPHIC FULL STOP",
        "SYRIAC SUPRALINEAR FULL STOP", "SYRIAC SUBLINEAR FULL STOP", "SAMARITAN PUNCTUATION NEQUDAA",
        "TIBETAN MARK INTERSYLLABIC TSHEG", "TIBETAN MARK DELIMITER TSHEG BSTAR", "RUNIC SINGLE PUNCTUATION",
        "BULLET", "ONE DOT LEADER", "HYPHENATION POINT", "WORD SEPARATOR MIDDLE DOT", "RAISED DOT",
        "KATAKANA MIDDLE DOT", "SMALL FULL STOP", "FULLWIDTH FULL STOP", "HALFWIDTH KATAKANA MIDDLE DOT",
        "AEGEAN WORD SEPARATOR DOT", "PHOENICIAN WORD SEPARATOR", "KHAROSHTHI PUNCTUATION DOT", "DOT ABOVE",
        "ARABIC SYMBOL DOT ABOVE", "ARABIC SYMBOL DOT BELOW", "BULLET OPERATOR", "DOT OPERATOR"));
    add(map, '/', List.of("SOLIDUS", "SAMARITAN PUNCTUATION ARKAANU", "FULLWIDTH SOLIDUS", "DIVISION SLASH",
        "MATHEMATICAL RISING DIAGONAL", "BIG SOLIDUS", "FRACTION SLASH"));
    add(map, ':', List.of("COLON", "ETHIOPIC WORDSPACE", "RUNIC MULTIPLE PUNCTUATION", "MONGOLIAN COLON",
        "PRESENTATION FORM FOR VERTICAL COLON", "FULLWIDTH COLON", "PRESENTATION FORM FOR VERTICAL TWO DOT LEADER",
        "SMALL COLON"));
    add(map, ' ', List.of("SPACE", "NO-BREAK SPACE", "EN QUAD", "EM QUAD", "EN SPACE", "EM SPACE",
        "THREE-PER-EM SPACE", "FOUR-PER-EM SPACE", "SIX-PER-EM SPACE", "FIGURE SPACE", "PUNCTUATION SPACE",
        "THIN SPACE", "HAIR SPACE", "NARROW NO-BREAK SPACE", "MEDIUM MATHEMATICAL SPACE", "IDEOGRAPHIC SPACE"));
    add(map, '\'', List.of("APOSTROPHE", "GRAVE ACCENT", "ACUTE ACCENT", "MODIFIER LETTER RIGHT HALF RING",
        "MODIFIER LETTER LEFT HALF RING", "MODIFIER LETTER PRIME", "MODIFIER LETTER TURNED COMMA",
        "MODIFIER LETTER APOSTROPHE", "MODIFIER LETTER VERTICAL LINE", "COMBINING GRAVE ACCENT",
        "COMBINING ACUTE ACCENT", "COMBINING TURNED COMMA ABOVE", "COMBINING COMMA ABOVE", "ARMENIAN APOSTROPHE",
        "SINGLE HIGH-REVERSED-9 QUOTATION MARK", "LEFT SINGLE QUOTATION MARK", "RIGHT SINGLE QUOTATION MARK"));
    String[] digitNames = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};
    for (int d = 0; d < 10; d++) {
      String name = "DIGIT " + digitNames[d];
      add(map, (char) ('0' + d), List.of("FULLWIDTH " + name, "MATHEMATICAL BOLD " + name,
          "MATHEMATICAL DOUBLE-STRUCK " + name, "MATHEMATICAL SANS-SERIF " + name,
          "MATHEMATICAL SANS-SERIF BOLD " + name, "MATHEMATICAL MONOSPACE " + name));
    }
    return Map.copyOf(map);
  }

  private static void add(Map<Integer, Integer> map, char ascii, List<String> unicodeNames) {
    for (String name : unicodeNames) {
      map.put(Character.codePointOf(name), (int) ascii);
    }
  }
}
