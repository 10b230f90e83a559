package fr.raccroche.detection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A list file read record by record, whatever its format: a CSV file ({@link CsvFile}) or an Excel
 * workbook ({@link XlsxFile}). Memory does not depend on the number of rows.
 */
public interface ListFile extends AutoCloseable {

  /** The file formats a list may come in. */
  enum Format {
    CSV,
    XLSX
  }

  Format format();

  /** Header names as written, trimmed (an empty name for an empty or merged header cell). */
  List<String> header();

  /** The next record, or null at the end; a malformed record comes back with its error. */
  ListRecord next() throws IOException;

  /** How far the reading is, in bytes of the file (an estimate for a workbook). */
  long bytesRead();

  /** What the reader did that the user should know, in French (sheet read, rows skipped). */
  default List<String> notes() {
    return List.of();
  }

  @Override
  void close();

  /**
   * Opens a list file, its format told by its content (never by its name, which the user chose): an
   * Excel workbook (.xlsx), else CSV. Workbooks in a format the import does not read (.xls, .ods,
   * password-protected) are refused whole with a French message that says what to do.
   *
   * @param sheet the sheet to read in a workbook (by name, case and spaces ignored), null for the
   *     first one; a CSV file has none
   * @param headerScore how many cells of a row name a known column: in a workbook, title rows above
   *     the header are skipped
   */
  static ListFile open(Path file, String sheet, ToIntFunction<List<String>> headerScore)
      throws UnreadableFileException, IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8);
    }
    if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw new UnreadableFileException(
          XlsxFile.isEncrypted(file)
              ? "Ce classeur est protégé par un mot de passe : Raccroche ne peut pas le lire. Ouvrez"
                  + " le classeur, retirez la protection (Fichier > Informations > Protéger le"
                  + " classeur > Chiffrer avec mot de passe : effacez le mot de passe), enregistrez"
                  + " au format .xlsx puis importez-le. Transmettez le mot de passe par un autre"
                  + " canal que le fichier."
              : "Ce classeur est au format Excel 97-2003 (.xls), que Raccroche ne lit pas :"
                  + " ouvrez-le et enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV"
                  + " (séparateur : point-virgule) », puis importez ce fichier.");
    }
    if (startsWith(head, 'P', 'K', 3, 4)) {
      Format zipped = zipKind(file);
      if (zipped == Format.XLSX) {
        if (sheet != null && sheet.isBlank()) {
          sheet = null;
        }
        return XlsxFile.open(file, sheet, headerScore);
      }
      throw new UnreadableFileException(ODS.equals(zipMimetype(file)) ? ODS_REFUSED : ARCHIVE);
    }
    if (sheet != null && !sheet.isBlank()) {
      throw new UnreadableFileException(
          "Le paramètre « sheet » (feuille) ne vaut que pour un classeur Excel (.xlsx) : ce"
              + " fichier est un fichier CSV.");
    }
    return CsvFile.open(file);
  }

  String ODS = "application/vnd.oasis.opendocument.spreadsheet";
  String ODS_REFUSED =
      "Ce classeur est au format OpenDocument (.ods, LibreOffice), que Raccroche ne lit pas :"
          + " dans LibreOffice, « Fichier > Enregistrer sous » au format « Excel 2007-365 (.xlsx) »"
          + " ou « Texte CSV (.csv) » avec le point-virgule comme séparateur, puis importez ce"
          + " fichier.";
  String ARCHIVE =
      "Ce fichier est une archive (zip) ou un document qui n'est pas un classeur Excel : importez"
          + " la liste au format .xlsx ou CSV.";

  private static Format zipKind(Path file) throws UnreadableFileException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null
          ? Format.XLSX
          : null;
    } catch (IOException e) {
      throw new UnreadableFileException(
          "Le classeur est endommagé ou incomplet (archive illisible) : enregistrez-le de nouveau"
              + " au format .xlsx, ou exportez la liste au format CSV.");
    }
  }

  private static String zipMimetype(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry mimetype = zip.getEntry("mimetype");
      if (mimetype == null) {
        return null;
      }
      try (InputStream in = zip.getInputStream(mimetype)) {
        return new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII).strip();
      }
    } catch (IOException e) {
      return null;
    }
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
}
