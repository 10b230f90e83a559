package fr.raccroche.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each reader sees of the synthetic département: the prefecture's masked figures in JSON,
 * page, CSV and PDF alike; the CSV and the PDF parsed back and compared with the JSON; bad
 * parameters and out-of-scope readers refused in French; objectives against the figures.
 */
@RaccrocheIntegrationTest
class IndicatorReportsIntegrationTest {
  static final String[] COLUMNS = {
    "leavers",
    "takenInCharge",
    "takenInChargeRate",
    "oneYearCohort",
    "solutionAfterOneYear",
    "solutionRate"
  };
  static final String[] COUNT_COLUMNS = {
    "leavers", "takenInCharge", "oneYearCohort", "solutionAfterOneYear"
  };

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void seed() {
    http = new Http(port);
    SyntheticDepartement.ensureSeeded(jdbc, transactions, events);
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = http.get(path, user, "demo");
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  byte[] bytes(String path, String user) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  static String query(String schoolYear, String quarter, String perimeter) {
    return "schoolYear="
        + schoolYear
        + "&quarter="
        + quarter
        + (perimeter == null ? "" : "&perimeter=" + perimeter);
  }

  /** Every count cell of a report: path → JSON value. */
  static Map<String, JsonNode> cells(JsonNode r) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String c : COLUMNS) {
      out.put(c, r.get(c));
    }
    for (JsonNode l : r.get("perimeters")) {
      for (String c : COLUMNS) {
        out.put("perimeters/" + l.get("code").asText() + "/" + c, l.get(c));
      }
    }
    r.get("breakdowns")
        .fields()
        .forEachRemaining(
            b -> {
              for (JsonNode l : b.getValue().get("rows")) {
                for (String c : COLUMNS) {
                  if (l.has(c)) {
                    out.put(b.getKey() + "/" + l.get("code").asText() + "/" + c, l.get(c));
                  }
                }
              }
            });
    return out;
  }

  static boolean isCount(String path) {
    for (String c : COUNT_COLUMNS) {
      if (path.endsWith(c) && !path.endsWith("Rate")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void thePrefectureSeesEverySmallCountMaskedAndNothingThatGivesItBack() throws Exception {
    int maskedSeen = 0;
    for (String[] p :
        new String[][] {
          {"2021-2022", "2021-Q4"}, {"2022-2023", "2023-Q1"}, {"2023-2024", "2024-Q2"}
        }) {
      for (String perimeter : new String[] {null, "LYON", "EST", "NORD"}) {
        String q = query(p[0], p[1], perimeter);
        JsonNode exact = get("/api/indicators?" + q, "superviseur");
        JsonNode shown = get("/api/indicators?" + q, "prefecture");
        assertThat(shown.get("masked").asBoolean()).isTrue();
        assertThat(shown.get("smallCountThreshold").asInt()).isEqualTo(5);
        Map<String, JsonNode> e = cells(exact);
        Map<String, JsonNode> s = cells(shown);
        assertThat(s.keySet()).isEqualTo(e.keySet());
        for (var cell : e.entrySet()) {
          String path = q + " " + cell.getKey();
          JsonNode seen = s.get(cell.getKey());
          if (isCount(cell.getKey())) {
            long v = cell.getValue().asLong();
            if (v > 0 && v < 5) {
              assertThat(seen.asText()).as(path).isEqualTo("< 5");
              maskedSeen++;
            } else if (seen.isTextual()) {
              assertThat(seen.asText()).as(path + " (secondary)").isEqualTo("< 5");
            } else {
              assertThat(seen.asLong()).as(path).isEqualTo(v);
            }
            assertThat(seen.isNumber() && seen.asLong() > 0 && seen.asLong() < 5)
                .as(path + " shows a small count")
                .isFalse();
          }
        }
        // A rate over a masked count is masked.
        for (var cell : s.entrySet()) {
          if (cell.getKey().endsWith("solutionRate")) {
            String base =
                cell.getKey().substring(0, cell.getKey().length() - "solutionRate".length());
            boolean partMasked =
                s.get(base + "solutionAfterOneYear").isTextual()
                    || s.get(base + "oneYearCohort").isTextual();
            if (partMasked) {
              assertThat(cell.getValue().asText()).as(cell.getKey()).isEqualTo("masqué");
            }
          }
        }
        assertNoPersonalData(http.get("/api/indicators?" + q, "prefecture", "demo").body());
      }
    }
    assertThat(maskedSeen).as("small counts met in the synthetic data").isGreaterThan(10);
  }

  @Test
  void theCsvThePdfAndThePageShowTheSameFiguresAsTheJsonMaskedForThePrefecture() throws Exception {
    String q = query("2022-2023", "2023-Q1", "EST");
    JsonNode r = get("/api/indicators?" + q, "prefecture");
    assertThat(cells(r).values()).anyMatch(n -> n.asText().equals("< 5"));

    // CSV: BOM, semicolons, the same texts
    byte[] csvBytes = bytes("/api/indicators/export?" + q + "&format=csv", "prefecture");
    assertThat(csvBytes[0]).isEqualTo((byte) 0xEF);
    assertThat(csvBytes[1]).isEqualTo((byte) 0xBB);
    assertThat(csvBytes[2]).isEqualTo((byte) 0xBF);
    List<List<String>> csv =
        parseCsv(new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8));
    Map<String, String> header = new LinkedHashMap<>();
    csv.stream().filter(row -> row.size() == 2).forEach(row -> header.put(row.get(0), row.get(1)));
    assertThat(header.get("Département")).isEqualTo("69");
    assertThat(header.get("Année scolaire")).isEqualTo("2022-2023");
    assertThat(header.get("Trimestre")).startsWith("2023-Q1");
    assertThat(header.get("I1 — Jeunes sortis sans diplôme repérés"))
        .isEqualTo(text(r.get("leavers")));
    assertThat(header.get("I2 — Pris en charge par les réseaux"))
        .isEqualTo(text(r.get("takenInCharge")));
    assertThat(header.get("I3 — Cohorte (premier contact un an avant)"))
        .isEqualTo(text(r.get("oneYearCohort")));
    assertThat(header.get("I3 — En solution à un an"))
        .isEqualTo(text(r.get("solutionAfterOneYear")));
    assertThat(header.get("Taux de solution à un an (%)")).isEqualTo(rate(r.get("solutionRate")));
    int rowsCompared = 0;
    for (JsonNode line : r.get("perimeters")) {
      assertThat(csv).contains(tableRow(line));
      rowsCompared++;
    }
    for (String dimension : List.of("source", "sex", "ageBand", "lastLevel", "leavingReason")) {
      for (JsonNode line : r.get("breakdowns").get(dimension).get("rows")) {
        assertThat(csv).as(dimension).contains(tableRow(line));
        rowsCompared++;
      }
    }
    assertThat(rowsCompared).isGreaterThan(15);
    assertThat(csv.stream().flatMap(List::stream)).contains("< 5");

    // PDF: parsed back, the same texts in the same order on each row
    byte[] pdfBytes = bytes("/api/indicators/export?" + q + "&format=pdf", "prefecture");
    // Its language and title, for a screen reader and the reader's title bar.
    assertFrenchAndTitled(
        pdfBytes, "Indicateurs trimestriels 2023-Q1 — " + r.get("perimeterName").asText());
    String pdf = pdfText(pdfBytes);
    assertThat(pdf).contains("Indicateurs trimestriels des jeunes sortis sans diplôme");
    assertThat(pdf).contains("Département 69").contains("2023-Q1").contains("2022-2023");
    assertThat(pdf).contains("< 5");
    // The extractor glues cells together: compare without spaces.
    String flat = pdf.replaceAll("\\s+", "");
    assertThat(flat)
        .contains(nospace("I1 — Jeunes sortis sans diplôme repérés" + text(r.get("leavers"))))
        .contains(nospace("I3 — En solution à un an" + text(r.get("solutionAfterOneYear"))));
    int pdfRows = 0;
    for (JsonNode line : r.get("perimeters")) {
      List<String> row = new ArrayList<>(tableRow(line));
      row.remove(1);
      assertThat(flat).contains(nospace(String.join("", row)));
      pdfRows++;
    }
    for (JsonNode line : r.get("breakdowns").get("ageBand").get("rows")) {
      List<String> row = new ArrayList<>(tableRow(line));
      row.remove(1);
      assertThat(flat).contains(nospace(String.join("", row)));
      pdfRows++;
    }
    assertThat(pdfRows).isGreaterThan(4);
    assertNoPersonalData(pdf);

    // Page: the same cells
    http.signIn("prefecture", "demo");
    HttpResponse<String> page = http.get("/indicators?" + q);
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("Indicateurs trimestriels").contains("&lt; 5").contains("<svg");
    List<List<String>> perimeterRows = htmlRows(html, "perimeters");
    assertThat(perimeterRows).hasSize(r.get("perimeters").size());
    for (int i = 0; i < perimeterRows.size(); i++) {
      JsonNode line = r.get("perimeters").get(i);
      List<String> expected = new ArrayList<>(tableRow(line));
      expected.remove(1); // the page shows no code column
      assertThat(perimeterRows.get(i).subList(0, 7)).isEqualTo(expected);
    }
    // The bar chart is no image alone: its name (role="img", aria-label) and the table of its data
    // give each perimeter's two figures, the same as the chart draws.
    Matcher bars =
        Pattern.compile(
                "<div class=\"chart\" id=\"chart-bars\"><svg([^>]*)>(.*?)</svg>", Pattern.DOTALL)
            .matcher(html);
    assertThat(bars.find()).as("the bar chart").isTrue();
    assertThat(bars.group(1)).contains("role=\"img\"");
    Matcher label = Pattern.compile("aria-label=\"([^\"]*)\"").matcher(bars.group(1));
    assertThat(label.find()).as("the chart's name").isTrue();
    String chartName = label.group(1).replace("&lt;", "<").replace("&#39;", "'");
    List<List<String>> chartRows = htmlRows(html, "chart-bars-data");
    assertThat(chartRows).hasSize(r.get("perimeters").size()).isNotEmpty();
    for (int i = 0; i < chartRows.size(); i++) {
      JsonNode line = r.get("perimeters").get(i);
      List<String> expected =
          List.of(
              line.get("label").asText(),
              count(line.get("leavers")),
              count(line.get("takenInCharge")));
      assertThat(chartRows.get(i)).isEqualTo(expected);
      assertThat(chartName)
          .contains(expected.get(0) + ", I1 " + expected.get(1) + ", I2 " + expected.get(2));
      for (String figure : expected.subList(1, 3)) {
        assertThat(bars.group(2)).contains(">" + figure.replace("<", "&lt;") + "</text>");
      }
    }
    assertThat(html).contains("Voir les données du graphique");
    List<List<String>> sexRows = htmlRows(html, "breakdown-sex");
    assertThat(sexRows).hasSize(r.get("breakdowns").get("sex").get("rows").size());
    assertNoPersonalData(html);
  }

  @Test
  void supervisorsExportTheExactFiguresAndTheCsvMatchesTheJson() throws Exception {
    String q = query("2023-2024", "2024-Q1", null);
    JsonNode r = get("/api/indicators?" + q, "superviseur");
    assertThat(r.get("masked").asBoolean()).isFalse();
    List<List<String>> csv =
        parseCsv(
            new String(
                    bytes("/api/indicators/export?" + q + "&format=csv", "superviseur"),
                    StandardCharsets.UTF_8)
                .substring(1));
    for (JsonNode line : r.get("perimeters")) {
      assertThat(csv).contains(tableRow(line));
    }
    assertThat(csv.stream().flatMap(List::stream)).doesNotContain("< 5");
    String pdf = pdfText(bytes("/api/indicators/export?" + q + "&format=pdf", "superviseur"));
    assertThat(pdf.replaceAll("\\s+", ""))
        .contains(nospace("I1 — Jeunes sortis sans diplôme repérés" + r.get("leavers").asText()));
    for (JsonNode line : r.get("perimeters")) {
      List<String> row = new ArrayList<>(tableRow(line));
      row.remove(1);
      assertThat(pdf.replaceAll("\\s+", "")).contains(nospace(String.join("", row)));
    }
  }

  @Test
  void badParametersAndReadersOutOfScopeAreRefusedInFrench() throws Exception {
    assertError(
        "/api/indicators?schoolYear=2025&quarter=2026-Q1",
        "superviseur",
        400,
        "Année scolaire invalide");
    assertError(
        "/api/indicators?schoolYear=2025-2027&quarter=2026-Q1",
        "superviseur",
        400,
        "deux années qui se suivent");
    assertError(
        "/api/indicators?schoolYear=2025-2026&quarter=2026-Q5",
        "superviseur",
        400,
        "Trimestre invalide");
    assertError(
        "/api/indicators?schoolYear=2025-2026&quarter=Q1-2026",
        "prefecture",
        400,
        "Trimestre invalide");
    assertError(
        "/api/indicators?schoolYear=2025-2026&quarter=2027-Q1",
        "prefecture",
        400,
        "n'est pas dans l'année scolaire 2025-2026");
    assertError(
        "/api/indicators?schoolYear=2025-2026&quarter=2025-Q2",
        "prefecture",
        400,
        "n'est pas dans l'année scolaire");
    assertError(
        "/api/indicators?quarter=2026-Q1", "prefecture", 400, "L'année scolaire est obligatoire");
    assertError(
        "/api/indicators?schoolYear=2025-2026&quarter=2026-Q1&perimeter=NULLEPART",
        "prefecture",
        404,
        "Périmètre inconnu : NULLEPART");
    assertError(
        "/api/indicators/export?schoolYear=2025-2026&quarter=2026-Q1&format=xls",
        "prefecture",
        400,
        "Format d'export inconnu");
    // caseworkers see no report
    assertThat(
            http.get(
                    "/api/indicators?schoolYear=2025-2026&quarter=2026-Q1",
                    "referent.ml-lyon",
                    "demo")
                .statusCode())
        .isEqualTo(403);
    // a coordinator reads their own perimeter, masked, and no other
    JsonNode own = get("/api/indicators?schoolYear=2022-2023&quarter=2023-Q1", "coord.lyon");
    assertThat(own.get("perimeter").asText()).isEqualTo("LYON");
    assertThat(own.get("masked").asBoolean()).isTrue();
    assertThat(
            http.get(
                    "/api/indicators?schoolYear=2022-2023&quarter=2023-Q1&perimeter=EST",
                    "coord.lyon",
                    "demo")
                .statusCode())
        .isEqualTo(403);
    // only supervisors and administrators manage
    assertThat(
            http.postJson(
                    "/api/indicators/snapshots?schoolYear=2022-2023&quarter=2023-Q1",
                    "{}",
                    "prefecture",
                    "demo")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.putJson(
                    "/api/indicators/objectives",
                    "{\"schoolYear\":\"2022-2023\",\"indicator\":\"LEAVERS\",\"kind\":\"COUNT\",\"target\":10}",
                    "prefecture",
                    "demo")
                .statusCode())
        .isEqualTo(403);
    // the prefecture's page refuses a malformed quarter in French, a visitor nothing
    http.signIn("prefecture", "demo");
    assertThat(http.get("/indicators?schoolYear=2025-2026&quarter=2026-T1").body())
        .contains("Trimestre invalide");
    // without signing in: the login page, never figures
    assertThat(new Http(port).get("/indicators?schoolYear=2025-2026&quarter=2026-Q1").statusCode())
        .isEqualTo(302);
  }

  @Test
  void objectivesSetBySupervisorsShowReachedOrNotWithTheirGap() throws Exception {
    SyntheticDepartement synth = SyntheticDepartement.SHARED;
    var all = synth.expected("2021-2022", "2022-Q2", c -> true);
    var lyon = synth.expected("2021-2022", "2022-Q2", c -> c.perimeter().equals("LYON"));
    put(
        "{\"schoolYear\":\"2021-2022\",\"indicator\":\"LEAVERS\",\"kind\":\"COUNT\",\"target\":"
            + (all.leavers() + 10)
            + "}",
        200);
    put(
        "{\"schoolYear\":\"2021-2022\",\"perimeter\":\"LYON\",\"indicator\":\"TAKEN_IN_CHARGE\",\"kind\":\"RATE\",\"target\":10}",
        200);
    put(
        "{\"schoolYear\":\"2021-2022\",\"indicator\":\"LEAVERS\",\"kind\":\"RATE\",\"target\":10}",
        400);
    put(
        "{\"schoolYear\":\"2021-2022\",\"indicator\":\"SOLUTION_AFTER_ONE_YEAR\",\"kind\":\"RATE\",\"target\":120}",
        400);
    put(
        "{\"schoolYear\":\"2021-2022\",\"indicator\":\"NIMPORTE\",\"kind\":\"RATE\",\"target\":10}",
        400);
    put(
        "{\"schoolYear\":\"2021-2022\",\"perimeter\":\"NULLEPART\",\"indicator\":\"LEAVERS\",\"kind\":\"COUNT\",\"target\":10}",
        404);

    JsonNode dep = get("/api/indicators?" + query("2021-2022", "2022-Q2", null), "superviseur");
    assertThat(dep.get("objectives")).hasSize(1);
    JsonNode o = dep.get("objectives").get(0);
    assertThat(o.get("indicator").asText()).isEqualTo("LEAVERS");
    assertThat(o.get("status").asText()).isEqualTo("NOT_REACHED");
    assertThat(o.get("gap").asDouble()).isEqualTo(-10.0);
    assertThat(o.get("actual").asLong()).isEqualTo(all.leavers());

    JsonNode ly = get("/api/indicators?" + query("2021-2022", "2022-Q2", "LYON"), "prefecture");
    JsonNode lo = ly.get("objectives").get(0);
    assertThat(lo.get("indicator").asText()).isEqualTo("TAKEN_IN_CHARGE");
    assertThat(lo.get("status").asText()).isEqualTo("REACHED");
    double rate = Math.round(1000.0 * lyon.takenInCharge() / lyon.leavers()) / 10.0;
    assertThat(lo.get("gap").asDouble())
        .isCloseTo(rate - 10, org.assertj.core.api.Assertions.within(0.051));
    // the objectives page lists them for supervisors
    http.signIn("superviseur", "demo");
    assertThat(http.get("/indicators/objectives?schoolYear=2021-2022").body())
        .contains("I2 — Jeunes pris en charge par les réseaux")
        .contains("taux (%)");
  }

  void put(String body, int expected) {
    HttpResponse<String> r =
        http.putJson("/api/indicators/objectives", body, "superviseur", "demo");
    assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(expected);
  }

  void assertError(String path, String user, int status, String message) throws Exception {
    HttpResponse<String> response = http.get(path, user, "demo");
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
    assertThat(json.readTree(response.body()).get("message").asText()).contains(message);
  }

  static void assertNoPersonalData(String text) {
    assertThat(text).doesNotContain("SYN-");
    assertThat(Pattern.compile("\\d{4}-69-\\d{6}").matcher(text).find()).isFalse();
  }

  static String nospace(String s) {
    return s.replaceAll("\\s+", "");
  }

  static String text(JsonNode n) {
    return n.asText();
  }

  static String rate(JsonNode n) {
    if (n == null || n.isNull()) {
      return "–";
    }
    return n.isTextual() ? n.asText() : fr.raccroche.indicators.Figure.format(n.asDouble());
  }

  static String count(JsonNode n) {
    return n.asText();
  }

  /** A table row as the CSV writes it: label, code, then the six figures. */
  static List<String> tableRow(JsonNode line) {
    return List.of(
        line.get("label").asText(),
        line.get("code").asText(),
        count(line.get("leavers")),
        count(line.get("takenInCharge")),
        rate(line.get("takenInChargeRate")),
        count(line.get("oneYearCohort")),
        count(line.get("solutionAfterOneYear")),
        rate(line.get("solutionRate")));
  }

  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString().replace("\r", ""));
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    return rows;
  }

  /** The PDF says its language (catalog /Lang) and shows its title instead of its file name. */
  public static void assertFrenchAndTitled(byte[] pdf, String title) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    PdfDictionary catalog = reader.getCatalog();
    assertThat(catalog.getAsString(PdfName.LANG)).as("/Lang").isNotNull();
    assertThat(catalog.getAsString(PdfName.LANG).toUnicodeString()).isEqualTo("fr-FR");
    assertThat(reader.getInfo().get("Title")).isEqualTo(title);
    PdfDictionary preferences = catalog.getAsDict(PdfName.VIEWERPREFERENCES);
    assertThat(preferences).as("/ViewerPreferences").isNotNull();
    assertThat(preferences.getAsBoolean(PdfName.DISPLAYDOCTITLE)).isEqualTo(PdfBoolean.PDFTRUE);
    reader.close();
  }

  static String pdfText(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder b = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      b.append(extractor.getTextFromPage(page)).append('\n');
    }
    return b.toString();
  }

  static List<List<String>> htmlRows(String html, String tableId) {
    Matcher table =
        Pattern.compile("<table[^>]*id=\"" + tableId + "\"[^>]*>(.*?)</table>", Pattern.DOTALL)
            .matcher(html);
    assertThat(table.find()).as("table " + tableId).isTrue();
    Matcher body = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(table.group(1));
    assertThat(body.find()).isTrue();
    List<List<String>> rows = new ArrayList<>();
    Matcher tr = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body.group(1));
    while (tr.find()) {
      List<String> cells = new ArrayList<>();
      // Every cell of the row, its header cell (th scope="row") first.
      Matcher td =
          Pattern.compile("<t([dh])(?: scope=\"row\")?>(.*?)</t\\1>", Pattern.DOTALL)
              .matcher(tr.group(1));
      while (td.find()) {
        cells.add(
            td.group(2)
                .strip()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&amp;", "&"));
      }
      rows.add(cells);
    }
    return rows;
  }
}
