package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * "Signaler un jeune" with the keyboard only (RGAA 7.3, 12.13): from the skip link to the form in
 * its natural order, a mistake whose error summary takes the focus and leads to the field, then the
 * case created — not one click.
 */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class SignalementKeyboardBrowserIntegrationTest {
  static final String RUN =
      new java.util.Random()
          .ints(5, 'a', 'z' + 1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  @Test
  void aCoordinatorSignalsAYoungPersonWithTheKeyboardOnly(Browsers browsers) {
    Browser browser = browsers.open();
    browser.go("/login");
    browser.signIn("coord.lyon");
    browser.waitForText("Bienvenue sur Raccroche");
    browser.go("/cases/new");
    browser.waitFor(By.id("lastName"));
    int clicks = browser.clicks();

    // The first Tab reaches the skip link; Enter puts the focus on the content.
    browser.pressKeys(Keys.TAB);
    assertThat(browser.focused().getText()).isEqualTo("Contenu");
    browser.pressKeys(Keys.ENTER);
    assertThat(browser.focused().getAttribute("id")).isEqualTo("contenu");
    tabTo(browser, "lastName", 6);

    // A mistake: the first name left empty.
    String lastName = "Clavier" + RUN;
    LocalDate birth = LocalDate.now().minusYears(17).minusDays(12);
    browser.pressKeys(lastName);
    browser.pressKeys(Keys.TAB);
    assertThat(browser.focused().getAttribute("id")).isEqualTo("firstName");
    browser.pressKeys(Keys.TAB);
    assertThat(browser.focused().getAttribute("id")).isEqualTo("birthDate");
    browser.pressKeys(birth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    browser.pressKeys(Keys.TAB);
    // The radio group of the sex: one stop, the arrows choose.
    assertThat(browser.focused().getAttribute("name")).isEqualTo("sex");
    tabTo(browser, "postalCode", 8);
    browser.pressKeys("69003");
    tabTo(browser, "phone", 4);
    browser.pressKeys("06 11 22 33 44");
    tabTo(browser, "signalement-submit", 20);
    browser.pressKeys(Keys.ENTER);

    // The error summary has the focus and names the field; the field says it, described by it.
    WebElement summary = browser.waitFor(By.id("error-summary"));
    browser.until(d -> "error-summary".equals(browser.focused().getAttribute("id")), "focus");
    assertFrench(
        summary.getText(), "Le formulaire contient une erreur", "Le prénom est obligatoire.");
    WebElement firstName = browser.waitFor(By.id("firstName"));
    String describedBy = firstName.getAttribute("aria-describedby");
    assertThat(browser.waitFor(By.id(describedBy)).getText())
        .isEqualTo("Le prénom est obligatoire.");
    assertThat(browser.waitFor(By.id("lastName")).getDomProperty("value")).isEqualTo(lastName);
    assertThat(browser.waitFor(By.id("birthDate")).getDomProperty("value"))
        .isEqualTo(birth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    assertThat(browser.waitFor(By.id("phone")).getDomProperty("value")).isEqualTo("06 11 22 33 44");
    assertThat(browser.waitFor(By.id("postalCode")).getDomProperty("value")).isEqualTo("69003");
    browser.screenshot("signalement-keyboard-error");

    // Tab reaches the summary's link; Enter puts the focus in the field.
    browser.pressKeys(Keys.TAB);
    assertThat(browser.focused().getAttribute("href")).endsWith("#firstName");
    browser.pressKeys(Keys.ENTER);
    assertThat(browser.focused().getAttribute("id")).isEqualTo("firstName");
    browser.pressKeys("Lou");
    // Back one field and forth again: the name kept.
    browser.pressShiftTab();
    assertThat(browser.focused().getAttribute("id")).isEqualTo("lastName");
    assertThat(browser.focused().getDomProperty("value")).isEqualTo(lastName);
    browser.pressKeys(Keys.TAB);
    assertThat(browser.focused().getAttribute("id")).isEqualTo("firstName");
    tabTo(browser, "signalement-submit", 24);
    browser.pressKeys(Keys.SPACE);

    // The new case's page.
    String page = browser.waitForText("Le dossier a été créé");
    assertThat(browser.url()).containsPattern("/cases/\\d{4}-[0-9AB]{2,3}-\\d{6}\\?created");
    assertFrench(
        page, "Lou " + lastName.toUpperCase(java.util.Locale.FRENCH), "Contacter le jeune");
    assertThat(browser.clicks()).as("clicks").isEqualTo(clicks);
    browser.screenshot("signalement-keyboard-created");
  }

  /** Tab until the element of that id has the focus, in at most {@code max} presses. */
  static void tabTo(Browser browser, String id, int max) {
    for (int i = 0; i < max; i++) {
      if (id.equals(browser.focused().getAttribute("id"))) {
        return;
      }
      browser.pressKeys(Keys.TAB);
    }
    assertThat(browser.focused().getAttribute("id"))
        .as("focus after " + max + " Tab")
        .isEqualTo(id);
  }
}
