package fr.raccroche.detection;

import static fr.raccroche.detection.ImportIntegrationTest.HEADER;
import static fr.raccroche.detection.ImportIntegrationTest.birth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.FaultInjection;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #17: lists as they really come (schools nobody registered) and a case that cannot start
 * never stop the others — through the real imports API, as a supervisor sends them.
 */
@RaccrocheIntegrationTest
class IntakeIsolationIntegrationTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired ApplicationContext context;
  final ObjectMapper json = new ObjectMapper();
  final List<String> poisoned = new ArrayList<>();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void cureAll() {
    poisoned.forEach(FaultInjection::cure);
  }

  void poison(String lastName) {
    poisoned.add(lastName);
    FaultInjection.poison(lastName);
  }

  /** A canonical row: place by commune code, an establishment UAI and its name. */
  static String row(
      String last, String first, String birth, String commune, String uai, String school) {
    return String.join(
        ";",
        "",
        last,
        first,
        "M",
        birth,
        "2 rue des Écoles",
        "",
        "",
        commune,
        "0611223344",
        "",
        uai,
        school,
        "Seconde générale",
        "2nde",
        "",
        "15/09/2026",
        "Abandon",
        "",
        "",
        "");
  }

  JsonNode importFile(String content) throws Exception {
    HttpResponse<String> response =
        http.postFile(
            "/api/imports?wait=true&source=EN&kind=LEAVERS",
            "liste.csv",
            content.getBytes(StandardCharsets.UTF_8),
            "superviseur",
            "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** Case numbers of the people with this last name, and whether each pathway started. */
  Map<String, Boolean> startedByCase(String lastName) {
    Map<String, Boolean> started = new java.util.TreeMap<>();
    jdbc.query(
        "select c.case_number, c.process_instance_id from support_case c join young_person p"
            + " on p.id = c.person_id where p.last_name = ?",
        r -> {
          started.put(r.getString(1), r.getString(2) != null);
        },
        lastName);
    return started;
  }

  @Test
  void anImportWhoseSchoolsNobodyRegisteredCompletesAndStartsEveryPathway() throws Exception {
    StringBuilder file = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 12; i++) {
      file.append(
              row(
                  "Horsannuaire",
                  "Élève" + (char) ('a' + i),
                  birth(17, 5 * i),
                  i % 2 == 0 ? "69383" : "69266",
                  "06990" + String.format("%02d", i) + "Q",
                  "Collège privé du Plateau n° " + i))
          .append('\n');
    }
    JsonNode report = importFile(file.toString());
    assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("COMPLETED");
    assertThat(report.get("created").asLong()).isEqualTo(12);
    assertThat(startedByCase("Horsannuaire")).hasSize(12).doesNotContainValue(false);

    // The case keeps the school as the list named it, shown as not registered.
    String caseNumber = startedByCase("Horsannuaire").keySet().iterator().next();
    JsonNode view =
        json.readTree(http.get("/api/cases/" + caseNumber, "superviseur", "demo").body());
    assertThat(view.get("establishmentLabel").asText()).startsWith("Collège privé du Plateau");
    assertThat(view.get("establishmentRegistered").asBoolean()).isFalse();
    assertThat(view.get("openTasks").get(0).get("taskDefinitionKey").asText())
        .isEqualTo("Task_ContactYoungPerson");

    // The school's feedback works though nobody registered it; a perimeter without its pupils
    // does not see it.
    String uai = "0699000Q";
    JsonNode feedback =
        json.readTree(
            http.get("/api/establishments/" + uai + "/feedback", "superviseur", "demo").body());
    assertThat(feedback.get("registered").asBoolean()).isFalse();
    assertThat(feedback.get("establishmentName").asText())
        .isEqualTo("Collège privé du Plateau n° 0");
    assertThat(feedback.get("reported").asInt()).isEqualTo(1);
    assertThat(
            http.get("/api/establishments/" + uai + "/feedback", "coord.nord", "demo").statusCode())
        .isEqualTo(404);
    assertThat(
            http.get("/api/establishments/" + uai + "/feedback", "coord.lyon", "demo").statusCode())
        .isEqualTo(200);

    // Supervisors list it and add it to the directory in one click.
    Http supervisor = new Http(port);
    supervisor.signIn("superviseur", "demo");
    HttpResponse<String> page = supervisor.get("/establishments/unregistered");
    assertThat(page.body()).contains(uai + "</th>", "Collège privé du Plateau n° 0", "Ajouter à l");
    HttpResponse<String> added =
        supervisor.postForm(
            "/establishments/unregistered",
            Map.of(
                "uai", uai,
                "name", "Collège privé du Plateau",
                "type", "COLLEGE",
                "communeCode", "69383",
                "communeName", "Lyon",
                "perimeterCode", "LYON",
                "_csrf", Http.csrfToken(page.body())));
    assertThat(added.statusCode()).isEqualTo(302);
    String location = added.headers().firstValue("Location").orElseThrow();
    String after = supervisor.get(location.substring(location.indexOf("/establishments"))).body();
    assertThat(after).contains("est ajouté à l", "0699001Q").doesNotContain(uai + "</th>");
    assertThat(
            json.readTree(
                    http.get("/api/establishments/" + uai + "/feedback", "superviseur", "demo")
                        .body())
                .get("registered")
                .asBoolean())
        .isTrue();
    assertThat(http.get("/establishments/unregistered", "coord.lyon", "demo").statusCode())
        .isIn(302, 403);

    // And the next import, of known establishments, goes on as well.
    JsonNode next =
        importFile(
            HEADER
                + "\n"
                + row("Apresannuaire", "Lou", birth(18), "69383", "0690001B", "Lycée des Canuts")
                + "\n");
    assertThat(next.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(startedByCase("Apresannuaire")).containsValue(true).hasSize(1);
  }

  @Test
  void aCaseThatCannotStartStopsNeitherItsImportNorTheNextAndStartsOnceRetried() throws Exception {
    poison("Indemarrable");
    StringBuilder file = new StringBuilder(HEADER).append('\n');
    file.append(row("Indemarrable", "Noa", birth(17, 3), "69383", "0690001B", "")).append('\n');
    for (int i = 0; i < 60; i++) {
      file.append(row("Voisindimport", "Voisin" + i, birth(17, 7 + 3 * i), "69383", "", ""))
          .append('\n');
    }
    JsonNode report = importFile(file.toString());
    assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("COMPLETED");
    assertThat(report.get("warnings").toString()).contains("1 parcours n'ont pas pu démarrer");
    assertThat(startedByCase("Voisindimport")).hasSize(60).doesNotContainValue(false);
    String failed = startedByCase("Indemarrable").keySet().iterator().next();
    assertThat(startedByCase("Indemarrable")).containsEntry(failed, false);
    JsonNode failures = report.get("startFailures");
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).get("caseNumber").asText()).isEqualTo(failed);
    assertThat(failures.get(0).get("reason").asText())
        .contains("Erreur technique")
        .doesNotContain("Noa", "INDEMARRABLE");

    // The next import is not held up by the failed case.
    JsonNode next =
        importFile(HEADER + "\n" + row("Importsuivant", "Ada", birth(19), "69266", "", "") + "\n");
    assertThat(next.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(next.get("startFailures")).isEmpty();
    assertThat(startedByCase("Importsuivant")).containsValue(true);
    assertThat(startedByCase("Indemarrable")).containsEntry(failed, false);

    // Supervisors see it: in the app's list, and as an incident of its recovery in Cockpit once
    // the engine's retries are spent.
    JsonNode list =
        json.readTree(http.get("/api/cases/start-failures?size=200", "superviseur", "demo").body());
    assertThat(list.get("content").toString()).contains(failed);
    assertThat(http.get("/api/cases/start-failures", "coord.lyon", "demo").statusCode())
        .isEqualTo(403);
    Job job = recoveryJob(failed);
    for (int attempt = 0; attempt < 10 && job.getRetries() > 0; attempt++) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException stillFailing) {
        // the cause is not fixed yet: the engine counts the retry down
      }
      job = recoveryJob(failed);
    }
    assertThat(job.getRetries()).isZero();
    JsonNode incidents =
        json.readTree(
            http.get(
                    "/engine-rest/incident?maxResults=100&processDefinitionKeyIn=PathwayStartRecoveryProcess",
                    "superviseur",
                    "demo")
                .body());
    assertThat(incidents.toString()).contains(job.getProcessInstanceId(), "Erreur technique");
    HttpResponse<String> refused =
        http.postJson("/api/cases/" + failed + "/start", "{}", "superviseur", "demo");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("Erreur technique");

    // The cause fixed, the supervisor retries the incident from Cockpit: the pathway starts.
    FaultInjection.cure("Indemarrable");
    HttpResponse<String> retried =
        http.putJson(
            "/engine-rest/job/" + job.getId() + "/retries",
            "{\"retries\":1}",
            "superviseur",
            "demo");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
    management.executeJob(job.getId());
    assertThat(startedByCase("Indemarrable")).containsEntry(failed, true);
    assertThat(
            json.readTree(
                    http.get("/api/cases/start-failures?size=200", "superviseur", "demo").body())
                .get("content")
                .toString())
        .doesNotContain(failed);
    JsonNode view = json.readTree(http.get("/api/cases/" + failed, "superviseur", "demo").body());
    assertThat(view.get("startFailure").isNull()).isTrue();
  }

  @Test
  void theSupervisorsRetryButtonStartsACaseOnceItsCauseIsFixed() throws Exception {
    poison("Relancable");
    JsonNode report =
        importFile(HEADER + "\n" + row("Relancable", "Eli", birth(18, 11), "69266", "", "") + "\n");
    String failed = report.get("startFailures").get(0).get("caseNumber").asText();
    FaultInjection.cure("Relancable");
    HttpResponse<String> started =
        http.postJson("/api/cases/" + failed + "/start", "{}", "superviseur", "demo");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(startedByCase("Relancable")).containsEntry(failed, true);
    // Its recovery has nothing left to do: the job ends without starting a second pathway.
    management.executeJob(recoveryJob(failed).getId());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null",
                Long.class,
                failed))
        .isEqualTo(1);
  }

  @Test
  void theStartupRecoveryStartsWhatItCanAndMarksTheRest() throws Exception {
    // Two cases left registered without their pathway (as an import killed midway leaves them),
    // one of which cannot start.
    poison("Reprisedemarrage");
    JsonNode report =
        importFile(
            HEADER
                + "\n"
                + row("Reprisedemarrage", "Max", birth(18, 13), "69266", "", "")
                + "\n"
                + row("Reprisevoisin", "Tom", birth(18, 17), "69266", "", "")
                + "\n");
    String failed = report.get("startFailures").get(0).get("caseNumber").asText();
    String neighbour = startedByCase("Reprisevoisin").keySet().iterator().next();
    // Back to "pending" as after a crash: the neighbour's pathway removed, the failure forgotten.
    String instance =
        jdbc.queryForObject(
            "select process_instance_id from support_case where case_number = ?",
            String.class,
            neighbour);
    context
        .getBean(org.camunda.bpm.engine.RuntimeService.class)
        .deleteProcessInstance(instance, "test: as before a crash", true, true);
    jdbc.update(
        "update support_case set process_instance_id = null, start_failure = null,"
            + " start_failed_at = null where case_number in (?, ?)",
        neighbour,
        failed);
    context.getBean("importRecovery", ApplicationRunner.class).run(null);
    assertThat(startedByCase("Reprisevoisin")).containsEntry(neighbour, true);
    assertThat(startedByCase("Reprisedemarrage")).containsEntry(failed, false);
    assertThat(
            jdbc.queryForObject(
                "select start_failure from support_case where case_number = ?",
                String.class,
                failed))
        .contains("Erreur technique");
  }

  @Test
  void aReviewOutcomeWhoseCaseCannotStartIsStillRecorded() throws Exception {
    importFile(HEADER + "\n" + row("Revupresque", "Maëlle", birth(18, 19), "69383", "", "") + "\n");
    poison("Revupresques");
    JsonNode near =
        importFile(
            HEADER + "\n" + row("Revupresques", "Maelle", birth(18, 19), "69383", "", "") + "\n");
    assertThat(near.get("warnings").toString()).contains("doublon");
    String taskId = null;
    for (JsonNode t :
        json.readTree(
            http.get(
                    "/engine-rest/task?maxResults=200&taskDefinitionKey=Task_ReviewPossibleDuplicate",
                    "coord.lyon",
                    "demo")
                .body())) {
      String summary =
          http.get(
                  "/engine-rest/task/" + t.get("id").asText() + "/variables/personSummary",
                  "coord.lyon",
                  "demo")
              .body();
      if (summary.contains("REVUPRESQUES")) {
        taskId = t.get("id").asText();
      }
    }
    assertThat(taskId).isNotNull();
    HttpResponse<String> kept =
        http.postJson(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"duplicateDecision\":{\"value\":\"KEEP_APART\"}}}",
            "coord.lyon",
            "demo");
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(204);
    // The decision stands (the task is done), the case exists and waits as "démarrage en échec".
    assertThat(http.get("/engine-rest/task/" + taskId, "coord.lyon", "demo").statusCode())
        .isEqualTo(404);
    Map<String, Boolean> cases = startedByCase("Revupresques");
    assertThat(cases).hasSize(1).containsValue(false);
    String caseNumber = cases.keySet().iterator().next();
    assertThat(
            jdbc.queryForObject(
                "select start_failure from support_case where case_number = ?",
                String.class,
                caseNumber))
        .isNotNull();
  }

  @Test
  void aRowThatBreaksItsChunkIsRejectedAndTheOthersAreStored() throws Exception {
    // A young person already followed: the FOLLOWED list of their partner moves their pathway,
    // which fails for them only.
    importFile(HEADER + "\n" + row("Suiviencasse", "Ivy", birth(19, 23), "69383", "", "") + "\n");
    poison("Suiviencasse");
    StringBuilder file = new StringBuilder(HEADER).append('\n');
    file.append(row("Suiviencasse", "Ivy", birth(19, 23), "69383", "", "")).append('\n');
    for (int i = 0; i < 5; i++) {
      file.append(row("Suivivoisin", "Kim" + i, birth(19, 29 + 3 * i), "69383", "", ""))
          .append('\n');
    }
    HttpResponse<String> response =
        http.postFile(
            "/api/imports?wait=true&source=MISSION_LOCALE&kind=FOLLOWED&partner=ML-LYON",
            "suivis.csv",
            file.toString().getBytes(StandardCharsets.UTF_8),
            "superviseur",
            "demo");
    JsonNode report = json.readTree(response.body());
    assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("COMPLETED");
    assertThat(report.get("rejected").asLong()).isEqualTo(1);
    assertThat(report.get("created").asLong()).isEqualTo(5);
    assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(2);
    assertThat(report.get("rejections").get(0).get("reason").asText()).contains("erreur interne");
    assertThat(startedByCase("Suivivoisin")).hasSize(5).doesNotContainValue(false);
    assertThat(ImportIntegrationTest.sum(report)).isEqualTo(6);
  }

  Job recoveryJob(String caseNumber) {
    return management
        .createJobQuery()
        .processDefinitionKey("PathwayStartRecoveryProcess")
        .processInstanceId(
            context
                .getBean(org.camunda.bpm.engine.RuntimeService.class)
                .createProcessInstanceQuery()
                .processDefinitionKey("PathwayStartRecoveryProcess")
                .processInstanceBusinessKey(caseNumber)
                .singleResult()
                .getProcessInstanceId())
        .singleResult();
  }
}
