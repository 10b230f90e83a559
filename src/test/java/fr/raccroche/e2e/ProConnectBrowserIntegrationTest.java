package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.FaultInjection;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.MessageChannels;
import fr.raccroche.testsupport.TestDatabaseInitializer;
import fr.raccroche.testsupport.TestDatabaseProfiles;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue 20 §2, ProConnect sign-in end to end (docs/security.md S30), against a real OpenID Connect
 * provider in the test JVM ({@link ProConnectTestProvider}): a coordinator signs in through the
 * provider's page, lands in Tasklist with her filters, the link to her account is kept, and one
 * sign-out ends the app's session, the web apps' and the provider's; an unknown address gets the
 * French page that says whom to ask.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
@ContextConfiguration(
    initializers = {
      TestDatabaseInitializer.class,
      MessageChannels.class,
      ProConnectTestProvider.class
    })
@AutoConfigureObservability(tracing = false)
@Import(FaultInjection.class)
@ExtendWith(Chromium.class)
class ProConnectBrowserIntegrationTest {
  static final String TASKLIST = "/camunda/app/tasklist/" + ProConnectTestProvider.ENGINE + "/";

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  void signInAtTheProvider(Browser browser, String person) {
    browser.click("S'identifier avec ProConnect");
    browser.waitFor(By.id("username"));
    assertThat(browser.url()).as("the provider's own page").contains("127.0.0.1");
    Browser.type(browser.waitFor(By.id("username")), person);
    Browser.type(browser.waitFor(By.id("password")), ProConnectTestProvider.PASSWORD);
    browser.click(browser.waitFor(By.cssSelector("button[type=submit]")));
  }

  @Test
  void aCoordinatorSignsInWithProConnectLandsInTasklistAndSignsOutEverywhere(Browsers browsers) {
    Browser browser = browsers.open();
    browser.go(TASKLIST);
    assertFrench(browser.waitForText("S'identifier avec ProConnect"), "Connexion");
    signInAtTheProvider(browser, "agent-claire");

    // Back in Tasklist as the Camunda user of that address, with her filters.
    String tasklist = browser.waitForTranslatedText(TasklistBrowserIntegrationTest.MY_PERIMETER);
    assertFrench(tasklist, "Mes tâches", "En retard", "Claire Coordonnatrice Lyon");
    assertThat(browser.url()).contains(TASKLIST);
    assertThat(
            jdbc.queryForObject(
                "select user_id from proconnect_account where subject = ?",
                String.class,
                "agent-claire"))
        .isEqualTo("coord.lyon");
    browser.go("/");
    assertFrench(browser.waitForText("Bienvenue sur Raccroche"), "coord.lyon");
    browser.screenshot("proconnect-signed-in");

    // One sign-out from Tasklist: the app, the web apps and the provider.
    browser.go(TASKLIST);
    browser.waitForTranslatedText("Mes tâches");
    browser.click(browser.waitFor(OneSignInBrowserIntegrationTest.USER_MENU));
    browser.click(browser.waitFor(By.cssSelector("li.logout a")));
    browser.waitForText("Vous êtes déconnecté.");
    assertThat(browser.url()).contains("localhost").contains("/login?logout");
    browser.go(TASKLIST);
    browser.waitForText("S'identifier avec ProConnect");
    // The provider asks again: its session ended too.
    browser.click("S'identifier avec ProConnect");
    browser.waitFor(By.id("username"));
    assertThat(browser.url()).contains("127.0.0.1");

    // The same from the app's pages: "Se déconnecter" ends the provider's session as well.
    Browser.type(browser.waitFor(By.id("username")), "agent-claire");
    Browser.type(browser.waitFor(By.id("password")), ProConnectTestProvider.PASSWORD);
    browser.click(browser.waitFor(By.cssSelector("button[type=submit]")));
    browser.waitForTranslatedText(TasklistBrowserIntegrationTest.MY_PERIMETER);
    browser.go("/");
    browser.waitForText("Bienvenue sur Raccroche");
    browser.click("Se déconnecter");
    browser.waitForText("Vous êtes déconnecté.");
    browser.go(TASKLIST);
    browser.click(browser.waitFor(Browser.byText("S'identifier avec ProConnect")));
    browser.waitFor(By.id("username"));
    assertThat(browser.url()).contains("127.0.0.1");
  }

  @Test
  void withLocalPasswordsSwitchedOffTheLoginPageOffersProConnectOnly() {
    Http http = new Http(port);
    HttpResponse<String> login = http.get("/login");
    assertThat(login.body())
        .contains("S'identifier avec ProConnect")
        .doesNotContain("Mot de passe", "name=\"password\"");
    // No form sign-in behind it either: the password is not even read.
    HttpResponse<String> posted =
        http.postForm("/login", Map.of("username", "coord.lyon", "password", "demo"));
    assertThat(posted.statusCode()).isIn(403, 405);
    assertThat(http.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    // HTTP Basic stays for API clients (technical accounts).
    assertThat(http.get("/api/perimeters", "coord.lyon", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void anAddressWithoutAccountGetsAFrenchPageSayingWhomToAsk(Browsers browsers) {
    Browser browser = browsers.open();
    browser.go("/login");
    signInAtTheProvider(browser, "agent-inconnu");
    String page = browser.waitForText("Aucun compte Raccroche pour cette adresse");
    assertFrench(
        page,
        "agent.inconnu@exemple.gouv.fr",
        "Raccroche n'ouvre pas de compte tout seul",
        "admin-raccroche@exemple.gouv.fr");
    assertThat(jdbc.queryForObject("select count(*) from proconnect_account", Integer.class))
        .isLessThanOrEqualTo(1);
    browser.go("/");
    assertThat(browser.url()).contains("/login");
  }
}
