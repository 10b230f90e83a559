package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.MilestoneReached;
import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.NeedsAnalysed;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: each finding of the hostile-user probe, reproduced with the demo users, and what the
 * application now answers. The case record is the truth; a task takes only its form's fields;
 * engine-rest is deny-by-default per role; access follows responsibility; bad requests are French
 * 4xx that change nothing. (docs/security.md, R1–R8.)
 */
@RaccrocheIntegrationTest
class TrustBoundaryIntegrationTest {
  static final String PW = "demo";
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  JsonNode newCase(String lastName, String postalCode, String coordinator) throws Exception {
    HttpResponse<String> response =
        http.postJson(
            "/api/cases", caseJson(lastName, postalCode, "12 rue du Test"), coordinator, PW);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return body(response);
  }

  static String caseJson(String lastName, String postalCode, String address) {
    return """
        {"lastName":%s,"firstName":"Test","sex":"F","birthDate":"%s",
         "address":%s,"postalCode":"%s","phone":"06 11 22 33 44","lastLevel":"LYCEE",
         "leavingDate":"%s"}
        """
        .formatted(
            quote(lastName),
            LocalDate.now().minusYears(17).minusDays(40),
            quote(address),
            postalCode,
            LocalDate.now().minusMonths(1));
  }

  static String quote(String text) {
    try {
      return new ObjectMapper().writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode onlyTask(String caseNumber, String user) throws Exception {
    JsonNode list =
        body(
            http.get(
                "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + caseNumber,
                user,
                PW));
    assertThat(list).as("tasks of " + caseNumber + " for " + user).hasSize(1);
    return list.get(0);
  }

  HttpResponse<String> complete(String taskId, String user, String variablesJson) {
    return http.postJson(
        "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":" + variablesJson + "}",
        user,
        PW);
  }

  void completeOk(String caseNumber, String user, String variablesJson) throws Exception {
    HttpResponse<String> done =
        complete(onlyTask(caseNumber, user).get("id").asText(), user, variablesJson);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  static String reached() {
    return "{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
        + LocalDate.now()
        + "\"}}";
  }

  static void assertFrenchProblem(HttpResponse<String> response, int status, String... contains) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    // "AuthorizationException" is Camunda's documented error type, that Tasklist reads; no other.
    assertThat(response.body().replace("\"type\":\"AuthorizationException\"", ""))
        .doesNotContain("Exception", "at org.", "at fr.", "java.");
    for (String text : contains) {
      assertThat(response.body()).contains(text);
    }
  }

  // ---- Critical: process variables steer cases

  @Test
  void aCoordinatorCannotWriteProcessVariablesToTakeOverAnotherPerimetersCase() throws Exception {
    String lyon = newCase("Lyonnaise", "69003", "coord.lyon").get("caseNumber").asText();
    JsonNode estCase = newCase("Estoise", "69100", "coord.est");
    String est = estCase.get("caseNumber").asText();
    String estTask = onlyTask(est, "coord.est").get("id").asText();

    // The probe: overwrite caseNumber/perimeterCode on an own task, then move the own case.
    HttpResponse<String> write =
        http.postJson(
            "/engine-rest/task/" + estTask + "/variables",
            "{\"modifications\":{\"caseNumber\":{\"value\":\""
                + lyon
                + "\"},\"perimeterCode\":{\"value\":\"LYON\"}}}",
            "coord.est",
            PW);
    assertFrenchProblem(write, 403, "Accès refusé");
    for (String path :
        List.of(
            "/engine-rest/task/" + estTask + "/localVariables",
            "/engine-rest/process-instance/"
                + estCase.get("processInstanceId").asText()
                + "/variables",
            "/engine-rest/execution/"
                + estCase.get("processInstanceId").asText()
                + "/localVariables")) {
      assertThat(
              http.postJson(
                      path,
                      "{\"modifications\":{\"caseNumber\":{\"value\":\"" + lyon + "\"}}}",
                      "coord.est",
                      PW)
                  .statusCode())
          .as(path)
          .isEqualTo(403);
    }
    assertThat(
            http.putJson(
                    "/engine-rest/task/" + estTask + "/variables/caseNumber",
                    "{\"value\":\"" + lyon + "\",\"type\":\"String\"}",
                    "coord.est",
                    PW)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> event =
        http.postJson(
            "/api/cases/" + est + "/events",
            "{\"type\":\"MOVED_AWAY\",\"perimeterCode\":\"NORD\"}",
            "coord.est",
            PW);
    assertThat(event.statusCode()).as(event.body()).isEqualTo(204);
    assertThat(http.get("/api/cases/" + lyon, "coord.est", PW).statusCode()).isEqualTo(404);
    assertThat(body(http.get("/api/cases/" + lyon, "admin", PW)).get("perimeterCode").asText())
        .isEqualTo("LYON");
    assertThat(body(http.get("/api/cases/" + est, "admin", PW)).get("perimeterCode").asText())
        .isEqualTo("NORD");
  }

  @Test
  void evenAVariableWrittenByAnAdministratorDoesNotRedirectTheCasesListeners() throws Exception {
    String lyon = newCase("Intacte", "69003", "coord.lyon").get("caseNumber").asText();
    JsonNode estCase = newCase("Deplacee", "69100", "coord.est");
    String est = estCase.get("caseNumber").asText();
    String pi = estCase.get("processInstanceId").asText();
    // Administrators may still write variables (repairs): the listeners ignore them.
    HttpResponse<String> write =
        http.postJson(
            "/engine-rest/process-instance/" + pi + "/variables",
            "{\"modifications\":{\"caseNumber\":{\"value\":\""
                + lyon
                + "\"},\"perimeterCode\":{\"value\":\"LYON\"}}}",
            "admin",
            PW);
    assertThat(write.statusCode()).as(write.body()).isEqualTo(204);
    assertThat(
            http.postJson(
                    "/api/cases/" + est + "/events",
                    "{\"type\":\"MOVED_AWAY\",\"perimeterCode\":\"NORD\"}",
                    "coord.est",
                    PW)
                .statusCode())
        .isEqualTo(204);
    JsonNode lyonAfter = body(http.get("/api/cases/" + lyon, "admin", PW));
    assertThat(lyonAfter.get("perimeterCode").asText()).isEqualTo("LYON");
    assertThat(lyonAfter.get("milestones").toString()).doesNotContain("TRANSFERRED");
    JsonNode estAfter = body(http.get("/api/cases/" + est, "admin", PW));
    assertThat(estAfter.get("perimeterCode").asText()).isEqualTo("NORD");
    assertThat(estAfter.get("milestones").toString()).contains("TRANSFERRED");
    // The open task follows the record's perimeter, not the variable.
    assertThat(onlyTask(est, "coord.nord").get("taskDefinitionKey").asText())
        .isEqualTo("Task_ContactYoungPerson");
  }

  @Test
  void aTaskAcceptsOnlyItsFormsFieldsOnCompleteAndSubmitForm() throws Exception {
    String lyon = newCase("Cible", "69003", "coord.lyon").get("caseNumber").asText();
    String est = newCase("Orientable", "69100", "coord.est").get("caseNumber").asText();
    completeOk(est, "coord.est", reached());
    completeOk(
        est,
        "coord.est",
        "{\"primaryNeed\":{\"value\":\"EMPLOYMENT\"},\"projectDescription\":{\"value\":\"Vente\"}}");
    completeOk(est, "coord.est", "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"}}");
    JsonNode orient = onlyTask(est, "coord.est");
    assertThat(orient.get("taskDefinitionKey").asText()).isEqualTo("Task_OrientToReferent");
    String taskId = orient.get("id").asText();

    // The probe's variant: submit-form with another case's number.
    HttpResponse<String> submit =
        http.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            "{\"variables\":{\"caseNumber\":{\"value\":\""
                + lyon
                + "\"},\"referentPartnerCode\":{\"value\":\"ML-EST\"}}}",
            "coord.est",
            PW);
    assertFrenchProblem(submit, 400, "caseNumber", "formulaire");
    HttpResponse<String> completion =
        complete(
            taskId,
            "coord.est",
            "{\"perimeterCode\":{\"value\":\"LYON\"},\"referentPartnerCode\":{\"value\":\"ML-EST\"}}");
    assertFrenchProblem(completion, 400, "perimeterCode");
    // A read-only field of the form (shown, not the user's) is not written either.
    // Values are checked against the form: an option that is not offered, an over-long text.
    assertFrenchProblem(
        complete(taskId, "coord.est", "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"}}"),
        400,
        "referentPartnerCode");
    assertFrenchProblem(
        complete(
            taskId,
            "coord.est",
            "{\"referentPartnerCode\":{\"value\":\"ML-EST\"},\"orientationNotes\":{\"value\":\""
                + "x".repeat(2001)
                + "\"}}"),
        400,
        "orientationNotes",
        "2000");
    // Nothing was written: the task is still there, the other case untouched.
    assertThat(onlyTask(est, "coord.est").get("id").asText()).isEqualTo(taskId);
    assertThat(http.get("/api/cases/" + lyon, "referent.ml-est", PW).statusCode()).isEqualTo(404);
    assertThat(
            body(http.get("/api/cases/" + lyon, "admin", PW)).get("referentPartnerCode").isNull())
        .isTrue();
    // The form's own fields go through.
    assertThat(
            complete(taskId, "coord.est", "{\"referentPartnerCode\":{\"value\":\"ML-EST\"}}")
                .statusCode())
        .isEqualTo(204);
    assertThat(http.get("/api/cases/" + est, "referent.ml-est", PW).statusCode()).isEqualTo(200);
  }

  // ---- High: history after a transfer

  @Test
  void afterATransferTheFormerPerimeterReadsNothingOfTheCaseNotEvenItsHistory() throws Exception {
    JsonNode c = newCase("Demenagee", "69100", "coord.est");
    String n = c.get("caseNumber").asText();
    String pi = c.get("processInstanceId").asText();
    String contact = onlyTask(n, "coord.est").get("id").asText();
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + contact + "/claim",
                    "{\"userId\":\"coord.est\"}",
                    "coord.est",
                    PW)
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> done = complete(contact, "coord.est", reached());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    String before =
        http.get(
                "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi,
                "coord.est",
                PW)
            .body();
    assertThat(before).contains("contactOutcome");

    assertThat(
            http.postJson(
                    "/api/cases/" + n + "/events",
                    "{\"type\":\"MOVED_AWAY\",\"perimeterCode\":\"NORD\"}",
                    "coord.est",
                    PW)
                .statusCode())
        .isEqualTo(204);
    // Written after the transfer by the new perimeter.
    completeOk(
        n,
        "coord.nord",
        "{\"primaryNeed\":{\"value\":\"HOUSING\"},\"projectDescription\":{\"value\":\"Apres le transfert\"}}");

    for (String path :
        List.of(
            "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi,
            "/engine-rest/history/detail?maxResults=100&processInstanceId=" + pi,
            "/engine-rest/history/task?maxResults=100&processInstanceId=" + pi,
            "/engine-rest/history/process-instance?maxResults=100&processInstanceId=" + pi,
            "/engine-rest/history/activity-instance?maxResults=100&processInstanceId=" + pi,
            "/engine-rest/task?maxResults=100&processInstanceId=" + pi)) {
      HttpResponse<String> response = http.get(path, "coord.est", PW);
      assertThat(response.statusCode()).as(path).isIn(200, 403);
      assertThat(response.body())
          .as(path)
          .doesNotContain("Apres le transfert", "contactOutcome", pi, n);
    }
    assertThat(
            http.get("/engine-rest/history/task/count?processInstanceId=" + pi, "coord.est", PW)
                .body())
        .contains("\"count\":0");
    assertThat(
            http.get("/engine-rest/task/" + contact + "/variables", "coord.est", PW).statusCode())
        .isIn(403, 404);
    // The new perimeter reads it all.
    assertThat(
            http.get(
                    "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi,
                    "coord.nord",
                    PW)
                .body())
        .contains("Apres le transfert");
  }

  // ---- Medium: assignment

  @Test
  void aTaskIsAssignedOnlyWithinItsCandidateGroupsAndAccessEndsWithTheAssignment()
      throws Exception {
    String n = newCase("Assignee", "69003", "coord.lyon").get("caseNumber").asText();
    String taskId = onlyTask(n, "coord.lyon").get("id").asText();
    for (String caller : List.of("coord.lyon", "admin")) {
      HttpResponse<String> assign =
          http.postJson(
              "/engine-rest/task/" + taskId + "/assignee",
              "{\"userId\":\"coord.est\"}",
              caller,
              PW);
      assertFrenchProblem(assign, 403, "coord-LYON");
    }
    assertThat(onlyTask(n, "coord.lyon").get("assignee").isNull()).isTrue();
    assertThat(
            http.get("/engine-rest/task/" + taskId + "/form-variables", "coord.est", PW)
                .statusCode())
        .isIn(403, 404);
    // Within the group: fine.
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + taskId + "/assignee",
                    "{\"userId\":\"coord.lyon\"}",
                    "admin",
                    PW)
                .statusCode())
        .isEqualTo(204);
  }

  // ---- Medium: supervisors are read-only on cases

  @Test
  void supervisorsReadCasesButNeitherCreateThemNorFireTheirEvents() throws Exception {
    String n = newCase("Supervisee", "69003", "coord.lyon").get("caseNumber").asText();
    assertThat(http.get("/api/cases/" + n, "superviseur", PW).statusCode()).isEqualTo(200);
    assertFrenchProblem(
        http.postJson(
            "/api/cases/" + n + "/events", "{\"type\":\"SUPPORT_REFUSED\"}", "superviseur", PW),
        403,
        "Accès refusé");
    assertFrenchProblem(
        http.postJson("/api/cases", caseJson("Nouvelle", "69003", "1 rue"), "superviseur", PW),
        403,
        "Accès refusé");
    assertThat(body(http.get("/api/cases/" + n, "admin", PW)).get("status").asText())
        .isEqualTo("TO_CONTACT");
    // Nor change the engine's state, but their own review tasks.
    String taskId = onlyTask(n, "coord.lyon").get("id").asText();
    assertThat(complete(taskId, "superviseur", reached()).statusCode()).isEqualTo(403);
  }

  // ---- Medium: bad requests are French 4xx that change nothing

  @Test
  void overLongNamesAreRefusedNamingTheFieldAndTheLimit() throws Exception {
    HttpResponse<String> api =
        http.postJson("/api/cases", caseJson("N".repeat(101), "69003", "1 rue"), "coord.lyon", PW);
    assertFrenchProblem(api, 400, "lastName", "100");
    assertThat(body(api).get("field").asText()).isEqualTo("lastName");
    Http pages = new Http(port);
    pages.signIn("coord.lyon", PW);
    String token = Http.csrfToken(pages.get("/cases/new").body());
    HttpResponse<String> page =
        pages.postForm(
            "/cases/new",
            java.util.Map.of(
                "_csrf",
                token,
                "lastName",
                "N".repeat(101),
                "firstName",
                "Trop",
                "birthDate",
                LocalDate.now().minusYears(17).toString(),
                "postalCode",
                "69003"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("100 caractères");
  }

  @Test
  void controlBidiAndZeroWidthCharactersInNamesAreRefused() throws Exception {
    for (String name : List.of("Nul\u0000", "Bidi\u202Eeno", "Zero\u200Bwidth")) {
      HttpResponse<String> response =
          http.postJson("/api/cases", caseJson(name, "69003", "1 rue"), "coord.lyon", PW);
      assertFrenchProblem(response, 400, "lastName", "invisible ou de contrôle");
    }
  }

  @Test
  void twoConcurrentCompletionsGiveOne409AndAFinishedTaskA404() throws Exception {
    String n = newCase("Concurrente", "69003", "coord.lyon").get("caseNumber").asText();
    String taskId = onlyTask(n, "coord.lyon").get("id").asText();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<HttpResponse<String>>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        both.add(
            () ->
                new Http(port)
                    .postJson(
                        "/engine-rest/task/" + taskId + "/complete",
                        "{\"variables\":" + reached() + "}",
                        "coord.lyon",
                        PW));
      }
      List<Integer> statuses = new ArrayList<>();
      List<String> bodies = new ArrayList<>();
      for (Future<HttpResponse<String>> f : pool.invokeAll(both)) {
        statuses.add(f.get().statusCode());
        bodies.add(f.get().body());
      }
      assertThat(statuses).as(bodies.toString()).contains(204);
      assertThat(statuses).as(bodies.toString()).allMatch(s -> s == 204 || s == 409 || s == 404);
      assertThat(String.join("", bodies)).doesNotContain("Exception", "task is null");
    } finally {
      pool.shutdownNow();
    }
    HttpResponse<String> again = complete(taskId, "coord.lyon", reached());
    assertFrenchProblem(again, 404, "Tâche introuvable ou déjà traitée");
  }

  @Test
  void implausibleContactDatesAreRefusedAndFireNothing() throws Exception {
    String n = newCase("Datee", "69003", "coord.lyon").get("caseNumber").asText();
    String taskId = onlyTask(n, "coord.lyon").get("id").asText();
    for (String date :
        List.of("0001-01-01", "9999-12-31", LocalDate.now().minusYears(2).toString())) {
      HttpResponse<String> response =
          complete(
              taskId,
              "coord.lyon",
              "{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
                  + date
                  + "\"}}");
      assertThat(response.statusCode()).as(date + " " + response.body()).isEqualTo(400);
      assertThat(response.body()).doesNotContain("Exception\"");
    }
    assertThat(onlyTask(n, "coord.lyon").get("id").asText()).isEqualTo(taskId);
    assertThat(body(http.get("/api/cases/" + n, "coord.lyon", PW)).get("milestones").toString())
        .doesNotContain("FIRST_CONTACT");
  }

  @Test
  void wrongTypesAndUnknownEnumValuesNameTheField() throws Exception {
    String body = caseJson("Enum", "69003", "1 rue").replace("\"LYCEE\"", "\"DOCTORAT\"");
    assertFrenchProblem(
        http.postJson("/api/cases", body, "coord.lyon", PW), 400, "lastLevel", "LYCEE");
    String date =
        caseJson("Typee", "69003", "1 rue")
            .replaceFirst("\"birthDate\":\"[^\"]+\"", "\"birthDate\":\"hier\"");
    assertFrenchProblem(
        http.postJson("/api/cases", date, "coord.lyon", PW), 400, "birthDate", "AAAA-MM-JJ");
    String n = newCase("Evenement", "69003", "coord.lyon").get("caseNumber").asText();
    assertFrenchProblem(
        http.postJson("/api/cases/" + n + "/events", "{\"type\":\"TELEPORTED\"}", "coord.lyon", PW),
        400,
        "type",
        "MOVED_AWAY");
  }

  @Test
  void likeWildcardsInTheCaseSearchMatchOnlyThemselves() throws Exception {
    newCase("Joker", "69003", "coord.lyon");
    for (String q : List.of("%25", "_", "%5C")) {
      JsonNode found = body(http.get("/api/cases?size=200&q=" + q, "coord.lyon", PW));
      assertThat(found.get("totalElements").asLong()).as(q).isZero();
    }
    assertThat(
            body(http.get("/api/cases?size=200&q=joker", "coord.lyon", PW))
                .get("totalElements")
                .asLong())
        .isPositive();
  }

  @Test
  void offersRefuseDatesOutsideASaneRange() {
    for (String dates :
        List.of(
            "\"startDate\":\"0001-01-01\",\"endDate\":\"2099-12-31\"",
            "\"startDate\":\"2026-01-01\",\"endDate\":\"9999-12-31\"")) {
      String body =
          """
          {"partnerCode":"ML-LYON","name":"Offre datée","description":"Accompagnement",
           "types":["ACCOMPANIMENT"],"needs":["EMPLOYMENT"],"minAge":16,"maxAge":25,
           "perimeterCodes":["LYON"],"placesAvailable":5,%s,
           "contactEmail":"contact@ml-lyon.invalid","howToMobilise":"Fiche de liaison"}
          """
              .formatted(dates);
      HttpResponse<String> response = http.postJson("/api/offers", body, "coord.lyon", PW);
      assertFrenchProblem(response, 400, "Date invraisemblable");
    }
  }

  @Test
  void establishmentFeedbackIsReadOnlyByTheEstablishmentsPerimeter() {
    // 0690008J: a collège of Villeurbanne (EST).
    assertThat(http.get("/api/establishments/0690008J/feedback", "coord.est", PW).statusCode())
        .isEqualTo(200);
    HttpResponse<String> foreign =
        http.get("/api/establishments/0690008J/feedback", "coord.lyon", PW);
    assertFrenchProblem(foreign, 404, "inconnu");
    assertThat(http.get("/api/establishments/0690008J/feedback", "superviseur", PW).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/establishments/0690008J/feedback", "admin", PW).statusCode())
        .isEqualTo(200);
    // Those not responsible for the establishment's young people: nothing, not even its name.
    for (String outsider : List.of("prefecture", "referent.ml-est", "referent.ml-lyon")) {
      HttpResponse<String> refused =
          http.get("/api/establishments/0690008J/feedback", outsider, PW);
      assertFrenchProblem(refused, 403, "Accès refusé");
      assertThat(refused.body()).as(outsider).doesNotContain("Villeurbanne", "reported");
    }
    // A school nobody registered: only its perimeters' coordinators and the supervisors, each
    // coordinator counting their own perimeters' young people (IntakeIsolationIntegrationTest);
    // one that reported nobody here answers as unknown.
    assertFrenchProblem(
        http.get("/api/establishments/0699999Z/feedback", "coord.lyon", PW), 404, "inconnu");
    // The list of unregistered schools is the supervisors'.
    assertThat(http.get("/establishments/unregistered", "coord.est", PW).statusCode())
        .isEqualTo(403);
    assertThat(http.get("/establishments/unregistered", "prefecture", PW).statusCode())
        .isEqualTo(403);
  }

  /** Four EST cases of 2016-2017, seeded as the pathway's events would record them. */
  void seedFourEstCasesOf2016() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              String[] detected = {"2016-10-01", "2016-11-01", "2016-12-01", "2017-01-05"};
              String[] contacted = {"2016-10-04", "2016-11-08", "2016-12-02", null};
              String[] taken = {"2016-10-20", "2016-11-30", null, null};
              for (int i = 0; i < 4; i++) {
                String n = "2016-69-98000" + (i + 1);
                milestone(n, Milestone.DETECTED, detected[i]);
                if (contacted[i] != null) {
                  milestone(n, Milestone.FIRST_CONTACT, contacted[i]);
                  events.publishEvent(
                      new NeedsAnalysed(
                          n, "EST", Need.HOUSING, List.of(), LocalDate.parse(contacted[i])));
                }
                if (taken[i] != null) {
                  milestone(n, Milestone.TAKEN_IN_CHARGE, taken[i]);
                }
              }
            });
  }

  void milestone(String caseNumber, Milestone milestone, String day) {
    events.publishEvent(
        new MilestoneReached(
            caseNumber, milestone, LocalDate.parse(day), "EST", null, null, null, null));
  }

  @Test
  void territorialDiagnosesFollowTheIndicatorsScopeAndMaskSmallCountsForThePrefecture()
      throws Exception {
    seedFourEstCasesOf2016();
    String api = "/api/diagnoses/EST/2016-2017";

    // The probe: the prefecture read an exact 4. Now "< 5", and what comes from it masked.
    HttpResponse<String> prefecture = http.get(api, "prefecture", PW);
    JsonNode f = body(prefecture).get("figures");
    assertThat(f.get("masked").asBoolean()).isTrue();
    assertThat(f.get("cases").asText()).isEqualTo("< 5");
    assertThat(f.get("needsAnalysed").asText()).isEqualTo("< 5");
    assertThat(f.get("takenInCharge").asText()).isEqualTo("< 5");
    assertThat(f.get("takenInChargeRate").asText()).isEqualTo("masqué");
    assertThat(f.get("medianDaysToFirstContact").asText()).isEqualTo("masqué");
    assertThat(f.get("medianDaysToTakenInCharge").asText()).isEqualTo("masqué");
    assertThat(f.get("oneYearChecked").asInt()).isZero();
    JsonNode housing = null;
    for (JsonNode need : f.get("needs")) {
      if (need.get("need").asText().equals("HOUSING")) {
        housing = need;
      }
    }
    assertThat(housing.get("youngPeople").asText()).isEqualTo("< 5");
    assertThat(housing.get("asPrimaryNeed").asText()).isEqualTo("< 5");
    assertThat(prefecture.body())
        .doesNotContain("\"cases\":4", "\"takenInCharge\":2", "\"youngPeople\":3");
    String page = http.get("/diagnoses/EST/2016-2017", "prefecture", PW).body();
    assertThat(page).contains("&lt; 5", "masqué", "sont masqués").doesNotContain("50,0 %");
    assertThat(pdfText(bytes("/diagnoses/EST/2016-2017.pdf", "prefecture")))
        .contains("< 5", "masqué")
        .doesNotContain("50,0 %");
    assertThat(body(http.get("/api/diagnoses/EST", "prefecture", PW)).toString())
        .doesNotContain("\"cases\":4");

    // Supervisors read the exact figures; the perimeter's own coordinators too (they follow its
    // cases one by one and write the diagnosis from them).
    for (String exact : List.of("superviseur", "coord.est")) {
      JsonNode e = body(http.get(api, exact, PW)).get("figures");
      assertThat(e.get("masked").asBoolean()).as(exact).isFalse();
      assertThat(e.get("cases").asInt()).as(exact).isEqualTo(4);
      assertThat(e.get("takenInChargeRate").asDouble()).as(exact).isEqualTo(50.0);
      assertThat(e.get("medianDaysToFirstContact").asDouble()).as(exact).isEqualTo(3.0);
    }
    assertThat(http.get("/diagnoses/EST/2016-2017", "coord.est", PW).body()).contains("50,0 %");

    // Another perimeter's coordinator reads nothing of EST: API, history, page, PDF.
    assertFrenchProblem(http.get(api, "coord.lyon", PW), 403, "Accès refusé");
    assertFrenchProblem(http.get("/api/diagnoses/EST", "coord.lyon", PW), 403, "Accès refusé");
    HttpResponse<String> foreignPage = http.get("/diagnoses/EST/2016-2017", "coord.lyon", PW);
    assertThat(foreignPage.statusCode()).isEqualTo(403);
    assertThat(foreignPage.body())
        .contains("Accès refusé")
        .doesNotContain("Jeunes suivis", "Exception");
    assertThat(http.get("/diagnoses/EST/2016-2017.pdf", "coord.lyon", PW).statusCode())
        .isEqualTo(403);
    // The index opens a coordinator's own perimeter, and lists only theirs.
    HttpResponse<String> index = http.get("/diagnoses", "coord.lyon", PW);
    assertThat(index.headers().firstValue("Location").orElse("")).contains("/diagnoses/LYON/");
    String own = http.get("/diagnoses/LYON/2016-2017", "coord.lyon", PW).body();
    assertThat(own).contains("Diagnostic territorial").doesNotContain("value=\"EST\"");
    // Caseworkers read no perimeter's diagnosis, as no indicator.
    assertFrenchProblem(http.get(api, "referent.ml-est", PW), 403, "Accès refusé");
    assertThat(http.get("/diagnoses/EST/2016-2017", "referent.ml-est", PW).statusCode())
        .isEqualTo(403);
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
                                .encodeToString((user + ":" + PW).getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  static String pdfText(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder b = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      b.append(extractor.getTextFromPage(page)).append('\n');
    }
    return b.toString();
  }

  @Test
  void aFileWithTenThousandUnknownColumnsGivesOneBoundedWarningAndStillImports() throws Exception {
    StringBuilder file =
        new StringBuilder("nom;prenom;sexe;date_naissance;code_postal;date_sortie");
    for (int i = 1; i <= 10_000; i++) {
      file.append(";c").append(i);
    }
    file.append('\n');
    for (String first : List.of("Ana", "Bea")) {
      file.append("Colonnesmille;")
          .append(first)
          .append(";F;")
          .append(LocalDate.now().minusYears(17).minusDays(first.length() * 30L))
          .append(";69003;")
          .append(LocalDate.now().minusMonths(1))
          .append(";".repeat(10_000))
          .append('\n');
    }
    HttpResponse<String> response =
        http.postFile(
            "/api/imports?wait=true&source=EN&kind=LEAVERS",
            "colonnes.csv",
            file.toString().getBytes(StandardCharsets.UTF_8),
            "superviseur",
            PW);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = body(response);
    assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(report.get("created").asLong()).isEqualTo(2);
    List<String> unknown = new ArrayList<>();
    report.get("warnings").forEach(w -> unknown.add(w.asText()));
    unknown.removeIf(w -> !w.contains("inconnue"));
    assertThat(unknown).hasSize(1);
    assertThat(unknown.get(0))
        .startsWith("10000 colonnes inconnues ignorées, dont les 20 premières : « c1 », « c2 »")
        .contains("« c20 »")
        .doesNotContain("« c21 »")
        .hasSizeLessThan(500);
    // The report stays short: the columns read, the first unknown ones, one line for the rest.
    assertThat(report.get("columns").size()).isLessThanOrEqualTo(6 + 20 + 1);
    assertThat(response.body().length()).isLessThan(20_000);
    JsonNode stored =
        body(http.get("/api/imports/" + report.get("id").asLong(), "superviseur", PW));
    assertThat(stored.get("warnings").toString()).isEqualTo(report.get("warnings").toString());
    assertThat(stored.toString().length()).isLessThan(20_000);
  }

  // ---- Low: existence of foreign cases, engine-rest surfaces

  @Test
  void messageCorrelationAndTaskDeletionRevealNothingAndAreRefused() throws Exception {
    String n = newCase("Existe", "69100", "coord.est").get("caseNumber").asText();
    String taskId = onlyTask(n, "coord.est").get("id").asText();
    HttpResponse<String> existing =
        http.postJson(
            "/engine-rest/message",
            "{\"messageName\":\"Msg_SupportRefused\",\"businessKey\":\"" + n + "\"}",
            "coord.lyon",
            PW);
    HttpResponse<String> unknown =
        http.postJson(
            "/engine-rest/message",
            "{\"messageName\":\"Msg_SupportRefused\",\"businessKey\":\"2020-69-999999\"}",
            "coord.lyon",
            PW);
    assertThat(existing.statusCode()).isEqualTo(403).isEqualTo(unknown.statusCode());
    assertThat(existing.body().replace(n, "X"))
        .isEqualTo(unknown.body().replace("2020-69-999999", "X"));
    HttpResponse<String> delete =
        http.send("DELETE", "/engine-rest/task/" + taskId, "coord.lyon", PW);
    HttpResponse<String> deleteUnknown =
        http.send(
            "DELETE", "/engine-rest/task/aaaaaaaa-0000-0000-0000-000000000000", "coord.lyon", PW);
    assertThat(delete.statusCode()).isEqualTo(403).isEqualTo(deleteUnknown.statusCode());
    assertThat(onlyTask(n, "coord.est").get("id").asText()).isEqualTo(taskId);
  }

  @Test
  void errorsAreFrenchJsonNeverA500NorATomcatPageNorAClassName() throws Exception {
    HttpResponse<String> error = http.getJson("/error");
    assertThat(error.statusCode()).isLessThan(500);
    assertThat(http.get("/error").statusCode()).isLessThan(500);
    HttpResponse<String> engine500 =
        http.postJson(
            "/engine-rest/process-instance/inconnu/variables",
            "{\"modifications\":{\"x\":{\"value\":\"y\",\"type\":\"Inconnu\"}}}",
            "admin",
            PW);
    assertThat(engine500.statusCode()).isLessThan(500);
    assertThat(engine500.body()).doesNotContain("Exception", "org.camunda");
  }

  @Test
  void responsesCarryingPersonalDataAreNotStored() throws Exception {
    String n = newCase("Cachee", "69003", "coord.lyon").get("caseNumber").asText();
    String taskId = onlyTask(n, "coord.lyon").get("id").asText();
    for (HttpResponse<String> response :
        List.of(
            http.get("/api/cases/" + n, "coord.lyon", PW),
            http.get("/api/cases?size=5", "coord.lyon", PW),
            http.get("/engine-rest/task/" + taskId + "/form-variables", "coord.lyon", PW),
            http.get("/engine-rest/task?maxResults=5", "coord.lyon", PW))) {
      assertThat(response.headers().firstValue("Cache-Control").orElse(""))
          .as(response.request().uri().toString())
          .contains("no-store");
    }
    Http pages = new Http(port);
    pages.signIn("coord.lyon", PW);
    assertThat(pages.get("/cases/" + n).headers().firstValue("Cache-Control").orElse(""))
        .contains("no-store");
  }
}
