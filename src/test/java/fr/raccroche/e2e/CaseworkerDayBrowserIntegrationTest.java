package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A caseworker's day in Tasklist, on a computer set up in English (the browser's language that made
 * form-js read 04/12/2026 as 12 April): the coordinator from the first attempt to the orientation
 * with an offer in at most 12 clicks after signing in, French dates typed and stored right; the
 * referent accepts and records follow-ups at once, seeing the earlier ones and the prior learning.
 */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class CaseworkerDayBrowserIntegrationTest {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired SupportCaseRepository cases;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  final ObjectMapper json = new ObjectMapper();

  /** A young person who came forward, detected {@code daysAgo} days ago; answers the case. */
  String signal(String firstName, String lastName, int daysAgo) throws Exception {
    String body =
        """
        {"lastName":"%s","firstName":"%s","sex":"F","birthDate":"%s",
         "postalCode":"69004","communeName":"Lyon","lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(
                lastName,
                firstName,
                LocalDate.now().minusYears(19).minusDays(40),
                LocalDate.now().minusDays(daysAgo + 30));
    HttpResponse<String> created =
        new Http(port).postJson("/api/cases", body, "coord.lyon", "demo");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = json.readTree(created.body()).get("caseNumber").asText();
    SupportCaseEntity c = cases.findById(caseNumber).orElseThrow();
    c.setDetectedOn(LocalDate.now().minusDays(daysAgo));
    cases.save(c);
    return caseNumber;
  }

  JsonNode caseView(String caseNumber) throws Exception {
    return json.readTree(
        new Http(port).get("/api/cases/" + caseNumber, "coord.lyon", "demo").body());
  }

  LocalDate milestone(String caseNumber, String milestone) throws Exception {
    for (JsonNode m : caseView(caseNumber).get("milestones")) {
      if (milestone.equals(m.get("milestone").asText())) {
        return LocalDate.parse(m.get("occurredOn").asText());
      }
    }
    throw new AssertionError("no " + milestone + " in " + caseNumber);
  }

  /** A week goes by: the retry timer of the contact attempts fires. */
  void nextAttemptDue(String caseNumber) {
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .singleResult()
            .getId();
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(instance)
            .activityId("Timer_NextContactAttempt")
            .singleResult();
    assertThat(timer).as("the next attempt's timer").isNotNull();
    management.executeJob(timer.getId());
  }

  /**
   * The most recent past date that 'dd/MM' and 'MM/dd' read differently (day 1–12, day ≠ month).
   */
  static LocalDate ambiguousDate() {
    LocalDate d = LocalDate.now();
    while (d.getDayOfMonth() > 12 || d.getDayOfMonth() == d.getMonthValue()) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** The most recent past date that only 'dd/MM' can read (day 13 or later). */
  static LocalDate frenchOnlyDate() {
    LocalDate d = LocalDate.now();
    while (d.getDayOfMonth() < 13) {
      d = d.minusDays(1);
    }
    return d;
  }

  @Test
  void aCoordinatorsDayFromTheFirstAttemptToTheOrientationInTwelveClicks(Browsers browsers)
      throws Exception {
    String caseNumber = signal("Zélie", "Journée", 40);
    LocalDate ambiguous = ambiguousDate();
    LocalDate frenchOnly = frenchOnlyDate();

    Browser browser = browsers.open("en-US");
    Tasklist tasklist = Tasklist.signIn(browser, "coord.lyon");
    int signedIn = browser.clicks();

    // The group's filter opens first, its tasks the earliest due first.
    assertFrench(browser.text(), "Tâches de mon périmètre", "Rechercher un jeune");
    assertThat(browser.url()).contains("dueDate");
    tasklist.searchYoungPerson("journee", "Zélie JOURNÉE"); // 1 (accents and case do not count)

    // A first attempt: nobody answers.
    tasklist.openWhenListed("Contacter le jeune", "Zélie JOURNÉE"); // 2, claimed on opening
    assertFrench(browser.text(), "Né(e) le", "Périmètre");
    tasklist.choose("Jeune non joint"); // 3
    tasklist.complete(); // 4
    tasklist.waitForNoTask("Contacter le jeune", caseNumber);

    // A week later, the next attempt appears in the list (refreshed every 10 s): reached.
    nextAttemptDue(caseNumber);
    tasklist.openWhenListed("Contacter le jeune", "Zélie JOURNÉE"); // 5
    tasklist.choose("Jeune joint"); // 6
    // The date field starts with today, in French, whatever the browser's language.
    org.openqa.selenium.WebElement date = tasklist.dateInput("Date du premier contact réussi");
    assertThat(date.getAttribute("placeholder")).isEqualTo("jj/mm/aaaa");
    assertThat(date.getDomProperty("value")).isEqualTo(LocalDate.now().format(FRENCH));
    // A date only the French order can read is taken as such, without an English error…
    tasklist.typeDateText("Date du premier contact réussi", frenchOnly.format(FRENCH));
    assertThat(date.getDomProperty("value")).isEqualTo(frenchOnly.format(FRENCH));
    assertThat(tasklist.formErrors()).isEmpty();
    assertThat(browser.text()).doesNotContain("Field", "required", "must have");
    // …and the calendar speaks French.
    assertThat(
            browser.all(By.cssSelector(".flatpickr-calendar .flatpickr-weekday")).stream()
                .map(e -> e.getAttribute("textContent").strip())
                .toList())
        .contains("lun.", "mar.", "dim.");
    // Then the real date, one that the American order would read as another day.
    tasklist.typeDateText("Date du premier contact réussi", ambiguous.format(FRENCH));
    assertThat(date.getDomProperty("value")).isEqualTo(ambiguous.format(FRENCH));
    browser.screenshot("day-contact-french-date");
    String contact = tasklist.openTaskId();
    tasklist.complete(); // 7: the needs analysis of the same young person opens
    tasklist.waitForOpenTask("Analyser les besoins", contact);
    assertThat(milestone(caseNumber, "FIRST_CONTACT")).isEqualTo(ambiguous);

    // The project field has the focus: the coordinator types at once.
    browser.until(
        d -> String.valueOf(browser.focused().getAttribute("id")).contains("projectDescription"),
        "the focus on 'Projet du jeune'");
    browser.typeIntoFocused("Travailler dans la restauration.");
    tasklist.choose("Orientation / information"); // 8: a CIO is recommended at 19
    String analysis = tasklist.openTaskId();
    tasklist.complete(); // 9: prior learning opens, the level of the source list chosen
    tasklist.waitForOpenTask("Reconnaître les acquis", analysis);
    assertThat(
            browser
                .waitFor(By.xpath("//label[normalize-space(.)='Lycée (bac non obtenu)']//input"))
                .isSelected())
        .isTrue();
    String priorLearning = tasklist.openTaskId();
    tasklist.complete(); // 10: the orientation opens, the recommended partner preselected
    tasklist.waitForOpenTask("Orienter vers un référent", priorLearning);
    String offer = "Bilan d'orientation";
    browser.waitForText(offer + " — CIO de Lyon");
    assertThat(tasklist.selected("Structure référente")).startsWith("CIO de Lyon");
    // Only the offers of the structure chosen.
    assertThat(browser.text()).doesNotContain("Accompagnement intensif jeunes (CEJ)");
    browser
        .all(By.xpath("//label[contains(normalize-space(.), " + Browser.literal(offer) + ")]"))
        .stream()
        .findFirst()
        .ifPresent(browser::click); // 11
    browser.screenshot("day-orientation-offer");
    tasklist.complete(); // 12
    tasklist.waitForNoTask("Orienter vers un référent", caseNumber);

    assertThat(browser.clicks() - signedIn).as("clicks after signing in").isLessThanOrEqualTo(12);
    JsonNode view = caseView(caseNumber);
    assertThat(view.get("status").asText()).isEqualTo("ORIENTED");

    // One sign-in: the case page opens in the same session (no second login) and tells the
    // whole day, each step with what was entered.
    browser.go("/cases/" + caseNumber);
    String story = browser.waitForText("Reconnaissance des acquis");
    assertThat(browser.url()).doesNotContain("/login");
    assertFrench(
        story,
        "Tentative de contact",
        "Analyse des besoins",
        "Projet : Travailler dans la restauration",
        "Reconnaissance des acquis",
        "Orientation vers CIO de Lyon",
        offer);
    browser.screenshot("day-case-story");
  }

  @Test
  void aReferentAcceptsAndRecordsFollowUpsAtOnceSeeingTheEarlierOnes(Browsers browsers)
      throws Exception {
    String caseNumber = signal("Noé", "Suividemande", 20);
    Http http = new Http(port);
    complete(http, caseNumber, "coord.lyon", "{\"contactOutcome\":{\"value\":\"REACHED\"}}");
    complete(http, caseNumber, "coord.lyon", "{\"primaryNeed\":{\"value\":\"EMPLOYMENT\"}}");
    complete(
        http,
        caseNumber,
        "coord.lyon",
        "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"},"
            + "\"priorLearningWorkExperience\":{\"value\":\"Six mois de service en salle.\"},"
            + "\"priorLearningVaeEligible\":{\"value\":true}}");
    complete(http, caseNumber, "coord.lyon", "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"}}");

    Browser browser = browsers.open("en-US");
    Tasklist referent = Tasklist.signIn(browser, "referent.ml-lyon");
    int signedIn = browser.clicks();
    assertFrench(browser.text(), "Tâches de ma structure");
    assertThat(browser.text()).doesNotContain("Tâches de mon périmètre");
    referent.searchYoungPerson("Noé Suividemande", "Noé SUIVIDEMANDE");
    referent.openWhenListed("Accepter l'orientation", "Noé SUIVIDEMANDE");
    assertFrench(
        browser.text(),
        "Acquis reconnus par le coordonnateur",
        "Lycée (bac non obtenu)",
        "Éligible à la VAE : oui");
    assertThat(browser.all(By.cssSelector("textarea")).stream().map(t -> t.getDomProperty("value")))
        .contains("Six mois de service en salle.");
    referent.choose("Oui, nous prenons en charge ce jeune");
    String accepted = referent.openTaskId();
    referent.complete();

    // Taken in charge: the follow-up opens at once, not three months later.
    referent.waitForOpenTask("Faire le point sur la situation", accepted);
    assertFrench(browser.text(), "Acquis reconnus par le coordonnateur");
    assertThat(browser.text()).doesNotContain("Suivis précédents");
    referent.choose("En cours d'accompagnement");
    typeInto("Notes de suivi", browser, "Premier entretien, inscrit à l'atelier CV.");
    String first = referent.openTaskId();
    referent.complete();

    // The next follow-up is there at once and shows the first one.
    referent.waitForOpenTask("Faire le point sur la situation", first);
    browser.waitForText("Suivis précédents");
    String today = LocalDate.now().format(FRENCH);
    assertThat(browser.all(By.cssSelector("textarea")).stream().map(t -> t.getDomProperty("value")))
        .anyMatch(
            v ->
                v.contains(
                    today
                        + " — En cours d'accompagnement : Premier entretien, inscrit à l'atelier CV."));
    referent.choose("En solution");
    referent.select("Type de solution", "Apprentissage");
    LocalDate start = ambiguousDate();
    referent.typeDateText("Date de début de la solution", start.format(FRENCH));
    assertThat(referent.formErrors()).isEmpty();
    browser.screenshot("referent-follow-up");
    String second = referent.openTaskId();
    referent.complete();
    referent.waitForOpenTask("Faire le point sur la situation", second);
    assertThat(milestone(caseNumber, "IN_SOLUTION")).isEqualTo(start);
    assertThat(browser.clicks() - signedIn).as("clicks after signing in").isLessThanOrEqualTo(14);

    // Links land where they say, in the same session: the task's case link opens the case page,
    // whose open task opens that task in Tasklist.
    String followUp = referent.openTaskId();
    browser.click(browser.waitFor(By.linkText(caseNumber)));
    browser.waitForText("Tâches en cours");
    assertThat(browser.url()).endsWith("/cases/" + caseNumber);
    browser.click(
        browser.waitFor(
            By.xpath(
                "//tr[th[normalize-space(.)='Faire le point sur la situation']]"
                    + "//a[starts-with(normalize-space(.), 'Ouvrir dans Tasklist')]")));
    referent.waitForOpenTask("Faire le point sur la situation");
    assertThat(referent.openTaskId()).isEqualTo(followUp);
  }

  /** Types into the form's textarea labelled {@code label} (one click, then the text). */
  static void typeInto(String label, Browser browser, String text) {
    org.openqa.selenium.WebElement area =
        browser.waitFor(
            By.xpath(
                "//div[contains(@class,'fjs-form-field-textarea')][.//label[normalize-space(text())="
                    + Browser.literal(label)
                    + "]]//textarea"));
    browser.click(area);
    area.sendKeys(text);
  }

  void complete(Http http, String caseNumber, String user, String variables) throws Exception {
    JsonNode task =
        json.readTree(
                http.get(
                        "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + caseNumber,
                        user,
                        "demo")
                    .body())
            .get(0);
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            "{\"variables\":" + variables + "}",
            user,
            "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }
}
