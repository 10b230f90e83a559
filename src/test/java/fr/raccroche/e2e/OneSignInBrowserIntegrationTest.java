package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 23 "one sign-in": the app's pages and Tasklist share one session and one sign-out; the web
 * apps have no login page of their own (docs/security.md S29).
 */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class OneSignInBrowserIntegrationTest {
  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final By USER_MENU = By.cssSelector("li.account a.dropdown-toggle");

  @Test
  void signInOnceOpensThePagesAndTasklistAndOneSignOutClosesBoth(Browsers browsers) {
    Browser browser = browsers.open();
    // Tasklist asked first: the app's login page, then back to Tasklist.
    browser.go(TASKLIST);
    assertFrench(browser.waitForText("Connexion"), "Identifiant", "Mot de passe");
    assertThat(browser.url()).contains("/login");
    browser.signIn("coord.lyon");
    browser.waitForText(TasklistBrowserIntegrationTest.MY_PERIMETER);
    assertThat(browser.url()).contains(TASKLIST);
    assertThat(browser.all(By.cssSelector("input[ng-model='username']"))).isEmpty();

    // The app's pages in the same session, and Tasklist again: no second sign-in either way.
    browser.go("/");
    assertFrench(browser.waitForText("Bienvenue sur Raccroche"), "coord.lyon");
    browser.go(TASKLIST);
    browser.waitForText(TasklistBrowserIntegrationTest.MY_PERIMETER);
    browser.screenshot("tasklist-without-second-sign-in");

    // Tasklist's "Se déconnecter": signed out of everything, on the app's login page.
    browser.click(browser.waitFor(USER_MENU));
    browser.click(browser.waitFor(By.cssSelector("li.logout a")));
    assertFrench(browser.waitForText("Vous êtes déconnecté."), "Connexion");
    assertThat(browser.url()).contains("/login?logout");
    browser.go("/");
    browser.waitForText("Mot de passe");
    assertThat(browser.url()).contains("/login");
    browser.go(TASKLIST);
    browser.waitForText("Mot de passe");
    assertThat(browser.url()).contains("/login");

    // And the other way round: the app's "Se déconnecter" closes Tasklist too.
    browser.signIn("coord.lyon");
    browser.waitForText(TasklistBrowserIntegrationTest.MY_PERIMETER);
    browser.go("/");
    browser.click("Se déconnecter");
    browser.waitForText("Vous êtes déconnecté.");
    browser.go(TASKLIST);
    browser.waitForText("Mot de passe");
    assertThat(browser.url()).contains("/login");
  }
}
