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

    browser.signInToCamunda("tasklist", "prefecture");
    String refused = browser.waitForText("Échec de la connexion");
    assertFrench(
        refused,
        "Identifiants incorrects, compte verrouillé ou droits d'accès à l'application manquants");
    assertThat(refused).doesNotContain(TasklistBrowserIntegrationTest.MY_PERIMETER);
    assertThat(browser.waitFor(By.cssSelector("input[ng-model='username']")).isDisplayed())
        .isTrue();
    browser.screenshot("tasklist-refused");
  }
}
