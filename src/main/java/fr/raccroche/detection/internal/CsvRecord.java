package fr.raccroche.detection.internal;

import java.util.List;

/**
 * One record of a CSV file: its first physical line number (1-based, the header being line 1), its
 * fields, its raw text as read (physical lines joined with {@code \n}, for the rejection report),
 * and a French error when the record is malformed (null otherwise).
 */
public record CsvRecord(long line, List<String> fields, String raw, String error) {

  public CsvRecord {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  // Fields and raw text are personal data: keep them out of logs and exception messages.
  @Override
  public String toString() {
    return "CsvRecord[line=" + line + ", fields=" + fields.size() + ", error=" + error + "]";
  }
}
