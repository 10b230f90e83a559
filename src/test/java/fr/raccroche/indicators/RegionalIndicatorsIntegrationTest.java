package fr.raccroche.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseRegistered;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.MilestoneReached;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.security.Roles;
import fr.raccroche.security.UserAccount;
import fr.raccroche.security.UserAccountService;
import fr.raccroche.territory.Commune;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two départements of one region in one deployment: the demo's Rhône (69) and the Loire (42, two
 * perimeters defined here with communes of the Loire), with leavers of the 2017-2018 school year
 * (no other test's cases). The region's steering group reads both side by side and consolidated,
 * masked like the prefecture's report, with its objectives, the trend of each département, a CSV
 * and a PDF, and nothing nominative; a prefecture of 42 reads 42 only; bad input is refused in
 * French.
 */
@RaccrocheIntegrationTest
class RegionalIndicatorsIntegrationTest {
  static final String Q = "schoolYear=2017-2018&quarter=2018-Q1";

  @LocalServerPort int port;
  @Autowired TerritoryService territory;
  @Autowired UserAccountService accounts;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired IndicatorService indicators;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void twoDepartements() {
    http = new Http(port);
    territory.definePerimeter(
        new Perimeter(
            "REGA42",
            "Pilat (test régional)",
            "42",
            List.of(new Commune("42006", "Apinac"), new Commune("42010", "Aveizieux")),
            List.of(),
            List.of()));
    territory.definePerimeter(
        new Perimeter(
            "REGB42",
            "Roannais (test régional)",
            "42",
            List.of(new Commune("42007", "Arcinges"), new Commune("42003", "Ambierle")),
            List.of(),
            List.of()));
    accounts.ensureDemoUser(
        new UserAccount(
            "prefecture.t42",
            "Pauline",
            "Loire",
            null,
            "demo",
            List.of(Roles.PREFECTURE_GROUP),
            "42"));
    synchronized (RegionalIndicatorsIntegrationTest.class) {
      Integer present =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM indicator_case_fact WHERE case_number LIKE '2017-__-99%'",
              Integer.class);
      if (present == 0) {
        seed();
      }
    }
  }

  /**
   * Rhône: 6 leavers in October 2017 in LYON, 3 of them taken in charge in November. Loire: 5
   * leavers in REGA42 and 3 in REGB42, in November 2017, none taken in charge. Then the Loire's
   * quarter 2018-Q1 published.
   */
  void seed() {
    transactions.executeWithoutResult(
        tx -> {
          for (int i = 1; i <= 6; i++) {
            String number = "2017-69-99%04d".formatted(i);
            leaver(number, 990_000_000L + i, "LYON", LocalDate.of(2017, 10, 2 + i));
            if (i <= 3) {
              milestone(number, Milestone.FIRST_CONTACT, LocalDate.of(2017, 11, 2), "LYON");
              milestone(number, Milestone.TAKEN_IN_CHARGE, LocalDate.of(2017, 11, 10), "LYON");
            }
          }
          for (int i = 1; i <= 8; i++) {
            leaver(
                "2017-42-99%04d".formatted(i),
                990_100_000L + i,
                i <= 5 ? "REGA42" : "REGB42",
                LocalDate.of(2017, 11, 2 + i));
          }
        });
    var period = indicators.period("2017-2018", "2018-Q1");
    var draft = indicators.createDraft(period, "42", null);
    indicators.publish(draft.id(), "Relu (test régional)", "superviseur.t42");
  }

  void leaver(String number, long person, String perimeter, LocalDate leaving) {
    events.publishEvent(
        new CaseRegistered(
            number,
            person,
            perimeter,
            CaseOrigin.IMPORT,
            LeaverSource.EN,
            "F",
            17,
            SchoolLevel.LYCEE,
            "Démission",
            leaving,
            leaving.plusDays(5)));
  }

  void milestone(String number, Milestone milestone, LocalDate on, String perimeter) {
    events.publishEvent(
        new MilestoneReached(number, milestone, on, perimeter, null, null, null, null));
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = http.get(path, user, "demo");
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  int status(String path, String user) {
    return http.get(path, user, "demo").statusCode();
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

  static JsonNode line(JsonNode lines, String code) {
    for (JsonNode l : lines) {
      if (l.get("code").asText().equals(code)) {
        return l;
      }
    }
    throw new AssertionError("no line " + code + " in " + lines);
  }

  /**
   * School year 2028-2029 (no other test's): six Rhône leavers in October 2028, two of whom moved
   * to the Loire (their cases there opened by a transfer, the same young people), and four other
   * Loire leavers. Each département counts its six; the region counts ten young people.
   */
  @Test
  void aYoungPersonWhoMovedCountsInBothDepartementsAndOnceInTheRegion() throws Exception {
    synchronized (RegionalIndicatorsIntegrationTest.class) {
      Integer present =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM indicator_case_fact WHERE case_number LIKE '2028-__-98%'",
              Integer.class);
      if (present == 0) {
        transactions.executeWithoutResult(
            tx -> {
              for (int i = 1; i <= 6; i++) {
                leaver(
                    "2028-69-98%04d".formatted(i),
                    990_200_000L + i,
                    "LYON",
                    LocalDate.of(2028, 10, 1 + i));
              }
              for (int i = 1; i <= 6; i++) {
                // 1 and 2: the Rhône's first two young people, moved
                long person = i <= 2 ? 990_200_000L + i : 990_300_000L + i;
                events.publishEvent(
                    new CaseRegistered(
                        "2028-42-98%04d".formatted(i),
                        person,
                        "REGA42",
                        i <= 2 ? CaseOrigin.TRANSFER : CaseOrigin.IMPORT,
                        LeaverSource.EN,
                        "F",
                        17,
                        SchoolLevel.LYCEE,
                        "Démission",
                        LocalDate.of(2028, 10, 1 + i),
                        LocalDate.of(2028, 11, 20)));
              }
            });
      }
    }
    JsonNode r = get("/api/region/indicators?schoolYear=2028-2029&quarter=2028-Q4", "region");
    assertThat(line(r.get("departements"), "69").get("leavers").asLong()).isEqualTo(6);
    assertThat(line(r.get("departements"), "42").get("leavers").asLong()).isEqualTo(6);
    assertThat(r.get("region").get("leavers").asLong()).isEqualTo(10);
    // Each département's own report is unchanged: the move is counted in both.
    JsonNode loire = get("/api/indicators?schoolYear=2028-2029&quarter=2028-Q4", "prefecture.t42");
    assertThat(loire.get("departement").asText()).isEqualTo("42");
    assertThat(loire.get("leavers").asLong()).isEqualTo(6);
  }

  @Test
  void theRegionReadsBothDepartementsSideBySideAndConsolidatedMasked() throws Exception {
    JsonNode r = get("/api/region/indicators?" + Q, "region");
    assertThat(r.get("regionCode").asText()).isEqualTo("84");
    assertThat(r.get("regionName").asText()).isEqualTo("Auvergne-Rhône-Alpes");
    List<String> codes = new ArrayList<>();
    r.get("departements").forEach(l -> codes.add(l.get("code").asText()));
    assertThat(codes).containsExactly("42", "69");
    JsonNode loire = line(r.get("departements"), "42");
    JsonNode rhone = line(r.get("departements"), "69");
    // names from the official COG
    assertThat(loire.get("label").asText()).isEqualTo("Loire");
    assertThat(rhone.get("label").asText()).isEqualTo("Rhône");
    // I1: 8 and 6, 14 for the region
    assertThat(loire.get("leavers").asLong()).isEqualTo(8);
    assertThat(rhone.get("leavers").asLong()).isEqualTo(6);
    assertThat(r.get("region").get("leavers").asLong()).isEqualTo(14);
    assertThat(r.get("region").get("label").asText()).isEqualTo("Auvergne-Rhône-Alpes");
    // I2: 3 in the Rhône, a small count, masked; so is the region's total and every rate of it
    assertThat(rhone.get("takenInCharge").asText()).isEqualTo("< 5");
    assertThat(rhone.get("takenInChargeRate").asText()).isEqualTo("masqué");
    assertThat(loire.get("takenInCharge").asLong()).isZero();
    assertThat(r.get("region").get("takenInCharge").asText()).isEqualTo("< 5");
    assertThat(r.get("region").get("takenInChargeRate").asText()).isEqualTo("masqué");
    // the Rhône's delays come from a masked count: masked too
    assertThat(rhone.get("delays").get("medianDaysFirstContactToTakenInCharge").asText())
        .isEqualTo("masqué");
    assertThat(r.get("masked").asBoolean()).isTrue();
    // the trend: the Loire's published quarter; nothing published for the Rhône this year
    JsonNode trend = r.get("trend");
    assertThat(trend.get(0).get("departement").asText()).isEqualTo("42");
    assertThat(trend.get(0).get("points")).hasSize(1);
    assertThat(trend.get(0).get("points").get(0).get("quarter").asText()).isEqualTo("2018-Q1");
    assertThat(trend.get(0).get("points").get(0).get("leavers").asLong()).isEqualTo(8);
    assertThat(trend.get(1).get("departement").asText()).isEqualTo("69");
    assertThat(trend.get(1).get("points")).isEmpty();
    // nothing nominative: no case number, no name in what the region reads
    assertThat(r.toString()).doesNotContain("2017-69-99").doesNotContain("2017-42-99");

    // the page: the same figures side by side, the region's line below
    HttpResponse<String> page = http.get("/region?" + Q, "region", "demo");
    assertThat(page.statusCode()).isEqualTo(200);
    List<List<String>> rows = IndicatorReportsIntegrationTest.htmlRows(page.body(), "departements");
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("42 — Loire", "8", "0"));
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("69 — Rhône", "6", "< 5"));
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(row).startsWith("Région Auvergne-Rhône-Alpes", "14", "< 5", "masqué"));
  }

  @Test
  void theRegionalCsvAndPdfSayTheSame() throws Exception {
    JsonNode r = get("/api/region/indicators?" + Q, "region");
    String csv =
        new String(
            bytes("/api/region/indicators/export?" + Q + "&format=csv", "region"),
            StandardCharsets.UTF_8);
    List<List<String>> table = IndicatorReportsIntegrationTest.parseCsv(csv);
    assertThat(table)
        .anySatisfy(row -> assertThat(row).startsWith("Région", "84 Auvergne-Rhône-Alpes"));
    assertThat(table).anySatisfy(row -> assertThat(row).startsWith("Loire", "42", "8", "0"));
    assertThat(table)
        .anySatisfy(row -> assertThat(row).startsWith("Rhône", "69", "6", "< 5", "masqué"));
    assertThat(table)
        .anySatisfy(row -> assertThat(row).startsWith("Auvergne-Rhône-Alpes", "84", "14", "< 5"));
    assertThat(table).anySatisfy(row -> assertThat(row).startsWith("42 Loire", "2018-Q1", "8"));

    byte[] pdf = bytes("/api/region/indicators/export?" + Q + "&format=pdf", "region");
    IndicatorReportsIntegrationTest.assertFrenchAndTitled(
        pdf, "Indicateurs trimestriels 2018-Q1 — région Auvergne-Rhône-Alpes");
    String text = IndicatorReportsIntegrationTest.pdfText(pdf);
    assertThat(text).contains("pilotage régional").contains("2017-2018");
    String flat = text.replaceAll("\\s+", "");
    assertThat(flat)
        .contains("Loire80")
        .contains("Rhône6<5masqué")
        .contains("Auvergne-Rhône-Alpes14<5masqué");
    assertThat(r.get("region").get("leavers").asLong()).isEqualTo(14);
  }

  @Test
  void theRegionSetsItsObjectivesAndReadsThemAgainstTheConsolidatedFigures() throws Exception {
    HttpResponse<String> set =
        http.putJson(
            "/api/region/objectives",
            """
            {"schoolYear":"2017-2018","indicator":"LEAVERS","kind":"COUNT","target":20}
            """,
            "region",
            "demo");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    JsonNode objectives = get("/api/region/indicators?" + Q, "region").get("objectives");
    assertThat(objectives).hasSize(1);
    assertThat(objectives.get(0).get("actual").asLong()).isEqualTo(14);
    assertThat(objectives.get(0).get("status").asText()).isEqualTo("NOT_REACHED");
    // a regional objective is no objective of a département
    assertThat(get("/api/indicators/objectives?schoolYear=2017-2018", "superviseur")).isEmpty();
    // bad input, in French
    HttpResponse<String> bad =
        http.putJson(
            "/api/region/objectives",
            """
            {"schoolYear":"2017-2018","indicator":"LEAVERS","kind":"RATE","target":20}
            """,
            "region",
            "demo");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("effectif, pas un taux");
    HttpResponse<String> noYear =
        http.putJson(
            "/api/region/objectives",
            """
            {"indicator":"LEAVERS","kind":"COUNT","target":20}
            """,
            "region",
            "demo");
    assertThat(noYear.statusCode()).isEqualTo(400);
    assertThat(noYear.body()).contains("L'année scolaire est obligatoire");
    // the prefecture sets no regional objective
    assertThat(
            http.putJson(
                    "/api/region/objectives",
                    """
                    {"schoolYear":"2017-2018","indicator":"LEAVERS","kind":"COUNT","target":1}
                    """,
                    "prefecture",
                    "demo")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aPrefectureReadsItsOwnDepartementOnly() throws Exception {
    JsonNode own = get("/api/indicators?" + Q, "prefecture.t42");
    assertThat(own.get("departement").asText()).isEqualTo("42");
    assertThat(own.get("leavers").asLong()).isEqualTo(8);
    List<String> perimeters = new ArrayList<>();
    own.get("perimeters").forEach(l -> perimeters.add(l.get("code").asText()));
    assertThat(perimeters).containsExactly("REGA42", "REGB42");
    // the Loire's published snapshot is what its prefecture reads
    assertThat(own.get("status").asText()).isEqualTo("PUBLISHED");
    // the Rhône's prefecture reads the Rhône's
    JsonNode rhone = get("/api/indicators?" + Q, "prefecture");
    assertThat(rhone.get("departement").asText()).isEqualTo("69");
    assertThat(rhone.get("leavers").asLong()).isEqualTo(6);
    assertThat(rhone.get("status").asText()).isEqualTo("PROVISIONAL");
    // another département's figures: refused; an unknown one: not found, in French
    assertThat(status("/api/indicators?" + Q + "&departement=69", "prefecture.t42")).isEqualTo(403);
    assertThat(status("/api/indicators?" + Q + "&departement=42", "prefecture")).isEqualTo(403);
    assertThat(
            status("/api/indicators/export?" + Q + "&departement=69&format=csv", "prefecture.t42"))
        .isEqualTo(403);
    HttpResponse<String> unknown =
        http.get("/api/indicators?" + Q + "&departement=99", "prefecture.t42", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Département inconnu");
    // a perimeter of the other département is unknown in this one
    HttpResponse<String> lyon =
        http.get("/api/indicators?" + Q + "&perimeter=LYON", "prefecture.t42", "demo");
    assertThat(lyon.statusCode()).isEqualTo(404);
    assertThat(lyon.body()).contains("n'est pas dans le département 42");
    // and the page: 42's perimeters only; another département's page refused
    HttpResponse<String> page = http.get("/indicators?" + Q, "prefecture.t42", "demo");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Pilat (test régional)").doesNotContain("value=\"LYON\"");
    assertThat(status("/indicators?" + Q + "&departement=69", "prefecture.t42")).isEqualTo(403);
    // nor another département's territorial diagnosis (the indicators' reader)
    assertThat(status("/api/diagnoses/LYON", "prefecture.t42")).isEqualTo(403);
    assertThat(status("/api/diagnoses/REGA42", "prefecture.t42")).isEqualTo(200);
    assertThat(status("/api/diagnoses/REGA42", "prefecture")).isEqualTo(403);
    // the regional view is not the prefecture's
    assertThat(status("/api/region/indicators?" + Q, "prefecture.t42")).isEqualTo(403);
    assertThat(status("/api/region/indicators?" + Q, "superviseur")).isEqualTo(403);
    assertThat(status("/region", "prefecture")).isEqualTo(403);
    // an administrator reads either
    assertThat(get("/api/indicators?" + Q + "&departement=42", "admin").get("leavers").asLong())
        .isEqualTo(8);
  }

  @Test
  void theRegionReadsNoCaseNorTheEngine() {
    assertThat(status("/api/cases", "region")).isEqualTo(403);
    assertThat(status("/cases", "region")).isEqualTo(403);
    assertThat(status("/api/cases/2017-69-990001", "region")).isIn(403, 404);
    assertThat(status("/engine-rest/task", "region")).isEqualTo(403);
    assertThat(status("/engine-rest/process-instance", "region")).isEqualTo(403);
    assertThat(status("/api/indicators?" + Q, "region")).isEqualTo(403);
    assertThat(status("/api/imports", "region")).isEqualTo(403);
    assertThat(http.camundaLogin("cockpit", "region", "demo")).isEqualTo(403);
    assertThat(http.camundaLogin("tasklist", "region", "demo")).isEqualTo(403);
  }

  @Test
  void badPeriodsAndFormatsAreRefusedInFrench() {
    HttpResponse<String> year =
        http.get("/api/region/indicators?schoolYear=2017&quarter=2018-Q1", "region", "demo");
    assertThat(year.statusCode()).isEqualTo(400);
    assertThat(year.body()).contains("Année scolaire invalide");
    HttpResponse<String> quarter =
        http.get("/api/region/indicators?schoolYear=2017-2018&quarter=2018-Q5", "region", "demo");
    assertThat(quarter.statusCode()).isEqualTo(400);
    HttpResponse<String> outside =
        http.get("/api/region/indicators?schoolYear=2017-2018&quarter=2019-Q1", "region", "demo");
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.body()).contains("n'est pas dans l'année scolaire 2017-2018");
    HttpResponse<String> missing = http.get("/api/region/indicators", "region", "demo");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("L'année scolaire est obligatoire");
    HttpResponse<String> format =
        http.get("/api/region/indicators/export?" + Q + "&format=xls", "region", "demo");
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("Format d'export inconnu");
    // the page says it, without figures
    HttpResponse<String> page =
        http.get("/region?schoolYear=2017&quarter=2018-Q1", "region", "demo");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Année scolaire invalide")
        .doesNotContain("id=\"departements\"");
  }
}
