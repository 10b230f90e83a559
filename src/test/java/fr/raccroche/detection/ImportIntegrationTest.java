package fr.raccroche.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.detection.internal.SourceListingEntity;
import fr.raccroche.detection.internal.SourceListingRepository;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import fr.raccroche.testsupport.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The leaver lists of several source systems become one record per young person, through the
 * imports API, as a supervisor would send them. Each test uses its own fictitious people (names
 * unique to the test) since all tests share one database.
 */
@RaccrocheIntegrationTest
class ImportIntegrationTest {
  static final String HEADER =
      "ine;nom;prenom;sexe;date_naissance;adresse;code_postal;commune;code_commune;telephone;email;uai;etablissement;formation;niveau;date_entree;date_sortie;motif_sortie;diplome_obtenu;responsable_legal;telephone_responsable";

  @LocalServerPort int port;
  @Autowired fr.raccroche.shared.PlannerStatistics plannerStatistics;
  @Autowired SourceListingRepository listings;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static String birth(int age) {
    return birth(age, 0);
  }

  /** Distinct birth dates keep generated people from being near matches of each other. */
  static String birth(int age, int days) {
    return LocalDate.now().minusYears(age).minusDays(40 + days).toString();
  }

  static String row(
      String ine,
      String last,
      String first,
      String birth,
      String postal,
      String commune,
      String uai) {
    return String.join(
        ";",
        ine,
        last,
        first,
        "F",
        birth,
        "1 rue de la Paix",
        postal,
        "",
        commune,
        "0600000000",
        "",
        uai,
        "",
        "CAP cuisine",
        "CAP",
        "",
        "30/06/2026",
        "Abandon",
        "",
        "",
        "");
  }

  JsonNode importFile(String source, String kind, String content, Charset charset)
      throws Exception {
    return importFile(
        "/api/imports?wait=true&source=" + source + "&kind=" + kind,
        content.getBytes(charset),
        200);
  }

  JsonNode importFile(String path, byte[] content, int expected) throws Exception {
    HttpResponse<String> response =
        http.postFile(path, "liste.csv", content, "superviseur", "demo");
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

  JsonNode casesOf(String lastName) throws Exception {
    return json.readTree(http.get("/api/cases?size=50&q=" + lastName, "superviseur", "demo").body())
        .get("content");
  }

  /**
   * A large file starts on tables the planner believes small: the import refreshes PostgreSQL's
   * statistics as it goes (after 2,000 rows, then every ×4), or its lookups turn into sequential
   * scans that slow every chunk down (measured: docs/benchmarks.md). Refused lines start no
   * pathway, so 2,100 of them run fast.
   */
  @Test
  void aLargeImportRefreshesThePlannersStatisticsOnPostgresql() throws Exception {
    assumeTrue(TestDatabases.postgres(), "PostgreSQL's planner statistics");
    long before = plannerStatistics.refreshes();
    // 2,100 lines refused (a birth date that is no date): written as the import goes, in chunks;
    // past 2,000 lines done the import asks for a refresh. Which tables it then analyses depends on
    // PostgreSQL's activity counters, which lag the writes by up to seconds (PlannerStatistics):
    // what the import owes is the refresh itself.
    StringBuilder file = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 2_100; i++) {
      file.append(row("", "Statistiques", "Refuse", "pas-une-date", "69003", "", "")).append('\n');
    }
    JsonNode report = importFile("EN", "LEAVERS", file.toString(), StandardCharsets.UTF_8);
    assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(report.get("rejected").asLong()).isEqualTo(2_100);
    // The refresh runs on a thread of its own and never holds the import up
    // (shared.BackgroundStatistics): it may end just after the import.
    for (int waited = 0; waited < 600 && plannerStatistics.refreshes() == before; waited++) {
      Thread.sleep(100);
    }
    assertThat(plannerStatistics.refreshes())
        .as("refreshes during the import")
        .isGreaterThan(before);
  }

  /**
   * Rows are written by several threads, dealt out by birth date; one INE recorded under two birth
   * dates (a typing error in one list) can reach two of them at once. Still one person per INE,
   * with both listings and one case.
   */
  @Test
  void oneIneUnderTwoBirthDatesIsOnePersonEvenWhenTwoWritersMeetOnIt() throws Exception {
    StringBuilder file = new StringBuilder(HEADER).append('\n');
    List<String> ines = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String ine = String.format("77700000%02dK", i);
      ines.add(ine);
      String first = "Prenom" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
      file.append(row(ine, "Deuxdates", first, birth(17, 3 * i), "69003", "69383", ""))
          .append('\n');
      file.append(row(ine, "Deuxdates", first, birth(17, 3 * i + 1), "69003", "69383", ""))
          .append('\n');
    }
    JsonNode report = importFile("EN", "LEAVERS", file.toString(), StandardCharsets.UTF_8);
    assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(report.get("created").asLong()).isEqualTo(30);
    assertThat(report.get("merged").asLong()).isEqualTo(30);
    assertThat(sum(report)).isEqualTo(60);
    List<Long> ids = personIds(ines);
    assertThat(ids).hasSize(30);
    String in = String.join(",", ids.stream().map(String::valueOf).toList());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from source_listing where person_id in (" + in + ")", Long.class))
        .isEqualTo(60);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from support_case where person_id in (" + in + ")", Long.class))
        .isEqualTo(30);
  }

  @Test
  void theSameYoungPeopleFromFourListsAreOnePersonEachWithAllTheirSources() throws Exception {
    String a = row("1234567890A", "Quatrelistes", "Anaïs", birth(18), "69003", "69383", "");
    String b = row("", "Quatrelistes-Durand", "Jean-Pierre", birth(19), "69100", "", "");
    String c = row("", "Quatrelistes", "Célia", birth(20), "", "69243", "");
    String bad = row("", "Quatrelistes", "Datefausse", "31/02/2008", "69003", "", "");
    String young = row("", "Quatrelistes", "Tropjeune", birth(15), "69003", "", "");
    String graduate =
        row("", "Quatrelistes", "Diplomee", birth(19), "69003", "", "")
            .replace(";Abandon;;", ";Abandon;Baccalauréat professionnel;");
    String en = String.join("\n", HEADER, a, b, c, bad, young, graduate) + "\n";
    JsonNode first = importFile("EN", "LEAVERS", en, StandardCharsets.UTF_8);
    assertThat(first.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(first.get("rowsRead").asLong()).isEqualTo(6);
    assertThat(first.get("created").asLong()).isEqualTo(3);
    assertThat(first.get("rejected").asLong()).isEqualTo(1);
    assertThat(first.get("excluded").asLong()).isEqualTo(2);
    assertThat(sum(first)).isEqualTo(first.get("rowsRead").asLong());
    assertThat(first.get("rejections").get(0).get("line").asLong()).isEqualTo(5);

    // Agricultural education: another column order, Windows-1252, commas, names written otherwise.
    String agriHeader =
        "NOM,Prénom,Date_Naissance,INE,Code_Postal,Code_Commune,UAI,Date_Sortie,colonne_maison";
    String agri =
        String.join(
                "\r\n",
                agriHeader,
                "QUATRELISTES,ANAIS," + birth(18) + ",1234567890a,69003,69383,,2026-06-30,x",
                "\"Quatrelistes Durand\",jean pierre," + birth(19) + ",,69100,,,2026-06-30,y")
            + "\r\n";
    JsonNode second = importFile("AGRICULTURE", "LEAVERS", agri, Charset.forName("windows-1252"));
    assertThat(second.get("merged").asLong()).isEqualTo(2);
    assertThat(second.get("created").asLong()).isZero();
    assertThat(second.get("warnings").toString()).contains("colonne_maison");

    importFile("CFA", "LEAVERS", HEADER + "\n" + c + "\n", StandardCharsets.UTF_8);
    JsonNode ml =
        importFile("MISSION_LOCALE", "LEAVERS", HEADER + "\n" + a + "\n", StandardCharsets.UTF_8);
    assertThat(ml.get("merged").asLong()).isEqualTo(1);

    JsonNode cases = casesOf("Quatrelistes");
    assertThat(cases).hasSize(3);
    List<String> perimeters =
        cases.findValues("perimeterCode").stream().map(JsonNode::asText).sorted().toList();
    assertThat(perimeters).containsExactly("EST", "LYON", "NORD");
    for (JsonNode c1 : cases) {
      assertThat(c1.get("status").asText()).isEqualTo("TO_CONTACT");
      JsonNode detail =
          json.readTree(
              http.get("/api/cases/" + c1.get("caseNumber").asText(), "superviseur", "demo")
                  .body());
      assertThat(detail.get("processInstanceId").isNull()).isFalse();
      assertThat(detail.get("openTasks").get(0).get("taskDefinitionKey").asText())
          .isEqualTo("Task_ContactYoungPerson");
    }
    // Anaïs: listed by EN, agriculture and the Mission locale; Célia by EN and the CFA.
    long anais = personIds(List.of("1234567890A")).get(0);
    Set<String> sources =
        listings.findByPersonIdOrderByRecordedAt(anais).stream()
            .map(l -> l.getSource().name())
            .collect(Collectors.toSet());
    assertThat(sources).containsExactlyInAnyOrder("EN", "AGRICULTURE", "MISSION_LOCALE");

    // The case shows every list that named the young person.
    JsonNode anaisCase = null;
    for (JsonNode c1 : cases) {
      if (c1.get("firstName").asText().equals("Anaïs")) {
        anaisCase =
            json.readTree(
                http.get("/api/cases/" + c1.get("caseNumber").asText(), "superviseur", "demo")
                    .body());
      }
    }
    assertThat(
            anaisCase.get("sources").findValues("source").stream().map(JsonNode::asText).toList())
        .containsExactlyInAnyOrder("EN", "AGRICULTURE", "MISSION_LOCALE");

    // The same file again changes nothing.
    JsonNode again = importFile("EN", "LEAVERS", en, StandardCharsets.UTF_8);
    assertThat(again.get("unchanged").asLong()).isEqualTo(3);
    assertThat(again.get("created").asLong() + again.get("merged").asLong()).isZero();
    assertThat(casesOf("Quatrelistes")).hasSize(3);
  }

  @Test
  void aFileThatCannotBeReadIsRefusedWholeWithAFrenchMessage() throws Exception {
    String path = "/api/imports?wait=true&source=EN";
    assertThat(importFile(path, new byte[0], 400).get("message").asText()).isNotBlank();
    assertThat(
            importFile(path, (HEADER + "\n").getBytes(StandardCharsets.UTF_8), 400)
                .get("message")
                .asText())
        .contains("en-tête");
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i % 7 == 0 ? 0 : i);
    }
    assertThat(importFile(path, binary, 400).get("message").asText()).isNotBlank();
    String tabs =
        HEADER.replace(';', '\t')
            + "\n"
            + row("", "Tabulee", "Ana", birth(18), "69003", "", "").replace(';', '\t')
            + "\n";
    assertThat(importFile(path, tabs.getBytes(StandardCharsets.UTF_8), 400).get("message").asText())
        .contains(";");
    String missing = "nom;prenom\nX;Y\n";
    assertThat(
            importFile(path, missing.getBytes(StandardCharsets.UTF_8), 400).get("message").asText())
        .contains("date_naissance");
    JsonNode unknownSource = importFile("/api/imports?source=ECOLE&wait=true", "x".getBytes(), 400);
    assertThat(unknownSource.get("message").asText())
        .contains("Valeurs possibles", "AGRICULTURE", "MISSION_LOCALE");
    JsonNode unknownKind =
        importFile("/api/imports?source=EN&kind=TOUS&wait=true", "x".getBytes(), 400);
    assertThat(unknownKind.get("message").asText()).contains("LEAVERS", "FOLLOWED", "ENROLLED");
    assertThat(http.get("/api/imports", "coord.lyon", "demo").statusCode()).isEqualTo(403);
  }

  @Test
  void badLinesAreRejectedWithTheirReasonAndTheRestGoesIn() throws Exception {
    String good = row("", "Lignesmelees", "Bonne", birth(18), "69003", "", "");
    String stray = "\"" + row("", "Lignesmelees", "Guillemet", birth(18), "69003", "", "");
    String formula = row("", "=Lignesmelees", "@Formule", birth(18), "69003", "", "");
    String longName = row("", "L" + "a".repeat(299), "Long", birth(18), "69003", "", "");
    String twice = row("", "Lignesmelees", "Deuxfois", birth(18), "69004", "", "");
    String content =
        String.join(
                "\n",
                HEADER,
                good,
                stray,
                formula,
                longName,
                twice,
                twice,
                good.replace("Bonne", "Autre"))
            + "\n";
    JsonNode report = importFile("JUSTICE", "LEAVERS", content, StandardCharsets.UTF_8);
    assertThat(report.get("rowsRead").asLong()).isEqualTo(7);
    assertThat(sum(report)).isEqualTo(7);
    assertThat(report.get("rejected").asLong()).isEqualTo(2); // stray quote, 300-character name
    assertThat(report.get("unchanged").asLong()).isEqualTo(1); // the second copy of "twice"
    assertThat(report.get("created").asLong()).isEqualTo(4);
    // The formula-looking name is stored as text and neutralised in the CSV the app writes.
    assertThat(
            casesOf("Lignesmelees").findValues("lastName").stream().map(JsonNode::asText).toList())
        .contains("=Lignesmelees");
    HttpResponse<String> csv =
        http.get(
            "/api/imports/" + report.get("id").asText() + "/rejections", "superviseur", "demo");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body())
        .startsWith("\uFEFFligne;resultat;motif;ligne_d_origine")
        .contains("Guillemet non fermé");
    assertThat(csv.body().lines().skip(1).map(l -> l.split(";")[0]).toList()).contains("3", "5");
  }

  @Test
  void aLongImportRunsInTheBackgroundAndReportsItsProgress() throws Exception {
    StringBuilder content = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 120; i++) {
      content
          .append(
              row(
                  "",
                  "Arriereplan",
                  "Numero" + (char) ('a' + i % 26) + (char) ('a' + i / 26),
                  birth(18, i),
                  "69100",
                  "",
                  ""))
          .append('\n');
    }
    JsonNode accepted =
        importFile(
            "/api/imports?source=OTHER", content.toString().getBytes(StandardCharsets.UTF_8), 202);
    long id = accepted.get("id").asLong();
    JsonNode report = accepted;
    for (int i = 0; i < 120 && !"COMPLETED".equals(report.get("status").asText()); i++) {
      Thread.sleep(500);
      report = json.readTree(http.get("/api/imports/" + id, "superviseur", "demo").body());
      assertThat(report.get("status").asText()).isNotEqualTo("FAILED");
    }
    assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(report.get("created").asLong()).as(report.toString()).isEqualTo(120);
    assertThat(report.get("progress").get("percent").asInt()).isEqualTo(100);
    assertThat(report.get("progress").get("pathwaysStarted").asLong()).isEqualTo(120);
  }

  @Test
  void enrolmentListsCloseCasesAndFollowedListsTakeThemInCharge() throws Exception {
    String back = row("", "Reinscrite", "Retour", birth(18), "69003", "", "");
    String never = row("", "Reinscrite", "Fausse", birth(18), "69003", "", "");
    String followed = row("", "Reinscrite", "Suivie", birth(19), "69003", "", "");
    importFile(
        "EN",
        "LEAVERS",
        String.join("\n", HEADER, back, never, followed) + "\n",
        StandardCharsets.UTF_8);

    String enrolled =
        String.join(
                "\n",
                HEADER,
                back.replace(";CAP;;30/06/2026;", ";CAP;01/09/2026;30/06/2026;"),
                never.replace(";CAP;;30/06/2026;", ";CAP;01/09/2025;30/06/2026;"),
                row("", "Inconnue", "Personne", birth(18), "69003", "", ""))
            + "\n";
    JsonNode report = importFile("CFA", "ENROLLED", enrolled, StandardCharsets.UTF_8);
    assertThat(report.get("updated").asLong()).isEqualTo(2);
    assertThat(report.get("excluded").asLong()).isEqualTo(1);
    JsonNode closed = casesOf("Reinscrite");
    for (JsonNode c : closed) {
      switch (c.get("firstName").asText()) {
        case "Retour" ->
            assertThat(c.get("closureReason").asText()).isEqualTo("RETURNED_TO_TRAINING");
        case "Fausse" -> assertThat(c.get("closureReason").asText()).isEqualTo("FALSE_DETECTION");
        default -> assertThat(c.get("status").asText()).isEqualTo("TO_CONTACT");
      }
    }
    JsonNode taken =
        importFile(
            "/api/imports?wait=true&source=MISSION_LOCALE&kind=FOLLOWED&partner=ML-LYON",
            (HEADER + "\n" + followed + "\n").getBytes(StandardCharsets.UTF_8),
            200);
    assertThat(taken.get("updated").asLong()).isEqualTo(1);
    JsonNode suivie =
        casesOf("Reinscrite").findParents("firstName").stream()
            .filter(c -> c.get("firstName").asText().equals("Suivie"))
            .findFirst()
            .orElseThrow();
    assertThat(suivie.get("status").asText()).isEqualTo("TAKEN_IN_CHARGE");
    assertThat(suivie.get("referentPartnerCode").asText()).isEqualTo("ML-LYON");
    assertThat(
            importFile(
                    "/api/imports?wait=true&source=MISSION_LOCALE&kind=FOLLOWED",
                    (HEADER + "\n" + followed + "\n").getBytes(StandardCharsets.UTF_8),
                    400)
                .get("message")
                .asText())
        .contains("partenaire");
  }

  @Test
  void nearMatchesAndUnroutedPeopleGoToAHumanInTasklist() throws Exception {
    importFile(
        "EN",
        "LEAVERS",
        HEADER + "\n" + row("", "Presquepareil", "Maëlle", birth(18), "69003", "", "") + "\n",
        StandardCharsets.UTF_8);
    JsonNode near =
        importFile(
            "AGRICULTURE",
            "LEAVERS",
            HEADER + "\n" + row("", "Presquepareille", "Maelle", birth(18), "69003", "", "") + "\n",
            StandardCharsets.UTF_8);
    assertThat(near.get("created").asLong()).isEqualTo(1);
    assertThat(near.get("warnings").toString()).contains("doublon");
    JsonNode review =
        json.readTree(
            http.get(
                    "/engine-rest/task?maxResults=100&taskDefinitionKey=Task_ReviewPossibleDuplicate",
                    "coord.lyon",
                    "demo")
                .body());
    JsonNode task = null;
    for (JsonNode t : review) {
      String summary =
          json.readTree(
                  http.get(
                          "/engine-rest/task/" + t.get("id").asText() + "/variables/personSummary",
                          "coord.lyon",
                          "demo")
                      .body())
              .get("value")
              .asText();
      if (summary.contains("PRESQUEPAREILLE")) {
        task = t;
      }
    }
    assertThat(task).as("review task for coord-LYON").isNotNull();
    assertThat(
            http.get(
                    "/engine-rest/task?maxResults=100&taskDefinitionKey=Task_ReviewPossibleDuplicate",
                    "coord.nord",
                    "demo")
                .body())
        .doesNotContain(task.get("id").asText());
    HttpResponse<String> merged =
        http.postJson(
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            "{\"variables\":{\"duplicateDecision\":{\"value\":\"MERGE\"}}}",
            "coord.lyon",
            "demo");
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(204);
    assertThat(casesOf("Presquepareil")).hasSize(1);

    JsonNode unrouted =
        importFile(
            "EN",
            "LEAVERS",
            HEADER
                + "\n"
                + row("", "Sansperimetre", "Paul", birth(18), "69530", "69027", "")
                + "\n",
            StandardCharsets.UTF_8);
    assertThat(unrouted.get("created").asLong()).isEqualTo(1);
    assertThat(casesOf("Sansperimetre")).isEmpty();
    JsonNode assign =
        json.readTree(
            http.get(
                    "/engine-rest/task?maxResults=100&taskDefinitionKey=Task_AssignPerimeter",
                    "superviseur",
                    "demo")
                .body());
    assertThat(assign).isNotEmpty();
    String taskId = assign.get(assign.size() - 1).get("id").asText();
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"assignedPerimeterCode\":{\"value\":\"NORD\"}}}",
            "superviseur",
            "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    JsonNode opened = casesOf("Sansperimetre");
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).get("perimeterCode").asText()).isEqualTo("NORD");
  }

  @Test
  void anEstablishmentSeesWhatBecameOfTheYoungPeopleItReportedWithoutNames() throws Exception {
    importFile(
        "EN",
        "LEAVERS",
        HEADER + "\n" + row("", "Retourecole", "Lou", birth(18), "", "", "0690003D") + "\n",
        StandardCharsets.UTF_8);
    HttpResponse<String> feedback =
        http.get("/api/establishments/0690003D/feedback", "superviseur", "demo");
    assertThat(feedback.statusCode()).isEqualTo(200);
    JsonNode f = json.readTree(feedback.body());
    assertThat(f.get("reported").asInt()).isPositive();
    assertThat(f.get("byStatus").get("TO_CONTACT").asInt()).isPositive();
    assertThat(feedback.body()).doesNotContain("Retourecole", "Lou", "\"caseNumber\"");
  }

  @Test
  void aRerunAfterAnInterruptedImportEndsWithExactlyTheRowsOfTheFile() throws Exception {
    StringBuilder full = new StringBuilder(HEADER).append('\n');
    StringBuilder half = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 40; i++) {
      String r =
          row(
              "",
              "Interrompu",
              "Rang" + (char) ('a' + i % 26) + (char) ('a' + i / 26),
              birth(19, i),
              "69400",
              "",
              "");
      full.append(r).append('\n');
      if (i < 25) {
        half.append(r).append('\n');
      }
    }
    // What an import killed after its first rows had stored.
    importFile("LOCAL_AUTHORITY", "LEAVERS", half.toString(), StandardCharsets.UTF_8);
    JsonNode rerun =
        importFile("LOCAL_AUTHORITY", "LEAVERS", full.toString(), StandardCharsets.UTF_8);
    assertThat(rerun.get("unchanged").asLong()).isEqualTo(25);
    assertThat(rerun.get("created").asLong()).isEqualTo(15);
    JsonNode cases =
        json.readTree(http.get("/api/cases?size=100&q=Interrompu", "superviseur", "demo").body());
    assertThat(cases.get("totalElements").asLong()).isEqualTo(40);
    List<SourceListingEntity> all =
        listings.findAll().stream().filter(l -> l.getFileName().equals("liste.csv")).toList();
    assertThat(all).isNotEmpty();
  }

  /** The ids of the people with these INEs. */
  List<Long> personIds(List<String> ines) {
    return jdbc.queryForList(
        "select id from young_person where ine in ("
            + String.join(",", ines.stream().map(i -> "'" + i + "'").toList())
            + ")",
        Long.class);
  }
}
