package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 6's scope tests: a coordinator of LYON tries every surface on a case of EST (engine-rest
 * reads, queries, counts and writes; the Tasklist and Cockpit back ends; the app's API and pages)
 * and gets nothing: each attempt is refused or filtered, and no answer carries the case number, the
 * instance id or the young person's name. A partner's caseworker sees a case only once it is
 * oriented to the partner; the prefecture is refused every case surface and engine-rest; anonymous
 * callers get 401 everywhere but the login page and health.
 */
@RaccrocheIntegrationTest
class ScopeIntegrationTest {
  static final String SECRET_NAME = "Confidentielle";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  /** A case of the given perimeter's postal code, signalled by that perimeter's coordinator. */
  JsonNode newCase(String lastName, String postalCode, String coordinator) throws Exception {
    String body =
        """
        {"lastName":"%s","firstName":"Estelle","sex":"F","birthDate":"%s",
         "address":"12 rue Secrète","postalCode":"%s","phone":"06 98 76 54 32",
         "email":"estelle.secret@example.org","lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(
                lastName,
                LocalDate.now().minusYears(17).minusDays(40),
                postalCode,
                LocalDate.now().minusMonths(1));
    HttpResponse<String> response = http.postJson("/api/cases", body, coordinator, "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return body(response);
  }

  JsonNode onlyTask(String caseNumber, String user) throws Exception {
    JsonNode list =
        body(
            http.get(
                "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + caseNumber,
                user,
                "demo"));
    assertThat(list).as("tasks of " + caseNumber + " for " + user).hasSize(1);
    return list.get(0);
  }

  void complete(String caseNumber, String user, String variablesJson) throws Exception {
    String id = onlyTask(caseNumber, user).get("id").asText();
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + id + "/complete",
            "{\"variables\":" + variablesJson + "}",
            user,
            "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  /** What must never appear in an answer to someone outside the case's scope. */
  static void assertNoLeak(HttpResponse<String> response, String... secrets) {
    for (String secret : secrets) {
      assertThat(response.body())
          .as(response.request().method() + " " + response.request().uri())
          .doesNotContain(secret);
    }
  }

  static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as(response.request().method() + " " + response.request().uri() + " " + response.body())
        .isIn(403, 404);
  }

  @Test
  void aLyonCoordinatorGetsNothingOfAnEstCaseOnAnySurface() throws Exception {
    JsonNode est = newCase(SECRET_NAME, "69100", "coord.est");
    String n = est.get("caseNumber").asText();
    String pi = est.get("processInstanceId").asText();
    assertThat(est.get("perimeterCode").asText()).isEqualTo("EST");
    complete(
        n,
        "coord.est",
        "{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
            + LocalDate.now()
            + "\"}}");
    String taskId = onlyTask(n, "coord.est").get("id").asText();
    identity.setAuthentication("coord.est", List.of("coord-EST"));
    try {
      tasks.createComment(taskId, pi, "Commentaire sur " + SECRET_NAME);
    } finally {
      identity.clearAuthentication();
    }
    String[] secrets = {n, pi, SECRET_NAME, taskId};

    // engine-rest: direct reads by id are refused.
    List<String> directReads =
        List.of(
            "/task/" + taskId,
            "/task/" + taskId + "/variables",
            "/task/" + taskId + "/form-variables",
            "/task/" + taskId + "/variables/displayName",
            "/task/" + taskId + "/comment",
            "/task/" + taskId + "/identity-links",
            "/task/" + taskId + "/deployed-form",
            "/process-instance/" + pi,
            "/process-instance/" + pi + "/variables",
            "/process-instance/" + pi + "/variables/displayName",
            "/process-instance/" + pi + "/activity-instances",
            "/execution/" + pi,
            "/history/process-instance/" + pi);
    for (String path : directReads) {
      HttpResponse<String> response = http.get("/engine-rest" + path, "coord.lyon", "demo");
      assertRefused(response);
      assertNoLeak(response, SECRET_NAME);
    }

    // engine-rest: every query or count that could reach the case finds nothing.
    List<String> queries =
        List.of(
            "/task",
            "/task?processInstanceId=" + pi,
            "/task?processInstanceBusinessKey=" + n,
            "/task?processVariables=displayName_like_%25" + SECRET_NAME + "%25",
            "/process-instance?businessKey=" + n,
            "/process-instance?variables=displayName_like_%25" + SECRET_NAME + "%25",
            "/execution?processInstanceId=" + pi,
            "/variable-instance?processInstanceIdIn=" + pi,
            "/variable-instance?variableValues=displayName_like_%25" + SECRET_NAME + "%25",
            "/job?processInstanceId=" + pi,
            "/incident?processInstanceId=" + pi,
            "/event-subscription?processInstanceId=" + pi,
            "/external-task?processInstanceId=" + pi,
            "/history/process-instance?processInstanceBusinessKey=" + n,
            "/history/process-instance?processInstanceId=" + pi,
            "/history/task?processInstanceId=" + pi,
            "/history/task?processInstanceBusinessKey=" + n,
            "/history/variable-instance?processInstanceId=" + pi,
            "/history/variable-instance?variableName=displayName",
            "/history/activity-instance?processInstanceId=" + pi,
            "/history/detail?processInstanceId=" + pi,
            "/history/decision-instance?processInstanceId=" + pi,
            "/history/decision-instance?includeInputs=true&includeOutputs=true",
            "/history/identity-link-log?taskId=" + taskId,
            "/history/user-operation?processInstanceId=" + pi,
            "/history/job-log?processInstanceId=" + pi,
            "/history/incident?processInstanceId=" + pi,
            "/history/external-task-log?processInstanceId=" + pi);
    for (String path : queries) {
      // Every list is paged: queryMaxResultsLimit refuses unbounded lists.
      String paged = path + (path.contains("?") ? "&" : "?") + "maxResults=100";
      HttpResponse<String> response = http.get("/engine-rest" + paged, "coord.lyon", "demo");
      assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 403);
      assertNoLeak(response, secrets);
    }
    List<String> counts =
        List.of(
            "/task/count?processInstanceBusinessKey=" + n,
            "/process-instance/count?businessKey=" + n,
            "/variable-instance/count?processInstanceIdIn=" + pi,
            "/history/process-instance/count?processInstanceBusinessKey=" + n,
            "/history/task/count?processInstanceId=" + pi,
            "/history/variable-instance/count?processInstanceId=" + pi,
            "/history/activity-instance/count?processInstanceId=" + pi,
            "/history/detail/count?processInstanceId=" + pi,
            "/job/count?processInstanceId=" + pi);
    for (String path : counts) {
      HttpResponse<String> response = http.get("/engine-rest" + path, "coord.lyon", "demo");
      if (response.statusCode() == 200) {
        assertThat(body(response).get("count").asLong()).as(path).isZero();
      } else {
        assertThat(response.statusCode()).as(path).isEqualTo(403);
      }
    }
    // The shared Tasklist filters list only what the caller may see; a partners' filter is not
    // even readable by a coordinator.
    for (Filter filter : filters.createFilterQuery().list()) {
      HttpResponse<String> listed =
          http.get(
              "/engine-rest/filter/" + filter.getId() + "/list?maxResults=100",
              "coord.lyon",
              "demo");
      assertThat(listed.statusCode())
          .as(filter.getName())
          .isEqualTo("Tâches de ma structure".equals(filter.getName()) ? 403 : 200);
      assertNoLeak(listed, secrets);
    }

    // engine-rest: no write goes through, and the task is as it was.
    List<HttpResponse<String>> writes = new ArrayList<>();
    writes.add(
        http.postJson(
            "/engine-rest/task/" + taskId + "/claim",
            "{\"userId\":\"coord.lyon\"}",
            "coord.lyon",
            "demo"));
    writes.add(
        http.postJson(
            "/engine-rest/task/" + taskId + "/assignee",
            "{\"userId\":\"coord.lyon\"}",
            "coord.lyon",
            "demo"));
    writes.add(
        http.postJson(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"primaryNeed\":{\"value\":\"TRAINING\"}}}",
            "coord.lyon",
            "demo"));
    writes.add(
        http.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            "{\"variables\":{\"primaryNeed\":{\"value\":\"TRAINING\"}}}",
            "coord.lyon",
            "demo"));
    writes.add(
        http.postJson(
            "/engine-rest/task/" + taskId + "/comment/create",
            "{\"message\":\"intrusion\"}",
            "coord.lyon",
            "demo"));
    writes.add(
        http.putJson(
            "/engine-rest/task/" + taskId + "/variables/intrusion",
            "{\"value\":\"x\",\"type\":\"String\"}",
            "coord.lyon",
            "demo"));
    writes.add(
        http.postJson(
            "/engine-rest/process-instance/" + pi + "/variables",
            "{\"modifications\":{\"intrusion\":{\"value\":\"x\"}}}",
            "coord.lyon",
            "demo"));
    writes.add(
        http.putJson(
            "/engine-rest/process-instance/" + pi + "/suspended",
            "{\"suspended\":true}",
            "coord.lyon",
            "demo"));
    writes.add(
        http.postJson(
            "/engine-rest/message",
            "{\"messageName\":\"Msg_YoungPersonReEnrolled\",\"businessKey\":\"" + n + "\"}",
            "coord.lyon",
            "demo"));
    for (HttpResponse<String> write : writes) {
      assertThat(write.statusCode())
          .as(write.request().uri() + " " + write.body())
          .isIn(400, 403, 404, 500);
      assertNoLeak(write, SECRET_NAME);
    }
    JsonNode stillThere = onlyTask(n, "coord.est");
    assertThat(stillThere.get("id").asText()).isEqualTo(taskId);
    assertThat(stillThere.get("assignee").isNull()).isTrue();
    assertThat(stillThere.get("suspended").asBoolean()).isFalse();
    assertThat(
            http.get("/engine-rest/task/" + taskId + "/variables/intrusion", "coord.est", "demo")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.get(
                    "/engine-rest/process-instance/" + pi + "/variables/intrusion", "admin", "demo")
                .statusCode())
        .isEqualTo(404);

    // Tasklist's back end (the web app session): the same filtering.
    Http tasklist = new Http(port);
    assertThat(tasklist.camundaLogin("tasklist", "coord.lyon", "demo")).isEqualTo(200);
    String engineApi = "/camunda/api/engine/engine/default";
    HttpResponse<String> listed =
        tasklist.get(engineApi + "/task?maxResults=100&processInstanceBusinessKey=" + n);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertNoLeak(listed, secrets);
    assertRefused(tasklist.get(engineApi + "/task/" + taskId + "/form-variables"));
    assertRefused(tasklist.get(engineApi + "/process-instance/" + pi + "/variables"));
    // Cockpit is not a coordinator's app: its back end refuses them.
    HttpResponse<String> cockpit =
        tasklist.get(
            "/camunda/api/cockpit/plugin/base/default/process-instance/"
                + pi
                + "/called-process-instances");
    assertThat(cockpit.statusCode()).isIn(401, 403);
    assertNoLeak(cockpit, secrets);

    // The app's API and pages: as if the case did not exist.
    HttpResponse<String> apiRead = http.get("/api/cases/" + n, "coord.lyon", "demo");
    assertThat(apiRead.statusCode()).isEqualTo(404);
    assertNoLeak(apiRead, SECRET_NAME);
    HttpResponse<String> search =
        http.get("/api/cases?q=" + SECRET_NAME + "&size=200", "coord.lyon", "demo");
    assertThat(body(search).get("totalElements").asLong()).isZero();
    assertNoLeak(search, n, SECRET_NAME);
    HttpResponse<String> event =
        http.postJson(
            "/api/cases/" + n + "/events", "{\"type\":\"SUPPORT_REFUSED\"}", "coord.lyon", "demo");
    assertThat(event.statusCode()).isEqualTo(404);
    Http pages = new Http(port);
    pages.signIn("coord.lyon", "demo");
    HttpResponse<String> page = pages.get("/cases/" + n);
    assertThat(page.statusCode()).isEqualTo(404);
    assertNoLeak(page, SECRET_NAME);
    // (the search page repeats the words searched for, nothing more)
    HttpResponse<String> searchPage = pages.get("/cases?q=" + SECRET_NAME);
    assertThat(searchPage.body()).contains("Aucun dossier.");
    assertNoLeak(searchPage, n);

    // Supervisors read everything but change nothing (Cockpit is read-only for them).
    assertThat(
            http.get("/engine-rest/process-instance/" + pi + "/variables", "superviseur", "demo")
                .statusCode())
        .isEqualTo(200);
    for (HttpResponse<String> write :
        List.of(
            http.putJson(
                "/engine-rest/process-instance/" + pi + "/suspended",
                "{\"suspended\":true}",
                "superviseur",
                "demo"),
            http.postJson(
                "/engine-rest/process-instance/" + pi + "/variables",
                "{\"modifications\":{\"intrusion\":{\"value\":\"x\"}}}",
                "superviseur",
                "demo"),
            http.postJson(
                "/engine-rest/task/" + taskId + "/complete", "{}", "superviseur", "demo"))) {
      assertThat(write.statusCode()).as(write.request().uri().toString()).isEqualTo(403);
    }

    // The EST coordinators still see everything of their case.
    assertThat(http.get("/api/cases/" + n, "coord.est", "demo").statusCode()).isEqualTo(200);
    assertThat(
            http.get("/engine-rest/task/" + taskId + "/form-variables", "coord.est", "demo")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            body(http.get(
                    "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi,
                    "coord.est",
                    "demo"))
                .size())
        .isPositive();
  }

  @Test
  void aPartnersCaseworkerSeesACaseOnlyFromItsOrientationToThePartner() throws Exception {
    JsonNode lyon = newCase("Orientee", "69003", "coord.lyon");
    String n = lyon.get("caseNumber").asText();
    String pi = lyon.get("processInstanceId").asText();
    String contactTask = onlyTask(n, "coord.lyon").get("id").asText();
    List<String> partnerSurfaces =
        List.of(
            "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + n,
            "/engine-rest/process-instance?maxResults=100&businessKey=" + n,
            "/engine-rest/history/process-instance?maxResults=100&processInstanceBusinessKey=" + n,
            "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi,
            "/engine-rest/history/task?maxResults=100&processInstanceId=" + pi);
    for (String path : partnerSurfaces) {
      HttpResponse<String> before = http.get(path, "referent.ml-lyon", "demo");
      assertThat(before.statusCode()).isEqualTo(200);
      assertNoLeak(before, n, pi, "Orientee");
    }
    assertRefused(
        http.get(
            "/engine-rest/task/" + contactTask + "/form-variables", "referent.ml-lyon", "demo"));
    assertThat(http.get("/api/cases/" + n, "referent.ml-lyon", "demo").statusCode()).isEqualTo(404);

    complete(
        n,
        "coord.lyon",
        "{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
            + LocalDate.now()
            + "\"}}");
    complete(n, "coord.lyon", "{\"primaryNeed\":{\"value\":\"EMPLOYMENT\"}}");
    complete(n, "coord.lyon", "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"}}");
    // Not yet: the coordinator has not chosen the partner.
    assertThat(http.get("/api/cases/" + n, "referent.ml-lyon", "demo").statusCode()).isEqualTo(404);
    complete(n, "coord.lyon", "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"}}");

    JsonNode accept = onlyTask(n, "referent.ml-lyon");
    assertThat(accept.get("taskDefinitionKey").asText()).isEqualTo("Task_AcceptOrientation");
    assertThat(http.get("/api/cases/" + n, "referent.ml-lyon", "demo").statusCode()).isEqualTo(200);
    assertThat(
            http.get(
                    "/engine-rest/task/" + accept.get("id").asText() + "/form-variables",
                    "referent.ml-lyon",
                    "demo")
                .statusCode())
        .isEqualTo(200);
    // Another partner of the same perimeter still sees nothing.
    assertThat(http.get("/api/cases/" + n, "referent.cio-lyon", "demo").statusCode())
        .isEqualTo(404);
    assertNoLeak(
        http.get(
            "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + n,
            "referent.cio-lyon",
            "demo"),
        n,
        pi);
    assertNoLeak(
        http.get(
            "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi,
            "referent.cio-lyon",
            "demo"),
        n,
        pi,
        "Orientee");
  }

  @Test
  void thePrefectureIsRefusedEveryCaseSurfaceAndEngineRest() throws Exception {
    for (String path :
        List.of(
            "/api/cases",
            "/api/cases/2025-69-000001",
            "/engine-rest/task?maxResults=100",
            "/engine-rest/process-instance?maxResults=100",
            "/engine-rest/history/process-instance?maxResults=100",
            "/engine-rest/history/variable-instance?maxResults=100",
            "/engine-rest/process-definition?maxResults=100",
            "/engine-rest/filter?maxResults=100")) {
      HttpResponse<String> response = http.get(path, "prefecture", "demo");
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(403);
    }
    HttpResponse<String> post =
        http.postJson(
            "/engine-rest/process-definition/key/YouthPathwayProcess/start",
            "{}",
            "prefecture",
            "demo");
    assertThat(post.statusCode()).isEqualTo(403);
    Http pages = new Http(port);
    pages.signIn("prefecture", "demo");
    assertThat(pages.get("/cases").statusCode()).isEqualTo(403);
    assertThat(pages.get("/imports").statusCode()).isEqualTo(403);
  }

  @Test
  void anonymousCallersGet401EverywhereButTheLoginPageAndHealth() {
    for (String path :
        List.of(
            "/api/cases",
            "/api/cases/2025-69-000001",
            "/api/imports",
            "/api/perimeters",
            "/api/access-log",
            "/engine-rest/task?maxResults=100",
            "/engine-rest/history/process-instance?maxResults=100",
            "/camunda/api/engine/engine/default/task",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            "/actuator/info",
            "/actuator/metrics")) {
      HttpResponse<String> response = new Http(port).getJson(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertNoLeak(response, "Exception", "at fr.raccroche", "at org.");
    }
    // Pages send a browser to the login page; the login page and health answer.
    HttpResponse<String> page = http.get("/cases");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    assertThat(http.get("/login").statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
  }
}
