package dev.steward.core.testing;

import java.util.ArrayList;
import java.util.List;

/** The CSV reader the tests' published vectors are read with. */
public final class Csv {
  private Csv() {}

  /**
   * Reads RFC 4180 CSV: fields separated by commas, records by CRLF (a bare LF is accepted too);
   * a quoted field may hold commas, line breaks and doubled quotes. Nothing is trimmed.
   *
   * @throws IllegalArgumentException if the text is not well-formed
   */
  public static List<List<String>> read(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean wasQuoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (inQuotes) {
        if (c != '"') {
          field.append(c);
        } else if (i < text.length() && text.charAt(i) == '"') {
          field.append('"');
          i++;
        } else {
          inQuotes = false;
        }
        continue;
      }
      if (c == ',' || c == '\r' || c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        if (c != ',') {
          if (c == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
            throw new IllegalArgumentException("bare CR at offset " + (i - 1));
          }
          if (c == '\r') {
            i++;
          }
          records.add(record);
          record = new ArrayList<>();
        }
      } else if (wasQuoted) {
        throw new IllegalArgumentException("text after a closing quote at offset " + (i - 1));
      } else if (c == '"') {
        if (field.length() > 0) {
          throw new IllegalArgumentException("quote inside an unquoted field at offset " + (i - 1));
        }
        inQuotes = true;
        wasQuoted = true;
      } else {
        field.append(c);
      }
    }
    if (inQuotes) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    if (!record.isEmpty() || field.length() > 0 || wasQuoted) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
