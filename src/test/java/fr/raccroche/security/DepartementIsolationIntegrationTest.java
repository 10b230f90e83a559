package fr.raccroche.security;

import static fr.raccroche.security.ScopeIntegrationTest.assertNoLeak;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.territory.Commune;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 24's hostile suite across départements: two départements in one deployment (69, the demo's,
 * and 42 with a perimeter defined here). Each case's Camunda instance, tasks and history carry its
 * département as tenant. A supervisor of 42 — a role that reads every case of its département, so
 * that nothing but the département boundary stands in the way — and a coordinator of 42 try every
 * surface on a case of 69 (engine-rest reads by id, queries, counts, the tenant-less lists, the
 * shared Tasklist filters, Tasklist's and Cockpit's back ends, the app's API and pages) and get
 * nothing; the same the other way round for the 69 supervisor; each still reads their own.
 */
@RaccrocheIntegrationTest
class DepartementIsolationIntegrationTest {
  static final String SECRET_69 = "Rhodanienne";
  static final String SECRET_42 = "Ligérienne";
  static final String HEADER =
      "ine;nom;prenom;sexe;date_naissance;adresse;code_postal;commune;code_commune;telephone;email;uai;etablissement;formation;niveau;date_entree;date_sortie;motif_sortie;diplome_obtenu;responsable_legal;telephone_responsable";

  @LocalServerPort int port;
  @Autowired TerritoryService territory;
  @Autowired UserAccountService accounts;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired fr.raccroche.pathway.PersonalDataErasure erasure;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void secondDepartement() {
    http = new Http(port);
    territory.definePerimeter(
        new Perimeter(
            "FOREZ42",
            "Forez (test)",
            "42",
            List.of(new Commune("42001", "Aboën"), new Commune("42002", "Ailleux")),
            List.of(),
            List.of()));
    accounts.ensureDemoUser(
        new UserAccount("coord.forez42", "Fanny", "Forez", null, "demo", List.of("coord-FOREZ42")));
    accounts.ensureDemoUser(
        new UserAccount(
            "superviseur.t42",
            "Sylvain",
            "Loire",
            null,
            "demo",
            List.of(Roles.SUPERVISORS_GROUP),
            "42"));
  }

  JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  JsonNode newCase(String lastName, String communeCode, String coordinator) throws Exception {
    String body =
        """
        {"lastName":"%s","firstName":"Camille","sex":"F","birthDate":"%s",
         "address":"3 chemin Caché","communeCode":"%s","phone":"06 11 22 33 44",
         "lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(
                lastName,
                LocalDate.now().minusYears(17).minusDays(80),
                communeCode,
                LocalDate.now().minusMonths(1));
    HttpResponse<String> response = http.postJson("/api/cases", body, coordinator, "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return body(response);
  }

  @Test
  void eachDepartementIsATenantAndNoSurfaceCrossesIt() throws Exception {
    JsonNode rhone = newCase(SECRET_69, "69383", "coord.lyon");
    JsonNode loire = newCase(SECRET_42, "42001", "coord.forez42");
    String n69 = rhone.get("caseNumber").asText();
    String pi69 = rhone.get("processInstanceId").asText();
    String n42 = loire.get("caseNumber").asText();
    String pi42 = loire.get("processInstanceId").asText();

    // Numbered, routed and run in their own département: the engine's tenant is the département.
    assertThat(n69).matches("\\d{4}-69-\\d{6}");
    assertThat(n42).matches("\\d{4}-42-\\d{6}");
    assertThat(loire.get("perimeterCode").asText()).isEqualTo("FOREZ42");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi69).singleResult())
        .extracting(p -> p.getTenantId())
        .isEqualTo("69");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi42).singleResult())
        .extracting(p -> p.getTenantId())
        .isEqualTo("42");
    Task task69 = tasks.createTaskQuery().processInstanceId(pi69).singleResult();
    assertThat(task69.getTenantId()).isEqualTo("69");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi42).singleResult())
        .extracting(p -> p.getTenantId())
        .isEqualTo("42");
    // The département's users are its tenant's members, through their group or in person.
    assertThat(
            identity
                .createTenantQuery()
                .userMember("coord.forez42")
                .includingGroupsOfUser(true)
                .list())
        .extracting(t -> t.getId())
        .containsExactly("42");
    assertThat(
            identity
                .createTenantQuery()
                .userMember("superviseur")
                .includingGroupsOfUser(true)
                .list())
        .extracting(t -> t.getId())
        .containsExactly("69");

    String[] secrets69 = {n69, pi69, SECRET_69, task69.getId()};
    for (String intruder : List.of("superviseur.t42", "coord.forez42")) {
      engineRestFindsNothing(intruder, n69, pi69, task69.getId(), secrets69);
      appFindsNothing(intruder, n69, secrets69);
    }
    webAppsFindNothing("superviseur.t42", n69, pi69, task69.getId(), secrets69);
    // The engine's tenant-less lists: the other département's staff are not listed either.
    for (String path :
        List.of(
            "/user?maxResults=100",
            "/user?memberOfTenant=69&maxResults=100",
            "/group?maxResults=100",
            "/group?memberOfTenant=69&maxResults=100",
            "/tenant?maxResults=100",
            "/identity/groups?userId=coord.lyon")) {
      HttpResponse<String> response = http.get("/engine-rest" + path, "superviseur.t42", "demo");
      assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 403, 404);
      assertNoLeak(response, "coord.lyon", "coord-LYON", "Lyon");
    }
    assertThat(
            http.get("/engine-rest/user/coord.lyon/profile", "superviseur.t42", "demo")
                .statusCode())
        .isIn(403, 404);
    // Cockpit's dashboard figures (engine-rest statistics): the running pathways of the 42
    // supervisor's département only, not the region's.
    long pathways42 =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("YouthPathwayProcess")
            .tenantIdIn("42")
            .count();
    long pathwaysAll =
        runtime.createProcessInstanceQuery().processDefinitionKey("YouthPathwayProcess").count();
    assertThat(pathwaysAll).isGreaterThan(pathways42);
    long seen = 0;
    for (JsonNode definition :
        body(http.get("/engine-rest/process-definition/statistics", "superviseur.t42", "demo"))) {
      if (definition.path("definition").path("key").asText().equals("YouthPathwayProcess")) {
        seen += definition.get("instances").asLong();
      }
    }
    assertThat(seen).isEqualTo(pathways42);

    Task task42 = tasks.createTaskQuery().processInstanceId(pi42).singleResult();
    String[] secrets42 = {n42, pi42, SECRET_42, task42.getId()};
    engineRestFindsNothing("superviseur", n42, pi42, task42.getId(), secrets42);
    appFindsNothing("superviseur", n42, secrets42);
    engineRestFindsNothing("coord.lyon", n42, pi42, task42.getId(), secrets42);

    // No write crosses either: the 42 coordinator on the 69 case's task.
    List<HttpResponse<String>> writes = new ArrayList<>();
    String t69 = task69.getId();
    writes.add(
        http.postJson(
            "/engine-rest/task/" + t69 + "/claim",
            "{\"userId\":\"coord.forez42\"}",
            "coord.forez42",
            "demo"));
    writes.add(
        http.postJson(
            "/engine-rest/task/" + t69 + "/complete",
            "{\"variables\":{\"contactOutcome\":{\"value\":\"REACHED\"}}}",
            "coord.forez42",
            "demo"));
    writes.add(
        http.putJson(
            "/engine-rest/task/" + t69 + "/variables/intrusion",
            "{\"value\":\"x\",\"type\":\"String\"}",
            "coord.forez42",
            "demo"));
    writes.add(
        http.postJson(
            "/engine-rest/message",
            "{\"messageName\":\"Msg_YoungPersonReEnrolled\",\"businessKey\":\"" + n69 + "\"}",
            "coord.forez42",
            "demo"));
    writes.add(
        http.postJson(
            "/api/cases/" + n69 + "/events",
            "{\"type\":\"SUPPORT_REFUSED\"}",
            "coord.forez42",
            "demo"));
    for (HttpResponse<String> write : writes) {
      assertThat(write.statusCode())
          .as(write.request().uri() + " " + write.body())
          .isIn(400, 403, 404, 500);
      assertNoLeak(write, SECRET_69);
    }
    Task still = tasks.createTaskQuery().taskId(t69).singleResult();
    assertThat(still).isNotNull();
    assertThat(still.getAssignee()).isNull();
    assertThat(runtime.getVariable(pi69, "intrusion")).isNull();

    // A move within the département only: a 69 case is never sent to a 42 perimeter.
    HttpResponse<String> crossMove =
        http.postJson(
            "/api/cases/" + n69 + "/events",
            "{\"type\":\"MOVED_AWAY\",\"perimeterCode\":\"FOREZ42\"}",
            "coord.lyon",
            "demo");
    assertThat(crossMove.statusCode()).as(crossMove.body()).isEqualTo(400);
    assertThat(crossMove.body()).contains("autre département");

    // Each still reads their own, in the engine and in the app.
    assertThat(http.get("/api/cases/" + n69, "superviseur", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases/" + n42, "superviseur.t42", "demo").statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/cases/" + n42, "coord.forez42", "demo").statusCode()).isEqualTo(200);
    assertThat(
            http.get(
                    "/engine-rest/process-instance/" + pi42 + "/variables",
                    "superviseur.t42",
                    "demo")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            body(http.get(
                    "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + n42,
                    "coord.forez42",
                    "demo"))
                .size())
        .isEqualTo(1);
    // An administrator is not limited to a département.
    assertThat(http.get("/engine-rest/process-instance/" + pi42, "admin", "demo").statusCode())
        .isEqualTo(200);
    assertThat(http.get("/engine-rest/process-instance/" + pi69, "admin", "demo").statusCode())
        .isEqualTo(200);
  }

  @Test
  void importsFailedStartsAndTheAccessLogStayInTheirDepartement() throws Exception {
    // The 69 supervisor imports a list naming a Rhône young person, a Loire one (Aboën, in the
    // 42 perimeter of this deployment) and a bad line.
    String rhone = "Rhodanien" + System.nanoTime();
    String loire = "Ligerien" + System.nanoTime();
    String file =
        HEADER
            + "\n;"
            + rhone
            + ";Camille;F;"
            + LocalDate.now().minusYears(17).minusDays(33)
            + ";2 rue Cachée;69003;Lyon;;0611111111;;;;;;;15/06/2026;Abandon;;;\n;"
            + loire
            + ";Camille;F;"
            + LocalDate.now().minusYears(17).minusDays(34)
            + ";1 place Cachée;42380;Aboën;42001;0611111112;;;;;;;15/06/2026;Abandon;;;\n"
            + "12345;Rejete"
            + rhone
            + ";Ligne;F;2007-03-03;;69003;;;;;;;;;;15/06/2026;;;;\n";
    HttpResponse<String> imported =
        http.postFile(
            "/api/imports?wait=true&source=EN&kind=LEAVERS",
            "liste-rhone.csv",
            file.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "superviseur",
            "demo");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonNode report = body(imported);
    long importId = report.get("id").asLong();
    // The Rhône line became a 69 case; the Loire one is another département's: excluded, never
    // routed to the 42 perimeter by a 69 import; the bad line rejected.
    assertThat(report.get("created").asLong()).as(imported.body()).isEqualTo(1);
    assertThat(report.get("excluded").asLong()).as(imported.body()).isEqualTo(1);
    assertThat(report.get("rejected").asLong()).as(imported.body()).isEqualTo(1);
    assertThat(http.get("/api/cases?q=" + loire, "admin", "demo").body())
        .contains("\"totalElements\":0");
    String rhoneCase =
        body(http.get("/api/cases?q=" + rhone, "superviseur", "demo"))
            .get("content")
            .get(0)
            .get("caseNumber")
            .asText();
    assertThat(rhoneCase).matches("\\d{4}-69-\\d{6}");

    // The 42 supervisor: the import is unknown (its rejected lines name people), and not listed.
    for (String path :
        List.of("/api/imports/" + importId, "/api/imports/" + importId + "/rejections")) {
      HttpResponse<String> response = http.get(path, "superviseur.t42", "demo");
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertNoLeak(response, rhone, "liste-rhone.csv");
    }
    assertNoLeak(http.get("/api/imports", "superviseur.t42", "demo"), "liste-rhone.csv");
    Http pages = new Http(port);
    pages.signIn("superviseur.t42", "demo");
    assertThat(pages.get("/imports/" + importId).statusCode()).isEqualTo(404);
    assertNoLeak(pages.get("/imports?size=100"), "liste-rhone.csv");
    // The 69 supervisor still reads it.
    assertThat(http.get("/api/imports/" + importId, "superviseur", "demo").statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/imports", "superviseur", "demo").body()).contains("liste-rhone.csv");

    // The access log: the 69 reads of the 69 case are the 69 supervisor's to audit, not the 42's.
    assertThat(http.get("/api/cases/" + rhoneCase, "coord.lyon", "demo").statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/access-log?caseNumber=" + rhoneCase, "superviseur", "demo").body())
        .contains(rhoneCase);
    HttpResponse<String> foreignLog =
        http.get("/api/access-log?size=500", "superviseur.t42", "demo");
    assertThat(foreignLog.statusCode()).isEqualTo(200);
    assertNoLeak(foreignLog, rhoneCase, "-69-");
    // (the page's hint shows a made-up number of the form 2025-69-000123)
    assertNoLeak(pages.get("/access-log?size=100"), rhoneCase);
    // The export of the import's rejected lines is a read in the import's département: its
    // supervisor audits it, the other département's does not see it.
    assertThat(
            http.get("/api/imports/" + importId + "/rejections", "superviseur", "demo")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.get("/api/access-log?caseNumber=import:" + importId, "superviseur", "demo").body())
        .contains("\"caseNumber\":\"import:" + importId + "\"")
        .contains("IMPORT_REJECTIONS");
    assertNoLeak(
        http.get(
            "/api/access-log?size=500&caseNumber=import:" + importId, "superviseur.t42", "demo"),
        "import:" + importId);

    // Failed starts and their retry: the département's own only.
    assertNoLeak(http.get("/api/cases/start-failures", "superviseur.t42", "demo"), "-69-");
    assertThat(
            http.postJson("/api/cases/" + rhoneCase + "/start", "{}", "superviseur.t42", "demo")
                .statusCode())
        .isEqualTo(404);
  }

  /**
   * A Loire list as people send it: an Excel workbook exported by another tool (its own headers,
   * dates as date cells, no INE), naming a school the Loire never registered and a young person who
   * lives in the Rhône. The Loire's supervisor teaches the import those headers: for the Loire
   * only.
   */
  @Test
  void aLoireWorkbookWithItsOwnHeadersAndAnUnregisteredSchoolStaysInTheLoire(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String aliases =
        "{\"nom\":[\"NOM_ELV\"],\"prenom\":[\"PRENOM_ELV\"],\"date_naissance\":[\"DT_NAIS\"],"
            + "\"code_postal\":[\"CP_RESID\"],\"code_commune\":[\"COM_INSEE\"],"
            + "\"date_sortie\":[\"DT_SORTIE\"],\"uai\":[\"ETAB_ORIGINE_CODE\"]}";
    try {
      HttpResponse<String> taught =
          http.putJson("/api/imports/column-aliases/CFA", aliases, "superviseur.t42", "demo");
      assertThat(taught.statusCode()).as(taught.body()).isEqualTo(200);
      assertThat(http.get("/api/imports/column-aliases/CFA", "superviseur.t42", "demo").body())
          .contains("NOM_ELV", "ETAB_ORIGINE_CODE");
      // The Rhône's supervisor does not see them, and its CFA lists are read as before.
      assertThat(http.get("/api/imports/column-aliases/CFA", "superviseur", "demo").body())
          .doesNotContain("NOM_ELV");

      String loire = "Forezienne" + System.nanoTime();
      String rhone = "Lyonnaise" + System.nanoTime();
      String school = "0429876X";
      java.nio.file.Path file = dir.resolve("export-cfa.xlsx");
      fr.raccroche.testsupport.Workbooks.write(
          file,
          List.of(
              "NOM_ELV",
              "PRENOM_ELV",
              "DT_NAIS",
              "CP_RESID",
              "COM_INSEE",
              "DT_SORTIE",
              "ETAB_ORIGINE_CODE"),
          List.of(
              List.<Object>of(
                  loire,
                  "Inès",
                  LocalDate.now().minusYears(17).minusDays(50),
                  "42380",
                  "42001",
                  LocalDate.now().minusMonths(2),
                  school),
              List.<Object>of(
                  rhone,
                  "Noé",
                  LocalDate.now().minusYears(17).minusDays(51),
                  "69003",
                  "69383",
                  LocalDate.now().minusMonths(2),
                  school)));
      byte[] workbook = java.nio.file.Files.readAllBytes(file);

      // In the Rhône the headers mean nothing: the file is refused whole, with what to do.
      HttpResponse<String> refused =
          http.postFile(
              "/api/imports?wait=true&source=CFA",
              "export-cfa.xlsx",
              workbook,
              "superviseur",
              "demo");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("Colonnes obligatoires absentes");

      // In the Loire: the Loire's young person becomes a Loire case, the Rhône's is another
      // département's ("hors département", not routed to a Rhône perimeter by a Loire import).
      HttpResponse<String> imported =
          http.postFile(
              "/api/imports?wait=true&source=CFA",
              "export-cfa.xlsx",
              workbook,
              "superviseur.t42",
              "demo");
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
      JsonNode report = body(imported);
      assertThat(report.get("created").asLong()).as(imported.body()).isEqualTo(1);
      assertThat(report.get("excluded").asLong()).as(imported.body()).isEqualTo(1);
      assertThat(report.get("rejected").asLong()).as(imported.body()).isZero();
      JsonNode found = body(http.get("/api/cases?q=" + loire, "superviseur.t42", "demo"));
      assertThat(found.get("totalElements").asLong()).isEqualTo(1);
      assertThat(found.get("content").get(0).get("caseNumber").asText())
          .matches("\\d{4}-42-\\d{6}");
      assertThat(found.get("content").get(0).get("perimeterCode").asText()).isEqualTo("FOREZ42");
      assertThat(http.get("/api/cases?q=" + rhone, "admin", "demo").body())
          .contains("\"totalElements\":0");
      assertThat(http.get("/api/cases?q=" + loire, "superviseur", "demo").body())
          .contains("\"totalElements\":0");

      // The school the Loire never registered is the Loire supervisor's to register, not the
      // Rhône's to see.
      Http loirePages = new Http(port);
      loirePages.signIn("superviseur.t42", "demo");
      assertThat(loirePages.get("/establishments/unregistered").body()).contains(school);
      Http rhonePages = new Http(port);
      rhonePages.signIn("superviseur", "demo");
      assertNoLeak(rhonePages.get("/establishments/unregistered"), school, loire);
    } finally {
      http.putJson("/api/imports/column-aliases/CFA", "{}", "superviseur.t42", "demo");
    }
  }

  @Test
  void retentionCountsEachCaseWithItsOwnDepartementsPeriod() throws Exception {
    // Two young people, each with one case closed two and a half years ago: one in 69 (the
    // default two years), one in 42, whose département keeps personal data three years.
    JsonNode rhone = newCase("Retenue" + System.nanoTime(), "69383", "coord.lyon");
    JsonNode loire = newCase("Gardee" + System.nanoTime(), "42002", "coord.forez42");
    for (var c : List.of(rhone, loire)) {
      String n = c.get("caseNumber").asText();
      String coordinator = n.contains("-42-") ? "coord.forez42" : "coord.lyon";
      HttpResponse<String> refused =
          http.postJson(
              "/api/cases/" + n + "/events", "{\"type\":\"SUPPORT_REFUSED\"}", coordinator, "demo");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(204);
      jdbc.update(
          "update support_case set closed_at = ? where case_number = ?",
          java.sql.Timestamp.from(
              java.time.Instant.now().minus(913, java.time.temporal.ChronoUnit.DAYS)),
          n);
    }
    long rhonePerson = erasure.personOf(rhone.get("caseNumber").asText());
    long loirePerson = erasure.personOf(loire.get("caseNumber").asText());
    java.time.Instant now = java.time.Instant.now();
    java.time.Instant twoYears = now.minus(731, java.time.temporal.ChronoUnit.DAYS);
    java.time.Instant threeYears = now.minus(1096, java.time.temporal.ChronoUnit.DAYS);

    List<Long> due = erasure.dueForErasure(Map.of("42", threeYears), twoYears, 100_000);
    assertThat(due).contains(rhonePerson).doesNotContain(loirePerson);
    // Without the 42 override, both are due (the same query as before départements).
    assertThat(erasure.dueForErasure(Map.of(), twoYears, 100_000))
        .contains(rhonePerson, loirePerson);
    assertThat(erasure.dueForErasure(Map.of("42", twoYears), twoYears, 100_000))
        .contains(rhonePerson, loirePerson);
  }

  void engineRestFindsNothing(String user, String n, String pi, String taskId, String[] secrets)
      throws Exception {
    for (String path :
        List.of(
            "/task/" + taskId,
            "/task/" + taskId + "/variables",
            "/task/" + taskId + "/form-variables",
            "/task/" + taskId + "/comment",
            "/task/" + taskId + "/identity-links",
            "/process-instance/" + pi,
            "/process-instance/" + pi + "/variables",
            "/process-instance/" + pi + "/activity-instances",
            "/execution/" + pi,
            "/history/process-instance/" + pi)) {
      HttpResponse<String> response = http.get("/engine-rest" + path, user, "demo");
      assertThat(response.statusCode())
          .as(user + " " + path + " " + response.body())
          .isIn(403, 404);
      assertNoLeak(response, secrets[2]);
    }
    for (String path :
        List.of(
            "/task",
            "/task?processInstanceBusinessKey=" + n,
            "/task?processVariables=displayName_like_%25" + secrets[2] + "%25",
            "/task?tenantIdIn=69,42",
            "/task?withoutTenantId=true",
            "/process-instance?businessKey=" + n,
            "/process-instance?tenantIdIn=69,42",
            "/execution?processInstanceId=" + pi,
            "/variable-instance?processInstanceIdIn=" + pi,
            "/variable-instance?variableValues=displayName_like_%25" + secrets[2] + "%25",
            "/job?processInstanceId=" + pi,
            "/job?tenantIdIn=69,42",
            "/incident?processInstanceId=" + pi,
            "/event-subscription?processInstanceId=" + pi,
            "/history/process-instance?processInstanceBusinessKey=" + n,
            "/history/process-instance?tenantIdIn=69,42",
            "/history/task?processInstanceId=" + pi,
            "/history/variable-instance?processInstanceId=" + pi,
            "/history/variable-instance?variableName=displayName",
            "/history/activity-instance?processInstanceId=" + pi,
            "/history/detail?processInstanceId=" + pi,
            "/history/decision-instance?processInstanceId=" + pi,
            "/history/identity-link-log?taskId=" + taskId,
            "/history/user-operation?processInstanceId=" + pi,
            "/history/job-log?processInstanceId=" + pi,
            "/history/incident?processInstanceId=" + pi)) {
      String paged = path + (path.contains("?") ? "&" : "?") + "maxResults=100";
      HttpResponse<String> response = http.get("/engine-rest" + paged, user, "demo");
      assertThat(response.statusCode())
          .as(user + " " + path + " " + response.body())
          .isIn(200, 403);
      assertNoLeak(response, secrets);
    }
    for (String path :
        List.of(
            "/task/count?processInstanceBusinessKey=" + n,
            "/process-instance/count?businessKey=" + n,
            "/history/process-instance/count?processInstanceBusinessKey=" + n,
            "/history/task/count?processInstanceId=" + pi,
            "/job/count?processInstanceId=" + pi)) {
      HttpResponse<String> response = http.get("/engine-rest" + path, user, "demo");
      if (response.statusCode() == 200) {
        assertThat(body(response).get("count").asLong()).as(user + " " + path).isZero();
      } else {
        assertThat(response.statusCode()).as(user + " " + path).isEqualTo(403);
      }
    }
    // The shared Tasklist filters ("Tâches de mon périmètre"…) list only their own département's.
    for (Filter filter : filters.createFilterQuery().list()) {
      HttpResponse<String> listed =
          http.get("/engine-rest/filter/" + filter.getId() + "/list?maxResults=100", user, "demo");
      assertNoLeak(listed, secrets);
    }
  }

  void appFindsNothing(String user, String n, String[] secrets) throws Exception {
    HttpResponse<String> read = http.get("/api/cases/" + n, user, "demo");
    assertThat(read.statusCode()).as(user + " " + n).isEqualTo(404);
    assertNoLeak(read, secrets[2]);
    HttpResponse<String> search =
        http.get("/api/cases?q=" + secrets[2] + "&size=200", user, "demo");
    assertThat(body(search).get("totalElements").asLong()).as(user).isZero();
    HttpResponse<String> all = http.get("/api/cases?size=200", user, "demo");
    assertNoLeak(all, n, secrets[2]);
    Http pages = new Http(port);
    pages.signIn(user, "demo");
    HttpResponse<String> page = pages.get("/cases/" + n);
    assertThat(page.statusCode()).isEqualTo(404);
    assertNoLeak(page, secrets[2]);
    HttpResponse<String> list = pages.get("/cases?size=100");
    assertNoLeak(list, n, secrets[2]);
  }

  void webAppsFindNothing(String user, String n, String pi, String taskId, String[] secrets)
      throws Exception {
    Http webapps = new Http(port);
    webapps.signIn(user, "demo");
    // (the web app's page, opened: it hands the session its XSRF token)
    Map<String, String> xsrf = Map.of("X-XSRF-TOKEN", webapps.webappXsrfToken("cockpit"));
    String engineApi = "/camunda/api/engine/engine/default";
    for (String path :
        List.of(
            engineApi + "/task?maxResults=100&processInstanceBusinessKey=" + n,
            engineApi + "/process-instance?maxResults=100&businessKey=" + n,
            engineApi + "/history/process-instance?maxResults=100&processInstanceBusinessKey=" + n,
            // Cockpit's own queries: its process-instance search and the incidents.
            "/camunda/api/cockpit/plugin/base/default/process-instance/"
                + pi
                + "/called-process-instances",
            "/camunda/api/cockpit/plugin/base/default/incident/count")) {
      HttpResponse<String> response = webapps.get(path);
      assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 403, 404);
      assertNoLeak(response, secrets);
    }
    // Cockpit's process-instance search (its own query, not the engine's REST API): what it
    // finds of the whole département-less search, and by the case's business key.
    HttpResponse<String> search =
        webapps.postJson(
            "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=100",
            "{\"businessKey\":\"" + n + "\"}",
            xsrf);
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    assertThat(body(search).size()).as(search.body()).isZero();
    HttpResponse<String> count =
        webapps.postJson(
            "/camunda/api/cockpit/plugin/base/default/process-instance/count",
            "{\"businessKey\":\"" + n + "\"}",
            xsrf);
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(body(count).get("count").asLong()).isZero();
    HttpResponse<String> everything =
        webapps.postJson(
            "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=100",
            "{}",
            xsrf);
    assertThat(everything.statusCode()).isEqualTo(200);
    assertNoLeak(everything, secrets);
    assertThat(webapps.get(engineApi + "/process-instance/" + pi + "/variables").statusCode())
        .isIn(403, 404);
    assertThat(webapps.get(engineApi + "/task/" + taskId + "/form-variables").statusCode())
        .isIn(403, 404);
  }
}
