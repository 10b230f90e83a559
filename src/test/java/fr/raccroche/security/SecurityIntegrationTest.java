package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RaccrocheIntegrationTest
class SecurityIntegrationTest {
  @LocalServerPort int port;
  Http http;

  @Autowired UserAccountService accounts;

  @BeforeEach
  void newBrowser() {
    http = new Http(port);
  }

  /**
   * The engine throttles sign-ins after a wrong password, per user: wrong passwords are tried on
   * users of their own so that the demo users stay usable by the other tests.
   */
  String userForWrongPasswords(String id) {
    accounts.ensureDemoUser(
        new UserAccount(id, "Essai", "Mauvais mot de passe", null, "demo", List.of("coord-LYON")));
    return id;
  }

  @Test
  void engineRestRefusesAnonymousCallsAndAcceptsDemoUsers() {
    assertThat(http.get("/engine-rest/task?maxResults=100").statusCode()).isEqualTo(401);
    assertThat(
            http.get(
                    "/engine-rest/task?maxResults=100",
                    userForWrongPasswords("essai.rest"),
                    "wrong")
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> tasks = http.get("/engine-rest/task?maxResults=100", "coord.lyon", "demo");
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[");
    // The list of engines is the one open endpoint.
    assertThat(http.get("/engine-rest/engine").statusCode()).isEqualTo(200);
  }

  @Test
  void apiAnswersAnonymousCallsWithFrenchJson401() {
    HttpResponse<String> response = http.get("/api/perimeters");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    assertThat(response.body()).contains("Authentification requise.");
    assertThat(
            http.get("/api/perimeters", userForWrongPasswords("essai.api"), "pas-le-bon")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void pagesNeedSignInButLoginAndHealthAreOpen() {
    HttpResponse<String> home = http.get("/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    HttpResponse<String> login = http.get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("Connexion", "Identifiant", "Mot de passe");
    HttpResponse<String> health = http.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
  }

  @Test
  void formLoginNeedsTheCsrfTokenAndOpensTheFrenchLandingPage() {
    http.get("/login");
    HttpResponse<String> forged =
        http.postForm("/login", Map.of("username", "coord.lyon", "password", "demo"));
    assertThat(forged.statusCode()).isEqualTo(403);

    HttpResponse<String> wrong = http.signIn(userForWrongPasswords("essai.page"), "mauvais");
    assertThat(wrong.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    assertThat(http.get("/login?error").body()).contains("Identifiant ou mot de passe incorrect.");

    HttpResponse<String> signedIn = http.signIn("coord.lyon", "demo");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    HttpResponse<String> home = http.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body())
        .contains("Bienvenue sur Raccroche", "/camunda/app/tasklist/", "coord.lyon")
        .doesNotContain("/camunda/app/cockpit/", "/camunda/app/admin/");
  }

  @Test
  void landingPageOffersEachRoleItsOwnTools() {
    http.signIn("admin", "demo");
    assertThat(http.get("/").body())
        .contains("/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/");

    Http prefecture = new Http(port);
    prefecture.signIn("prefecture", "demo");
    assertThat(prefecture.get("/").body())
        .contains("indicateurs agrégés")
        .doesNotContain("/camunda/app/tasklist/");
  }

  @Test
  void pagesCarrySecurityHeaders() {
    HttpResponse<String> login = http.get("/login");
    assertThat(login.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
  }

  @Test
  void unknownPagesAnswerAFrenchErrorPageWithoutStackTrace() {
    http.signIn("coord.lyon", "demo");
    HttpResponse<String> page = http.get("/nulle-part");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Page introuvable").doesNotContain("Exception", "at fr.");
    HttpResponse<String> api = http.get("/api/nulle-part", "coord.lyon", "demo");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).contains("\"status\":404").doesNotContain("Exception");
  }

  /**
   * The Camunda web apps have no login of their own (issue 23): a wrong password on the one login
   * page opens none of them, and Camunda still checks the user's right to each app.
   */
  @Test
  void webAppLoginRefusesAWrongPassword() {
    assertThat(http.camundaLogin("tasklist", userForWrongPasswords("essai.webapp"), "mauvais"))
        .isEqualTo(401);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "coord.lyon, tasklist, 200",
    "coord.est, tasklist, 200",
    "coord.nord, tasklist, 200",
    "referent.ml-lyon, tasklist, 200",
    "referent.cio-lyon, tasklist, 200",
    "referent.ml-est, tasklist, 200",
    "referent.ml-nord, tasklist, 200",
    "referent.cfa-nord, tasklist, 200",
    "superviseur, cockpit, 200",
    "superviseur, tasklist, 200",
    "admin, admin, 200",
    "admin, cockpit, 200",
    "prefecture, tasklist, 403",
    "prefecture, cockpit, 403",
    "coord.lyon, cockpit, 403",
    "coord.lyon, admin, 403",
    "referent.ml-lyon, cockpit, 403",
    "superviseur, admin, 403"
  })
  void webAppLoginChecksTheRightToEachApp(String user, String app, int expected) {
    assertThat(http.camundaLogin(app, user, "demo")).isEqualTo(expected);
  }
}
