package fr.raccroche.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case page tells the story of a young person (issue 23, point 3): every contact attempt with
 * its notes and the message sent, the needs and project, prior learning, the orientation with the
 * names of the offer and the partner, the partner's answer, the follow-ups, in date order, and the
 * next step the engine has scheduled; names instead of codes; the age of the forms.
 */
@RaccrocheIntegrationTest
class CasePageStoryIntegrationTest {
  static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Letters of this run, so that a database kept between runs holds a new young person. */
  static final String RUN =
      new java.util.Random()
          .ints(5, 'a', 'z' + 1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  @LocalServerPort int port;
  @Autowired ManagementService management;
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

  void complete(String caseNumber, String user, String taskKey, String variables) throws Exception {
    JsonNode tasks =
        ok(
            http.get(
                "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + caseNumber,
                user,
                "demo"),
            200);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(taskKey);
    ok(
        http.postJson(
            "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
            "{\"variables\":" + variables + "}",
            user,
            "demo"),
        204);
  }

  String page(Http signedIn, String caseNumber) {
    HttpResponse<String> page = signedIn.get("/cases/" + caseNumber);
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  @Test
  void theCasePageTellsEveryStepInDateOrderWithNamesAndTheNextStep() throws Exception {
    LocalDate birth = LocalDate.now().minusYears(19).minusDays(10);
    String body =
        """
        {"lastName":"Racontee%s","firstName":"Lina","sex":"F","birthDate":"%s",
         "postalCode":"69008","communeName":"Lyon","phone":"06 12 34 56 78",
         "lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(RUN, birth, LocalDate.now().minusMonths(1));
    JsonNode created = ok(http.postJson("/api/cases", body, "coord.lyon", "demo"), 201);
    String n = created.get("caseNumber").asText();
    String pi = created.get("processInstanceId").asText();
    Http coordinator = new Http(port);
    coordinator.signIn("coord.lyon", "demo");

    // A signalement: no list, said so; names, not codes; the age of the forms.
    String first = page(coordinator, n);
    assertThat(first)
        .contains(
            "Aucune liste : jeune signalé directement.",
            "périmètre <span>Lyon</span>",
            "19 ans au repérage",
            "coordination Lyon")
        .doesNotContain("coord-LYON");

    // An unsuccessful attempt with notes: the story says it, and when the next one comes.
    complete(
        n,
        "coord.lyon",
        "Task_ContactYoungPerson",
        "{\"contactOutcome\":{\"value\":\"NOT_REACHED\"},\"contactNotes\":{\"value\":\"Messagerie pleine.\"}}");
    Job retry =
        management
            .createJobQuery()
            .processInstanceId(pi)
            .activityId("Timer_NextContactAttempt")
            .singleResult();
    String retryOn =
        retry.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().format(FRENCH);
    String waiting = page(coordinator, n);
    assertThat(waiting)
        .contains(
            "Tentative de contact — jeune non joint",
            "Notes : Messagerie pleine",
            "Canal : non précisé",
            "Nouvelle tentative de contact le " + retryOn)
        .doesNotContain("Aucune étape programmée");
    management.executeJob(retry.getId());

    long offer =
        ok(
                http.postJson(
                    "/api/offers",
                    """
                    {"partnerCode": "ML-LYON", "name": "Atelier récit apprentissage %s",
                     "needs": ["APPRENTICESHIP"], "perimeterCodes": ["LYON"]}
                    """
                        .formatted(RUN),
                    "coord.lyon",
                    "demo"),
                201)
            .get("id")
            .asLong();
    String today = LocalDate.now().toString();
    complete(
        n,
        "coord.lyon",
        "Task_ContactYoungPerson",
        "{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
            + today
            + "\"},\"contactNotes\":{\"value\":\"Rendez-vous pris.\"}}");
    complete(
        n,
        "coord.lyon",
        "Task_AnalyseNeeds",
        "{\"primaryNeed\":{\"value\":\"APPRENTICESHIP\"},\"otherNeeds\":{\"value\":\"[\\\"HOUSING\\\",\\\"MOBILITY\\\"]\"},"
            + "\"projectDescription\":{\"value\":\"CAP boulangerie\"},\"constraints\":{\"value\":\"Pas de permis\"}}");
    complete(
        n,
        "coord.lyon",
        "Task_RecognisePriorLearning",
        "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"},\"priorLearningWorkExperience\":{\"value\":\"Stage en boulangerie\"},"
            + "\"priorLearningVaeEligible\":{\"value\":true}}");
    complete(
        n,
        "coord.lyon",
        "Task_OrientToReferent",
        "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"},\"chosenOfferId\":{\"value\":\""
            + offer
            + "\"},\"orientationNotes\":{\"value\":\"Motivée, disponible le matin.\"}}");
    complete(
        n,
        "referent.ml-lyon",
        "Task_AcceptOrientation",
        "{\"orientationAccepted\":{\"value\":true}}");
    complete(
        n,
        "referent.ml-lyon",
        "Task_FollowUp",
        "{\"situation\":{\"value\":\"IN_SOLUTION\"},\"solutionType\":{\"value\":\"APPRENTICESHIP\"},\"solutionStartDate\":{\"value\":\""
            + today
            + "\"},\"followUpNotes\":{\"value\":\"Contrat signé.\"}}");

    String story = page(coordinator, n);
    assertThat(story)
        .contains(
            "Notes : Rendez-vous pris",
            "Besoin principal : Apprentissage",
            "Autres besoins : Logement, Mobilité",
            "Projet : CAP boulangerie",
            "Contraintes : Pas de permis",
            "Reconnaissance des acquis",
            "Niveau le plus élevé atteint : Lycée (bac non obtenu)",
            "Expérience professionnelle : Stage en boulangerie",
            "Éligible à la VAE",
            "Orientation vers Mission locale de Lyon",
            "Offre choisie : Atelier récit apprentissage " + RUN + " — Mission locale de Lyon",
            "Message au référent : Motivée, disponible le matin",
            "Orientation acceptée par Mission locale de Lyon",
            "Point de suivi — En solution",
            "Solution : Apprentissage, depuis le " + LocalDate.now().format(FRENCH),
            "Notes : Contrat signé",
            "référent : Mission locale de Lyon",
            "Référent : Mission locale de Lyon")
        .doesNotContain("ML-LYON)", "partner-ML-LYON", "coord-LYON", "APPRENTICESHIP");
    // In date order: the detection, the attempts, the analysis, …, the follow-up; each task with
    // when it was created and who completed it (the professional's name, not their login).
    String on = LocalDate.now().format(FRENCH);
    assertThat(story)
        .containsSubsequence(
            "Repéré",
            "Tentative de contact — jeune non joint",
            "Tâche « Contacter le jeune » créée le "
                + on
                + ", terminée le "
                + on
                + " par Claire Coordonnatrice Lyon",
            "Tentative de contact — jeune joint",
            "Analyse des besoins",
            "Reconnaissance des acquis",
            "Orientation vers Mission locale de Lyon",
            "Orientation acceptée par Mission locale de Lyon",
            "par Romain Référent ML Lyon",
            "Point de suivi — En solution",
            "par Romain Référent ML Lyon");
    // The referent and the offer chosen, at the top of the page.
    assertThat(story)
        .containsPattern(
            "id=\"referent-name\">Mission locale de Lyon</dd>[\\s\\S]*id=\"chosen-offer\">"
                + "Atelier récit apprentissage "
                + RUN
                + " — Mission locale de Lyon</dd>");
    // The next step: the one-year check, from the engine's timer.
    Job oneYear =
        management
            .createJobQuery()
            .processInstanceId(pi)
            .activityId("Timer_OneYearCheck")
            .singleResult();
    assertThat(story)
        .contains(
            "Bilan à un an le "
                + oneYear
                    .getDuedate()
                    .toInstant()
                    .atZone(ZoneId.systemDefault())
                    .toLocalDate()
                    .format(FRENCH));

    // The partner sees the story too; another perimeter's coordinator does not see the case.
    Http partner = new Http(port);
    partner.signIn("referent.ml-lyon", "demo");
    assertThat(page(partner, n)).contains("Besoin principal : Apprentissage");
    Http est = new Http(port);
    est.signIn("coord.est", "demo");
    assertThat(est.get("/cases/" + n).statusCode()).isEqualTo(404);
  }

  @Test
  void aCaseFromAListDoesNotSayItWasSignalledDirectly() throws Exception {
    JsonNode cases = ok(http.get("/api/cases?size=200", "coord.lyon", "demo"), 200);
    String listed = null;
    for (JsonNode c : cases.get("content")) {
      JsonNode view =
          ok(http.get("/api/cases/" + c.get("caseNumber").asText(), "coord.lyon", "demo"), 200);
      if ("IMPORT".equals(view.get("origin").asText())) {
        listed = c.get("caseNumber").asText();
        break;
      }
    }
    assertThat(listed).as("a demo case from a list").isNotNull();
    Http coordinator = new Http(port);
    coordinator.signIn("coord.lyon", "demo");
    assertThat(page(coordinator, listed))
        .doesNotContain("jeune signalé directement")
        .contains("Listes de repérage");
  }
}
