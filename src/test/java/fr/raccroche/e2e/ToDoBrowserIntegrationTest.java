package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator opens "À faire" from the landing page, finds the young person waiting for a new
 * attempt with its date, and opens the case from the line (issue 23, point 5).
 */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class ToDoBrowserIntegrationTest {
  @LocalServerPort int port;
  @Autowired TaskService tasks;

  @Test
  void aCoordinatorOpensTheToDoPageAndACaseFromIt(Browsers browsers) throws Exception {
    Http http = new Http(port);
    String body =
        """
        {"lastName":"Patiente","firstName":"Sarah","sex":"F","birthDate":"%s",
         "postalCode":"69007","lastLevel":"COLLEGE","leavingDate":"%s"}
        """
            .formatted(
                LocalDate.now().minusYears(17).minusDays(20), LocalDate.now().minusMonths(1));
    HttpResponse<String> created = http.postJson("/api/cases", body, "coord.lyon", "demo");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode c = new ObjectMapper().readTree(created.body());
    String n = c.get("caseNumber").asText();
    String task =
        tasks
            .createTaskQuery()
            .processInstanceId(c.get("processInstanceId").asText())
            .singleResult()
            .getId();
    HttpResponse<String> attempt =
        http.postJson(
            "/engine-rest/task/" + task + "/complete",
            "{\"variables\":{\"contactOutcome\":{\"value\":\"NOT_REACHED\"}}}",
            "coord.lyon",
            "demo");
    assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(204);

    Browser browser = browsers.open();
    browser.go("/");
    browser.signIn("coord.lyon");
    browser.waitForText("Bienvenue sur Raccroche");
    browser.click(browser.waitFor(By.cssSelector("main a[href='/todo']")));
    String page = browser.waitForText("Tâches en retard");
    assertFrench(
        page,
        "À faire",
        "Les jeunes de votre périmètre.",
        "En attente d'une nouvelle tentative de contact",
        "Orientations sans réponse du référent",
        "Rien de fait depuis 30 jours",
        "Sarah PATIENTE",
        "Nouvelle tentative de contact");
    browser.screenshot("todo");

    browser.click(browser.waitFor(By.cssSelector("#waiting a[href='/cases/" + n + "']")));
    String casePage = browser.waitForText("Dossier " + n);
    assertThat(casePage)
        .contains("Tentative de contact — jeune non joint", "Nouvelle tentative de contact le");
  }
}
