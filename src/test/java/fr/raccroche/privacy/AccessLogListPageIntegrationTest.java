package fr.raccroche.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access log page (issue 22): paged, sorted by any column, filtered by user, case, dates and
 * kind of access, every parameter kept in the links; bad parameters give a French message.
 */
@RaccrocheIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogListPageIntegrationTest {
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  String caseNumber;

  @BeforeAll
  void reads() throws Exception {
    String body =
        """
        {"lastName":"Journalier","firstName":"Léa","sex":"F","birthDate":"%s",
         "postalCode":"69008","lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(LocalDate.now().minusYears(17).minusDays(3), LocalDate.now().minusMonths(1));
    HttpResponse<String> created =
        new Http(port).postJson("/api/cases", body, "coord.lyon", "demo");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    caseNumber = json.readTree(created.body()).get("caseNumber").asText();
    // Three reads of the page by the coordinator, two of the API by the supervisor.
    Http coordinator = new Http(port);
    coordinator.signIn("coord.lyon", "demo");
    for (int i = 0; i < 3; i++) {
      assertThat(coordinator.get("/cases/" + caseNumber).statusCode()).isEqualTo(200);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(new Http(port).get("/api/cases/" + caseNumber, "superviseur", "demo").statusCode())
          .isEqualTo(200);
    }
  }

  String page(String query) {
    Http http = new Http(port);
    http.signIn("superviseur", "demo");
    HttpResponse<String> page = http.get("/access-log" + query);
    assertThat(page.statusCode()).as(query + "\n" + page.body()).isEqualTo(200);
    return page.body();
  }

  @Test
  void theLogIsFilteredSortedAndPaged() {
    String q = "?caseNumber=" + caseNumber;
    assertThat(page(q)).contains("5 consultations");
    assertThat(page(q + "&userId=coord.lyon")).contains("3 consultations");
    assertThat(page(q + "&surface=CASE_API"))
        .contains("2 consultations")
        .doesNotContain("<td>coord.lyon</td>");
    assertThat(page(q + "&surface=CASE_PAGE&userId=superviseur")).contains("Aucune consultation");
    String today = LocalDate.now().toString();
    assertThat(page(q + "&from=" + today + "&to=" + today)).contains("5 consultations");
    assertThat(page(q + "&to=" + LocalDate.now().minusDays(1))).contains("Aucune consultation");
    // Paged: two per page, the links keep every filter.
    String paged = page(q + "&size=2&page=1");
    assertThat(paged)
        .contains("5 consultations", "page 2 sur 3")
        .contains("href=\"/access-log?caseNumber=" + caseNumber + "&amp;size=2&amp;page=2\"");
    // Sorted by user both ways.
    String asc = page(q + "&sort=userId&dir=asc");
    assertThat(asc.indexOf("<td>coord.lyon</td>"))
        .isPositive()
        .isLessThan(asc.indexOf("<td>superviseur</td>"));
    assertThat(asc)
        .contains("aria-sort=\"ascending\"", "Trier par Utilisateur, ordre décroissant")
        .contains(
            "href=\"/access-log?caseNumber=" + caseNumber + "&amp;sort=userId&amp;dir=desc\"");
    String desc = page(q + "&sort=userId&dir=desc");
    assertThat(desc.indexOf("<td>superviseur</td>"))
        .isPositive()
        .isLessThan(desc.indexOf("<td>coord.lyon</td>"));
    // By kind of access: "API dossiers" before "Page du dossier".
    String bySurface = page(q + "&sort=surface&dir=asc");
    assertThat(bySurface.indexOf("<td>API dossiers</td>"))
        .isPositive()
        .isLessThan(bySurface.indexOf("<td>Page du dossier</td>"));
    assertThat(page(q))
        .contains("Réinitialiser les filtres", "<label class=\"fr-label\" for=\"surface\">");
  }

  @Test
  void badParametersGiveAFrenchMessage() {
    assertThat(page("?page=-1")).contains("Numéro de page invalide");
    assertThat(page("?size=100000")).contains("Au plus 100 lignes par page");
    assertThat(page("?sort=password")).contains("Tri inconnu");
    assertThat(page("?sort=userId;drop")).contains("Tri inconnu");
    assertThat(page("?surface=BOGUS")).contains("Type d&#39;accès inconnu");
    assertThat(page("?from=2026-12-31&to=2026-01-01"))
        .contains("La date de fin doit être postérieure ou égale à la date de début.");
  }
}
