package fr.raccroche.detection.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Streams a CSV file record by record: memory does not depend on the file size, only on the longest
 * record.
 *
 * <p>What it accepts: UTF-8 (with or without BOM) or Windows-1252 (which covers ISO-8859-1 for
 * every printable character), detected; {@code ;} or {@code ,} as delimiter, detected on the header
 * line; RFC 4180 quoting ({@code ""} escapes a quote, delimiters and line breaks inside quotes
 * belong to the field); lines ending in {@code \n}, {@code \r\n} (or a lone {@code \r}, as old Mac
 * spreadsheets write). Fully blank lines, and lines holding only delimiters as spreadsheets leave
 * at the end of a sheet, are skipped.
 *
 * <p>A bad record never stops the reading: it comes back with a French {@link ListRecord#error()}.
 * A stray quote does not swallow the rest of the file: when a quoted field is still open after
 * {@value #MAX_RECORD_LINES} physical lines, at the end of the file, or when a record spanning
 * several lines does not have the header's number of fields or has text right after a closing
 * quote, only its first physical line is returned as unreadable and the reading restarts at the
 * following physical line.
 *
 * <p>Not thread-safe: one reader per file.
 */
public final class CsvFile implements ListFile {
  /** A quoted field may span at most this many physical lines. */
  static final int MAX_RECORD_LINES = 20;

  /**
   * A canonical row is a few hundred characters; longer lines are rejected without being kept in
   * memory, so that a file without line breaks cannot exhaust the heap.
   */
  static final int MAX_LINE_CHARS = 100_000;

  static final String STRAY_QUOTE = "Guillemet non fermé : ligne illisible.";

  private static final int SNIFF_BYTES = 64 * 1024;
  private static final int RAW_KEPT_CHARS = 1_000;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final CountingInputStream bytes;
  private final Reader reader;
  private final Charset charset;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private boolean endOfInput;
  private long physicalLines;

  /** Lines read ahead and given back, after a stray quote or while detecting the delimiter. */
  private final Deque<Line> pending = new ArrayDeque<>();

  private final StringBuilder lineText = new StringBuilder(512);
  private char delimiter;
  private List<String> header;

  /**
   * Set by {@link #split} when text follows a closing quote ({@code "abc"def}): tolerated on one
   * line, the sign of a stray quote across lines.
   */
  private boolean textAfterClosingQuote;

  private record Line(long number, String text, boolean tooLong) {}

  private CsvFile(Path file, Charset charset, long bomLength) throws IOException {
    this.charset = charset;
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(bomLength);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    this.bytes = new CountingInputStream(in, bomLength);
    CharsetDecoder decoder =
        charset
            .newDecoder()
            // UTF-8 was checked byte for byte (or declared by a BOM); Windows-1252 leaves five
            // bytes undefined: a replacement character beats refusing the whole list.
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.reader = new InputStreamReader(bytes, decoder);
  }

  /**
   * Opens a file and reads its header.
   *
   * @throws UnreadableFileException when the file cannot be read at all (empty, binary, a
   *     spreadsheet rather than a CSV, no header line, an unexpected delimiter)
   */
  public static CsvFile open(Path file) throws UnreadableFileException, IOException {
    byte[] head = sniff(file);
    refuseNonText(head);
    long bomLength = 0;
    Charset charset;
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      // The BOM is the exporting tool's own declaration: trusted, no scan needed.
      charset = StandardCharsets.UTF_8;
      bomLength = 3;
    } else {
      charset = isValidUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }
    CsvFile csv = new CsvFile(file, charset, bomLength);
    try {
      csv.readHeader();
      return csv;
    } catch (UnreadableFileException | IOException | RuntimeException e) {
      csv.close();
      throw e;
    }
  }

  @Override
  public Format format() {
    return Format.CSV;
  }

  /** UTF-8 or windows-1252. */
  public Charset charset() {
    return charset;
  }

  /** {@code ;} or {@code ,}. */
  public char delimiter() {
    return delimiter;
  }

  /** Header names as written, trimmed. */
  @Override
  public List<String> header() {
    return header;
  }

  /**
   * The next record, or null at the end of the file. A malformed record comes back with its error
   * rather than as an exception, so that the caller can report it and go on.
   */
  @Override
  public ListRecord next() throws IOException {
    while (true) {
      Line first = readLine();
      if (first == null) {
        return null;
      }
      if (first.tooLong()) {
        return new ListRecord(
            first.number(),
            List.of(),
            first.text(),
            "Ligne trop longue : plus de " + MAX_LINE_CHARS + " caractères.");
      }
      if (first.text().isBlank()) {
        continue;
      }
      List<Line> consumed = new ArrayList<>(2);
      List<String> fields = split(first, consumed);
      if (fields == null) {
        return strayQuote(first, consumed);
      }
      if (consumed.size() > 1 && (textAfterClosingQuote || fields.size() != header.size())) {
        // A genuine multi-line field closes its quote right before a delimiter and keeps the
        // header's shape. Otherwise a stray quote was closed by some other quote lines below
        // (often the opening quote of a legitimate field): give those lines back.
        return strayQuote(first, consumed);
      }
      if (allBlank(fields)) {
        continue;
      }
      if (fields.size() != header.size()) {
        return new ListRecord(
            first.number(),
            fields,
            first.text(),
            "Nombre de champs incorrect : " + fields.size() + " au lieu de " + header.size() + ".");
      }
      return new ListRecord(first.number(), fields, raw(consumed), null);
    }
  }

  /**
   * Bytes consumed from the file so far, for progress reporting. It runs ahead of the records
   * returned by the decoder's read-ahead (a few KB).
   */
  @Override
  public long bytesRead() {
    return bytes.count;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // The file was only read: a failed close loses nothing, and the caller has its records.
    }
  }

  // ---- header

  private void readHeader() throws IOException, UnreadableFileException {
    Line first = readLine();
    while (first != null && !first.tooLong() && first.text().isBlank()) {
      first = readLine();
    }
    if (first == null) {
      throw new UnreadableFileException(
          "Le fichier ne contient aucune ligne d'en-tête : la première ligne doit nommer les"
              + " colonnes (nom;prenom;date_naissance;…).");
    }
    if (first.tooLong()) {
      throw new UnreadableFileException(
          "La première ligne n'est pas un en-tête de colonnes : elle dépasse "
              + MAX_LINE_CHARS
              + " caractères.");
    }
    delimiter = detectDelimiter(first.text());
    pending.addFirst(first);
    Line again = readLine();
    List<Line> consumed = new ArrayList<>(2);
    List<String> names = split(again, consumed);
    if (names == null) {
      throw new UnreadableFileException(
          "En-tête illisible : un guillemet n'est pas fermé sur la ligne " + first.number() + ".");
    }
    List<String> trimmed = new ArrayList<>(names.size());
    for (String name : names) {
      trimmed.add(name.strip());
    }
    header = Collections.unmodifiableList(trimmed);
  }

  /**
   * The delimiter used most on the header line, outside quotes. A header is a handful of plain
   * names, so counting them there is reliable where counting on data lines would not be (addresses
   * hold commas).
   */
  private static char detectDelimiter(String line) throws UnreadableFileException {
    int semicolons = 0;
    int commas = 0;
    int tabs = 0;
    int pipes = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        switch (c) {
          case ';' -> semicolons++;
          case ',' -> commas++;
          case '\t' -> tabs++;
          case '|' -> pipes++;
          default -> {}
        }
      }
    }
    int best = Math.max(semicolons, commas);
    if (tabs > best) {
      throw new UnreadableFileException(
          "Séparateur non pris en charge : les colonnes semblent séparées par des tabulations."
              + " Enregistrez le fichier au format CSV avec le point-virgule (;) ou la virgule (,)"
              + " comme séparateur.");
    }
    if (pipes > best) {
      throw new UnreadableFileException(
          "Séparateur non pris en charge : les colonnes semblent séparées par des barres"
              + " verticales (|). Utilisez le point-virgule (;) ou la virgule (,).");
    }
    if (best == 0) {
      throw new UnreadableFileException(
          "Séparateur introuvable sur la ligne d'en-tête : les colonnes doivent être séparées par"
              + " un point-virgule (;) ou une virgule (,).");
    }
    return semicolons >= commas ? ';' : ',';
  }

  // ---- records

  /**
   * Splits one record starting at {@code first}, pulling further physical lines while a quoted
   * field is open. Every line used is added to {@code consumed}. Returns null when the quote is
   * still open after {@value #MAX_RECORD_LINES} lines or at the end of the file.
   */
  private List<String> split(Line first, List<Line> consumed) throws IOException {
    List<String> fields = new ArrayList<>(header == null ? 16 : header.size());
    StringBuilder field = new StringBuilder(64);
    boolean quoted = false;
    boolean fieldStart = true;
    textAfterClosingQuote = false;
    Line line = first;
    consumed.add(first);
    while (true) {
      String s = line.text();
      int length = s.length();
      for (int i = 0; i < length; i++) {
        char c = s.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < length && s.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              quoted = false;
              int next = i + 1;
              while (next < length && (s.charAt(next) == ' ' || s.charAt(next) == '\t')) {
                next++;
              }
              if (next < length && s.charAt(next) != delimiter) {
                textAfterClosingQuote = true;
              }
            }
          } else {
            field.append(c);
          }
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
          fieldStart = true;
        } else if (c == '"' && fieldStart) {
          // Spaces before an opening quote (as in `"a", "b"`) are layout, not content.
          field.setLength(0);
          quoted = true;
          fieldStart = false;
        } else {
          field.append(c);
          if (c != ' ' && c != '\t') {
            fieldStart = false;
          }
        }
      }
      if (!quoted) {
        fields.add(field.toString());
        return fields;
      }
      if (consumed.size() >= MAX_RECORD_LINES) {
        return null;
      }
      Line following = readLine();
      if (following == null) {
        return null;
      }
      if (following.tooLong()) {
        pending.addFirst(following);
        return null;
      }
      consumed.add(following);
      // Inside a field, a line break is a line break whatever the file's line endings.
      field.append('\n');
      line = following;
    }
  }

  private ListRecord strayQuote(Line first, List<Line> consumed) {
    for (int i = consumed.size() - 1; i >= 1; i--) {
      pending.addFirst(consumed.get(i));
    }
    return new ListRecord(first.number(), List.of(), first.text(), STRAY_QUOTE);
  }

  private static boolean allBlank(List<String> fields) {
    for (String f : fields) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String raw(List<Line> lines) {
    if (lines.size() == 1) {
      return lines.get(0).text();
    }
    StringBuilder raw = new StringBuilder();
    for (Line l : lines) {
      if (!raw.isEmpty()) {
        raw.append('\n');
      }
      raw.append(l.text());
    }
    return raw.toString();
  }

  // ---- physical lines

  /** The next physical line without its terminator, or null at the end of the file. */
  private Line readLine() throws IOException {
    if (!pending.isEmpty()) {
      return pending.pollFirst();
    }
    lineText.setLength(0);
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      int start = position;
      int end = start;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      if (!tooLong) {
        lineText.append(buffer, start, end - start);
        if (lineText.length() > MAX_LINE_CHARS) {
          tooLong = true;
          lineText.setLength(RAW_KEPT_CHARS);
        }
      }
      position = end;
      if (end < limit) {
        char terminator = buffer[position++];
        if (terminator == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
          position++;
        }
        break;
      }
    }
    physicalLines++;
    return new Line(physicalLines, lineText.toString(), tooLong);
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int n;
    do {
      n = reader.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      endOfInput = true;
      position = limit = 0;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  // ---- sniffing

  private static byte[] sniff(Path file) throws IOException, UnreadableFileException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SNIFF_BYTES);
      if (head.length == 0) {
        throw new UnreadableFileException("Le fichier est vide.");
      }
      return head;
    }
  }

  private static void refuseNonText(byte[] head) throws UnreadableFileException {
    if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw new UnreadableFileException(
          "Ce fichier est un classeur (Excel, LibreOffice) ou une archive, pas un fichier CSV :"
              + " enregistrez la feuille au format « CSV (séparateur : point-virgule) » puis"
              + " importez ce fichier.");
    }
    if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
      throw new UnreadableFileException(
          "Encodage UTF-16 non pris en charge : enregistrez le fichier en « CSV UTF-8 » ou en"
              + " « CSV (séparateur : point-virgule) ».");
    }
    int controls = 0;
    for (byte b : head) {
      if (b == 0) {
        throw binary();
      }
      // Tab, line feed, form feed, carriage return and the old DOS end-of-file mark occur in text.
      boolean control = b > 0 && b < 0x20 || b == 0x7F;
      if (control && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != 0x1A) {
        controls++;
      }
    }
    if (controls * 50L > head.length) {
      throw binary();
    }
  }

  private static UnreadableFileException binary() {
    return new UnreadableFileException(
        "Le fichier n'est pas un fichier texte CSV (contenu binaire) : exportez la liste au format"
            + " CSV.");
  }

  private static boolean startsWith(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Streams the whole file through a strict UTF-8 decoder. The whole file rather than its first
   * megabytes: exports are often sorted by name or by establishment, so the first accented letter
   * of a Windows-1252 file may come late, and a wrong guess would corrupt every accented name after
   * it. One sequential pass costs little next to parsing (under 0.1 s for a 250,000-row, 60 MB
   * file, and it warms the page cache for the real read).
   */
  static boolean isValidUtf8(Path file) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(256 * 1024);
    // UTF-8 never yields more chars than bytes, so the output cannot overflow.
    CharBuffer out = CharBuffer.allocate(in.capacity());
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      while (true) {
        boolean end = channel.read(in) < 0;
        in.flip();
        CoderResult result = decoder.decode(in, out, end);
        if (result.isError()) {
          return false;
        }
        out.clear();
        in.compact();
        if (end) {
          return !decoder.flush(out).isError();
        }
      }
    }
  }

  /** Counts the bytes the decoder pulls from the file, for {@link #bytesRead()}. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in, long alreadyRead) {
      super(in);
      this.count = alreadyRead;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
