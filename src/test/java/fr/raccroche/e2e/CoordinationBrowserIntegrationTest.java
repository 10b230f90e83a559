package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
    tasklist.waitUntilClaimedOnOpening();
    assertFrench(browser.text(), "Offres du catalogue local");
    String cio = "Bilan d'orientation — CIO de Lyon (places non limitées, besoin principal)";
    String e2c =
        "Parcours École de la deuxième chance — École de la deuxième chance de Lyon (5 places, besoin principal)";
    // The recommended MLDS is preselected; it has no offer for her, and the form says so.
    browser.waitForText("La structure choisie n'a pas d'offre du catalogue");
    assertThat(browser.text()).doesNotContain(cio).doesNotContain(e2c);
    // Only the offers of the structure chosen.
    tasklist.select(
        "Structure référente", "École de la deuxième chance de Lyon (École de la deuxième chance)");
    browser.waitForText(e2c);
    assertThat(browser.text()).doesNotContain(cio);
    assertThat(browser.text()).doesNotContain("Prépa-apprentissage");
    tasklist.choose(e2c);
    browser.screenshot("tasklist-orientation-offers");
    tasklist.complete();
    tasklist.waitForNoTask("Orienter vers un référent", n);
    assertThat(
            json.readTree(http.get("/api/cases/" + n, "coord.lyon", "demo").body())
                .get("status")
                .asText())
        .isEqualTo("ORIENTED");
  }
}
