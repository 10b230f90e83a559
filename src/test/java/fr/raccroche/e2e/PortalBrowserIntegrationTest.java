package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The prefecture reads aggregates only: the app's landing page says so, and Tasklist refuses it.
 * (The indicators page comes with the indicators issue; this test then opens it.)
 */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class PortalBrowserIntegrationTest {
  @Test
  void thePrefectureLandsOnTheAggregatesNoticeAndCannotOpenTasklist(Browsers browsers) {
    Browser browser = browsers.open();
    browser.go("/");
    assertFrench(browser.waitForText("Connexion"), "Identifiant", "Mot de passe", "Se connecter");
    browser.signIn("prefecture");
    String landing = browser.waitForText("Bienvenue sur Raccroche");
    assertFrench(
        landing,
        "Votre accès est limité aux indicateurs agrégés : aucune donnée nominative n'est"
            + " consultable depuis ce compte.",
        "prefecture",
        "Se déconnecter");
    assertThat(browser.all(By.cssSelector("a[href*='/camunda/']"))).isEmpty();
    browser.screenshot("landing");

    // Already signed in (one sign-in): Tasklist does not ask again, and refuses in French.
    browser.signInToCamunda("tasklist", "prefecture");
    String refused = browser.waitForText("Accès refusé");
    assertFrench(refused, "Vous n'avez pas les droits nécessaires pour consulter cette page.");
    assertThat(refused).doesNotContain(TasklistBrowserIntegrationTest.MY_PERIMETER);
    assertThat(browser.url()).contains("/camunda/app/tasklist/");
    browser.screenshot("tasklist-refused");
  }
}
