package fr.raccroche.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One young person from the signalement to the closure, through the public API and engine-rest as
 * each person would do it, checking the case record, its milestones and who sees what.
 */
@RaccrocheIntegrationTest
class PathwayIntegrationTest {
  @LocalServerPort int port;
  @Autowired ManagementService management;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  String newCaseBody(String lastName, String birthDate, String postalCode) {
    return """
        {"lastName":"%s","firstName":"Maëlle","sex":"F","birthDate":"%s",
         "address":"3 rue Paul Bert","postalCode":"%s","communeName":"Lyon",
         "phone":"06 11 22 33 44","lastTraining":"Seconde pro","lastLevel":"LYCEE",
         "leavingDate":"%s","leavingReason":"Démission"}
        """
        .formatted(lastName, birthDate, postalCode, LocalDate.now().minusMonths(2));
  }

  JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  JsonNode postCase(String body, int expected) throws Exception {
    HttpResponse<String> response = http.postJson("/api/cases", body, "coord.lyon", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return body(response);
  }

  JsonNode task(String caseNumber, String user) throws Exception {
    HttpResponse<String> response =
        http.get(
            "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + caseNumber,
            user,
            "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode tasks = body(response);
    assertThat(tasks).as("tasks of " + caseNumber + " for " + user).hasSize(1);
    return tasks.get(0);
  }

  void complete(String caseNumber, String user, String taskKey, String variablesJson)
      throws Exception {
    JsonNode task = task(caseNumber, user);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(taskKey);
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            "{\"variables\":" + variablesJson + "}",
            user,
            "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  void fire(String processInstanceId, String timerId) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(timerId)
            .singleResult();
    management.executeJob(job.getId());
  }

  List<String> milestones(JsonNode c) {
    List<String> names = new ArrayList<>();
    c.get("milestones").forEach(m -> names.add(m.get("milestone").asText()));
    return names;
  }

  @Test
  void aYoungPersonFromSignalementToTheSolutionConfirmedAfterOneYear() throws Exception {
    JsonNode created =
        postCase(
            newCaseBody(
                "Testeuse", LocalDate.now().minusYears(17).minusDays(3).toString(), "69008"),
            201);
    String n = created.get("caseNumber").asText();
    String pi = created.get("processInstanceId").asText();
    assertThat(n).matches("\\d{4}-69-\\d{6}");
    assertThat(created.get("perimeterCode").asText()).isEqualTo("LYON");
    assertThat(created.get("status").asText()).isEqualTo("TO_CONTACT");
    assertThat(milestones(created)).containsExactly("DETECTED");

    // Scope: the LYON coordinators see it, EST's do not, nor the partner before orientation.
    assertThat(task(n, "coord.lyon").get("name").asText()).isEqualTo("Contacter le jeune");
    assertThat(
            body(
                http.get(
                    "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + n,
                    "coord.est",
                    "demo")))
        .isEmpty();
    assertThat(
            body(
                http.get(
                    "/engine-rest/process-instance?maxResults=100&businessKey=" + n,
                    "coord.est",
                    "demo")))
        .isEmpty();
    assertThat(
            body(
                http.get(
                    "/engine-rest/process-instance?maxResults=100&businessKey=" + n,
                    "coord.lyon",
                    "demo")))
        .hasSize(1);
    assertThat(
            body(
                http.get(
                    "/engine-rest/process-instance?maxResults=100&businessKey=" + n,
                    "superviseur",
                    "demo")))
        .hasSize(1);
    assertThat(http.get("/api/cases/" + n, "coord.est", "demo").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/cases/" + n, "referent.ml-lyon", "demo").statusCode()).isEqualTo(404);

    // Bad input through engine-rest: a clear French error, the task stays.
    JsonNode contact = task(n, "coord.lyon");
    HttpResponse<String> refused =
        http.postJson(
            "/engine-rest/task/" + contact.get("id").asText() + "/complete",
            "{\"variables\":{}}",
            "coord.lyon",
            "demo");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Indiquez le résultat de la tentative de contact.");
    assertThat(task(n, "coord.lyon").get("id").asText()).isEqualTo(contact.get("id").asText());

    String today = LocalDate.now().toString();
    complete(
        n,
        "coord.lyon",
        "Task_ContactYoungPerson",
        "{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
            + today
            + "\"}}");
    complete(
        n,
        "coord.lyon",
        "Task_AnalyseNeeds",
        "{\"primaryNeed\":{\"value\":\"APPRENTICESHIP\"},\"projectDescription\":{\"value\":\"Boulangerie\"}}");
    complete(
        n,
        "coord.lyon",
        "Task_RecognisePriorLearning",
        "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"}}");
    JsonNode orient = task(n, "coord.lyon");
    assertThat(orient.get("taskDefinitionKey").asText()).isEqualTo("Task_OrientToReferent");
    JsonNode recommendation =
        body(
            http.get(
                "/engine-rest/task/"
                    + orient.get("id").asText()
                    + "/variables/recommendedPartnerType",
                "coord.lyon",
                "demo"));
    assertThat(recommendation.get("value").asText()).isEqualTo("MLDS");
    complete(
        n,
        "coord.lyon",
        "Task_OrientToReferent",
        "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"}}");

    // The partner sees the case from the orientation on.
    assertThat(body(http.get("/api/cases/" + n, "coord.lyon", "demo")).get("status").asText())
        .isEqualTo("ORIENTED");
    assertThat(http.get("/api/cases/" + n, "referent.ml-lyon", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases/" + n, "referent.cio-lyon", "demo").statusCode())
        .isEqualTo(404);
    assertThat(
            body(
                http.get(
                    "/engine-rest/process-instance?maxResults=100&businessKey=" + n,
                    "referent.ml-lyon",
                    "demo")))
        .hasSize(1);
    complete(
        n,
        "referent.ml-lyon",
        "Task_AcceptOrientation",
        "{\"orientationAccepted\":{\"value\":true}}");
    assertThat(body(http.get("/api/cases/" + n, "coord.lyon", "demo")).get("status").asText())
        .isEqualTo("TAKEN_IN_CHARGE");

    // The follow-up task is open at once: no timer to wait for.
    complete(
        n,
        "referent.ml-lyon",
        "Task_FollowUp",
        "{\"situation\":{\"value\":\"IN_SOLUTION\"},\"solutionType\":{\"value\":\"APPRENTICESHIP\"},\"solutionStartDate\":{\"value\":\""
            + today
            + "\"}}");
    assertThat(body(http.get("/api/cases/" + n, "coord.lyon", "demo")).get("status").asText())
        .isEqualTo("IN_SOLUTION");

    fire(pi, "Timer_OneYearCheck");
    complete(
        n,
        "coord.lyon",
        "Task_CheckSolutionAfterOneYear",
        "{\"inSolution\":{\"value\":true},\"solutionType\":{\"value\":\"APPRENTICESHIP\"}}");

    JsonNode closed = body(http.get("/api/cases/" + n, "coord.lyon", "demo"));
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("closureReason").asText()).isEqualTo("SOLUTION_CONFIRMED");
    assertThat(closed.get("openTasks")).isEmpty();
    assertThat(milestones(closed))
        .containsExactly(
            "DETECTED",
            "FIRST_CONTACT",
            "ORIENTED",
            "TAKEN_IN_CHARGE",
            "IN_SOLUTION",
            "ONE_YEAR_CHECK",
            "CLOSED");
    JsonNode firstContact = closed.get("milestones").get(1);
    assertThat(firstContact.get("occurredOn").asText()).isEqualTo(today);
    JsonNode inSolution = closed.get("milestones").get(4);
    assertThat(inSolution.get("solutionType").asText()).isEqualTo("APPRENTICESHIP");
    assertThat(inSolution.get("partnerCode").asText()).isEqualTo("ML-LYON");

    // A closed case takes no more events.
    HttpResponse<String> late =
        http.postJson(
            "/api/cases/" + n + "/events", "{\"type\":\"SUPPORT_REFUSED\"}", "coord.lyon", "demo");
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(body(late).get("message").asText()).contains("est clos");
  }

  @Test
  void aMoveToAnotherPerimeterMovesTheTaskAndTheAccess() throws Exception {
    String n =
        postCase(newCaseBody("Demenageuse", "2007-05-04", "69001"), 201).get("caseNumber").asText();
    assertThat(task(n, "coord.lyon").get("taskDefinitionKey").asText())
        .isEqualTo("Task_ContactYoungPerson");
    HttpResponse<String> moved =
        http.postJson(
            "/api/cases/" + n + "/events",
            "{\"type\":\"MOVED_AWAY\",\"perimeterCode\":\"EST\"}",
            "coord.lyon",
            "demo");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
    assertThat(task(n, "coord.est").get("taskDefinitionKey").asText())
        .isEqualTo("Task_ContactYoungPerson");
    assertThat(
            body(
                http.get(
                    "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + n,
                    "coord.lyon",
                    "demo")))
        .isEmpty();
    assertThat(body(http.get("/api/cases/" + n, "coord.est", "demo")).get("perimeterCode").asText())
        .isEqualTo("EST");
    assertThat(http.get("/api/cases/" + n, "coord.lyon", "demo").statusCode()).isEqualTo(404);
  }

  @Test
  void aSignalementWithBadDataIsRefusedWithTheFieldAndWritesNothing() throws Exception {
    long before =
        body(http.get("/api/cases?size=1", "superviseur", "demo")).get("totalElements").asLong();
    JsonNode noName =
        postCase(
            "{\"firstName\":\"Sans\",\"birthDate\":\"2007-01-01\",\"postalCode\":\"69001\"}", 400);
    assertThat(noName.get("fields").get(0).get("field").asText()).isEqualTo("lastName");
    assertThat(noName.get("message").asText()).isEqualTo("Le nom est obligatoire.");
    JsonNode tooYoung =
        postCase(newCaseBody("Jeune", LocalDate.now().minusYears(15).toString(), "69001"), 400);
    assertThat(tooYoung.get("message").asText()).contains("moins de 16 ans");
    JsonNode badIne =
        postCase(
            "{\"ine\":\"12345\",\"lastName\":\"A\",\"firstName\":\"B\",\"birthDate\":\"2007-01-01\",\"postalCode\":\"69001\"}",
            400);
    assertThat(badIne.get("fields").get(0).get("field").asText()).isEqualTo("ine");
    JsonNode nowhere = postCase(newCaseBody("Ailleurs", "2007-01-01", "75001"), 400);
    assertThat(nowhere.get("message").asText()).contains("Aucun périmètre");
    JsonNode badDate =
        postCase("{\"lastName\":\"A\",\"firstName\":\"B\",\"birthDate\":\"01/01/2007\"}", 400);
    // The field in error is named (issue 18), with the expected format.
    assertThat(badDate.get("message").asText()).contains("birthDate", "AAAA-MM-JJ");
    assertThat(badDate.get("field").asText()).isEqualTo("birthDate");
    assertThat(
            body(http.get("/api/cases?size=1", "superviseur", "demo"))
                .get("totalElements")
                .asLong())
        .isEqualTo(before);
  }

  @Test
  void eachRoleListsOnlyItsCases() throws Exception {
    JsonNode est = body(http.get("/api/cases?size=200", "coord.est", "demo"));
    assertThat(est.get("totalElements").asLong()).isPositive();
    est.get("content").forEach(c -> assertThat(c.get("perimeterCode").asText()).isEqualTo("EST"));
    JsonNode partner = body(http.get("/api/cases?size=200", "referent.ml-nord", "demo"));
    partner
        .get("content")
        .forEach(c -> assertThat(c.get("referentPartnerCode").asText()).isEqualTo("ML-NORD"));
    assertThat(http.get("/api/cases", "prefecture", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/cases/2025-69-99", "coord.est", "demo").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/cases/2025-69-999999", "superviseur", "demo").statusCode())
        .isEqualTo(404);
    HttpResponse<String> unknownEvent =
        http.postJson(
            "/api/cases/2025-69-999999/events",
            "{\"type\":\"SUPPORT_REFUSED\"}",
            // Supervisors are read-only (issue 18, R8): an administrator fires events.
            "admin",
            "demo");
    assertThat(unknownEvent.statusCode()).isEqualTo(404);
    assertThat(body(unknownEvent).get("message").asText())
        .isEqualTo("Dossier inconnu : 2025-69-999999.");
  }

  @Test
  void theDemoDepartementHasCasesAtEveryStage() throws Exception {
    JsonNode all = body(http.get("/api/cases?size=200", "superviseur", "demo"));
    List<String> statuses = new ArrayList<>();
    all.get("content").forEach(c -> statuses.add(c.get("status").asText()));
    assertThat(statuses)
        .contains(
            "TO_CONTACT", "IN_DIAGNOSIS", "ORIENTED", "TAKEN_IN_CHARGE", "IN_SOLUTION", "CLOSED");
    assertThat(
            body(
                http.get(
                    "/engine-rest/task?maxResults=100&taskDefinitionKey=Task_AcceptOrientation",
                    "referent.ml-lyon",
                    "demo")))
        .isNotEmpty();
    assertThat(
            body(
                http.get(
                    "/engine-rest/task?maxResults=100&taskDefinitionKey=Task_ContactYoungPerson",
                    "coord.nord",
                    "demo")))
        .isNotEmpty();
  }

  @Test
  void theCasePageShowsTheTimelineInFrench() throws Exception {
    String n =
        postCase(newCaseBody("Pagetest", "2006-02-03", "69002"), 201).get("caseNumber").asText();
    http.signIn("coord.lyon", "demo");
    HttpResponse<String> page = http.get("/cases/" + n);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Dossier " + n, "À contacter", "Repéré", "Contacter le jeune", "PAGETEST");
    Http other = new Http(port);
    other.signIn("coord.nord", "demo");
    assertThat(other.get("/cases/" + n).statusCode()).isEqualTo(404);
  }
}
