package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.testsupport.Workbooks;
import fr.raccroche.testsupport.Workbooks.Code;
import fr.raccroche.testsupport.Workbooks.Layout;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel workbooks as the source systems export them, read like their CSV twin. */
class XlsxFileTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private static final List<String> HEADER =
      List.of(
          "INE",
          "Nom de famille",
          "Prénom 1",
          "Né(e) le",
          "Code postal",
          "Code INSEE",
          "Code UAI",
          "Niveau",
          "Date de sortie");

  @TempDir Path dir;

  static List<Object> row(Object... values) {
    return List.of(values);
  }

  @Test
  void readsDatesAsExcelDatesOrTextAndCodesStoredAsNumbers() throws Exception {
    Path xlsx = dir.resolve("liste.xlsx");
    Workbooks.write(
        xlsx,
        HEADER,
        List.of(
            // A date cell, a postal code stored as a number without its leading zero, a commune
            // code formatted 00000, a whole number for the level.
            row(
                "1234567890A",
                "Lefèvre",
                "Éloïse",
                LocalDate.of(2008, 3, 14),
                1000,
                new Code(1053, 5),
                "0690001B",
                4,
                LocalDate.of(2026, 6, 30)),
            // The same dates typed as text, as many exports do.
            row(
                "",
                "N'Diaye",
                "Moussa",
                "14/03/2008",
                "69003",
                "69383",
                "",
                "2nde",
                "2026-06-30")));

    try (ListFile file = ListFile.open(xlsx, null, ColumnAliases.builtIn()::score)) {
      assertThat(file.format()).isEqualTo(ListFile.Format.XLSX);
      assertThat(file.header()).isEqualTo(HEADER);
      ListRecord first = file.next();
      assertThat(first.line()).isEqualTo(2);
      assertThat(first.fields())
          .containsExactly(
              "1234567890A",
              "Lefèvre",
              "Éloïse",
              "2008-03-14",
              "1000",
              "01053",
              "0690001B",
              "4",
              "2026-06-30");
      ListRecord second = file.next();
      assertThat(second.fields().get(3)).isEqualTo("14/03/2008");
      assertThat(file.next()).isNull();
      assertThat(file.notes()).containsExactly("Feuille « Feuil1 » lue.");
    }

    try (ListFile file = ListFile.open(xlsx, null, ColumnAliases.builtIn()::score)) {
      LeaverRowParser parser = new LeaverRowParser(file.header(), ImportKind.LEAVERS, TODAY);
      LeaverRow r = parser.parse(file.next()).row();
      assertThat(r.birthDate()).isEqualTo(LocalDate.of(2008, 3, 14));
      assertThat(r.postalCode()).as("leading zero restored").isEqualTo("01000");
      assertThat(r.communeCode()).isEqualTo("01053");
      assertThat(parser.parse(file.next()).row().birthDate()).isEqualTo(LocalDate.of(2008, 3, 14));
    }
  }

  @Test
  void aWorkbookAndItsCsvExportAreTheSameRows() throws Exception {
    List<String> header = List.of("nom", "prenom", "date_naissance", "code_postal", "date_sortie");
    Path xlsx = dir.resolve("twin.xlsx");
    Workbooks.write(
        xlsx,
        header,
        List.of(
            row(
                "Martin",
                "Léa",
                LocalDate.of(2008, 1, 2),
                new Code(69003, 5),
                LocalDate.of(2026, 6, 30)),
            row("Bernard", "Hugo", LocalDate.of(2007, 12, 31), 69100, LocalDate.of(2026, 5, 4))));
    Path csv = dir.resolve("twin.csv");
    Files.writeString(
        csv,
        "nom;prenom;date_naissance;code_postal;date_sortie\n"
            + "Martin;Léa;02/01/2008;69003;30/06/2026\n"
            + "Bernard;Hugo;31/12/2007;69100;04/05/2026\n",
        StandardCharsets.UTF_8);
    assertThat(hashes(xlsx)).isEqualTo(hashes(csv)).hasSize(2);
  }

  private List<String> hashes(Path file) throws Exception {
    List<String> hashes = new ArrayList<>();
    try (ListFile f = ListFile.open(file, null, ColumnAliases.builtIn()::score)) {
      LeaverRowParser parser = new LeaverRowParser(f.header(), ImportKind.LEAVERS, TODAY);
      ListRecord r;
      while ((r = f.next()) != null) {
        hashes.add(parser.parse(r).row().rowHash());
      }
    }
    return hashes;
  }

  @Test
  void skipsTitleAndMergedGroupRowsAboveTheHeaderAndIgnoresEmptyHeaderCells() throws Exception {
    Path xlsx = dir.resolve("titres.xlsx");
    List<String> header = new ArrayList<>(HEADER);
    header.add(4, null); // an empty header cell: its column is ignored
    Workbooks.write(
        xlsx,
        header,
        List.of(
            row(
                "",
                "Durand",
                "Lou",
                "01/02/2008",
                "commentaire",
                "69100",
                "",
                "",
                "1re",
                "30/06/2026"),
            row(), // an empty row in the middle of the list
            row("", "Petit", "Noé", "03/04/2008", "", "69100", "", "", "Tle", "30/06/2026")),
        Layout.plain()
            .withSheet("Sortants 2026")
            .withTitles(
                List.of("Académie de Lyon — sortants sans diplôme", "Extraction du 04/12/2026"))
            .withGroupRow("Identité", 4)
            .withSheetBefore("Lisez-moi"));

    try (ListFile file = ListFile.open(xlsx, "sortants 2026", ColumnAliases.builtIn()::score)) {
      assertThat(file.header()).hasSize(10);
      assertThat(file.header().get(4)).isEmpty();
      assertThat(file.notes())
          .containsExactly(
              "Feuille « Sortants 2026 » lue.",
              "3 lignes de titre ignorées au-dessus de l'en-tête (ligne 4 de la feuille).");
      ListRecord first = file.next();
      assertThat(first.line()).isEqualTo(5);
      ListRecord second = file.next();
      assertThat(second.line()).as("the empty row is skipped").isEqualTo(7);
      assertThat(file.next()).isNull();
      LeaverRowParser parser = new LeaverRowParser(file.header(), ImportKind.LEAVERS, TODAY);
      assertThat(parser.warnings()).contains("Colonne sans nom ignorée : colonne 5.");
      assertThat(parser.parse(first).row().lastName()).isEqualTo("Durand");
    }
    // Without a sheet name: the first sheet, which holds no list: its "header" lacks every column.
    try (ListFile first = ListFile.open(xlsx, null, ColumnAliases.builtIn()::score)) {
      assertThat(first.notes()).containsExactly("Feuille « Lisez-moi » lue.");
      assertThatThrownBy(() -> new LeaverRowParser(first.header(), ImportKind.LEAVERS, TODAY))
          .isInstanceOf(UnreadableFileException.class)
          .hasMessageContaining("Colonnes obligatoires absentes");
    }
    assertThatThrownBy(() -> ListFile.open(xlsx, "Feuil9", ColumnAliases.builtIn()::score))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("Feuille « Feuil9 » introuvable")
        .hasMessageContaining("« Lisez-moi », « Sortants 2026 »");
  }

  @Test
  void refusesXlsOdsAndPasswordProtectedWorkbooksSayingWhatToDo() throws Exception {
    Path xls = dir.resolve("ancien.xls");
    try (HSSFWorkbook wb = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(xls)) {
      wb.createSheet("Feuil1").createRow(0).createCell(0).setCellValue("nom");
      wb.write(out);
    }
    assertThatThrownBy(() -> ListFile.open(xls, null, ColumnAliases.builtIn()::score))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("Excel 97-2003 (.xls)")
        .hasMessageContaining("« Classeur Excel (.xlsx) »");

    Path ods = dir.resolve("libre.ods");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(ods))) {
      zip.putNextEntry(new ZipEntry("mimetype"));
      zip.write(ListFile.ODS.getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertThatThrownBy(() -> ListFile.open(ods, null, ColumnAliases.builtIn()::score))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("OpenDocument (.ods")
        .hasMessageContaining("Excel 2007-365 (.xlsx)");

    Path plain = dir.resolve("clair.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(plain)) {
      wb.createSheet("Feuil1").createRow(0).createCell(0).setCellValue("nom");
      wb.write(out);
    }
    Path locked = dir.resolve("protege.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OPCPackage opc = OPCPackage.open(plain.toFile());
          OutputStream os = enc.getDataStream(fs)) {
        opc.save(os);
      }
      try (OutputStream out = Files.newOutputStream(locked)) {
        fs.writeFilesystem(out);
      }
    }
    assertThatThrownBy(() -> ListFile.open(locked, null, ColumnAliases.builtIn()::score))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("protégé par un mot de passe")
        .hasMessageContaining("retirez la protection");

    Path zip = dir.resolve("archive.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("liste.csv"));
      z.write("nom;prenom\n".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertThatThrownBy(() -> ListFile.open(zip, null, ColumnAliases.builtIn()::score))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("archive");
  }

  /** Excel itself keeps text in the shared-strings table (POI's streaming writer inlines it). */
  @Test
  void readsTextFromTheSharedStringsTableAsExcelWritesIt() throws Exception {
    Path xlsx = dir.resolve("excel.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      var sheet = wb.createSheet("Élèves");
      var h = sheet.createRow(0);
      List<String> names = List.of("Nom", "Prénom", "Date de naissance", "Téléphone", "Remarque");
      for (int i = 0; i < names.size(); i++) {
        h.createCell(i).setCellValue(names.get(i));
      }
      var r = sheet.createRow(1);
      r.createCell(0).setCellValue("Lemaître");
      r.createCell(1).setCellValue("Zoé");
      r.createCell(2).setCellValue("14/03/2008");
      r.createCell(3).setCellValue("0612345678");
      r.createCell(4).setCellValue("ligne 1\nligne 2");
      sheet.createRow(2).createCell(0).setCellValue("Lemaître"); // the same shared string again
      wb.write(out);
    }
    try (ListFile file = ListFile.open(xlsx, null, ColumnAliases.builtIn()::score)) {
      assertThat(file.header())
          .containsExactly("Nom", "Prénom", "Date de naissance", "Téléphone", "Remarque");
      assertThat(file.next().fields())
          .containsExactly("Lemaître", "Zoé", "14/03/2008", "0612345678", "ligne 1\nligne 2");
      assertThat(file.next().fields().get(0)).isEqualTo("Lemaître");
    }
    assertThat(SheetStrings.decode("a_x000D_b_xZZ_")).isEqualTo("a\rb_xZZ_");
  }

  @Test
  void aSheetNameForACsvFileIsRefused() throws Exception {
    Path csv = dir.resolve("liste.csv");
    Files.writeString(csv, "nom;prenom\nA;B\n");
    assertThatThrownBy(() -> ListFile.open(csv, "Feuil1", ColumnAliases.builtIn()::score))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("CSV");
  }

  @Test
  void closingEarlyStopsTheReadingThread() throws Exception {
    Path xlsx = dir.resolve("long.xlsx");
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      rows.add(row("", "Nom" + i, "Prenom", "01/01/2008", "69003", "", "", "", "30/06/2026"));
    }
    Workbooks.write(xlsx, HEADER, rows);
    ListFile file = ListFile.open(xlsx, null, ColumnAliases.builtIn()::score);
    file.next();
    file.close();
    Thread.sleep(100);
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("raccroche-xlsx-reader") && t.isAlive()))
        .isEmpty();
  }
}
