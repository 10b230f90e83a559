package fr.raccroche.detection.internal;

import java.util.List;

/**
 * One record of a list file: its line number as the user sees it (1-based: the CSV line, header
 * being line 1, or the sheet's row number), its fields in header order, its raw text as read (CSV:
 * physical lines joined with {@code \n}; workbook: the cells joined with {@code ;}), for the
 * rejection report, and a French error when the record is malformed (null otherwise).
 */
public record ListRecord(long line, List<String> fields, String raw, String error) {

  public ListRecord {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  // Fields and raw text are personal data: keep them out of logs and exception messages.
  @Override
  public String toString() {
    return "ListRecord[line=" + line + ", fields=" + fields.size() + ", error=" + error + "]";
  }
}
