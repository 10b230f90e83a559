package fr.raccroche.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.detection.internal.LeaverRowParser.Column;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The imports page as a supervisor uses it (issue 23, point 7): the list's columns with what is
 * required and the date format, a template to download (CSV and Excel) that imports as it is once
 * filled, every problem of a line reported, links to the cases an import opened.
 */
@RaccrocheIntegrationTest
class ImportPagesIntegrationTest {
  static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Letters of this run, so that a database kept between runs holds a new young person. */
  static final String RUN =
      new java.util.Random()
          .ints(5, 'a', 'z' + 1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  byte[] download(String path) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    "superviseur:demo".getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment", "modele-liste-reperage");
    return response.body();
  }

  /** A line in the template's column order, from header → value. */
  static String line(Map<String, String> values) {
    List<String> cells = new ArrayList<>();
    for (String header : Column.headers()) {
      cells.add(values.getOrDefault(header, ""));
    }
    return String.join(";", cells);
  }

  @Test
  void theTemplatesCarryTheParsersColumnsAndTheFilledCsvImports() throws Exception {
    byte[] csv = download("/imports/modele.csv");
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF").endsWith("\r\n");
    assertThat(text.strip().replace("\uFEFF", "")).isEqualTo(String.join(";", Column.headers()));

    byte[] xlsx = download("/imports/modele.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Row header = workbook.getSheetAt(0).getRow(0);
      List<String> cells = new ArrayList<>();
      header.forEach(c -> cells.add(c.getStringCellValue()));
      assertThat(cells).isEqualTo(Column.headers());
      assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Jeunes");
    }

    // The CSV template, filled with one young person and one line with three problems.
    LocalDate birth = LocalDate.now().minusYears(17).minusDays(5);
    String filled =
        text
            + line(
                Map.of(
                    "nom", "Modele" + RUN,
                    "prenom", "Léa",
                    "sexe", "F",
                    "date_naissance", birth.format(FRENCH),
                    "code_postal", "69003",
                    "code_commune", "69383",
                    "date_sortie", LocalDate.now().minusMonths(2).format(FRENCH)))
            + "\r\n"
            + line(
                Map.of(
                    "nom", "Fautive",
                    "sexe", "X",
                    "date_naissance", birth.format(FRENCH),
                    "code_commune", "69999",
                    "date_sortie", "31/02/2026"))
            + "\r\n";
    HttpResponse<String> imported =
        http.postFile(
            "/api/imports?wait=true&source=EN&kind=LEAVERS",
            "modele.csv",
            filled.getBytes(StandardCharsets.UTF_8),
            "superviseur",
            "demo");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonNode report = json.readTree(imported.body());
    assertThat(report.get("created").asLong()).isEqualTo(1);
    assertThat(report.get("rejected").asLong()).isEqualTo(1);
    // Every problem of the line, the commune's too (it used to be checked only on clean lines).
    assertThat(report.get("rejections").get(0).get("reason").asText())
        .contains(
            "Prénom manquant.",
            "Sexe invalide",
            "Date de sortie impossible",
            "Code commune inconnu");

    // The report page links to the case the import opened.
    http.signIn("superviseur", "demo");
    String page = http.get("/imports/" + report.get("id").asText()).body();
    assertThat(page).contains("Dossiers ouverts par cet import");
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("<a href=\"/cases/(\\d{4}-69-\\d{6})\"").matcher(page);
    assertThat(link.find()).as("a link to the opened case").isTrue();
    HttpResponse<String> opened = http.get("/cases/" + link.group(1));
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("MODELE" + RUN.toUpperCase(java.util.Locale.FRENCH));
    assertThat(link.find()).as("only the case this import opened").isFalse();
  }

  @Test
  void theImportsPageSaysWhichColumnsAreRequiredAndTheDateFormat() {
    http.signIn("superviseur", "demo");
    String page = http.get("/imports").body();
    assertThat(page)
        .contains(
            "href=\"/imports/modele.xlsx\"",
            "href=\"/imports/modele.csv\"",
            "Télécharger le modèle Excel",
            "jj/mm/aaaa");
    for (String header : Column.headers()) {
      assertThat(page).contains("<code>" + header + "</code>");
    }
    assertThat(page)
        .contains(
            "<td data-label=\"Obligatoire ?\">obligatoire</td>",
            "obligatoire pour une liste de sortants",
            "au moins une des trois : code_commune, code_postal, uai");
    // The old one-line list that broke mid-word is gone.
    assertThat(page).doesNotContain("ine;nom;prenom;sexe");
    // Coordinators have no imports page: a French page, not JSON.
    Http coordinator = new Http(port);
    coordinator.signIn("coord.lyon", "demo");
    HttpResponse<String> refused = coordinator.get("/imports/modele.csv");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Accès refusé");
  }
}
