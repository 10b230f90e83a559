package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @TempDir Path dir;

  @Test
  void readsUtf8WithBomAndSkipsTheBom() throws Exception {
    Path file =
        write(
            bytes(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "nom;prénom\nN'Diaye;Éloïse\n".getBytes(StandardCharsets.UTF_8)));

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.charset()).isEqualTo(StandardCharsets.UTF_8);
      assertThat(csv.header()).containsExactly("nom", "prénom");
      assertThat(csv.next().fields()).containsExactly("N'Diaye", "Éloïse");
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  void readsUtf8WithoutBom() throws Exception {
    Path file = write("nom;prenom\nLefèvre;Maëlys\nLebœuf;Noé\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.charset()).isEqualTo(StandardCharsets.UTF_8);
      assertThat(records(csv))
          .extracting(ListRecord::fields)
          .containsExactly(List.of("Lefèvre", "Maëlys"), List.of("Lebœuf", "Noé"));
    }
  }

  @Test
  void readsWindows1252WithAccents() throws Exception {
    // É = C9, è = E8, ï = EF, œ = 9C in Windows-1252: none is a valid UTF-8 sequence here.
    byte[] content = {
      'n',
      'o',
      'm',
      ';',
      'p',
      'r',
      'e',
      'n',
      'o',
      'm',
      '\r',
      '\n',
      'L',
      'e',
      'f',
      (byte) 0xE8,
      'v',
      'r',
      'e',
      ';',
      (byte) 0xC9,
      'l',
      'o',
      (byte) 0xEF,
      's',
      'e',
      '\r',
      '\n',
      'L',
      'e',
      'b',
      (byte) 0x9C,
      'u',
      'f',
      ';',
      'Z',
      'o',
      (byte) 0xE9,
      '\r',
      '\n'
    };
    Path file = write(content);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.charset()).isEqualTo(WINDOWS_1252);
      assertThat(records(csv))
          .extracting(ListRecord::fields)
          .containsExactly(List.of("Lefèvre", "Éloïse"), List.of("Lebœuf", "Zoé"));
    }
  }

  @Test
  void detectsWindows1252EvenWhenTheFirstAccentComesAfterMegabytesOfAscii() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("nom;prenom\n".getBytes(StandardCharsets.US_ASCII));
    byte[] line = "Martin;Lucas\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 300_000; i++) {
      out.writeBytes(line);
    }
    out.writeBytes("Dupont;Ana".getBytes(StandardCharsets.US_ASCII));
    out.write(0xEF); // ï
    out.writeBytes("s\n".getBytes(StandardCharsets.US_ASCII));
    Path file = write(out.toByteArray());

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.charset()).isEqualTo(WINDOWS_1252);
      ListRecord last = null;
      for (ListRecord r = csv.next(); r != null; r = csv.next()) {
        last = r;
      }
      assertThat(last.fields()).containsExactly("Dupont", "Anaïs");
      assertThat(last.line()).isEqualTo(300_002);
      assertThat(csv.bytesRead()).isEqualTo(Files.size(file));
    }
  }

  @Test
  void detectsTheSemicolonDelimiter() throws Exception {
    Path file =
        write("nom;prenom;adresse\nMartin;Léa;12, rue Victor Hugo\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.delimiter()).isEqualTo(';');
      assertThat(csv.next().fields()).containsExactly("Martin", "Léa", "12, rue Victor Hugo");
    }
  }

  @Test
  void detectsTheCommaDelimiter() throws Exception {
    Path file =
        write("nom,prenom,adresse\nMartin,Léa,\"12, rue Victor Hugo\"\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.delimiter()).isEqualTo(',');
      assertThat(csv.next().fields()).containsExactly("Martin", "Léa", "12, rue Victor Hugo");
    }
  }

  @Test
  void quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws Exception {
    Path file =
        write(
            "nom;adresse;motif\n"
                + "Martin;\"Bâtiment B; escalier 2\n12 rue de l'Église\";\"dit \"\"en pause\"\"\"\n"
                + "Petit;3 rue Paul Bert;\n",
            StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      ListRecord first = csv.next();
      assertThat(first.error()).isNull();
      assertThat(first.line()).isEqualTo(2);
      assertThat(first.fields())
          .containsExactly(
              "Martin", "Bâtiment B; escalier 2\n12 rue de l'Église", "dit \"en pause\"");
      assertThat(first.raw())
          .isEqualTo(
              "Martin;\"Bâtiment B; escalier 2\n12 rue de l'Église\";\"dit \"\"en pause\"\"\"");
      ListRecord second = csv.next();
      assertThat(second.line()).as("the quoted line break counts as a physical line").isEqualTo(4);
      assertThat(second.fields()).containsExactly("Petit", "3 rue Paul Bert", "");
    }
  }

  @Test
  void readsCrlfLineEndingsWithoutKeepingTheCarriageReturn() throws Exception {
    Path file =
        write(
            "nom;adresse\r\nMartin;\"Bâtiment B\r\n12 rue Garibaldi\"\r\nPetit;3 rue Paul Bert\r\n",
            StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.header()).containsExactly("nom", "adresse");
      assertThat(records(csv))
          .extracting(ListRecord::fields)
          .containsExactly(
              List.of("Martin", "Bâtiment B\n12 rue Garibaldi"),
              List.of("Petit", "3 rue Paul Bert"));
    }
  }

  @Test
  void acceptsALastLineWithoutLineBreakAndOldMacLineEndings() throws Exception {
    Path file = write("nom;prenom\rMartin;Léa\rPetit;Hugo", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(records(csv))
          .extracting(ListRecord::line, ListRecord::fields)
          .containsExactly(
              tuple(2L, List.of("Martin", "Léa")), tuple(3L, List.of("Petit", "Hugo")));
    }
  }

  @Test
  void skipsBlankLinesAndSpreadsheetEmptyRowsButKeepsLineNumbers() throws Exception {
    Path file =
        write("nom;prenom\n\n   \nMartin;Léa\n;\n ; \nPetit;Hugo\n\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(records(csv)).extracting(ListRecord::line).containsExactly(4L, 7L);
    }
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    Path file = write(new byte[0]);

    assertThatThrownBy(() -> CsvFile.open(file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("Le fichier est vide.");
  }

  @Test
  void refusesAFileWithoutHeaderLine() throws Exception {
    Path file = write("\n  \n\r\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CsvFile.open(file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith("Le fichier ne contient aucune ligne d'en-tête");
  }

  @Test
  void aHeaderOnlyFileHasNoRecord() throws Exception {
    Path file = write("nom;prenom;date_naissance\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.header()).containsExactly("nom", "prenom", "date_naissance");
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  void refusesABinaryFile() throws Exception {
    byte[] content = new byte[4096];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    Path file = write(content);

    assertThatThrownBy(() -> CsvFile.open(file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("binaire");
  }

  @Test
  void refusesAFileFullOfControlCharactersEvenWithoutNul() throws Exception {
    byte[] content = "nom;prenom\n\u0001\u0002\u0003\u0004;\u0005\u0006\u0007\n".getBytes();
    Path file = write(content);

    assertThatThrownBy(() -> CsvFile.open(file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("binaire");
  }

  @Test
  void refusesASpreadsheetWithAnExplanation() throws Exception {
    Path file = write(bytes("PK".getBytes(), new byte[] {3, 4, 20, 0, 6, 0}));

    assertThatThrownBy(() -> CsvFile.open(file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("classeur")
        .hasMessageContaining("CSV");
  }

  @Test
  void refusesATabSeparatedFileNamingTheExpectedDelimiters() throws Exception {
    Path file =
        write("nom\tprenom\tdate_naissance\nMartin\tLéa\t01/02/2007\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CsvFile.open(file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("tabulations")
        .hasMessageContaining("point-virgule (;)")
        .hasMessageContaining("virgule (,)");
  }

  @Test
  void refusesAHeaderWithoutAnyDelimiter() throws Exception {
    Path file = write("nom\nMartin\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CsvFile.open(file))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("point-virgule (;) ou une virgule (,)");
  }

  @Test
  void aStrayQuoteLosesOnlyItsOwnLineWhenNeverClosed() throws Exception {
    StringBuilder content = new StringBuilder("nom;prenom;ville\n");
    content.append("\"Martin;Léa;Lyon\n");
    for (int i = 0; i < 30; i++) {
      content.append("Petit").append(i).append(";Hugo;Bron\n");
    }
    Path file = write(content.toString(), StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      List<ListRecord> records = records(csv);
      assertThat(records.get(0).line()).isEqualTo(2);
      assertThat(records.get(0).error()).isEqualTo("Guillemet non fermé : ligne illisible.");
      assertThat(records.get(0).raw()).isEqualTo("\"Martin;Léa;Lyon");
      assertThat(records.subList(1, records.size()))
          .hasSize(30)
          .allSatisfy(r -> assertThat(r.error()).isNull());
      assertThat(records.get(1).line()).isEqualTo(3);
      assertThat(records.get(1).fields()).containsExactly("Petit0", "Hugo", "Bron");
      assertThat(records.get(30).line()).isEqualTo(32);
    }
  }

  @Test
  void aStrayQuoteAtTheEndOfTheFileLosesOnlyItsOwnLine() throws Exception {
    Path file =
        write("nom;prenom;ville\nMartin;\"Léa;Lyon\nPetit;Hugo;Bron\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      List<ListRecord> records = records(csv);
      assertThat(records).extracting(ListRecord::line).containsExactly(2L, 3L);
      assertThat(records.get(0).error()).isEqualTo(CsvFile.STRAY_QUOTE);
      assertThat(records.get(1).fields()).containsExactly("Petit", "Hugo", "Bron");
    }
  }

  @Test
  void aStrayQuoteClosedByAnotherFieldsQuoteDoesNotSwallowTheLinesBetween() throws Exception {
    Path file =
        write(
            "nom;prenom;adresse\n"
                + "\"Martin;Léa;3 rue Paul Bert\n"
                + "Petit;Hugo;8 rue Garibaldi\n"
                + "Roux;Inès;\"Bâtiment B; 12 rue Victor Hugo\"\n",
            StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      List<ListRecord> records = records(csv);
      assertThat(records).extracting(ListRecord::line).containsExactly(2L, 3L, 4L);
      assertThat(records.get(0).error()).isEqualTo(CsvFile.STRAY_QUOTE);
      assertThat(records.get(1).fields()).containsExactly("Petit", "Hugo", "8 rue Garibaldi");
      assertThat(records.get(2).fields())
          .containsExactly("Roux", "Inès", "Bâtiment B; 12 rue Victor Hugo");
    }
  }

  @Test
  void reportsAWrongNumberOfFieldsAndGoesOn() throws Exception {
    Path file =
        write(
            "nom;prenom;ville\nMartin;Léa\nPetit;Hugo;Bron;en trop\nRoux;Inès;Lyon\n",
            StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      List<ListRecord> records = records(csv);
      assertThat(records)
          .extracting(ListRecord::error)
          .containsExactly(
              "Nombre de champs incorrect : 2 au lieu de 3.",
              "Nombre de champs incorrect : 4 au lieu de 3.",
              null);
      assertThat(records.get(0).raw()).isEqualTo("Martin;Léa");
    }
  }

  @Test
  void rejectsAnAbsurdlyLongLineWithoutKeepingItAndGoesOn() throws Exception {
    String huge = "x".repeat(CsvFile.MAX_LINE_CHARS + 10);
    Path file = write("nom;prenom\n" + huge + ";y\nMartin;Léa\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      ListRecord tooLong = csv.next();
      assertThat(tooLong.error()).startsWith("Ligne trop longue");
      assertThat(tooLong.raw().length()).isLessThan(2_000);
      assertThat(csv.next().fields()).containsExactly("Martin", "Léa");
    }
  }

  @Test
  void trimsHeaderNamesAndReportsProgressInBytes() throws Exception {
    Path file = write(" nom ; prenom \nMartin;Léa\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.header()).containsExactly("nom", "prenom");
      assertThat(csv.next().fields()).containsExactly("Martin", "Léa");
      assertThat(csv.next()).isNull();
      assertThat(csv.bytesRead()).isEqualTo(Files.size(file));
    }
  }

  @Test
  void keepsPersonalDataOutOfToString() throws Exception {
    Path file = write("nom;prenom\nMartin;Léa\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.next().toString()).doesNotContain("Martin").doesNotContain("Léa");
    }
  }

  // ---- helpers

  private static List<ListRecord> records(CsvFile csv) throws IOException {
    List<ListRecord> records = new ArrayList<>();
    for (ListRecord r = csv.next(); r != null; r = csv.next()) {
      records.add(r);
    }
    return records;
  }

  private Path write(String content, Charset charset) throws IOException {
    return write(content.getBytes(charset));
  }

  private Path write(byte[] content) throws IOException {
    Path file = Files.createTempFile(dir, "liste", ".csv");
    Files.write(file, content);
    return file;
  }

  private static byte[] bytes(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
