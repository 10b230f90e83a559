package fr.raccroche.detection.tools;

import fr.raccroche.detection.internal.CsvFile;
import fr.raccroche.detection.internal.ListRecord;
import fr.raccroche.testsupport.Workbooks;
import fr.raccroche.testsupport.Workbooks.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Writes a generated CSV list as the Excel workbook a source system would export (streaming, for
 * benchmarks): dates as Excel dates, postal codes as plain numbers and commune codes as numbers
 * formatted 00000, the rest as text. An unreadable CSV record becomes a row holding its raw text.
 */
public final class WorkbookCopy {
  private static final Set<String> DATES = Set.of("date_naissance", "date_entree", "date_sortie");

  private WorkbookCopy() {}

  public static void of(Path csv, Path xlsx) throws Exception {
    try (CsvFile in = CsvFile.open(csv)) {
      List<String> header = in.header();
      Iterable<List<Object>> rows =
          () ->
              new Iterator<>() {
                ListRecord next = read();

                private ListRecord read() {
                  try {
                    return in.next();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }

                @Override
                public boolean hasNext() {
                  return next != null;
                }

                @Override
                public List<Object> next() {
                  if (next == null) {
                    throw new NoSuchElementException();
                  }
                  ListRecord r = next;
                  next = read();
                  if (r.error() != null) {
                    return List.of(r.raw());
                  }
                  List<Object> cells = new ArrayList<>(header.size());
                  for (int i = 0; i < header.size(); i++) {
                    cells.add(cell(header.get(i), r.fields().get(i)));
                  }
                  return cells;
                }
              };
      Workbooks.write(xlsx, header, rows);
    }
  }

  private static Object cell(String column, String value) {
    if (DATES.contains(column)) {
      LocalDate d = date(value);
      return d == null ? value : d;
    }
    if (value.matches("\\d{5}")) {
      if (column.equals("code_postal")) {
        return Integer.valueOf(value);
      }
      if (column.equals("code_commune")) {
        return new Code(Long.parseLong(value), 5);
      }
    }
    return value;
  }

  private static LocalDate date(String v) {
    try {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(v);
      }
      String[] p = v.split("/");
      if (p.length == 3 && p[2].length() == 4) {
        return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
      }
    } catch (RuntimeException e) {
      // an impossible date (the generator's defects) stays text, as a spreadsheet keeps it
    }
    return null;
  }
}
