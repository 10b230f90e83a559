package fr.raccroche.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case list (issue 22): paged on the server, sorted by any column both ways, filtered by
 * status, perimeter, referent, overdue and days without activity, every parameter kept in the
 * links; within the person's scope only; bad parameters give a French message, never an error.
 */
@RaccrocheIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListPageIntegrationTest {
  /** Letters of this run: the search "q=RUN" shows this test's young people only. */
  static final String RUN =
      new java.util.Random()
          .ints(6, 'a', 'z' + 1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  static final int LYON = 23;
  static final Pattern CASE_LINK = Pattern.compile("href=\"/cases/(\\d{4}-69-\\d{6})\"");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  /** The LYON cases in the order they were signalled: i-th detected i days ago. */
  final List<String> lyon = new ArrayList<>();

  final List<String> est = new ArrayList<>();
  String lateTask;

  JsonNode signal(String lastName, String firstName, String postalCode, String user)
      throws Exception {
    String body =
        """
        {"lastName":"%s","firstName":"%s","sex":"M","birthDate":"%s",
         "postalCode":"%s","lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(
                lastName,
                firstName,
                LocalDate.now().minusYears(18).minusDays(40),
                postalCode,
                LocalDate.now().minusMonths(1));
    HttpResponse<String> response = new Http(port).postJson("/api/cases", body, user, "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body());
  }

  @BeforeAll
  void cases() throws Exception {
    for (int i = 0; i < LYON; i++) {
      // Last names in the order of i, first names the other way round.
      JsonNode c =
          signal(
              "Liste" + (char) ('a' + i) + RUN,
              "Zo" + (char) ('z' - i) + "e",
              "69008",
              "coord.lyon");
      String n = c.get("caseNumber").asText();
      lyon.add(n);
      jdbc.update(
          "update support_case set detected_on = ? where case_number = ?",
          java.sql.Date.valueOf(LocalDate.now().minusDays(i)),
          n);
      if (i == 4) {
        Task contact =
            tasks
                .createTaskQuery()
                .processInstanceId(c.get("processInstanceId").asText())
                .singleResult();
        contact.setDueDate(
            Date.from(
                LocalDate.now().minusDays(3).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        tasks.saveTask(contact);
      }
    }
    jdbc.update(
        "update support_case set status = 'IN_SOLUTION' where case_number = ?", lyon.get(2));
    jdbc.update(
        "update support_case set referent_partner_code = 'ML-LYON' where case_number = ?",
        lyon.get(3));
    for (int i = 0; i < 2; i++) {
      est.add(
          signal("Estliste" + (char) ('a' + i) + RUN, "Yann", "69100", "coord.est")
              .get("caseNumber")
              .asText());
    }
  }

  String page(String user, String query) {
    Http http = new Http(port);
    http.signIn(user, "demo");
    HttpResponse<String> page = http.get("/cases" + query);
    assertThat(page.statusCode()).as(query + "\n" + page.body()).isEqualTo(200);
    return page.body();
  }

  static List<String> numbers(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = CASE_LINK.matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  static List<String> reversed(List<String> list) {
    List<String> r = new ArrayList<>(list);
    Collections.reverse(r);
    return r;
  }

  @Test
  void theListIsPagedOnTheServerWithItsCounts() {
    String first = page("coord.lyon", "?q=" + RUN);
    assertThat(first).contains("23 dossiers", "page 1 sur 2");
    // Most recent detection first: the first twenty signalled.
    assertThat(numbers(first)).isEqualTo(lyon.subList(0, 20));
    assertThat(first)
        .contains("class=\"fr-pagination\"", "href=\"/cases?q=" + RUN + "&amp;page=1\"");
    String second = page("coord.lyon", "?q=" + RUN + "&page=1");
    assertThat(second).contains("23 dossiers", "page 2 sur 2");
    assertThat(numbers(second)).isEqualTo(lyon.subList(20, 23));
    // A smaller page size is carried by the links.
    String small = page("coord.lyon", "?q=" + RUN + "&size=10&page=2");
    assertThat(small).contains("page 3 sur 3");
    assertThat(numbers(small)).isEqualTo(lyon.subList(20, 23));
    assertThat(small).contains("href=\"/cases?q=" + RUN + "&amp;size=10&amp;page=1\"");
  }

  @Test
  void theListSortsByEachColumnBothWays() {
    String base = "?q=" + RUN + "&size=100";
    assertThat(numbers(page("coord.lyon", base + "&sort=lastName&dir=asc"))).isEqualTo(lyon);
    assertThat(numbers(page("coord.lyon", base + "&sort=lastName&dir=desc")))
        .isEqualTo(reversed(lyon));
    assertThat(numbers(page("coord.lyon", base + "&sort=firstName&dir=asc")))
        .isEqualTo(reversed(lyon));
    assertThat(numbers(page("coord.lyon", base + "&sort=firstName&dir=desc"))).isEqualTo(lyon);
    assertThat(numbers(page("coord.lyon", base + "&sort=caseNumber&dir=asc"))).isEqualTo(lyon);
    assertThat(numbers(page("coord.lyon", base + "&sort=caseNumber&dir=desc")))
        .isEqualTo(reversed(lyon));
    assertThat(numbers(page("coord.lyon", base + "&sort=detectedOn&dir=asc")))
        .isEqualTo(reversed(lyon));
    // By status: the pathway's order (À contacter before En solution), both ways.
    List<String> byStatus = numbers(page("coord.lyon", base + "&sort=status&dir=asc"));
    assertThat(byStatus.get(byStatus.size() - 1)).isEqualTo(lyon.get(2));
    assertThat(numbers(page("coord.lyon", base + "&sort=status&dir=desc")).get(0))
        .isEqualTo(lyon.get(2));
    // By referent: the only one with a referent first, cases without one after, both ways.
    assertThat(numbers(page("coord.lyon", base + "&sort=referent&dir=asc")).get(0))
        .isEqualTo(lyon.get(3));
    assertThat(numbers(page("coord.lyon", base + "&sort=referent&dir=desc")).get(0))
        .isEqualTo(lyon.get(3));

    // The header: aria-sort on the sorted column, a link that turns it round, named for a
    // screen reader; other columns sort ascending first. Links keep the filters.
    String html = page("coord.lyon", "?q=" + RUN + "&sort=lastName&dir=asc");
    assertThat(html)
        .contains("aria-sort=\"ascending\"")
        .contains("href=\"/cases?q=" + RUN + "&amp;sort=lastName&amp;dir=desc\"")
        .contains("Trier par Nom, ordre décroissant")
        .contains("Trier par Prénom, ordre croissant")
        .contains("<th scope=\"col\"");
    assertThat(html.split("aria-sort=").length).isEqualTo(2);
    assertThat(page("coord.lyon", "?q=" + RUN)).contains("aria-sort=\"descending\"");
  }

  @Test
  void eachFilterNarrowsTheListAndTheLinksCarryThem() {
    assertThat(numbers(page("coord.lyon", "?q=" + RUN + "&status=IN_SOLUTION")))
        .containsExactly(lyon.get(2));
    assertThat(numbers(page("coord.lyon", "?q=" + RUN + "&referent=ML-LYON")))
        .containsExactly(lyon.get(3));
    assertThat(numbers(page("coord.lyon", "?q=" + RUN + "&overdue=1")))
        .containsExactly(lyon.get(4));
    // Nothing done for ten days: those detected ten days ago or more.
    String silent = page("coord.lyon", "?q=" + RUN + "&days=10&size=100");
    assertThat(numbers(silent)).containsExactlyInAnyOrderElementsOf(lyon.subList(10, LYON));
    assertThat(silent).contains("13 dossiers");
    String supervisor = page("superviseur", "?q=" + RUN + "&perimeter=EST");
    assertThat(numbers(supervisor)).containsExactlyInAnyOrderElementsOf(est);
    assertThat(page("superviseur", "?q=" + RUN)).contains("25 dossiers");

    // Every parameter is in the links (sort headers, pages) and in the form.
    String html = page("coord.lyon", "?q=" + RUN + "&days=5&size=5&sort=firstName&dir=asc");
    assertThat(html)
        .contains(
            "href=\"/cases?q="
                + RUN
                + "&amp;days=5&amp;sort=firstName&amp;dir=asc&amp;size=5&amp;page=1\"")
        .contains(
            "href=\"/cases?q=" + RUN + "&amp;days=5&amp;sort=firstName&amp;dir=desc&amp;size=5\"")
        .contains("name=\"days\" type=\"number\" min=\"1\" max=\"365\" value=\"5\"")
        .contains("type=\"hidden\" name=\"sort\" value=\"firstName\"")
        .contains("Réinitialiser les filtres", "href=\"/cases\"");
    // The URL reopens the same view.
    assertThat(
            numbers(
                page("coord.lyon", "?q=" + RUN + "&days=5&sort=firstName&dir=asc&size=5&page=1")))
        .isEqualTo(reversed(lyon.subList(5, LYON)).subList(5, 10));
  }

  @Test
  void filtersNeverWidenTheScope() {
    // A coordinator of LYON asking for EST: a French message, nothing of EST.
    String foreign = page("coord.lyon", "?q=" + RUN + "&perimeter=EST");
    assertThat(foreign)
        .contains("hors de votre champ", "Aucun dossier")
        .doesNotContain("Estliste", est.get(0), est.get(1));
    assertThat(numbers(page("coord.lyon", "?q=" + RUN + "&size=100"))).isEqualTo(lyon);
    assertThat(page("coord.est", "?q=" + RUN)).contains("2 dossiers").doesNotContain("Listea");
    // A partner's caseworker: the case oriented to the partner, nothing else even by perimeter.
    assertThat(numbers(page("referent.ml-lyon", "?q=" + RUN))).containsExactly(lyon.get(3));
    assertThat(numbers(page("referent.ml-lyon", "?q=" + RUN + "&perimeter=LYON")))
        .containsExactly(lyon.get(3));
    assertThat(page("referent.ml-lyon", "?q=" + RUN + "&referent=ML-EST"))
        .contains("hors de votre champ")
        .doesNotContain(lyon.get(3));
    // The prefecture still sees no case.
    Http prefecture = new Http(port);
    prefecture.signIn("prefecture", "demo");
    assertThat(prefecture.get("/cases?perimeter=LYON").statusCode()).isEqualTo(403);
  }

  @Test
  void badParametersGiveAFrenchMessageNeverAnError() {
    String q = "?q=" + RUN;
    assertThat(page("coord.lyon", q + "&page=-1"))
        .contains("Numéro de page invalide", "23 dossiers");
    assertThat(page("coord.lyon", q + "&page=abc")).contains("Numéro de page illisible");
    assertThat(numbers(page("coord.lyon", q + "&size=100000"))).hasSize(LYON);
    assertThat(page("coord.lyon", q + "&size=100000")).contains("Au plus 100 lignes par page");
    assertThat(page("coord.lyon", q + "&sort=password")).contains("Tri inconnu");
    String injected = page("coord.lyon", q + "&sort=lastName;drop&dir=sideways");
    assertThat(injected).contains("Tri inconnu", "Sens de tri inconnu", "23 dossiers");
    assertThat(numbers(injected)).isEqualTo(lyon.subList(0, 20));
    assertThat(page("coord.lyon", q + "&status=BOGUS")).contains("Statut inconnu", "23 dossiers");
    assertThat(page("coord.lyon", q + "&days=abc")).contains("jours sans activité illisible");
    assertThat(page("coord.lyon", q + "&days=-4")).contains("jours sans activité invalide");
    assertThat(page("coord.lyon", q + "&page=99"))
        .contains("Cette page n&#39;existe pas", "page 2 sur 2");
    assertThat(page("coord.lyon", q + "&referent=%27%3B--")).contains("hors de votre champ");
  }
}
