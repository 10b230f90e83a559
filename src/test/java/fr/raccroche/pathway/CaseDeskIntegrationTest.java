package fr.raccroche.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.FaultInjection;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case page as the coordinator's desk (issue 22): the lists that named the young person, the
 * open tasks with their Tasklist link, the referent and the offer, the actions of the user's role
 * only; and the signalement form whose errors stand next to their fields.
 */
@RaccrocheIntegrationTest
class CaseDeskIntegrationTest {
  static final String HEADER =
      "ine;nom;prenom;sexe;date_naissance;adresse;code_postal;commune;code_commune;telephone;email;uai;etablissement;formation;niveau;date_entree;date_sortie;motif_sortie;diplome_obtenu;responsable_legal;telephone_responsable";

  /** Letters of this run, so that a database kept between runs holds new young people. */
  static final String RUN = CasePageStoryIntegrationTest.RUN;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;
  String poisoned;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void cure() {
    if (poisoned != null) {
      FaultInjection.cure(poisoned);
    }
  }

  JsonNode ok(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  String newCase(String lastName) throws Exception {
    String body =
        """
        {"lastName":"%s","firstName":"Jade","sex":"F","birthDate":"%s",
         "postalCode":"69003","communeName":"Lyon","phone":"06 12 34 56 78"}
        """
            .formatted(lastName, LocalDate.now().minusYears(18).minusDays(25));
    return ok(http.postJson("/api/cases", body, "coord.lyon", "demo"), 201)
        .get("caseNumber")
        .asText();
  }

  static Http signedIn(int port, String user) {
    Http h = new Http(port);
    h.signIn(user, "demo");
    return h;
  }

  String page(Http signedIn, String caseNumber) {
    HttpResponse<String> page = signedIn.get("/cases/" + caseNumber);
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  static String section(String page, String id) {
    int start = page.indexOf("id=\"" + id + "\"");
    assertThat(start).as("section " + id).isPositive();
    int end = page.indexOf("</section>", start);
    return page.substring(start, end);
  }

  @Test
  void theOpenTasksOpenInTasklistAndTheBreadcrumbLeadsBackToTheCases() throws Exception {
    String n = newCase("Bureau" + RUN);
    JsonNode tasks =
        ok(
            http.get(
                "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + n,
                "coord.lyon",
                "demo"),
            200);
    String taskId = tasks.get(0).get("id").asText();
    String page = page(signedIn(port, "coord.lyon"), n);
    String open = section(page, "open-tasks");
    assertThat(open)
        .contains(
            "<caption>Tâches en cours du dossier</caption>",
            "<th scope=\"col\">Tâche</th>",
            "<th scope=\"row\">Contacter le jeune</th>",
            "coordination Lyon",
            "href=\"/camunda/app/tasklist/default/#/?task=" + taskId + "\"",
            "Ouvrir dans Tasklist");
    // The breadcrumb: home, the cases, this case.
    assertThat(page)
        .contains("class=\"fr-breadcrumb\"", "href=\"/cases\">Dossiers</a>")
        .containsPattern("aria-current=\"page\">" + Pattern.quote(n) + "</a>");
    // The story ends with the task that waits, after the detection.
    assertThat(section(page, "story"))
        .containsSubsequence("Repéré", "Tâche en cours", "En cours : Contacter le jeune");
  }

  @Test
  void theListsThatNamedTheYoungPersonAreListedAndTold() throws Exception {
    String last = "Listee" + RUN;
    String line =
        String.join(
            ";",
            "",
            last,
            "Inès",
            "F",
            LocalDate.now().minusYears(17).minusDays(61).toString(),
            "3 rue des Lilas",
            "69003",
            "",
            "69383",
            "0611223344",
            "",
            "",
            "",
            "CAP cuisine",
            "CAP",
            "",
            "30/06/2026",
            "Abandon",
            "",
            "",
            "");
    for (String source : new String[] {"EN", "CFA"}) {
      ok(
          http.postFile(
              "/api/imports?wait=true&source=" + source + "&kind=LEAVERS",
              "liste-" + source.toLowerCase() + "-" + RUN + ".csv",
              (HEADER + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8),
              "superviseur",
              "demo"),
          200);
    }
    String n =
        jdbc.queryForObject(
            "select c.case_number from support_case c join young_person p on p.id = c.person_id"
                + " where p.last_name = ?",
            String.class,
            last);
    String page = page(signedIn(port, "coord.lyon"), n);
    String sources = section(page, "sources");
    assertThat(sources)
        .contains(
            "<caption>Listes qui ont nommé le jeune",
            "<th scope=\"row\">Éducation nationale</th>",
            "liste-en-" + RUN + ".csv",
            "<th scope=\"row\">CFA</th>",
            "liste-cfa-" + RUN + ".csv")
        .doesNotContain("jeune signalé directement");
    // Each listing is a line of the story, in the order they came.
    assertThat(section(page, "story"))
        .containsSubsequence(
            "Repéré",
            "Listé par Éducation nationale",
            "liste-en-" + RUN + ".csv",
            "Listé par CFA",
            "liste-cfa-" + RUN + ".csv");
  }

  @Test
  void eachRoleSeesTheActionsItMayTakeAndNoOther() throws Exception {
    String n = newCase("Actions" + RUN);
    // The coordinator: write to the young person, record what happened to them.
    String coordinator = section(page(signedIn(port, "coord.lyon"), n), "actions");
    assertThat(coordinator)
        .contains("Écrire au jeune", "id=\"event-form\"", "Enregistrer l'événement")
        .contains("value=\"MOVED_AWAY\"", "value=\"EST\"")
        .doesNotContain("Relancer le démarrage");

    // The supervisor reads: no message, no event.
    String supervisor = section(page(signedIn(port, "superviseur"), n), "actions");
    assertThat(supervisor)
        .doesNotContain("Écrire au jeune", "id=\"event-form\"", "Relancer le démarrage")
        .contains("Votre rôle permet de consulter ce dossier");
    // The prefecture cannot open the case.
    assertThat(signedIn(port, "prefecture").get("/cases/" + n).statusCode()).isEqualTo(403);

    // The event form works for the coordinator, as the API: a refusal closes the case.
    Http coord = signedIn(port, "coord.lyon");
    String token = Http.csrfToken(coord.get("/cases/" + n).body());
    HttpResponse<String> refused =
        coord.postForm(
            "/cases/" + n + "/events", Map.of("type", "SUPPORT_REFUSED", "_csrf", token));
    assertThat(refused.statusCode()).isEqualTo(302);
    String after = coord.get("/cases/" + n).body();
    assertThat(after).contains("Le refus de l&#39;accompagnement est enregistré.", "Clos");
    assertThat(section(after, "actions")).doesNotContain("id=\"event-form\"", "Écrire au jeune");
    assertThat(ok(http.get("/api/cases/" + n, "coord.lyon", "demo"), 200).get("status").asText())
        .isEqualTo("CLOSED");
  }

  @Test
  void aCaseworkerWritesButNeitherRecordsEventsNorRetriesStarts() throws Exception {
    // A case whose pathway cannot start, oriented nowhere yet: the supervisor sees the retry.
    poisoned = "Demarrage" + RUN;
    FaultInjection.poison(poisoned);
    String body =
        """
        {"lastName":"%s","firstName":"Tom","sex":"M","birthDate":"%s",
         "postalCode":"69003","communeName":"Lyon"}
        """
            .formatted(poisoned, LocalDate.now().minusYears(18).minusDays(77));
    HttpResponse<String> created = http.postJson("/api/cases", body, "coord.lyon", "demo");
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    String failed = json.readTree(created.body()).get("caseNumber").asText();
    String supervisor = page(signedIn(port, "superviseur"), failed);
    assertThat(supervisor).contains("Démarrage en échec");
    assertThat(section(supervisor, "actions")).contains("Relancer le démarrage");
    String coordinator = page(signedIn(port, "coord.lyon"), failed);
    assertThat(coordinator).contains("Démarrage en échec");
    assertThat(section(coordinator, "actions")).doesNotContain("Relancer le démarrage");

    // A partner's caseworker on a case of their structure: write, nothing else.
    String n = newCase("Referente" + RUN);
    for (String[] step :
        new String[][] {
          {"coord.lyon", "{\"contactOutcome\":{\"value\":\"REACHED\"}}"},
          {"coord.lyon", "{\"primaryNeed\":{\"value\":\"EMPLOYMENT\"}}"},
          {"coord.lyon", "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"}}"},
          {"coord.lyon", "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"}}"}
        }) {
      JsonNode task =
          ok(
                  http.get(
                      "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + n,
                      step[0],
                      "demo"),
                  200)
              .get(0);
      ok(
          http.postJson(
              "/engine-rest/task/" + task.get("id").asText() + "/complete",
              "{\"variables\":" + step[1] + "}",
              step[0],
              "demo"),
          204);
    }
    Http caseworker = signedIn(port, "referent.ml-lyon");
    String page = page(caseworker, n);
    assertThat(section(page, "referent")).contains("Mission locale de Lyon");
    String actions = section(page, "actions");
    assertThat(actions)
        .contains("Écrire au jeune")
        .doesNotContain("id=\"event-form\"", "Relancer le démarrage");
    String token = Http.csrfToken(page);
    assertThat(
            caseworker
                .postForm(
                    "/cases/" + n + "/events", Map.of("type", "SUPPORT_REFUSED", "_csrf", token))
                .statusCode())
        .isEqualTo(403);
    assertThat(ok(http.get("/api/cases/" + n, "coord.lyon", "demo"), 200).get("status").asText())
        .isEqualTo("ORIENTED");
  }

  @Test
  void aBadSignalementShowsEachErrorNextToItsFieldAndKeepsWhatWasEntered() throws Exception {
    Http coord = signedIn(port, "coord.lyon");
    String form = coord.get("/cases/new").body();
    assertThat(form)
        .contains(
            "Les champs marqués d'un astérisque (*) sont obligatoires.",
            "autocomplete=\"family-name\"",
            "autocomplete=\"given-name\"",
            "autocomplete=\"bday\"",
            "autocomplete=\"tel\"",
            "autocomplete=\"email\"")
        .doesNotContain("fr-input-group--error", "error-summary");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", Http.csrfToken(form));
    fields.put("lastName", "Erronee" + RUN);
    fields.put("firstName", " ");
    fields.put("birthDate", "");
    fields.put("phone", "06 99 88 77 66");
    fields.put("communeName", "Villeurbanne");
    fields.put("sex", "F");
    HttpResponse<String> refused = coord.postForm("/cases/new", fields);
    assertThat(refused.statusCode()).isEqualTo(200);
    String page = refused.body();
    // The summary at the top, each error a link to its field.
    assertThat(page)
        .contains(
            "id=\"error-summary\"",
            "Le formulaire contient 2 erreurs",
            "<a href=\"#firstName\">Le prénom est obligatoire.</a>",
            "<a href=\"#birthDate\">La date de naissance est obligatoire.</a>",
            "<title>Erreur – Signaler un jeune – Raccroche</title>");
    // Each field: in error, described by its error text.
    assertFieldInError(page, "firstName", "Le prénom est obligatoire.");
    assertFieldInError(page, "birthDate", "La date de naissance est obligatoire.");
    assertThat(inputTag(page, "lastName")).doesNotContain("aria-describedby", "fr-input--error");
    // What was entered is kept.
    assertThat(inputTag(page, "lastName")).contains("value=\"Erronee" + RUN + "\"");
    assertThat(inputTag(page, "phone")).contains("value=\"06 99 88 77 66\"");
    assertThat(inputTag(page, "communeName")).contains("value=\"Villeurbanne\"");
    assertThat(inputTag(page, "sex")).contains("checked");

    // A date typed JJ/MM/AAAA that does not exist: refused, kept as typed.
    fields.put("_csrf", Http.csrfToken(page));
    fields.put("firstName", "Mia");
    fields.put("birthDate", "31/02/2008");
    String third = coord.postForm("/cases/new", fields).body();
    assertFieldInError(
        third,
        "birthDate",
        "La date de naissance est invalide : attendu JJ/MM/AAAA, par exemple 23/11/2008.");
    assertThat(inputTag(third, "birthDate")).contains("value=\"31/02/2008\"");
    fields.put("_csrf", Http.csrfToken(third));
    fields.put(
        "birthDate",
        LocalDate.now()
            .minusYears(17)
            .minusDays(3)
            .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    // A rule of the service (an e-mail without "@"): that field, the others kept.
    fields.put("email", "pas-une-adresse");
    String second = coord.postForm("/cases/new", fields).body();
    assertThat(second).contains("Le formulaire contient une erreur");
    assertFieldInError(second, "email", "Adresse électronique invalide.");
    assertThat(inputTag(second, "firstName")).contains("value=\"Mia\"");
    assertThat(second).doesNotContain("<a href=\"#firstName\">");
  }

  /** The input of that id, its group in error and an error text its aria-describedby names. */
  static void assertFieldInError(String page, String id, String message) {
    String input = inputTag(page, id);
    assertThat(input).contains("fr-input--error", "aria-invalid=\"true\"");
    Matcher describedBy = Pattern.compile("aria-describedby=\"([^\"]+)\"").matcher(input);
    assertThat(describedBy.find()).as("aria-describedby on " + id).isTrue();
    String errorId = describedBy.group(1);
    assertThat(page)
        .containsPattern(
            "<p class=\"fr-error-text\" id=\""
                + Pattern.quote(errorId)
                + "\">"
                + Pattern.quote(message)
                + "</p>");
    // The group around the field is in error.
    int at = page.indexOf(input);
    int group = page.lastIndexOf("<div class=\"fr-input-group", at);
    assertThat(page.substring(group, at)).contains("fr-input-group--error");
  }

  static String inputTag(String page, String id) {
    Matcher m =
        Pattern.compile("<input[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
    assertThat(m.find()).as("input " + id).isTrue();
    return m.group();
  }
}
