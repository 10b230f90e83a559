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

  // ---- Medium: output is inert (R5)

  /**
   * What form-js's Markdown could read as markup once every backslash-escaped character is gone.
   */
  static void assertInertInMarkdown(String value) {
    String unescaped = value.replaceAll("\\\\.", "");
    assertThat(unescaped)
        .as("Markdown syntax left unescaped in « " + value + " »")
        .doesNotContain("<", ">", "[", "]", "(", ")", "://", "www.");
  }

  /** Every text of a JSON answer, those of a serialised JSON value (an Object variable) too. */
  void collectTexts(JsonNode node, List<String> texts) throws Exception {
    if (node.isTextual() && node.asText().startsWith("{")) {
      collectTexts(json.readTree(node.asText()), texts);
      return;
    }
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    for (JsonNode child : node) {
      collectTexts(child, texts);
    }
  }

  @Test
  void youngPersonFieldsReachTheFormsMarkdownAsTextNeverAsAnElementOrALink() throws Exception {
    String img = "<img src=x onerror=alert(1)>";
    String link = "[Mettre à jour le dossier](https://exemple.invalid)";
    String request =
        """
        {"lastName":"Balise","firstName":%s,"sex":"F","birthDate":"%s",
         "address":%s,"postalCode":"69003","phone":"06 11 22 33 44",
         "legalGuardian":%s,"leavingReason":%s,"lastTraining":%s,
         "lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(
                quote(link),
                LocalDate.now().minusYears(17).minusDays(40),
                quote(img + " " + link),
                quote(link),
                quote(img),
                quote(link + " " + img),
                LocalDate.now().minusMonths(1));
    HttpResponse<String> created = http.postJson("/api/cases", request, "coord.lyon", PW);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String n = body(created).get("caseNumber").asText();
    // The record keeps what was typed: it reads the same to a person.
    assertThat(body(http.get("/api/cases/" + n, "coord.lyon", PW)).toString())
        .contains("<img src=x onerror=alert(1)>", "[Mettre à jour le dossier]");

    String taskId = onlyTask(n, "coord.lyon").get("id").asText();
    // The task's form renders these variables in its Markdown text components.
    HttpResponse<String> form =
        http.get("/engine-rest/task/" + taskId + "/deployed-form", "coord.lyon", PW);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    StringBuilder markdown = new StringBuilder();
    body(form)
        .findParents("type")
        .forEach(
            c -> {
              if (c.get("type").asText().equals("text")) {
                markdown.append(c.path("text").asText());
              }
            });
    assertThat(markdown.toString())
        .contains(
            "displayName",
            "youngPerson.address",
            "youngPerson.legalGuardian",
            "youngPerson.leavingReason",
            "youngPerson.lastTraining");

    // What Tasklist reads to fill the form, deserialised or not.
    for (String query : List.of("", "?deserializeValues=false")) {
      HttpResponse<String> read =
          http.get("/engine-rest/task/" + taskId + "/form-variables" + query, "coord.lyon", PW);
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      JsonNode variables = body(read);
      JsonNode person = variables.get("youngPerson").get("value");
      if (person.isTextual()) {
        person = json.readTree(person.asText());
      }
      String displayName = variables.get("displayName").get("value").asText();
      assertThat(displayName)
          .contains("\\[Mettre à jour le dossier\\]\\(https\\://exemple.invalid\\)");
      assertInertInMarkdown(displayName);
      assertThat(person.get("address").asText())
          .startsWith("\\<img src=x onerror=alert\\(1\\)\\> \\[Mettre à jour le dossier\\]");
      assertThat(person.get("leavingReason").asText())
          .isEqualTo("\\<img src=x onerror=alert\\(1\\)\\>");
      assertThat(person.get("legalGuardian").asText())
          .isEqualTo("\\[Mettre à jour le dossier\\]\\(https\\://exemple.invalid\\)");
      for (String field : List.of("address", "legalGuardian", "leavingReason", "lastTraining")) {
        assertInertInMarkdown(person.get(field).asText());
      }
      // No variable of the form, of any name, carries live markup.
      List<String> texts = new ArrayList<>();
      collectTexts(variables, texts);
      for (String text : texts) {
        assertThat(text.replaceAll("\\\\.", "")).doesNotContain("<img", "](", "://exemple");
      }
    }
  }

  /** The cells of a CSV line as a spreadsheet reads them (";" separated, '"' quoted). */
  static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  @Test
  void theIndicatorsCsvForThePrefectureKeepsFreeTextLeavingReasonsAsText() throws Exception {
    List<String> reasons =
        List.of(
            "=HYPERLINK(\"https://exemple.invalid\";\"Cliquez\")", "-2+3", "+1+1", "@SUM(A1:A9)");
    String[] firstNames = {"Hyper", "Moins", "Plus", "Arobase"};
    for (int i = 0; i < reasons.size(); i++) {
      String request =
          caseJson("Formule", "69003", "1 rue")
              .replace("\"firstName\":\"Test\"", "\"firstName\":\"" + firstNames[i] + "\"")
              .replace(
                  "\"lastLevel\"", "\"leavingReason\":" + quote(reasons.get(i)) + ",\"lastLevel\"");
      HttpResponse<String> created = http.postJson("/api/cases", request, "coord.lyon", PW);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    LocalDate today = LocalDate.now();
    String export =
        "/api/indicators/export?format=csv&schoolYear="
            + fr.raccroche.indicators.SchoolYear.of(today)
            + "&quarter="
            + fr.raccroche.indicators.Quarter.of(today);
    String csv = "";
    for (int tries = 0; tries < 50 && !csv.contains("SUM(A1:A9)"); tries++) {
      if (tries > 0) {
        Thread.sleep(200);
      }
      HttpResponse<String> response = http.get(export, "prefecture", PW);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("text/csv");
      csv = response.body();
    }
    List<List<String>> rows = new ArrayList<>();
    for (String line : csv.replace("\uFEFF", "").split("\r\n")) {
      rows.add(csvCells(line));
    }
    // Each reason is a row label (and its code), written as text: a leading apostrophe.
    for (String reason : reasons) {
      assertThat(rows)
          .as(reason)
          .anySatisfy(
              row ->
                  assertThat(row.size() >= 2 ? row.subList(0, 2) : row)
                      .containsExactly("'" + reason, "'" + reason));
    }
    assertThat(csv).contains("\"'=HYPERLINK(\"\"https://exemple.invalid\"\";\"\"Cliquez\"\")\";");
    // No cell of the whole file starts a formula, but the numbers the application writes.
    for (List<String> row : rows) {
      for (String cell : row) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
          assertThat(cell)
              .as(row.toString())
              .matches("-?\\d+(?:[.,]\\d+)?(?: ?(?:%|pts?|points?))?");
        }
      }
    }
  }

  // ---- The engine is not a code runner (R7)

  @Test
  void objectVariablesAreNeverDeserialisedIntoAClassTheCallerNames() throws Exception {
    String pi = newCase("Objet", "69003", "coord.lyon").get("processInstanceId").asText();
    String variable = "/engine-rest/process-instance/" + pi + "/variables/x";
    HttpResponse<String> write =
        http.putJson(
            variable,
            "{\"type\":\"Object\",\"value\":\"\\\"/etc/passwd\\\"\",\"valueInfo\":{"
                + "\"objectTypeName\":\"java.io.File\","
                + "\"serializationDataFormat\":\"application/json\"}}",
            "admin",
            PW);
    try {
      if (write.statusCode() != 204) {
        // Refused when written: a French 4xx, nothing stored.
        assertFrenchProblem(write, write.statusCode());
        assertThat(write.statusCode()).isBetween(400, 499);
        assertThat(http.get(variable + "?deserializeValue=false", "admin", PW).statusCode())
            .isEqualTo(404);
        return;
      }
      // Stored as the caller sent it, but never turned into a java.io.File when read.
      for (String read :
          List.of(
              variable,
              "/engine-rest/process-instance/" + pi + "/variables",
              "/engine-rest/variable-instance?maxResults=100&processInstanceIdIn=" + pi)) {
        HttpResponse<String> response = http.get(read, "admin", PW);
        assertThat(response.statusCode()).as(read).isLessThan(500);
        assertThat(response.body())
            .as(read)
            .doesNotContain("java.io.File\",\"value\":\"/", "Exception", "at org.");
        if (response.statusCode() == 200) {
          JsonNode answer = body(response);
          List<JsonNode> values = new ArrayList<>();
          if (answer.has("value")) {
            values.add(answer);
          } else if (answer.has("x")) {
            values.add(answer.get("x"));
          } else {
            answer.forEach(
                v -> {
                  if ("x".equals(v.path("name").asText())) {
                    values.add(v);
                  }
                });
          }
          for (JsonNode v : values) {
            // A refused deserialisation leaves no value (Camunda reports an error message).
            assertThat(v.path("value").isNull() || v.path("value").isMissingNode())
                .as(read + " " + v)
                .isTrue();
          }
        } else {
          assertFrenchProblem(response, response.statusCode());
        }
      }
      HttpResponse<String> single = http.get(variable, "admin", PW);
      assertThat(single.statusCode()).as(single.body()).isBetween(400, 499);
    } finally {
      http.send("DELETE", variable, "admin", PW);
    }
  }

  HttpResponse<String> postWith(
      String path, String body, String contentType, java.util.Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basicAuth(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + PW).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theEngineTakesNoDeploymentFromTheApiNorACallFromABrowser() throws Exception {
    // An administrator's deployment with an expression that would run Java in the engine.
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
          <bpmn:process id="CodeRunner" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="s"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
            <bpmn:serviceTask id="t" camunda:expression="${''.getClass().forName('java.lang.Runtime').getRuntime()}"/>
            <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
            <bpmn:endEvent id="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    String boundary = "----raccroche" + System.nanoTime();
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + "code-runner\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"code-runner.bpmn\""
            + "\r\nContent-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> deploy =
        postWith(
            "/engine-rest/deployment/create",
            multipart,
            "multipart/form-data; boundary=" + boundary,
            java.util.Map.of("Authorization", basicAuth("admin"), "Accept", "application/json"));
    assertFrenchProblem(deploy, 403, "déploiements par l'API sont désactivés");
    assertThat(
            http.get("/engine-rest/process-definition?maxResults=10&key=CodeRunner", "admin", PW)
                .body())
        .isEqualTo("[]");
    String deployment =
        body(http.get("/engine-rest/deployment?maxResults=1", "admin", PW))
            .get(0)
            .get("id")
            .asText();
    assertFrenchProblem(
        http.postJson("/engine-rest/deployment/" + deployment + "/redeploy", "{}", "admin", PW),
        403,
        "déploiements par l'API sont désactivés");

    // engine-rest is for programs: a browser's request (fetch metadata or an Origin) is refused
    // before its Basic credentials are even read, and no 401 asks a browser for them.
    String n = newCase("Navigateur", "69003", "coord.lyon").get("caseNumber").asText();
    String taskId = onlyTask(n, "coord.lyon").get("id").asText();
    for (java.util.Map<String, String> browser :
        List.of(
            java.util.Map.of("Origin", "https://exemple.invalid"),
            java.util.Map.of("Sec-Fetch-Mode", "cors", "Sec-Fetch-Site", "cross-site"),
            java.util.Map.of("Sec-Fetch-Mode", "no-cors"))) {
      java.util.Map<String, String> headers = new java.util.HashMap<>(browser);
      headers.put("Authorization", basicAuth("coord.lyon"));
      headers.put("Accept", "application/json");
      HttpResponse<String> claim =
          postWith(
              "/engine-rest/task/" + taskId + "/claim",
              "{\"userId\":\"coord.lyon\"}",
              "application/json",
              headers);
      assertFrenchProblem(claim, 403, "réservé aux programmes");
      HttpResponse<String> read =
          http.get("/engine-rest/task/" + taskId + "/form-variables", "coord.lyon", PW, browser);
      assertThat(read.statusCode()).as(browser.toString()).isEqualTo(403);
      assertThat(read.body()).doesNotContain("Navigateur", "NAVIGATEUR");
    }
    assertThat(onlyTask(n, "coord.lyon").get("assignee").isNull()).isTrue();
    // (Without credentials: a wrong password would slow the user's next sign-in, S18.)
    HttpResponse<String> wrong = http.getJson("/engine-rest/task?maxResults=1");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();

    // A signed-in session (the app's cookie) opens no door to engine-rest.
    Http pages = new Http(port);
    pages.signIn("coord.lyon", PW);
    assertThat(pages.get("/cases/" + n).statusCode()).isEqualTo(200);
    HttpResponse<String> withCookie = pages.getJson("/engine-rest/task?maxResults=100");
    assertThat(withCookie.statusCode()).isEqualTo(401);
    assertThat(withCookie.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(withCookie.body()).doesNotContain(n);
    // The web apps' engine API takes the session, but not without its CSRF token.
    Http tasklist = new Http(port);
    assertThat(tasklist.camundaLogin("tasklist", "coord.lyon", PW)).isEqualTo(200);
    HttpResponse<String> forged =
        tasklist.postForm(
            "/camunda/api/engine/engine/default/task/" + taskId + "/claim",
            java.util.Map.of("userId", "coord.lyon"));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(onlyTask(n, "coord.lyon").get("assignee").isNull()).isTrue();
  }

  // ---- Low: a stranger cannot lock an account (R7)

  @Autowired org.camunda.bpm.engine.IdentityService identity;

  static boolean signedIn(HttpResponse<String> login) {
    String location = login.headers().firstValue("Location").orElse("");
    return !location.isEmpty() && !location.contains("error");
  }

  @Test
  void tenWrongPasswordsFromAStrangerDelayButNeverLockTheAdministrator() throws Exception {
    // The engine's clock (the throttle's) is set back an hour, so that each wrong password comes
    // after the previous delay ended and counts, without the test waiting ten minutes.
    java.time.Instant start = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
    java.time.Instant last = start;
    try {
      for (int i = 0; i < 10; i++) {
        last = start.plusSeconds(61L * i);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(last));
        assertThat(signedIn(new Http(port).signIn("admin", "mauvais" + i)))
            .as("try " + i)
            .isFalse();
      }
      var admin =
          (org.camunda.bpm.engine.impl.persistence.entity.UserEntity)
              identity.createUserQuery().userId("admin").singleResult();
      assertThat(admin.getAttempts()).as("each wrong password counted").isEqualTo(10);
      // Throttled: even the right password waits for the delay, at most 60 s (S18)...
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
          java.util.Date.from(last.plusSeconds(30)));
      assertThat(signedIn(new Http(port).signIn("admin", PW))).isFalse();
      assertThat(http.get("/api/cases?size=1", "admin", PW).statusCode()).isEqualTo(401);
      // ... while the others sign in as usual.
      assertThat(signedIn(new Http(port).signIn("coord.nord", PW))).isTrue();
      // Once it has passed, the administrator signs in: no permanent lock.
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
          java.util.Date.from(last.plusSeconds(61)));
      assertThat(signedIn(new Http(port).signIn("admin", PW))).isTrue();
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      assertThat(http.get("/api/cases?size=1", "admin", PW).statusCode()).isEqualTo(200);
      assertThat(http.get("/engine-rest/user/admin/profile", "admin", PW).statusCode())
          .isEqualTo(200);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      identity.unlockUser("admin");
    }
  }
}
