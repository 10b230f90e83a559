package fr.raccroche.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a phone held upright (a 400 × 800 window) every page of the app is usable (issue 23, point 8):
 * nothing wider than the window (the page never scrolls sideways) and the sign-out button in sight.
 */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class NarrowScreenBrowserIntegrationTest {
  @LocalServerPort int port;

  @Test
  void everyMainPageFitsA400PixelWideScreen(Browsers browsers) throws Exception {
    JsonNode cases =
        new ObjectMapper()
            .readTree(
                new Http(port).get("/api/cases?size=1&status=IN_SOLUTION", "admin", "demo").body());
    String caseNumber = cases.get("content").get(0).get("caseNumber").asText();

    Browser browser = browsers.open();
    browser.windowSize(400, 800);
    browser.go("/login");
    browser.waitFor(By.name("username"));
    List<String> problems = new ArrayList<>();
    check(browser, "/login", false, problems);
    browser.signIn("admin");
    browser.waitForText("Bienvenue sur Raccroche");
    for (String path :
        List.of(
            "/",
            "/cases",
            "/cases/" + caseNumber,
            "/cases/new",
            "/todo",
            "/indicators",
            "/indicators/objectives",
            "/imports",
            "/imports/column-aliases",
            "/offers",
            "/diagnoses",
            "/experiments",
            "/messages",
            "/access-log",
            "/page-inconnue")) {
      browser.go(path);
      browser.waitFor(By.tagName("h1"));
      check(browser, path, true, problems);
    }
    browser.go("/cases/" + caseNumber);
    browser.waitFor(By.tagName("h1"));
    browser.screenshot("narrow-case");
    browser.go("/indicators");
    browser.waitFor(By.tagName("h1"));
    browser.screenshot("narrow-indicators");
    assertThat(problems).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static void check(Browser browser, String path, boolean signedIn, List<String> problems) {
    Map<String, Object> m =
        (Map<String, Object>)
            browser.script(
                "const b = document.querySelector('.logout button');"
                    + " const r = b ? b.getBoundingClientRect() : null;"
                    + " return {scrollWidth: document.documentElement.scrollWidth,"
                    + " bodyScrollWidth: document.body.scrollWidth,"
                    + " innerWidth: window.innerWidth,"
                    + " logout: b !== null,"
                    + " logoutLeft: r ? r.left : -1, logoutRight: r ? r.right : -1,"
                    + " logoutTop: r ? r.top : -1, logoutHeight: r ? r.height : 0};");
    long inner = ((Number) m.get("innerWidth")).longValue();
    assertThat(inner).as("window width").isBetween(380L, 400L);
    long width =
        Math.max(
            ((Number) m.get("scrollWidth")).longValue(),
            ((Number) m.get("bodyScrollWidth")).longValue());
    if (width > inner) {
      problems.add(path + ": " + width + " px wide for a " + inner + " px window");
    }
    if (signedIn) {
      boolean visible =
          Boolean.TRUE.equals(m.get("logout"))
              && ((Number) m.get("logoutLeft")).doubleValue() >= 0
              && ((Number) m.get("logoutRight")).doubleValue() <= inner
              && ((Number) m.get("logoutTop")).doubleValue() >= 0
              && ((Number) m.get("logoutHeight")).doubleValue() > 0;
      if (!visible) {
        problems.add(path + ": the sign-out button is not in sight " + m);
      }
    }
  }
}
