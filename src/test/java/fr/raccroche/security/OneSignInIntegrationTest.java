package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 23 "one sign-in" (docs/security.md S29): the app's pages and the Camunda web apps share one
 * session and one sign-out; the web apps have no login of their own.
 */
@RaccrocheIntegrationTest
class OneSignInIntegrationTest {
  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void newBrowser() {
    http = new Http(port);
  }

  @Test
  void aWebAppOpenedAnonymouslySendsToTheAppsLoginAndBackAfterTheOneSignIn() {
    HttpResponse<String> anonymous = http.get(TASKLIST);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(http.getJson(WHO_AM_I).statusCode()).isEqualTo(401);

    HttpResponse<String> signedIn = http.signIn("coord.lyon", "demo");
    String back = signedIn.headers().firstValue("Location").orElseThrow();
    assertThat(back).contains(TASKLIST);
    assertThat(http.get(back.substring(back.indexOf("/camunda/"))).statusCode()).isEqualTo(200);
  }

  @Test
  void oneSessionServesThePagesAndTheWebAppsWithoutASecondSignIn() {
    http.signIn("coord.lyon", "demo");
    assertThat(http.get(TASKLIST).statusCode()).isEqualTo(200);
    HttpResponse<String> me = http.getJson(WHO_AM_I);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains("\"userId\":\"coord.lyon\"", "tasklist")
        .doesNotContain("cockpit");
    assertThat(http.getJson("/camunda/api/engine/engine/default/task?maxResults=5").statusCode())
        .isEqualTo(200);
    // Opening Tasklist did not sign the person out of the app's pages (the defect).
    HttpResponse<String> home = http.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Bienvenue sur Raccroche", "coord.lyon");
    assertThat(http.get(TASKLIST).statusCode()).isEqualTo(200);
  }

  @Test
  void theWebAppsSignOutSignsOutOfEverythingAndNeedsTheirCsrfToken() {
    http.signIn("referent.ml-lyon", "demo");
    String token = http.webappXsrfToken("tasklist");

    // Without the token: refused (and Camunda's CSRF filter ends that session, as it does for any
    // web app write without its token); another session is not touched.
    Http other = new Http(port);
    other.signIn("referent.ml-lyon", "demo");
    other.webappXsrfToken("tasklist");
    assertThat(other.postForm("/camunda/api/admin/auth/user/default/logout", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(http.get("/").statusCode()).isEqualTo(200);

    HttpResponse<String> signedOut =
        http.postForm(
            "/camunda/api/admin/auth/user/default/logout", Map.of(), Map.of("X-XSRF-TOKEN", token));
    assertThat(signedOut.statusCode()).isEqualTo(200);
    assertThat(http.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(http.getJson(WHO_AM_I).statusCode()).isEqualTo(401);
    assertThat(http.get(TASKLIST).statusCode()).isEqualTo(302);
  }

  @Test
  void theAppsSignOutSignsOutOfTheWebAppsToo() {
    http.signIn("coord.est", "demo");
    assertThat(http.get(TASKLIST).statusCode()).isEqualTo(200);
    String csrf = Http.csrfToken(http.get("/").body());
    HttpResponse<String> signedOut =
        http.postForm("/logout", Map.of("_csrf", csrf), Map.of("Accept", "text/html"));
    assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(http.getJson(WHO_AM_I).statusCode()).isEqualTo(401);
    assertThat(http.getJson("/camunda/api/engine/engine/default/task?maxResults=5").statusCode())
        .isEqualTo(401);
  }

  @Test
  void theWebAppsOwnLoginIsClosed() {
    HttpResponse<String> login =
        http.postForm(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            Map.of("username", "coord.lyon", "password", "demo"));
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(login.body()).contains("connectez-vous sur la page de connexion de Raccroche");
    assertThat(http.getJson(WHO_AM_I).statusCode()).isEqualTo(401);
  }

  @Test
  void signingInAsSomeoneElseInTheSameBrowserChangesTheWebAppsUserToo() {
    http.signIn("coord.lyon", "demo");
    assertThat(http.get(TASKLIST).statusCode()).isEqualTo(200);
    http.signIn("superviseur", "demo");
    assertThat(http.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    assertThat(http.getJson(WHO_AM_I).body()).contains("\"userId\":\"superviseur\"", "cockpit");
    assertThat(http.get("/").body()).contains("superviseur").doesNotContain("coord.lyon");
  }
}
