package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Coordinators and partner caseworkers work demo cases in Tasklist, through the Camunda Forms. */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class TasklistBrowserIntegrationTest {
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  static final String MY_PERIMETER = "Tâches de mon périmètre";
  static final String MY_STRUCTURE = "Tâches de ma structure";

  /**
   * The coordinator's computer is two days ahead: the form takes its "today" as the contact date,
   * the server refuses it with a French message that Tasklist shows, the coordinator enters the
   * real date and the case moves on to the needs analysis.
   */
  @Test
  void aCoordinatorClaimsAContactTaskCorrectsTheDateTheServerRefusedAndCompletesIt(
      Browsers browsers) throws Exception {
    Browser browser = browsers.open();
    browser.shiftClock(Duration.ofDays(2));
    Tasklist tasklist = Tasklist.signIn(browser, "coord.lyon");
    assertFrench(browser.waitForTranslatedText(MY_PERIMETER), "Mes tâches", "En retard");

    tasklist.filter(MY_PERIMETER);
    String caseNumber = tasklist.openUnclaimed("Contacter le jeune");
    tasklist.waitUntilClaimedOnOpening();
    assertFrench(
        browser.text(),
        "Prise de contact avec le jeune",
        "Le jeune",
        "dossier n° " + caseNumber,
        "Résultat de la tentative",
        "Jeune joint",
        "Jeune non joint",
        "Refus de l'accompagnement",
        "Déjà en solution",
        "Enregistrer",
        "Terminer");
    // The young person's details come from the case record, through one JSON variable.
    JsonNode person =
        json.readTree(new Http(port).get("/api/cases/" + caseNumber, "coord.lyon", "demo").body())
            .get("person");
    String birthDate =
        LocalDate.parse(person.get("birthDate").asText())
            .format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    assertFrench(browser.text(), "Date de naissance : " + birthDate);
    if (person.hasNonNull("phone") && !person.get("phone").asText().isBlank()) {
      assertFrench(browser.text(), "Téléphone : " + person.get("phone").asText());
    }
    browser.screenshot("tasklist-form");

    // The form accepts the computer's "today"; the server, two days behind, refuses it.
    LocalDate browserToday = browser.today();
    assertThat(browserToday).isAfter(LocalDate.now());
    tasklist.choose("Jeune joint");
    tasklist.typeDate("Date du premier contact réussi", browserToday);
    tasklist.complete();
    assertThat(tasklist.errorNotification())
        .contains("La date saisie pour la date du contact ne peut pas être dans le futur.");
    browser.screenshot("tasklist-server-refusal");
    tasklist.waitForTask("Contacter le jeune", caseNumber);

    tasklist.closeNotifications();
    tasklist.typeDate("Date du premier contact réussi", LocalDate.now());
    tasklist.complete();
    tasklist.waitForNoTask("Contacter le jeune", caseNumber);
    // "Terminer" opens the next task of the same young person (it may be far down a long list
    // sorted by due date, so it is checked where the coordinator sees it: open, with the case).
    tasklist.waitForOpenTask("Analyser les besoins");
    browser.waitForText(caseNumber);
    browser.screenshot("tasklist-next-task");

    // Tasklist keeps its look but leads back to Raccroche: a link in its header, in the keyboard's
    // order, to the application's home page (still signed in).
    WebElement home = browser.waitFor(By.id("raccroche-home-link"));
    assertThat(home.getText()).isEqualTo("Retour à Raccroche");
    assertThat(home.isDisplayed()).isTrue();
    assertThat(home.getDomProperty("tabIndex")).isEqualTo("0");
    assertThat(home.getDomProperty("href")).endsWith(":" + port + "/");
    browser.click(home);
    browser.waitForText("Bienvenue sur Raccroche");
  }

  /**
   * A coordinator orients a demo case to the recommended partner of its perimeter; the partner's
   * caseworker finds the orientation in their own list, accepts it, and the case page says the
   * young person is taken in charge.
   */
  @Test
  void aPartnerCaseworkerAcceptsTheOrientationACoordinatorJustMade(Browsers browsers) {
    Browser coordinatorBrowser = browsers.open();
    Tasklist coordinator = Tasklist.signIn(coordinatorBrowser, "coord.lyon");
    coordinator.filter(MY_PERIMETER);
    String caseNumber = coordinator.openUnclaimed("Orienter vers un référent");
    coordinator.waitUntilClaimedOnOpening();
    String recommended = "Mission locale de Lyon (Mission locale) — recommandé";
    List<String> partners = coordinator.select("Structure référente", recommended);
    // Only partners serving Lyon, the recommended type first.
    assertThat(partners).first().isEqualTo(recommended);
    assertThat(partners)
        .anyMatch(partner -> partner.startsWith("CIO de Lyon"))
        .noneMatch(partner -> partner.contains("Beaujolais") || partner.contains("Est lyonnais"));
    assertThat(coordinator.selected("Structure référente")).isEqualTo(recommended);
    assertFrench(
        coordinatorBrowser.text(),
        "Orienter vers un référent",
        "Recommandation",
        "Type de structure recommandé : Mission locale",
        "Structure référente",
        "Message pour la structure référente");
    coordinatorBrowser.screenshot("tasklist-orientation");
    coordinator.complete();
    coordinator.waitForNoTask("Orienter vers un référent", caseNumber);

    Browser partnerBrowser = browsers.open();
    Tasklist partner = Tasklist.signIn(partnerBrowser, "referent.ml-lyon");
    partner.filter(MY_STRUCTURE);
    assertThat(partnerBrowser.text()).doesNotContain(MY_PERIMETER);
    partner.open("Accepter l'orientation", caseNumber);
    partner.waitUntilClaimedOnOpening();
    assertFrench(
        partnerBrowser.waitForTranslatedText("Orientation proposée"),
        "Votre réponse",
        "Acceptez-vous d'accompagner ce jeune ?",
        "Oui, nous prenons en charge ce jeune",
        "Non");
    partner.choose("Oui, nous prenons en charge ce jeune");
    partnerBrowser.screenshot("tasklist-acceptance");
    partner.complete();
    partner.waitForNoTask("Accepter l'orientation", caseNumber);

    // The same session as Tasklist: the case page opens without a second sign-in (issue 23),
    // once the acceptance has reached the case record (the page is asked again until then).
    partnerBrowser.until(
        d -> {
          partnerBrowser.go("/cases/" + caseNumber);
          return partnerBrowser.text().contains("Dossier " + caseNumber);
        },
        "the case page of " + caseNumber);
    assertThat(partnerBrowser.url()).doesNotContain("/login");
    assertFrench(partnerBrowser.waitForText("Dossier " + caseNumber), "Pris en charge");
  }
}
