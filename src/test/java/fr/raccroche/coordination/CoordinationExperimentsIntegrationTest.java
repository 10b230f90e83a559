package fr.raccroche.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A call for projects whose budget adds up, projects selected within it, cases taking part. */
@RaccrocheIntegrationTest
class CoordinationExperimentsIntegrationTest {
  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  JsonNode ok(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  void refused(HttpResponse<String> response, String field, String words) throws Exception {
    JsonNode error = ok(response, 400);
    assertThat(error.get("fields").get(0).get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).contains(words);
  }

  static String call(String envelope, LocalDate opens, LocalDate closes) {
    return """
        {"title": "Appel test raccrochage", "funder": "Préfecture du Rhône",
         "budgetEnvelope": %s, "opensOn": "%s", "closesOn": "%s"}
        """
        .formatted(envelope, opens, closes);
  }

  static String project(
      String partner, String title, String amount, LocalDate start, LocalDate end) {
    return """
        {"carrierPartnerCode": %s, "perimeterCode": "LYON", "title": "%s",
         "amountRequested": %s, "startDate": "%s", "endDate": "%s"}
        """
        .formatted(partner == null ? "null" : "\"" + partner + "\"", title, amount, start, end);
  }

  JsonNode selectionTask(long projectId) throws Exception {
    JsonNode tasks =
        ok(
            http.get(
                "/engine-rest/task?maxResults=100&processInstanceBusinessKey=projet-" + projectId,
                "superviseur",
                "demo"),
            200);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  HttpResponse<String> decide(long projectId, String variables) throws Exception {
    return http.postJson(
        "/engine-rest/task/" + selectionTask(projectId).get("id").asText() + "/complete",
        "{\"variables\":" + variables + "}",
        "superviseur",
        "demo");
  }

  @Test
  void aCallsBudgetAddsUpAndGrantsStayWithinRequestAndEnvelope() throws Exception {
    LocalDate today = LocalDate.now();
    int callsBefore = ok(http.get("/api/experiments/calls", "superviseur", "demo"), 200).size();
    refused(
        http.postJson(
            "/api/experiments/calls", call("-5", today, today.plusDays(30)), "superviseur", "demo"),
        "budgetEnvelope",
        "positive");
    refused(
        http.postJson(
            "/api/experiments/calls",
            call("10000", today, today.minusDays(1)),
            "superviseur",
            "demo"),
        "closesOn",
        "précède");
    ok(
        http.postJson(
            "/api/experiments/calls",
            call("10000", today, today.plusDays(30)),
            "coord.lyon",
            "demo"),
        403);
    assertThat(ok(http.get("/api/experiments/calls", "superviseur", "demo"), 200).size())
        .isEqualTo(callsBefore);

    long callId =
        ok(
                http.postJson(
                    "/api/experiments/calls",
                    call("10000", today.minusDays(10), today.plusDays(30)),
                    "superviseur",
                    "demo"),
                201)
            .get("id")
            .asLong();
    String projects = "/api/experiments/calls/" + callId + "/projects";
    LocalDate start = today.minusDays(1);
    LocalDate end = today.plusYears(1);
    refused(
        http.postJson(
            projects, project(null, "Sans porteur", "100", start, end), "referent.ml-lyon", "demo"),
        "carrierPartnerCode",
        "obligatoire");
    refused(
        http.postJson(
            projects,
            project("ML-LYON", "Dates inversées", "100", start, start.minusDays(1)),
            "referent.ml-lyon",
            "demo"),
        "endDate",
        "précède");
    refused(
        http.postJson(
            projects, project("ML-LYON", "Gratuit", "0", start, end), "referent.ml-lyon", "demo"),
        "amountRequested",
        "positif");
    ok(
        http.postJson(
            projects,
            project("ML-EST", "Pour un autre", "100", start, end),
            "referent.ml-lyon",
            "demo"),
        403);
    assertThat(
            ok(http.get("/api/experiments/calls/" + callId, "superviseur", "demo"), 200)
                .get("projects"))
        .isEmpty();

    long a =
        ok(
                http.postJson(
                    projects,
                    project("ML-LYON", "Remobilisation par le sport", "6000", start, end),
                    "referent.ml-lyon",
                    "demo"),
                201)
            .get("id")
            .asLong();
    long b =
        ok(
                http.postJson(
                    projects,
                    project("ML-LYON", "Permis et mobilité", "5000", start, end),
                    "coord.lyon",
                    "demo"),
                201)
            .get("id")
            .asLong();
    long c =
        ok(
                http.postJson(
                    projects,
                    project("CIO-LYON", "Forum des métiers", "1000", start, end),
                    "coord.lyon",
                    "demo"),
                201)
            .get("id")
            .asLong();
    assertThat(
            ok(http.get("/api/experiments/projects/" + a, "prefecture", "demo"), 200)
                .get("status")
                .asText())
        .isEqualTo("SUBMITTED");
    // The carrier partner sees its project's process; another partner does not.
    assertThat(
            ok(
                http.get(
                    "/engine-rest/process-instance?maxResults=100&businessKey=projet-" + a,
                    "referent.ml-lyon",
                    "demo"),
                200))
        .hasSize(1);
    assertThat(
            ok(
                http.get(
                    "/engine-rest/process-instance?maxResults=100&businessKey=projet-" + a,
                    "referent.ml-est",
                    "demo"),
                200))
        .isEmpty();

    // A grant above the request is refused in French; the task stays.
    HttpResponse<String> aboveRequest =
        decide(a, "{\"projectSelected\":{\"value\":true},\"amountGranted\":{\"value\":7000}}");
    assertThat(aboveRequest.statusCode()).isEqualTo(400);
    assertThat(aboveRequest.body()).contains("dépasse le montant demandé");
    ok(decide(a, "{\"projectSelected\":{\"value\":true},\"amountGranted\":{\"value\":6000}}"), 204);
    // 4,000 € left: 5,000 € for B is refused, 4,000 € is granted.
    HttpResponse<String> aboveEnvelope =
        decide(b, "{\"projectSelected\":{\"value\":true},\"amountGranted\":{\"value\":5000}}");
    assertThat(aboveEnvelope.statusCode()).isEqualTo(400);
    assertThat(aboveEnvelope.body()).contains("reste de l'enveloppe");
    ok(
        decide(b, "{\"projectSelected\":{\"value\":true},\"amountGranted\":{\"value\":\"4000\"}}"),
        204);
    ok(
        decide(
            c,
            "{\"projectSelected\":{\"value\":false},\"selectionComment\":{\"value\":\"Enveloppe épuisée\"}}"),
        204);

    JsonNode budget = ok(http.get("/api/experiments/calls/" + callId, "prefecture", "demo"), 200);
    assertThat(budget.get("budgetEnvelope").decimalValue()).isEqualByComparingTo("10000");
    assertThat(budget.get("granted").decimalValue()).isEqualByComparingTo("10000");
    assertThat(budget.get("remaining").decimalValue()).isEqualByComparingTo("0");
    assertThat(budget.get("requested").decimalValue()).isEqualByComparingTo("12000");
    String page = http.get("/experiments/calls/" + callId, "prefecture", "demo").body();
    assertThat(page)
        .contains("Reste disponible", "Remobilisation par le sport", "Retenu", "Non retenu");

    // The selected project starts on its date (timer), its interim report is due six months later.
    String pa =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("projet-" + a)
            .singleResult()
            .getId();
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(pa)
            .activityId("Timer_ProjectStarts")
            .singleResult()
            .getId());
    assertThat(
            ok(http.get("/api/experiments/projects/" + a, "coord.lyon", "demo"), 200)
                .get("status")
                .asText())
        .isEqualTo("RUNNING");
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(pa)
                .activityId("Timer_InterimReportDue")
                .count())
        .isEqualTo(1);

    // Cases taking part: tagged by a coordinator who sees the case; aggregates only, and nothing
    // at all below five cases.
    String[] numbers = new String[5];
    for (int i = 0; i < 5; i++) {
      String caseBody =
          """
          {"lastName":"Participant","firstName":"Noah","birthDate":"%s","postalCode":"69008",
           "communeName":"Lyon","leavingDate":"%s"}
          """
              .formatted(today.minusYears(18).minusDays(i), today.minusMonths(1));
      numbers[i] =
          ok(http.postJson("/api/cases", caseBody, "coord.lyon", "demo"), 201)
              .get("caseNumber")
              .asText();
    }
    String n = numbers[0];
    ok(
        http.putJson("/api/experiments/projects/" + a + "/cases/" + n, "{}", "coord.est", "demo"),
        404);
    // A coordinator's own case into another perimeter's project (issue 18): a French 400,
    // nothing written.
    String estCase =
        ok(
                http.postJson(
                    "/api/cases",
                    """
                    {"lastName":"Horsprojet","firstName":"Lina","birthDate":"%s","postalCode":"69100",
                     "communeName":"Villeurbanne","leavingDate":"%s"}
                    """
                        .formatted(today.minusYears(18), today.minusMonths(1)),
                    "coord.est",
                    "demo"),
                201)
            .get("caseNumber")
            .asText();
    refused(
        http.putJson(
            "/api/experiments/projects/" + a + "/cases/" + estCase, "{}", "coord.est", "demo"),
        "projectId",
        "concerne le périmètre LYON, pas celui du dossier");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from coordination_case_fact where case_number = ?"
                    + " and experiment_project_id is not null",
                Long.class,
                estCase))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from coordination_case_fact where experiment_project_id = ?",
                Long.class,
                a))
        .isZero();
    refused(
        http.putJson("/api/experiments/projects/" + c + "/cases/" + n, "{}", "coord.lyon", "demo"),
        "projectId",
        "ni retenu ni en cours");
    ok(
        http.putJson("/api/experiments/projects/" + a + "/cases/" + n, "{}", "coord.lyon", "demo"),
        204);
    JsonNode few =
        ok(http.get("/api/experiments/projects/" + a, "prefecture", "demo"), 200)
            .get("participation");
    assertThat(few.get("tooFewToShow").asBoolean()).isTrue();
    assertThat(few.get("cases").isNull()).isTrue();
    assertThat(few.get("takenInChargeRate").isNull()).isTrue();
    assertThat(http.get("/experiments/calls/" + callId, "prefecture", "demo").body())
        .contains("&lt; 5", "non diffusé");
    for (int i = 1; i < 5; i++) {
      ok(
          http.putJson(
              "/api/experiments/projects/" + a + "/cases/" + numbers[i],
              "{}",
              "coord.lyon",
              "demo"),
          204);
    }
    JsonNode participation =
        ok(http.get("/api/experiments/projects/" + a, "prefecture", "demo"), 200)
            .get("participation");
    assertThat(participation.get("tooFewToShow").asBoolean()).isFalse();
    assertThat(participation.get("cases").asInt()).isEqualTo(5);
    assertThat(participation.get("takenInCharge").asInt()).isZero();
    assertThat(participation.get("takenInChargeRate").asDouble()).isEqualTo(0.0);
    assertThat(ok(http.get("/api/experiments/projects/" + a, "prefecture", "demo"), 200).toString())
        .doesNotContain("Participant");
  }
}
