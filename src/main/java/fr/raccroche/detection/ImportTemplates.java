package fr.raccroche.detection;

import fr.raccroche.detection.internal.ImportBatchEntity;
import fr.raccroche.detection.internal.ImportBatchRepository;
import fr.raccroche.detection.internal.LeaverRowParser.Column;
import fr.raccroche.detection.internal.SourceListingRepository;
import fr.raccroche.pathway.CaseQueries;
import fr.raccroche.shared.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the imports page offers around a file: the list's columns (the parser's canonical headers,
 * with which are required and how each is written), a template to fill (CSV and Excel, the header
 * row only), and the cases an import opened.
 */
@Service
public class ImportTemplates {
  /** How many opened cases an import's report links to. */
  public static final int CASES_SHOWN = 200;

  private final ImportBatchRepository imports;
  private final SourceListingRepository listings;
  private final CaseQueries cases;

  ImportTemplates(
      ImportBatchRepository imports, SourceListingRepository listings, CaseQueries cases) {
    this.imports = imports;
    this.listings = listings;
    this.cases = cases;
  }

  /** One column of the list: canonical header, whether required, what it holds. */
  public record TemplateColumn(String header, String requirement, String description) {}

  /** The columns, in canonical order: those of the parser, never retyped. */
  public static List<TemplateColumn> columns() {
    List<TemplateColumn> columns = new ArrayList<>();
    for (Column c : Column.values()) {
      columns.add(new TemplateColumn(c.header(), c.requirement(), c.description()));
    }
    return columns;
  }

  /** The CSV template: UTF-8 with a byte order mark (Excel), semicolons, the header row. */
  public static byte[] csv() {
    return ("\uFEFF" + String.join(";", Column.headers()) + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The Excel template: one sheet "Jeunes" with the header row in bold, every column as text (so
   * that Excel keeps an INE's or a postal code's leading zeros and a date as typed).
   */
  public static byte[] xlsx() {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Jeunes");
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      Row row = sheet.createRow(0);
      List<String> headers = Column.headers();
      for (int i = 0; i < headers.size(); i++) {
        row.createCell(i).setCellValue(headers.get(i));
        row.getCell(i).setCellStyle(header);
        sheet.setDefaultColumnStyle(i, text);
        sheet.setColumnWidth(i, Math.max(12, headers.get(i).length() + 4) * 256);
      }
      sheet.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The cases this import opened, in the order of the file, at most {@link #CASES_SHOWN}: first
   * listed by it and registered since it started (a case opened by hand before is not).
   */
  @Transactional(readOnly = true)
  public List<String> casesOpened(long importId) {
    ImportBatchEntity batch =
        imports
            .findById(importId)
            .orElseThrow(() -> new NotFoundException("Import inconnu : " + importId + "."));
    List<String> first =
        new ArrayList<>(
            new LinkedHashSet<>(
                listings.casesFirstListedBy(importId, PageRequest.of(0, CASES_SHOWN))));
    if (first.isEmpty()) {
      return first;
    }
    List<String> registered = cases.registeredSince(first, batch.getStartedAt());
    return first.stream().filter(registered::contains).toList();
  }
}
