package fr.raccroche.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import fr.raccroche.testsupport.Workbooks;
import fr.raccroche.testsupport.Workbooks.Code;
import fr.raccroche.testsupport.Workbooks.Layout;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lists as they really arrive (issue #19), through the imports API as a supervisor sends them:
 * Excel workbooks and their CSV twins, each source's own headers, a dry run, levels as schools
 * write them, communes checked against the official list. Workbooks are written by the tests with
 * POI; every person is fictitious and each test has its own names (the database is shared).
 */
@RaccrocheIntegrationTest
class ImportFilesIntegrationTest {
  static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static LocalDate born(int age, int days) {
    return LocalDate.now().minusYears(age).minusDays(40 + days);
  }

  JsonNode post(String path, String fileName, byte[] content, int expected) throws Exception {
    HttpResponse<String> response = http.postFile(path, fileName, content, "superviseur", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return json.readTree(response.body());
  }

  static long sum(JsonNode r) {
    return r.get("created").asLong()
        + r.get("merged").asLong()
        + r.get("updated").asLong()
        + r.get("unchanged").asLong()
        + r.get("rejected").asLong()
        + r.get("excluded").asLong();
  }

  /** A page as the supervisor's browser gets it. */
  String page(String path) {
    Http browser = new Http(port);
    assertThat(browser.signIn("superviseur", "demo").statusCode()).isEqualTo(302);
    HttpResponse<String> response = browser.get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  // ---- an Excel workbook and its CSV twin

  static final List<String> EXPORT_HEADER =
      List.of(
          "INE",
          "Nom de famille",
          "Prénom 1",
          "Né(e) le",
          "Code postal",
          "Code INSEE",
          "Code UAI",
          "Niveau de formation",
          "Date de sortie",
          "Motif",
          "Diplôme obtenu");

  /**
   * Seven people as a school's export holds them: three valid (one with a postal code only), a bad
   * date, an under-16, a diploma holder, an unknown commune code and a commune of Paris.
   */
  static List<List<Object>> people(String last, boolean asText) {
    LocalDate leaving = LocalDate.of(2026, 6, 30);
    List<List<Object>> rows = new ArrayList<>();
    rows.add(
        row(
            asText,
            "",
            last,
            "Anaïs",
            born(18, 1),
            "69003",
            "69383",
            "",
            "Tle",
            leaving,
            "Abandon",
            ""));
    rows.add(
        row(
            asText,
            "",
            last,
            "Bruno",
            born(18, 2),
            "69100",
            "",
            "",
            "2nde",
            leaving,
            "Abandon",
            ""));
    rows.add(
        row(
            asText,
            "",
            last,
            "Céline",
            born(19, 3),
            "",
            "",
            "0690003D",
            "1CAP2",
            leaving,
            "Abandon",
            "DNB"));
    rows.add(
        List.of(
            "",
            last,
            "Datefausse",
            "31/02/2008",
            "69003",
            "",
            "",
            "3e",
            "30/06/2026",
            "Abandon",
            ""));
    rows.add(
        row(
            asText,
            "",
            last,
            "Tropjeune",
            born(15, 4),
            "69003",
            "",
            "",
            "3e",
            leaving,
            "Abandon",
            ""));
    rows.add(
        row(
            asText,
            "",
            last,
            "Diplomee",
            born(19, 5),
            "69003",
            "",
            "",
            "Tle",
            leaving,
            "",
            "Bac pro commerce"));
    rows.add(
        row(asText, "", last, "Codefaux", born(18, 6), "", "69999", "", "2nde", leaving, "", ""));
    rows.add(
        row(
            asText,
            "",
            last,
            "Parisienne",
            born(18, 7),
            "75011",
            "75056",
            "",
            "2nde",
            leaving,
            "",
            ""));
    return rows;
  }

  /** In the workbook: dates as Excel dates, codes as numbers; in the CSV: all text. */
  static List<Object> row(boolean asText, Object... values) {
    List<Object> row = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (asText && v instanceof LocalDate d) {
        v = String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
      } else if (!asText && (i == 4 || i == 5) && v instanceof String s && s.matches("\\d{5}")) {
        v = i == 4 ? Integer.valueOf(s) : new Code(Long.parseLong(s), 5);
      }
      row.add(v);
    }
    return row;
  }

  static byte[] csv(List<String> header, List<List<Object>> rows) {
    StringBuilder s = new StringBuilder(String.join(";", header)).append("\r\n");
    for (List<Object> r : rows) {
      List<String> cells = r.stream().map(String::valueOf).toList();
      s.append(String.join(";", cells)).append("\r\n");
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  byte[] xlsx(List<String> header, List<List<Object>> rows, Layout layout) throws Exception {
    Path file = dir.resolve("liste-" + System.nanoTime() + ".xlsx");
    Workbooks.write(file, header, rows, layout);
    return Files.readAllBytes(file);
  }

  @Test
  void aWorkbookAndItsCsvTwinGiveTheSameCountsAndTheSameRows() throws Exception {
    JsonNode fromXlsx =
        post(
            "/api/imports?wait=true&source=EN",
            "sortants.xlsx",
            xlsx(
                EXPORT_HEADER,
                people("Classeur", false),
                Layout.plain()
                    .withTitles(List.of("Sortants sans diplôme — extraction"))
                    .withSheet("Sortants")),
            200);
    JsonNode fromCsv =
        post(
            "/api/imports?wait=true&source=EN",
            "sortants.csv",
            csv(EXPORT_HEADER, people("Jumeaucsv", true)),
            200);
    for (JsonNode r : List.of(fromXlsx, fromCsv)) {
      assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("COMPLETED");
      assertThat(r.get("rowsRead").asLong()).isEqualTo(8);
      assertThat(r.get("created").asLong()).isEqualTo(3);
      assertThat(r.get("rejected").asLong()).isEqualTo(2); // impossible date, unknown commune
      assertThat(r.get("excluded").asLong()).isEqualTo(3); // under 16, diploma, Paris
      assertThat(sum(r)).isEqualTo(8);
    }
    assertThat(fromXlsx.get("fileFormat").asText()).isEqualTo("XLSX");
    assertThat(fromXlsx.get("sheet").asText()).isEqualTo("Sortants");
    assertThat(fromCsv.get("fileFormat").asText()).isEqualTo("CSV");
    assertThat(fromXlsx.get("warnings").toString()).contains("1 ligne de titre ignorée");
    List<String> reasons =
        fromXlsx.get("rejections").findValues("reason").stream().map(JsonNode::asText).toList();
    assertThat(reasons)
        .anyMatch(r -> r.startsWith("Code commune inconnu : « 69999 »"))
        .anyMatch(r -> r.startsWith("Hors département : la commune 75056 (Paris)"))
        .anyMatch(r -> r.startsWith("Date de naissance impossible"));
    // The excluded Parisian is not stored at all.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from young_person where first_name = 'Parisienne'", Long.class))
        .isZero();

    // The CSV export of the same workbook is the same rows: nothing new the second time.
    JsonNode twin =
        post(
            "/api/imports?wait=true&source=EN",
            "sortants-export.csv",
            csv(EXPORT_HEADER, people("Classeur", true)),
            200);
    assertThat(twin.get("unchanged").asLong()).isEqualTo(3);
    assertThat(twin.get("created").asLong() + twin.get("merged").asLong()).isZero();
    // And the same workbook again changes nothing either.
    JsonNode again =
        post(
            "/api/imports?wait=true&source=EN",
            "sortants.xlsx",
            xlsx(EXPORT_HEADER, people("Classeur", false), Layout.plain()),
            200);
    assertThat(again.get("unchanged").asLong()).isEqualTo(3);
    assertThat(again.get("created").asLong()).isZero();

    // Levels as schools write them reach the cases; a postal code alone found its commune.
    JsonNode cases =
        json.readTree(http.get("/api/cases?size=50&q=Classeur", "superviseur", "demo").body())
            .get("content");
    assertThat(cases).hasSize(3);
    for (JsonNode c : cases) {
      JsonNode detail =
          json.readTree(
              http.get("/api/cases/" + c.get("caseNumber").asText(), "superviseur", "demo").body());
      String expected =
          switch (c.get("firstName").asText()) {
            case "Anaïs", "Bruno" -> "LYCEE";
            case "Céline" -> "CAP_BEP";
            default -> "?";
          };
      assertThat(detail.get("lastLevel").asText())
          .as(c.get("firstName").asText())
          .isEqualTo(expected);
    }
    assertThat(
            cases.findParents("firstName").stream()
                .filter(c -> c.get("firstName").asText().equals("Bruno"))
                .findFirst()
                .orElseThrow()
                .get("perimeterCode")
                .asText())
        .isEqualTo("EST");
  }

  @Test
  void theReportSaysHowEachHeaderWasUnderstood() throws Exception {
    List<String> header = new ArrayList<>(EXPORT_HEADER);
    header.add(null); // an empty header cell (a merged header's continuation)
    header.add("Observations");
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> r : people("Entetes", false).subList(0, 1)) {
      List<Object> withMore = new ArrayList<>(r);
      withMore.add("x");
      withMore.add("RAS");
      rows.add(withMore);
    }
    JsonNode report =
        post(
            "/api/imports?wait=true&source=OTHER",
            "entetes.xlsx",
            xlsx(header, rows, Layout.plain()),
            200);
    JsonNode columns = report.get("columns");
    assertThat(columns).hasSize(13);
    assertThat(columns.get(1).get("header").asText()).isEqualTo("Nom de famille");
    assertThat(columns.get(1).get("column").asText()).isEqualTo("nom");
    assertThat(columns.get(1).get("reading").asText()).isEqualTo("ALIAS");
    assertThat(columns.get(0).get("reading").asText()).isEqualTo("CANONICAL");
    assertThat(columns.get(12).get("reading").asText()).isEqualTo("IGNORED");
    assertThat(columns.get(12).get("explanation").asText()).isEqualTo("ignorée : colonne inconnue");
    assertThat(columns.get(11).get("explanation").asText()).isEqualTo("ignorée : colonne sans nom");
    // The same on the report page.
    String page = page("/imports/" + report.get("id").asText());
    assertThat(page)
        .contains("Colonnes du fichier", "Nom de famille", "lue comme nom", "Observations");
  }

  // ---- each source's own headers

  @Test
  void aSupervisorTeachesTheImportASourcesOwnHeaders() throws Exception {
    List<String> header =
        List.of("NOM_ELV", "PRENOM_ELV", "DT_NAIS", "CP_RESID", "DT_SORTIE", "LIB_NIV");
    byte[] file =
        csv(
            header,
            List.of(
                List.of("Aliasmaison", "Lina", "01/02/2008", "69003", "30/06/2026", "Term. pro"),
                List.of("Aliasmaison", "Noah", "02/03/2008", "69100", "30/06/2026", "niveau IV")));
    JsonNode refused = post("/api/imports?wait=true&source=CFA", "cfa.csv", file, 400);
    assertThat(refused.get("message").asText())
        .contains("Colonnes obligatoires absentes : nom, prenom, date_naissance, date_sortie")
        .contains("« DT_NAIS »")
        .contains("en-têtes propres à cette source");

    String aliases =
        "{\"nom\":[\"NOM_ELV\"],\"prenom\":[\"PRENOM_ELV\"],\"date_naissance\":[\"DT_NAIS\"],"
            + "\"code_postal\":[\"CP_RESID\"],\"date_sortie\":[\"DT_SORTIE\"],\"niveau\":[\"LIB_NIV\"]}";
    assertThat(
            http.putJson("/api/imports/column-aliases/CFA", aliases, "coord.lyon", "demo")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad =
        http.putJson(
            "/api/imports/column-aliases/CFA",
            "{\"prenom\":[\"Nom de famille\"],\"nomm\":[\"X\"]}",
            "superviseur",
            "demo");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("désigne déjà la colonne nom", "Colonne inconnue : « nomm »");
    HttpResponse<String> saved =
        http.putJson("/api/imports/column-aliases/CFA", aliases, "superviseur", "demo");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    JsonNode stored =
        json.readTree(http.get("/api/imports/column-aliases/CFA", "superviseur", "demo").body());
    assertThat(stored.get("date_naissance").get(0).asText()).isEqualTo("DT_NAIS");
    assertThat(
            json.readTree(http.get("/api/imports/column-aliases/EN", "superviseur", "demo").body()))
        .isEmpty();

    JsonNode imported = post("/api/imports?wait=true&source=CFA", "cfa.csv", file, 200);
    assertThat(imported.get("created").asLong()).isEqualTo(2);
    assertThat(imported.get("columns").get(2).get("reading").asText()).isEqualTo("SOURCE_ALIAS");
    assertThat(imported.get("columns").get(2).get("explanation").asText())
        .isEqualTo("lue comme date_naissance (en-tête ajouté pour cette source)");
    // Another source does not know them.
    post("/api/imports?wait=true&source=AGRICULTURE", "agri.csv", file, 400);
    // Cleared, the CFA's headers are unknown again.
    assertThat(
            http.putJson("/api/imports/column-aliases/CFA", "{}", "superviseur", "demo")
                .statusCode())
        .isEqualTo(200);
    post("/api/imports?wait=true&source=CFA", "cfa.csv", file, 400);
  }

  // ---- dry run

  @Test
  void aDryRunReportsEverythingAndWritesNothing() throws Exception {
    // One person known already: the dry run sees them as a match.
    post(
        "/api/imports?wait=true&source=EN",
        "connu.csv",
        csv(EXPORT_HEADER, people("Essaiblanc", true).subList(0, 1)),
        200);
    long people = count("young_person");
    long listings = count("source_listing");
    long imports = count("import_batch");
    long cases = count("support_case");
    long rejections = count("import_rejection");

    List<List<Object>> rows = people("Essaiblanc", false);
    byte[] workbook = xlsx(EXPORT_HEADER, rows, Layout.plain());
    JsonNode check =
        post("/api/imports?source=AGRICULTURE&dryRun=true", "essai.xlsx", workbook, 200);
    assertThat(check.get("rowsRead").asLong()).isEqualTo(8);
    assertThat(check.get("merged").asLong()).as(check.toString()).isEqualTo(1); // Anaïs, known
    assertThat(check.get("created").asLong()).isEqualTo(2);
    assertThat(check.get("rejected").asLong()).isEqualTo(2);
    assertThat(check.get("excluded").asLong()).isEqualTo(3);
    assertThat(check.get("rejections")).hasSize(5);
    assertThat(check.get("columns").get(3).get("column").asText()).isEqualTo("date_naissance");
    JsonNode first = check.get("preview").get(0);
    assertThat(first.get("line").asLong()).isEqualTo(2);
    assertThat(first.get("values").get("nom").asText()).isEqualTo("Essaiblanc");
    assertThat(first.get("values").get("date_naissance").asText())
        .isEqualTo(born(18, 1).toString());
    assertThat(first.get("values").get("niveau_lu").asText()).isEqualTo("Lycée (bac non obtenu)");
    assertThat(check.has("id")).isFalse();

    assertThat(count("young_person")).isEqualTo(people);
    assertThat(count("source_listing")).isEqualTo(listings);
    assertThat(count("import_batch")).isEqualTo(imports);
    assertThat(count("support_case")).isEqualTo(cases);
    assertThat(count("import_rejection")).isEqualTo(rejections);

    // The import then does what the check said.
    JsonNode real = post("/api/imports?wait=true&source=AGRICULTURE", "essai.xlsx", workbook, 200);
    assertThat(real.get("merged").asLong()).isEqualTo(1);
    assertThat(real.get("created").asLong()).isEqualTo(2);
    // A file that cannot be read is refused the same way by the check.
    assertThat(
            post(
                    "/api/imports?source=EN&dryRun=true",
                    "vide.csv",
                    "nom;prenom\n".getBytes(StandardCharsets.UTF_8),
                    400)
                .get("message")
                .asText())
        .isNotBlank();
  }

  @Test
  void theImportPageChecksAFileBeforeImportingIt() throws Exception {
    Http browser = new Http(port);
    assertThat(browser.signIn("superviseur", "demo").statusCode()).isEqualTo(302);
    String page = browser.get("/imports").body();
    assertThat(page).contains("Vérifier le fichier", "Feuille du classeur", ".xlsx");
    long imports = count("import_batch");
    long people = count("young_person");
    HttpResponse<String> checked =
        browser.postPageForm(
            "/imports",
            Map.of(
                "_csrf", Http.csrfToken(page),
                "source", "EN",
                "kind", "LEAVERS",
                "sheet", "",
                "action", "check"),
            "verif.xlsx",
            xlsx(EXPORT_HEADER, people("Pageverif", false), Layout.plain()));
    assertThat(checked.statusCode()).isEqualTo(200);
    assertThat(checked.body())
        .contains("rien n&#39;a été enregistré", "Nouveaux jeunes", "Colonnes du fichier")
        .contains("lue comme date_naissance", "Hors département", "Pageverif");
    assertThat(count("import_batch")).isEqualTo(imports);
    assertThat(count("young_person")).isEqualTo(people);

    // Teaching a source's headers on the page.
    String aliasesPage = browser.get("/imports/column-aliases?source=JUSTICE").body();
    assertThat(aliasesPage)
        .contains("En-têtes reconnus par source", "Né(e) le", "alias_date_naissance");
    HttpResponse<String> saved =
        browser.postForm(
            "/imports/column-aliases",
            Map.of(
                "_csrf", Http.csrfToken(aliasesPage),
                "source", "JUSTICE",
                "alias_date_naissance", "DATE_NAIS_MINEUR\nDN_MINEUR"));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("En-têtes enregistrés", "DN_MINEUR");
    assertThat(
            json.readTree(
                    http.get("/api/imports/column-aliases/JUSTICE", "superviseur", "demo").body())
                .get("date_naissance"))
        .hasSize(2);
    HttpResponse<String> refused =
        browser.postForm(
            "/imports/column-aliases",
            Map.of(
                "_csrf", Http.csrfToken(saved.body()),
                "source", "JUSTICE",
                "alias_prenom", "Nom de famille"));
    assertThat(refused.body()).contains("désigne déjà la colonne nom");
    // The message is tied to the fields it is about (the group and each header field).
    assertThat(refused.body())
        .containsPattern("<p id=\"aliases-error\" class=\"fr-error-text\">[^<]*désigne déjà")
        .contains("aria-labelledby=\"aliases-legend aliases-error\"")
        .containsPattern("id=\"alias_prenom\"[^>]*aria-describedby=\"aliases-error\"");
    assertThat(saved.body()).doesNotContain("aliases-error");
    http.putJson("/api/imports/column-aliases/JUSTICE", "{}", "superviseur", "demo");
  }

  // ---- refused workbooks

  @Test
  void anXlsWorkbookIsRefusedWholeWithWhatToDo() throws Exception {
    Path xls = dir.resolve("ancien.xls");
    try (HSSFWorkbook wb = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(xls)) {
      wb.createSheet("Feuil1").createRow(0).createCell(0).setCellValue("nom");
      wb.write(out);
    }
    long before = count("import_batch");
    JsonNode refused =
        post("/api/imports?wait=true&source=EN", "ancien.xls", Files.readAllBytes(xls), 400);
    assertThat(refused.get("message").asText()).contains("Excel 97-2003", ".xlsx");
    JsonNode noSheet =
        post(
            "/api/imports?wait=true&source=EN&sheet=Inconnue",
            "classeur.xlsx",
            xlsx(EXPORT_HEADER, people("Feuilleabsente", false), Layout.plain()),
            400);
    assertThat(noSheet.get("message").asText())
        .contains("Feuille « Inconnue » introuvable", "« Feuil1 »");
    assertThat(count("import_batch")).isEqualTo(before);
  }

  // ---- communes

  @Test
  void aPostalCodeThatDoesNotServeTheCommuneWarnsOnTheRow() throws Exception {
    JsonNode report =
        post(
            "/api/imports?wait=true&source=LOCAL_AUTHORITY",
            "communes.csv",
            csv(
                List.of(
                    "nom",
                    "prenom",
                    "date_naissance",
                    "code_postal",
                    "code_commune",
                    "commune",
                    "date_sortie"),
                List.of(
                    List.of(
                        "Desaccord",
                        "Ana",
                        born(18, 1).toString(),
                        "69100",
                        "69383",
                        "",
                        "30/06/2026"),
                    List.of(
                        "Desaccord",
                        "Bea",
                        born(18, 2).toString(),
                        "38000",
                        "",
                        "Grenoble",
                        "30/06/2026"))),
            200);
    assertThat(report.get("created").asLong()).isEqualTo(1);
    assertThat(report.get("excluded").asLong()).isEqualTo(1);
    assertThat(report.get("warnings").toString())
        .contains("Ligne 2 : le code postal 69100 ne correspond pas à la commune 69383");
    assertThat(report.get("rejections").get(0).get("reason").asText())
        .startsWith("Hors département : le code postal 38000");
    JsonNode ana =
        json.readTree(http.get("/api/cases?size=5&q=Desaccord", "superviseur", "demo").body())
            .get("content")
            .get(0);
    assertThat(ana.get("perimeterCode").asText()).as("routed by its commune").isEqualTo("LYON");
  }

  @Test
  void perimetersAreDefinedByEpciOrCommunesOfTheOfficialList() throws Exception {
    HttpResponse<String> unknown =
        http.putJson(
            "/api/perimeters/TEST-COG",
            "{\"name\":\"Essai\",\"departement\":\"69\",\"communes\":[{\"code\":\"69999\"}]}",
            "admin",
            "demo");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("69999", "liste officielle");
    HttpResponse<String> badEpci =
        http.putJson(
            "/api/perimeters/TEST-COG",
            "{\"name\":\"Essai\",\"departement\":\"69\",\"epci\":[\"123\"]}",
            "admin",
            "demo");
    assertThat(badEpci.statusCode()).isEqualTo(400);
    assertThat(badEpci.body()).contains("EPCI inconnu");
    // The communauté de communes of the Pays de L'Arbresle (a 69 EPCI no demo perimeter uses).
    HttpResponse<String> byEpci =
        http.putJson(
            "/api/perimeters/ARBRESLE",
            "{\"name\":\"Pays de L'Arbresle\",\"departement\":\"69\",\"epci\":[\"246900625\"]}",
            "admin",
            "demo");
    assertThat(byEpci.statusCode()).as(byEpci.body()).isEqualTo(200);
    JsonNode communes = json.readTree(byEpci.body()).get("communes");
    assertThat(communes.size()).isGreaterThan(10);
    assertThat(communes.findValues("code").stream().map(JsonNode::asText))
        .contains("69010"); // L'Arbresle
    JsonNode commune =
        json.readTree(http.get("/api/territory/communes/69010", "superviseur", "demo").body());
    assertThat(commune.get("name").asText()).isEqualTo("L'Arbresle");
    assertThat(commune.get("epciCode").asText()).isEqualTo("246900625");
  }
}
