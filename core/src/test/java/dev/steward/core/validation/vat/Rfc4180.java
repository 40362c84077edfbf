package dev.steward.core.validation.vat;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 CSV reader for test data: comma-separated fields, optional double quotes around a field,
 * {@code ""} for a quote inside one, commas and line breaks allowed inside quotes, CRLF or LF between records.
 */
final class Rfc4180 {

  private Rfc4180() {}

  /** Parses the whole text into records of fields; a final line break does not start an empty record. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          field.append(c);
        }
        i++;
        continue;
      }
      switch (c) {
        case '"' -> {
          if (field.length() > 0) {
            throw new IllegalArgumentException("quote inside an unquoted field at offset " + i);
          }
          quoted = true;
          fieldStarted = true;
        }
        case ',' -> {
          record.add(field.toString());
          field.setLength(0);
          fieldStarted = true;
        }
        case '\r', '\n' -> {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          record.add(field.toString());
          records.add(record);
          record = new ArrayList<>();
          field.setLength(0);
          fieldStarted = false;
        }
        default -> {
          field.append(c);
          fieldStarted = true;
        }
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field at end of input");
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
