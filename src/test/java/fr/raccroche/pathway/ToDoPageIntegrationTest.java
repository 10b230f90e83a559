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
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The "À faire" page (issue 23, point 5): a coordinator sees the overdue tasks, the young people
 * waiting between two attempts with the next date, the orientations not answered and the cases
 * where nothing was done for N days — of their perimeter only; a supervisor sees every perimeter.
 */
@RaccrocheIntegrationTest
class ToDoPageIntegrationTest {
  static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Letters of this run, so that a database kept between runs holds new young people. */
  static final String RUN =
      new java.util.Random()
          .ints(5, 'a', 'z' + 1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  static final String UP = RUN.toUpperCase(java.util.Locale.FRENCH);
  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
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

  JsonNode signal(String lastName, String postalCode, String user) throws Exception {
    String body =
        """
        {"lastName":"%s","firstName":"Noé","sex":"M","birthDate":"%s",
         "postalCode":"%s","lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(
                lastName + RUN,
                LocalDate.now().minusYears(18).minusDays(40),
                postalCode,
                LocalDate.now().minusMonths(1));
    return ok(http.postJson("/api/cases", body, user, "demo"), 201);
  }

  Task task(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  void complete(String processInstanceId, String variables, String user) throws Exception {
    ok(
        http.postJson(
            "/engine-rest/task/" + task(processInstanceId).getId() + "/complete",
            "{\"variables\":" + variables + "}",
            user,
            "demo"),
        204);
  }

  String page(String user, String query) {
    Http signedIn = new Http(port);
    signedIn.signIn(user, "demo");
    HttpResponse<String> page = signedIn.get("/todo" + query);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  @Test
  void eachCoordinatorSeesWhatIsToDoInTheirPerimeterAndTheSupervisorEverything() throws Exception {
    // Overdue: a contact task due yesterday.
    JsonNode late = signal("Retardataire", "69008", "coord.lyon");
    Task contact = task(late.get("processInstanceId").asText());
    contact.setDueDate(
        Date.from(LocalDate.now().minusDays(3).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    tasks.saveTask(contact);

    // Waiting: an unsuccessful attempt, the next one in a week.
    JsonNode waiting = signal("Attentiste", "69008", "coord.lyon");
    String waitingPi = waiting.get("processInstanceId").asText();
    complete(waitingPi, "{\"contactOutcome\":{\"value\":\"NOT_REACHED\"}}", "coord.lyon");
    String next =
        management
            .createJobQuery()
            .processInstanceId(waitingPi)
            .activityId("Timer_NextContactAttempt")
            .singleResult()
            .getDuedate()
            .toInstant()
            .atZone(ZoneId.systemDefault())
            .toLocalDate()
            .format(FRENCH);

    // Unanswered: oriented to the Mission locale de Lyon, not answered yet.
    JsonNode oriented = signal("Orientable", "69008", "coord.lyon");
    String orientedPi = oriented.get("processInstanceId").asText();
    complete(
        orientedPi,
        "{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
            + LocalDate.now()
            + "\"}}",
        "coord.lyon");
    complete(orientedPi, "{\"primaryNeed\":{\"value\":\"EMPLOYMENT\"}}", "coord.lyon");
    complete(orientedPi, "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"}}", "coord.lyon");
    complete(orientedPi, "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"}}", "coord.lyon");

    // Silent: detected sixty days ago, nothing done since.
    JsonNode silent = signal("Oublie", "69008", "coord.lyon");
    jdbc.update(
        "update support_case set detected_on = ? where case_number = ?",
        java.sql.Date.valueOf(LocalDate.now().minusDays(60)),
        silent.get("caseNumber").asText());

    // Another perimeter's young person, overdue too.
    JsonNode est = signal("Villeurbannais", "69100", "coord.est");
    Task estContact = task(est.get("processInstanceId").asText());
    estContact.setDueDate(
        Date.from(LocalDate.now().minusDays(2).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    tasks.saveTask(estContact);

    String lyon = page("coord.lyon", "");
    assertThat(lyon)
        .contains(
            "Tâches en retard",
            "Noé RETARDATAIRE" + UP,
            "/camunda/app/tasklist/default/#/?task=" + contact.getId(),
            "en retard de 3 jours",
            "Noé ATTENTISTE" + UP,
            "Nouvelle tentative de contact",
            next,
            "Noé ORIENTABLE" + UP,
            "Orientation vers Mission locale de Lyon",
            "Noé OUBLIE" + UP,
            "Rien de fait depuis 30 jours",
            "/cases/" + silent.get("caseNumber").asText())
        .doesNotContain("VILLEURBANNAIS" + UP, "Est lyonnais");
    // N as a parameter: sixty days ago is not "nothing for ninety days".
    assertThat(page("coord.lyon", "?jours=90"))
        .contains("Rien de fait depuis 90 jours")
        .doesNotContain("Noé OUBLIE" + UP);

    String estPage = page("coord.est", "");
    assertThat(estPage)
        .contains("Noé VILLEURBANNAIS" + UP, "Est lyonnais")
        .doesNotContain("RETARDATAIRE" + UP, "ATTENTISTE" + UP, "ORIENTABLE" + UP, "OUBLIE" + UP);

    // The supervisor sees both perimeters; the partner's task opens the case, not Tasklist.
    String all = page("superviseur", "");
    assertThat(all)
        .contains("Tous les périmètres.", "Noé RETARDATAIRE" + UP, "Noé VILLEURBANNAIS" + UP)
        .contains("/cases/" + oriented.get("caseNumber").asText());

    // A bad N: a French message, the default used.
    assertThat(page("coord.lyon", "?jours=abc"))
        .contains("Le nombre de jours doit être un nombre entier de 1 à 365", "depuis 30 jours");
    assertThat(page("coord.lyon", "?jours=0")).contains("Le nombre de jours doit être");

    // Partners and the prefecture have no such page.
    Http partner = new Http(port);
    partner.signIn("referent.ml-lyon", "demo");
    assertThat(partner.get("/todo").statusCode()).isEqualTo(403);

    // The landing page links to it.
    Http coordinator = new Http(port);
    coordinator.signIn("coord.lyon", "demo");
    assertThat(coordinator.get("/").body()).contains("href=\"/todo\"", "À faire");
  }
}
