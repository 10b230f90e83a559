package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.detection.HeaderColumn;
import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.internal.ParsedRow.Outcome;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeaverRowParserTest {
  private static final LocalDate IMPORT_DATE = LocalDate.of(2025, 6, 30);

  @TempDir Path dir;

  // ---- a valid row and its normalisation

  @Test
  void acceptsAndNormalisesAValidRow() throws Exception {
    ParsedRow parsed =
        parse(
            "ine", " 123456789ab ",
            "nom", " N'Diaye ",
            "prenom", "Éloïse",
            "sexe", "f",
            "code_postal", "1000",
            "code_commune", "1053",
            "uai", "0690001b",
            "telephone", "06 12 34 56 78");

    assertThat(parsed.outcome()).isEqualTo(Outcome.VALID);
    assertThat(parsed.reason()).isNull();
    LeaverRow row = parsed.row();
    assertThat(row.line()).isEqualTo(2);
    assertThat(row.ine()).isEqualTo("123456789AB");
    assertThat(row.lastName()).isEqualTo("N'Diaye");
    assertThat(row.firstName()).isEqualTo("Éloïse");
    assertThat(row.sex()).isEqualTo("F");
    assertThat(row.birthDate()).isEqualTo(LocalDate.of(2007, 3, 14));
    assertThat(row.leavingDate()).isEqualTo(LocalDate.of(2025, 1, 20));
    assertThat(row.postalCode()).as("leading zero restored").isEqualTo("01000");
    assertThat(row.communeCode()).isEqualTo("01053");
    assertThat(row.uai()).isEqualTo("0690001B");
    assertThat(row.phone()).isEqualTo("06 12 34 56 78");
    assertThat(row.email()).isEqualTo("eloise@example.org");
    assertThat(row.legalGuardian()).isNull();
    assertThat(row.rowHash()).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void keepsPersonalDataOutOfToString() throws Exception {
    ParsedRow parsed = parse("nom", "Lemaître", "prenom", "Anaïs", "ine", "1234567890A");

    assertThat(parsed.toString())
        .doesNotContain("Lemaître")
        .doesNotContain("Anaïs")
        .doesNotContain("1234567890A")
        .doesNotContain("2007");
  }

  // ---- dates

  @ParameterizedTest
  @CsvSource({"14/03/2007, 2007-03-14", "2007-03-14, 2007-03-14", "4/3/2007, 2007-03-04"})
  void readsBothDateFormats(String written, LocalDate expected) throws Exception {
    assertThat(parse("date_naissance", written).row().birthDate()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2007/03/14", "14-03-2007", "14/03/07", "quatorze mars", "14/03/2007 10:00"})
  void rejectsUnreadableDates(String written) throws Exception {
    assertRejected(
        parse("date_naissance", written),
        "Date de naissance illisible : formats attendus jj/mm/aaaa ou aaaa-mm-jj.");
  }

  @Test
  void rejectsImpossibleDates() throws Exception {
    assertRejected(
        parse("date_naissance", "31/02/2008"),
        "Date de naissance impossible : ce jour n'existe pas.");
    assertRejected(
        parse("date_sortie", "2025-13-01"), "Date de sortie impossible : ce jour n'existe pas.");
  }

  @Test
  void rejectsFutureDates() throws Exception {
    assertRejected(parse("date_sortie", "01/07/2025"), "Date de sortie dans le futur.");
    // An enrolment list exported in summer announces September entries.
    assertThat(parse("date_entree", "2025-09-01").outcome()).isEqualTo(Outcome.VALID);
    assertThat(parse("date_sortie", "30/06/2025").outcome())
        .as("the import date itself is not the future")
        .isEqualTo(Outcome.VALID);
  }

  @Test
  void rejectsALeavingDateBeforeTheBirthDate() throws Exception {
    assertRejected(
        parse("date_naissance", "14/03/2007", "date_sortie", "01/09/2006"),
        "Date de sortie antérieure à la date de naissance.");
  }

  @Test
  void rejectsAnImplausibleAgeOverThirty() throws Exception {
    assertRejected(
        parse("date_naissance", "29/06/1994"),
        "Date de naissance invraisemblable : plus de 30 ans à la date d'import.");
    assertThat(parse("date_naissance", "01/07/1994").outcome())
        .as("30 years old is still plausible")
        .isEqualTo(Outcome.VALID);
  }

  // ---- identity

  @ParameterizedTest
  @ValueSource(strings = {"1234567890A", "123456789AB", "123456789ab", " 1234567890z ", ""})
  void acceptsBothIneFormsAndNoIne(String ine) throws Exception {
    ParsedRow parsed = parse("ine", ine);

    assertThat(parsed.outcome()).isEqualTo(Outcome.VALID);
    assertThat(parsed.row().ine()).isEqualTo(ine.isBlank() ? null : ine.strip().toUpperCase());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"12345678901", "1234567890", "1234567890AB", "ABCDEFGHIJK", "12345678A9B"})
  void rejectsMalformedIne(String ine) throws Exception {
    assertRejected(
        parse("ine", ine),
        "INE invalide : 11 caractères attendus (10 chiffres et 1 lettre, ou 9 chiffres et 2"
            + " lettres).");
  }

  @ParameterizedTest
  @CsvSource(
      value = {"M, M", "m, M", "F, F", "f, F", "1, M", "2, F", "'', NULL"},
      nullValues = "NULL")
  void readsSexCodes(String written, String expected) throws Exception {
    assertThat(parse("sexe", written).row().sex()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X", "H", "3", "Masculin"})
  void rejectsOtherSexCodes(String written) throws Exception {
    assertRejected(parse("sexe", written), "Sexe invalide : M, F, 1 ou 2 attendu.");
  }

  @Test
  void rejectsMissingNamesAndDates() throws Exception {
    assertRejected(parse("nom", " "), "Nom manquant.");
    assertRejected(parse("prenom", ""), "Prénom manquant.");
    assertRejected(parse("date_naissance", ""), "Date de naissance manquante.");
    assertRejected(parse("date_sortie", ""), "Date de sortie manquante.");
  }

  @Test
  void requiresALeavingDateOnlyForLeaverLists() throws Exception {
    assertThat(parse(ImportKind.FOLLOWED, "date_sortie", "").outcome()).isEqualTo(Outcome.VALID);
    assertThat(parse(ImportKind.ENROLLED, "date_sortie", "").outcome()).isEqualTo(Outcome.VALID);
  }

  @Test
  void joinsEveryProblemOfARowInOneReason() throws Exception {
    ParsedRow parsed = parse("nom", "", "sexe", "X", "email", "nobody");

    assertThat(parsed.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(parsed.reason())
        .contains("Nom manquant.")
        .contains("Sexe invalide")
        .contains("Adresse e-mail invalide");
  }

  @Test
  void rejectsA300CharacterName() throws Exception {
    assertRejected(parse("nom", "Dupont".repeat(50)), "Nom trop long : plus de 100 caractères.");
    assertRejected(
        parse("prenom", "Marie-".repeat(20)), "Prénom trop long : plus de 100 caractères.");
    assertThat(parse("nom", "D".repeat(100)).outcome()).isEqualTo(Outcome.VALID);
  }

  // ---- places and contact

  @Test
  void rejectsARowWithoutAnyPlace() throws Exception {
    assertRejected(
        parse("code_postal", "", "code_commune", " ", "uai", ""),
        "Aucun lieu pour affecter le dossier : code commune, code postal ou UAI.");
  }

  @Test
  void oneUsablePlaceIsEnough() throws Exception {
    assertThat(parse("code_postal", "", "code_commune", "", "uai", "0690003D").outcome())
        .isEqualTo(Outcome.VALID);
    assertThat(parse("code_postal", "69100", "code_commune", "", "uai", "").outcome())
        .isEqualTo(Outcome.VALID);
  }

  @Test
  void rejectsMalformedCodes() throws Exception {
    assertRejected(
        parse("code_commune", "6938a"),
        "Code commune invalide : « 6938A » (code INSEE à 5 caractères attendu, ex. 69123).");
    assertRejected(
        parse("code_postal", "69OO1"), "Code postal invalide : « 69OO1 » (5 chiffres attendus).");
    assertRejected(
        parse("uai", "069001B"),
        "UAI invalide : « 069001B » (7 chiffres et 1 lettre attendus, ex. 0690001B).");
  }

  @Test
  void rejectsAnEmailWithoutAt() throws Exception {
    assertRejected(
        parse("email", "eloise.example.org"), "Adresse e-mail invalide : « @ » manquant.");
    assertThat(parse("email", "").row().email()).isNull();
  }

  @Test
  void truncatesLongTextToItsColumnSize() throws Exception {
    LeaverRow row =
        parse(
                "adresse", "12 rue ".repeat(60),
                "commune", "C".repeat(150),
                "telephone", "0".repeat(40),
                "motif_sortie", "m".repeat(250))
            .row();

    assertThat(row.address()).hasSizeLessThanOrEqualTo(300).startsWith("12 rue 12 rue");
    assertThat(row.communeName()).hasSize(100);
    assertThat(row.phone()).hasSize(30);
    assertThat(row.leavingReason()).hasSize(200);
  }

  @Test
  void keepsFormulaLookingValuesAsPlainText() throws Exception {
    LeaverRow row =
        parse(
                "motif_sortie", "=HYPERLINK(\"http://exemple.invalid\")",
                "commune", "@SOMME(A1:A9)",
                "telephone", "+33 6 12 34 56 78",
                "formation", "-2+3")
            .row();

    assertThat(row.leavingReason()).isEqualTo("=HYPERLINK(\"http://exemple.invalid\")");
    assertThat(row.communeName()).isEqualTo("@SOMME(A1:A9)");
    assertThat(row.phone()).isEqualTo("+33 6 12 34 56 78");
    assertThat(row.training()).isEqualTo("-2+3");
  }

  // ---- exclusions

  @Test
  void excludesTheUnder16OnTheImportDate() throws Exception {
    ParsedRow parsed = parse("date_naissance", "01/07/2009");

    assertThat(parsed.outcome()).isEqualTo(Outcome.EXCLUDED);
    assertThat(parsed.reason()).isEqualTo("Moins de 16 ans à la date d'import (règle CNIL).");
    assertThat(parsed.row()).isNull();
    assertThat(parse("date_naissance", "30/06/2009").outcome())
        .as("16 on the import date")
        .isEqualTo(Outcome.VALID);
  }

  @Test
  void anExclusionWinsOverARejectionSoThatTheRowIsNotKept() throws Exception {
    ParsedRow parsed = parse("date_naissance", "01/01/2011", "ine", "bad", "nom", "");

    assertThat(parsed.outcome()).isEqualTo(Outcome.EXCLUDED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CAP",
        "CAP Cuisine",
        "CAPa Jardinier paysagiste",
        "BEP Vente",
        "Bac pro Commerce",
        "Baccalauréat général",
        "BAC+2",
        "BP Coiffure",
        "Brevet professionnel boucher",
        "BT",
        "BTS MCO",
        "DUT GEA",
        "Licence",
        "Master 2"
      })
  void excludesHoldersOfACapOrHigher(String diploma) throws Exception {
    ParsedRow parsed = parse("diplome_obtenu", diploma);

    assertThat(parsed.outcome()).isEqualTo(Outcome.EXCLUDED);
    assertThat(parsed.reason()).startsWith("Diplôme déjà obtenu");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "DNB",
        "Diplôme national du brevet",
        "Brevet des collèges",
        "Brevet",
        "CFG",
        "Aucun",
        "Néant",
        "CAP non obtenu",
        "Échec au bac",
        "Niveau bac",
        "Bac pro en cours"
      })
  void keepsRowsWithoutAQualifyingDiploma(String diploma) throws Exception {
    ParsedRow parsed = parse("diplome_obtenu", diploma);

    assertThat(parsed.outcome()).isEqualTo(Outcome.VALID);
    assertThat(parsed.row().diploma()).isEqualTo(diploma.isEmpty() ? null : diploma);
  }

  // ---- header

  @Test
  void matchesHeaderNamesWhateverTheirCaseAccentsSpacesAndOrder() throws Exception {
    List<String> header =
        List.of(
            " Date Sortie ", "Prénom", "NOM", "Date_Naissance", "Code Postal", "Téléphone", "INE");
    LeaverRowParser parser = new LeaverRowParser(header, ImportKind.LEAVERS, IMPORT_DATE);
    ParsedRow parsed =
        parser.parse(
            record(
                header,
                List.of(
                    "20/01/2025",
                    "Inès",
                    "Lefèvre",
                    "14/03/2007",
                    "69003",
                    "0612345678",
                    "1234567890A")));

    assertThat(parser.warnings()).isEmpty();
    assertThat(parsed.outcome()).isEqualTo(Outcome.VALID);
    assertThat(parsed.row().lastName()).isEqualTo("Lefèvre");
    assertThat(parsed.row().firstName()).isEqualTo("Inès");
    assertThat(parsed.row().postalCode()).isEqualTo("69003");
    assertThat(parsed.row().phone()).isEqualTo("0612345678");
  }

  @Test
  void manyUnknownOrUnnamedColumnsGiveOneWarningEachKindAndAShortReading() throws Exception {
    List<String> header =
        new ArrayList<>(List.of("nom", "prenom", "date_naissance", "date_sortie", "uai"));
    for (int i = 1; i <= 25; i++) {
      header.add("x" + i);
    }
    for (int i = 0; i < 30; i++) {
      header.add("");
    }
    LeaverRowParser parser = new LeaverRowParser(header, ImportKind.LEAVERS, IMPORT_DATE);

    assertThat(parser.warnings()).hasSize(2);
    assertThat(parser.warnings().get(0))
        .startsWith("25 colonnes inconnues ignorées, dont les 20 premières : « x1 », « x2 »")
        .contains("« x20 »")
        .doesNotContain("« x21 »");
    assertThat(parser.warnings().get(1))
        .startsWith("Colonnes sans nom ignorées : colonnes 31, 32")
        .endsWith("50… (30 en tout).");
    // Five columns read, the first twenty ignored ones, one line for the other 35.
    assertThat(parser.headerColumns()).hasSize(5 + 20 + 1);
    HeaderColumn last = parser.headerColumns().get(25);
    assertThat(last.position()).isEqualTo(26);
    assertThat(last.explanation()).contains("35 autres colonnes");
  }

  @Test
  void ignoresUnknownColumnsWithAWarning() throws Exception {
    List<String> header =
        List.of("nom", "prenom", "date_naissance", "date_sortie", "uai", "xyz", "", "Régime");
    LeaverRowParser parser = new LeaverRowParser(header, ImportKind.LEAVERS, IMPORT_DATE);

    assertThat(parser.warnings())
        .containsExactly(
            "Colonne inconnue ignorée : « xyz ».",
            "Colonne inconnue ignorée : « Régime ».",
            "Colonne sans nom ignorée : colonne 7.");
    ParsedRow parsed =
        parser.parse(
            record(
                header,
                List.of("Martin", "Léa", "14/03/2007", "20/01/2025", "0690001B", "?", "", "2A")));
    assertThat(parsed.outcome()).isEqualTo(Outcome.VALID);
  }

  @Test
  void refusesMissingRequiredColumnsNamingThem() {
    List<String> header = List.of("ine", "nom", "commune", "telephone");

    assertThatThrownBy(() -> new LeaverRowParser(header, ImportKind.LEAVERS, IMPORT_DATE))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage(
            "Colonnes obligatoires absentes : prenom, date_naissance, date_sortie. Il faut au moins"
                + " une des colonnes code_commune, code_postal ou uai pour affecter les dossiers.");
  }

  @Test
  void requiresTheLeavingDateColumnOnlyForLeaverLists() throws Exception {
    List<String> header = List.of("nom", "prenom", "date_naissance", "code_postal");

    assertThatThrownBy(() -> new LeaverRowParser(header, ImportKind.LEAVERS, IMPORT_DATE))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("Colonne obligatoire absente : date_sortie.");
    assertThat(new LeaverRowParser(header, ImportKind.ENROLLED, IMPORT_DATE).warnings()).isEmpty();
  }

  @Test
  void refusesADuplicatedColumn() {
    List<String> header = List.of("nom", "prenom", "Nom ", "date_naissance", "date_sortie", "uai");

    assertThatThrownBy(() -> new LeaverRowParser(header, ImportKind.LEAVERS, IMPORT_DATE))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("Colonne en double : « nom » (colonnes 1 et 3). Gardez-en une seule.");
  }

  @Test
  void passesOnTheReadingErrorOfARecord() throws Exception {
    Map<String, String> values = validValues();
    List<String> header = new ArrayList<>(values.keySet());
    LeaverRowParser parser = new LeaverRowParser(header, ImportKind.LEAVERS, IMPORT_DATE);

    ParsedRow parsed =
        parser.parse(new ListRecord(7, List.of(), "\"Martin;Léa", CsvFile.STRAY_QUOTE));

    assertRejected(parsed, "Guillemet non fermé : ligne illisible.");
  }

  // ---- row hash

  @Test
  void theSameRowHasTheSameHashInAnotherColumnOrderEncodingAndCase() throws Exception {
    Path utf8 =
        write(
            "ine;nom;prenom;date_naissance;adresse;code_postal;date_sortie;motif_sortie\n"
                + "1234567890A;Lefèvre;Éloïse;14/03/2007;3 rue de l'Église;69003;20/01/2025;"
                + "Déménagement\n",
            StandardCharsets.UTF_8);
    Path windows1252 =
        write(
            "Motif Sortie,DATE_SORTIE,Code postal,Adresse,Date naissance,Prénom,Nom,INE\r\n"
                + "Déménagement,2025-01-20,69003,3 rue de l'Église,2007-03-14,ÉLOÏSE,LEFÈVRE,"
                + "1234567890a\r\n",
            Charset.forName("windows-1252"));

    LeaverRow first = readOne(utf8);
    LeaverRow second = readOne(windows1252);

    assertThat(first.line()).isEqualTo(second.line());
    assertThat(second.rowHash()).isEqualTo(first.rowHash());
  }

  @Test
  void theHashChangesWithAnyValueButNotWithTheLineNumber() throws Exception {
    Map<String, String> values = validValues();
    List<String> header = new ArrayList<>(values.keySet());
    LeaverRowParser parser = new LeaverRowParser(header, ImportKind.LEAVERS, IMPORT_DATE);
    List<String> fields = new ArrayList<>(values.values());

    String atLine2 = parser.parse(new ListRecord(2, fields, "", null)).row().rowHash();
    String atLine9 = parser.parse(new ListRecord(9, fields, "", null)).row().rowHash();
    fields.set(header.indexOf("adresse"), "4 rue de l'Église");
    String otherAddress = parser.parse(new ListRecord(2, fields, "", null)).row().rowHash();

    assertThat(atLine9).isEqualTo(atLine2);
    assertThat(otherAddress).isNotEqualTo(atLine2);
  }

  // ---- helpers

  /** A valid leaver row, every canonical column filled. */
  private static Map<String, String> validValues() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("ine", "1234567890A");
    v.put("nom", "Martin");
    v.put("prenom", "Léa");
    v.put("sexe", "F");
    v.put("date_naissance", "14/03/2007");
    v.put("adresse", "3 rue de l'Église");
    v.put("code_postal", "69003");
    v.put("commune", "Lyon");
    v.put("code_commune", "69383");
    v.put("telephone", "0612345678");
    v.put("email", "eloise@example.org");
    v.put("uai", "0690001B");
    v.put("etablissement", "Lycée professionnel des Canuts");
    v.put("formation", "2nde pro Commerce");
    v.put("niveau", "Seconde");
    v.put("date_entree", "02/09/2024");
    v.put("date_sortie", "20/01/2025");
    v.put("motif_sortie", "Déménagement");
    v.put("diplome_obtenu", "");
    v.put("responsable_legal", "");
    v.put("telephone_responsable", "");
    return v;
  }

  /** Parses the valid row with some columns overridden, as line 2 of a LEAVERS list. */
  private static ParsedRow parse(String... overrides) throws UnreadableFileException {
    return parse(ImportKind.LEAVERS, overrides);
  }

  private static ParsedRow parse(ImportKind kind, String... overrides)
      throws UnreadableFileException {
    Map<String, String> values = validValues();
    for (int i = 0; i < overrides.length; i += 2) {
      if (!values.containsKey(overrides[i])) {
        throw new IllegalArgumentException("Not a canonical column: " + overrides[i]);
      }
      values.put(overrides[i], overrides[i + 1]);
    }
    List<String> header = new ArrayList<>(values.keySet());
    return new LeaverRowParser(header, kind, IMPORT_DATE)
        .parse(record(header, new ArrayList<>(values.values())));
  }

  private static ListRecord record(List<String> header, List<String> fields) {
    assertThat(fields).hasSameSizeAs(header);
    return new ListRecord(2, fields, String.join(";", fields), null);
  }

  private static void assertRejected(ParsedRow parsed, String reason) {
    assertThat(parsed.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(parsed.row()).isNull();
    assertThat(parsed.reason()).isEqualTo(reason);
  }

  private LeaverRow readOne(Path file) throws Exception {
    try (CsvFile csv = CsvFile.open(file)) {
      LeaverRowParser parser = new LeaverRowParser(csv.header(), ImportKind.LEAVERS, IMPORT_DATE);
      ParsedRow parsed = parser.parse(csv.next());
      assertThat(csv.next()).isNull();
      assertThat(parsed.outcome()).as(String.valueOf(parsed.reason())).isEqualTo(Outcome.VALID);
      return parsed.row();
    }
  }

  private Path write(String content, Charset charset) throws IOException {
    Path file = Files.createTempFile(dir, "liste", ".csv");
    Files.write(file, content.getBytes(charset));
    return file;
  }
}
