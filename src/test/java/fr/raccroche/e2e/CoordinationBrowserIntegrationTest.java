package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A coordinator orienting a young person sees the matching offers of the catalogue in Tasklist. */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class CoordinationBrowserIntegrationTest {
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  void complete(Http http, String caseNumber, String variables) throws Exception {
    JsonNode task =
        json.readTree(
                http.get(
                        "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + caseNumber,
                        "coord.lyon",
                        "demo")
                    .body())
            .get(0);
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            "{\"variables\":" + variables + "}",
            "coord.lyon",
            "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  @Test
  void theOrientationFormListsTheMatchingOffersBestFirst(Browsers browsers) throws Exception {
    Http http = new Http(port);
    String body =
        """
        {"lastName":"Formation","firstName":"Léna","sex":"F","birthDate":"%s",
         "postalCode":"69004","communeName":"Lyon","lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(
                LocalDate.now().minusYears(17).minusDays(40), LocalDate.now().minusMonths(1));
    String n =
        json.readTree(http.postJson("/api/cases", body, "coord.lyon", "demo").body())
            .get("caseNumber")
            .asText();
    complete(http, n, "{\"contactOutcome\":{\"value\":\"REACHED\"}}");
    complete(http, n, "{\"primaryNeed\":{\"value\":\"TRAINING\"}}");
    complete(http, n, "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"}}");

    Browser browser = browsers.open();
    Tasklist tasklist = Tasklist.signIn(browser, "coord.lyon");
    tasklist.filter(TasklistBrowserIntegrationTest.MY_PERIMETER);
    tasklist.open("Orienter vers un référent", n);
    tasklist.claim();
    assertFrench(browser.text(), "Offres du catalogue local", "Offre proposée au jeune");
    String best = "Bilan d'orientation — CIO de Lyon (places non limitées, besoin principal)";
    String second =
        "Parcours École de la deuxième chance — École de la deuxième chance de Lyon (5 places, besoin principal)";
    List<String> offers = tasklist.select("Offre proposée au jeune", second);
    assertThat(offers).containsSubsequence(best, second);
    assertThat(offers).noneMatch(o -> o.contains("Prépa-apprentissage") || o.contains("mobilité"));
    browser.screenshot("tasklist-orientation-offers");
    tasklist.select(
        "Structure référente", "École de la deuxième chance de Lyon (École de la deuxième chance)");
    tasklist.complete();
    tasklist.waitForNoTask("Orienter vers un référent", n);
    assertThat(
            json.readTree(http.get("/api/cases/" + n, "coord.lyon", "demo").body())
                .get("status")
                .asText())
        .isEqualTo("ORIENTED");
  }
}
