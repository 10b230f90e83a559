package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.messages.process.MessageWorker;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.MessageChannels;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator writes to a young person from the case page: prepares the template's text, edits
 * it, sends; the page shows the message queued, then sent; the SMS reaches the provider.
 */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class MessagesBrowserIntegrationTest {
  @LocalServerPort int port;
  @Autowired MessageWorker worker;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCoordinatorSendsAnSmsFromTheCasePage(Browsers browsers) throws Exception {
    // A Wednesday morning: the message goes at once, whatever the time the test runs.
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDateTime.of(2026, 3, 11, 9, 30).atZone(ZoneId.of("Europe/Paris")).toInstant()));
    while (worker.runOnce() > 0) {}
    MessageChannels.SMS.reset();
    Http http = new Http(port);
    String body =
        """
        {"lastName":"Navigateur","firstName":"Yanis","sex":"M","birthDate":"2006-07-08",
         "postalCode":"69007","communeName":"Lyon","phone":"06 01 02 03 04",
         "lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(LocalDate.now().minusMonths(1));
    String n =
        json.readTree(http.postJson("/api/cases", body, "coord.lyon", "demo").body())
            .get("caseNumber")
            .asText();

    Browser browser = browsers.open();
    browser.go("/login");
    browser.signIn("coord.lyon");
    browser.waitForText("Bienvenue sur Raccroche");
    browser.go("/cases/" + n);
    assertFrench(
        browser.waitForText("Écrire au jeune"), "Messages", "Aucun message envoyé", "Modèle");
    new Select(browser.waitFor(By.id("message-template")))
        .selectByVisibleText("Nouvelle tentative de contact");
    browser.click(browser.waitFor(By.id("message-preview")));
    browser.until(
        d -> d.findElement(By.id("message-text")).getAttribute("value").startsWith("Bonjour Yanis"),
        "the template's text in the text area");
    var text = browser.waitFor(By.id("message-text"));
    text.sendKeys(" À bientôt !");
    browser.screenshot("case-message-form");
    browser.click(browser.waitFor(By.id("message-send")));
    assertFrench(
        browser.waitForText("Message en file d'attente"),
        "SMS au jeune : Nouvelle tentative de contact (tentative de contact)",
        "en file d'attente");

    assertThat(worker.runOnce()).isEqualTo(1);
    browser.go("/cases/" + n);
    String page = browser.waitForText("SMS au jeune : Nouvelle tentative de contact");
    assertThat(page).contains("envoyé");
    browser.screenshot("case-message-sent");
    JsonNode sent = json.readTree(MessageChannels.SMS.received().get(0).body());
    assertThat(sent.get("recipient").asText()).isEqualTo("33601020304");
    assertThat(sent.get("content").asText())
        .startsWith("Bonjour Yanis, c'est")
        .endsWith("À bientôt !");
  }
}
