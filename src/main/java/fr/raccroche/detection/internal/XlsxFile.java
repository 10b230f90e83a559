package fr.raccroche.detection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams one sheet of an Excel workbook (.xlsx) row by row with Apache POI's event API ({@link
 * XSSFReader} and {@link XSSFSheetXMLHandler}): the sheet's XML is parsed by SAX on a thread of its
 * own and handed over through a small queue, so memory holds a few hundred rows whatever the size
 * of the sheet (plus the workbook's table of shared strings, which POI keeps whole).
 *
 * <p>Cells come back as the text a CSV export of the sheet would hold, so that a workbook and its
 * CSV twin are the same rows: a date cell as {@code yyyy-MM-dd}; a number as Excel shows it with
 * its format ({@code 00000} keeps the leading zero of a postal code), a whole number without
 * decimals; a formula as its cached result. Text is kept as typed (a date typed as text goes to the
 * parser as is).
 *
 * <p>The header is the first row, or the first of the ten first rows that names the most known
 * columns (title rows above it — a report title, a group row of merged cells — are skipped and said
 * so in {@link #notes()}). An empty header cell (a merged cell's continuation) names no column.
 * Rows entirely empty are skipped. A cell right of the header's last named column is ignored.
 */
public final class XlsxFile implements ListFile {
  /** Rows parsed ahead of the reader: bounds the memory of a sheet whatever its length. */
  private static final int QUEUE_ROWS = 512;

  private static final int HEADER_SEARCH_ROWS = 10;
  private static final int MAX_COLUMNS = 200;
  private static final Object END = new Object();

  private final OPCPackage pkg;
  private final long fileBytes;
  private final long dimensionRows;
  private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(QUEUE_ROWS);
  private final Thread parser;
  private final List<String> header;
  private final List<String> notes = new ArrayList<>();
  private final List<Row> ahead = new ArrayList<>();
  private volatile boolean closed;
  private long lastRowNumber;
  private boolean ended;

  /** A sheet row: its 1-based number and its cells by column index (null when empty). */
  private record Row(int number, List<String> cells) {}

  private XlsxFile(
      OPCPackage pkg,
      PackagePart sheetPart,
      String sheetName,
      StylesTable styles,
      SheetStrings strings,
      long fileBytes,
      ToIntFunction<List<String>> headerScore)
      throws IOException, UnreadableFileException {
    this.pkg = pkg;
    this.fileBytes = fileBytes;
    this.dimensionRows = dimensionRows(sheetPart);
    this.parser = new Thread(() -> parse(sheetPart, styles, strings), "raccroche-xlsx-reader");
    parser.setDaemon(true);
    parser.start();
    try {
      this.header = readHeader(headerScore);
    } catch (IOException | UnreadableFileException | RuntimeException e) {
      stopParser();
      throw e;
    }
    notes.add(0, "Feuille « " + sheetName + " » lue.");
  }

  /**
   * Opens a workbook already recognised as OOXML and reads the header of the chosen sheet.
   *
   * @throws UnreadableFileException the workbook cannot be read, has no such sheet, or the sheet
   *     has no header row
   */
  static XlsxFile open(Path file, String sheet, ToIntFunction<List<String>> headerScore)
      throws UnreadableFileException, IOException {
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (InvalidFormatException | NotOfficeXmlFileException | EncryptedDocumentException e) {
      throw damaged();
    }
    try {
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      SheetStrings strings = SheetStrings.read(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> names = new ArrayList<>();
      PackagePart chosen = null;
      String chosenName = null;
      while (sheets.hasNext()) {
        try (InputStream ignored = sheets.next()) {
          String name = sheets.getSheetName();
          names.add(name);
          boolean wanted = sheet == null ? chosen == null : fold(name).equals(fold(sheet));
          if (wanted && chosen == null) {
            chosen = sheets.getSheetPart();
            chosenName = name;
          }
        }
      }
      if (chosen == null) {
        throw new UnreadableFileException(
            names.isEmpty()
                ? "Le classeur ne contient aucune feuille."
                : "Feuille « "
                    + shorten(sheet)
                    + " » introuvable dans le classeur. Feuilles présentes : "
                    + String.join(", ", names.stream().map(n -> "« " + n + " »").toList())
                    + ". Indiquez le nom exact de la feuille (paramètre « sheet »), ou laissez-le"
                    + " vide pour lire la première.");
      }
      return new XlsxFile(pkg, chosen, chosenName, styles, strings, Files.size(file), headerScore);
    } catch (UnreadableFileException e) {
      pkg.revert();
      throw e;
    } catch (OpenXML4JException | SAXException | RuntimeException e) {
      pkg.revert();
      throw damaged();
    } catch (IOException e) {
      pkg.revert();
      throw e;
    }
  }

  /** True for an OLE2 file holding an encrypted OOXML package (a password-protected workbook). */
  static boolean isEncrypted(Path file) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      return fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public Format format() {
    return Format.XLSX;
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  @Override
  public ListRecord next() throws IOException {
    while (true) {
      Row row;
      if (!ahead.isEmpty()) {
        row = ahead.remove(0);
      } else {
        row = take();
        if (row == null) {
          return null;
        }
      }
      lastRowNumber = row.number();
      List<String> fields = new ArrayList<>(header.size());
      boolean any = false;
      for (int i = 0; i < header.size(); i++) {
        String v = i < row.cells().size() ? row.cells().get(i) : null;
        fields.add(v == null ? "" : v);
        any |= v != null && !v.isBlank();
      }
      if (!any) {
        continue;
      }
      return new ListRecord(row.number(), fields, raw(fields), null);
    }
  }

  /**
   * The workbook is compressed and read through POI: progress is told by rows, from the sheet's
   * declared size (its {@code dimension}), as a share of the file's bytes.
   */
  @Override
  public long bytesRead() {
    if (ended) {
      return fileBytes;
    }
    if (dimensionRows <= 0) {
      return 0;
    }
    return Math.min(
        fileBytes - 1, fileBytes * Math.min(lastRowNumber, dimensionRows) / dimensionRows);
  }

  @Override
  public void close() {
    stopParser();
    pkg.revert(); // opened read-only: nothing to save
  }

  private void stopParser() {
    closed = true;
    parser.interrupt();
    rows.clear();
    try {
      parser.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- header

  private List<String> readHeader(ToIntFunction<List<String>> headerScore)
      throws IOException, UnreadableFileException {
    List<Row> first = new ArrayList<>();
    while (first.size() < HEADER_SEARCH_ROWS) {
      Row row = take();
      if (row == null) {
        break;
      }
      if (row.cells().stream().anyMatch(c -> c != null && !c.isBlank())) {
        first.add(row);
      }
    }
    if (first.isEmpty()) {
      throw new UnreadableFileException(
          "La feuille est vide : la première ligne doit nommer les colonnes (nom, prénom, date de"
              + " naissance…).");
    }
    int best = 0;
    int bestScore = headerScore.applyAsInt(trimmed(first.get(0).cells()));
    for (int i = 1; i < first.size(); i++) {
      int score = headerScore.applyAsInt(trimmed(first.get(i).cells()));
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    Row header = first.get(best);
    if (best > 0) {
      notes.add(
          best
              + (best == 1 ? " ligne de titre ignorée" : " lignes de titre ignorées")
              + " au-dessus de l'en-tête (ligne "
              + header.number()
              + " de la feuille).");
    }
    ahead.addAll(first.subList(best + 1, first.size()));
    List<String> names = trimmed(header.cells());
    int last = names.size();
    while (last > 0 && names.get(last - 1).isEmpty()) {
      last--;
    }
    return List.copyOf(names.subList(0, last));
  }

  private static List<String> trimmed(List<String> cells) {
    List<String> names = new ArrayList<>(cells.size());
    for (String c : cells) {
      names.add(c == null ? "" : c.strip());
    }
    return names;
  }

  // ---- the parsing thread

  private Row take() throws IOException {
    if (ended) {
      return null;
    }
    Object next;
    try {
      next = rows.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while reading the workbook", e);
    }
    if (next == END) {
      ended = true;
      return null;
    }
    if (next instanceof IOException e) {
      ended = true;
      throw new IOException(e.getMessage(), e);
    }
    return (Row) next;
  }

  private void parse(PackagePart sheet, StylesTable styles, SheetStrings strings) {
    Object last = END;
    try (InputStream in = sheet.getInputStream()) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(
          new SheetStrings.InlineStrings(
              new XSSFSheetXMLHandler(styles, strings, new RowCollector(), new CellText(), false),
              strings));
      xml.parse(new InputSource(in));
    } catch (Stopped e) {
      return;
    } catch (IOException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
      last = new IOException("Unreadable sheet: " + e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      last = new IOException("Unreadable sheet: " + e.getClass().getSimpleName());
    }
    try {
      put(last);
    } catch (Stopped e) {
      // the reader closed the file meanwhile: nobody waits for the end any more
    }
  }

  private void put(Object item) {
    try {
      while (!closed) {
        if (rows.offer(item, 200, TimeUnit.MILLISECONDS)) {
          return;
        }
        // the reader is slower than the parser: wait for room
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new Stopped();
  }

  /** Ends the SAX parse when the reader closed the file early. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }

  private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private List<String> cells = new ArrayList<>();
    private int number;

    @Override
    public void startRow(int rowNum) {
      number = rowNum + 1;
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      put(new Row(number, cells));
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      if (reference == null || value == null) {
        return;
      }
      int column = columnIndex(reference);
      if (column >= MAX_COLUMNS) {
        return;
      }
      while (cells.size() <= column) {
        cells.add(null);
      }
      cells.set(column, value);
    }
  }

  /**
   * Formats numeric cells as a CSV export would hold them: dates as ISO dates (not in the
   * workbook's display format, which may be American), everything else as Excel shows it.
   */
  static final class CellText extends DataFormatter {
    CellText() {
      super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
        return t.toLocalDate().toString();
      }
      String text = super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
      if ("General".equalsIgnoreCase(formatString)
          && value == Math.rint(value)
          && Math.abs(value) < 1e15) {
        // A whole number (a code typed without quote) without any exponent or decimals.
        return Long.toString((long) value);
      }
      return text;
    }
  }

  // ---- helpers

  /** The 0-based column of a cell reference ({@code "AB12"} → 27), without parsing the row. */
  static int columnIndex(String reference) {
    int column = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c == '$') {
        continue;
      }
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  private static long dimensionRows(PackagePart sheet) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = sheet.getInputStream()) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (name.equals("dimension")) {
              String ref = xml.getAttributeValue(null, "ref");
              if (ref == null || !ref.contains(":")) {
                return 0;
              }
              return new CellReference(ref.substring(ref.indexOf(':') + 1)).getRow() + 1L;
            }
            if (name.equals("sheetData")) {
              return 0;
            }
          }
        }
        return 0;
      } finally {
        xml.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      return 0;
    }
  }

  private static String raw(List<String> fields) {
    return String.join(";", fields);
  }

  private static String fold(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static UnreadableFileException damaged() {
    return new UnreadableFileException(
        "Le classeur est endommagé ou n'est pas un classeur Excel (.xlsx) lisible : ouvrez-le dans"
            + " Excel ou LibreOffice, enregistrez-le de nouveau au format .xlsx (ou exportez la"
            + " feuille au format CSV), puis importez-le.");
  }
}
