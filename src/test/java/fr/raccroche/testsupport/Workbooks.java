package fr.raccroche.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes test workbooks with Apache POI, as the source systems' exports look (no binary fixture
 * from real people is committed): a value is a text cell, a {@link LocalDate} an Excel date
 * formatted {@code dd/mm/yyyy}, a number a numeric cell ({@link Code} a number formatted {@code
 * 00000}, as Excel's "postal code" format keeps a leading zero), a {@link Formula} a formula.
 * Streaming (SXSSF): a 100,000-row workbook is written in constant memory.
 */
public final class Workbooks {
  private Workbooks() {}

  /** A number shown with leading zeros to {@code digits} (Excel's special "code" formats). */
  public record Code(long value, int digits) {}

  /** A formula (its cached result is computed by POI only on request: left empty). */
  public record Formula(String formula) {}

  /** What goes above the header, and the sheets. */
  public record Layout(
      String sheetName,
      List<String> titleRows,
      String groupRow,
      int groupSpan,
      String otherSheetFirst) {
    public static Layout plain() {
      return new Layout("Feuil1", List.of(), null, 0, null);
    }

    public Layout withSheet(String name) {
      return new Layout(name, titleRows, groupRow, groupSpan, otherSheetFirst);
    }

    /** Title rows above the header, the first merged over the header's width. */
    public Layout withTitles(List<String> titles) {
      return new Layout(sheetName, titles, groupRow, groupSpan, otherSheetFirst);
    }

    /** A group row right above the header, its text in a cell merged over {@code span} columns. */
    public Layout withGroupRow(String text, int span) {
      return new Layout(sheetName, titleRows, text, span, otherSheetFirst);
    }

    /** Another sheet before the list (a "Lisez-moi" tab). */
    public Layout withSheetBefore(String name) {
      return new Layout(sheetName, titleRows, groupRow, groupSpan, name);
    }
  }

  public static void write(Path file, List<String> header, Iterable<List<Object>> rows)
      throws IOException {
    write(file, header, rows, Layout.plain());
  }

  public static void write(
      Path file, List<String> header, Iterable<List<Object>> rows, Layout layout)
      throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
        OutputStream out = Files.newOutputStream(file)) {
      CreationHelper helper = wb.getCreationHelper();
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle[] codes = new CellStyle[12];
      if (layout.otherSheetFirst() != null) {
        Sheet readme = wb.createSheet(layout.otherSheetFirst());
        readme.createRow(0).createCell(0).setCellValue("Liste extraite du logiciel de scolarité");
      }
      Sheet sheet = wb.createSheet(layout.sheetName());
      int r = 0;
      for (String title : layout.titleRows()) {
        sheet.createRow(r).createCell(0).setCellValue(title);
        if (r == 0 && header.size() > 1) {
          sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
        }
        r++;
      }
      if (layout.groupRow() != null) {
        sheet.createRow(r).createCell(0).setCellValue(layout.groupRow());
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, layout.groupSpan() - 1));
        r++;
      }
      Row h = sheet.createRow(r++);
      for (int c = 0; c < header.size(); c++) {
        if (header.get(c) != null) {
          h.createCell(c).setCellValue(header.get(c));
        }
      }
      for (List<Object> values : rows) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v == null || v instanceof String s && s.isEmpty()) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else if (v instanceof Code code) {
            cell.setCellValue(code.value());
            if (codes[code.digits()] == null) {
              codes[code.digits()] = wb.createCellStyle();
              codes[code.digits()].setDataFormat(
                  helper.createDataFormat().getFormat("0".repeat(code.digits())));
            }
            cell.setCellStyle(codes[code.digits()]);
          } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (v instanceof Formula f) {
            cell.setCellFormula(f.formula());
          } else {
            cell.setCellValue(v.toString());
          }
        }
      }
      wb.write(out);
      wb.dispose();
    }
  }
}
