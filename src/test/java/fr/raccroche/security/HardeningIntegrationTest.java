package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 6's web hardening: engine queries are paged (queryMaxResultsLimit), oversized bodies are
 * refused before being read, repeated sign-in failures are throttled, the session cookie is
 * HttpOnly and SameSite, errors never show a stack trace.
 */
@RaccrocheIntegrationTest
class HardeningIntegrationTest {
  @LocalServerPort int port;
  @Autowired UserAccountService accounts;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void engineQueriesOfSignedInUsersArePagedAtTwoThousandRowsAtMost() throws Exception {
    HttpResponse<String> unbounded = http.get("/engine-rest/task", "coord.lyon", "demo");
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(unbounded.body()).contains("unbound").doesNotContain("at org.");
    assertThat(
            http.get(
                    "/engine-rest/history/variable-instance?maxResults=2001", "superviseur", "demo")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            http.get(
                    "/engine-rest/history/variable-instance?maxResults=2000", "superviseur", "demo")
                .statusCode())
        .isEqualTo(200);
    assertThat(http.get("/engine-rest/task/count", "coord.lyon", "demo").statusCode())
        .isEqualTo(200);
  }

  @Test
  void theEnginesOwnListenersStillWorkForASignedInCaller() throws Exception {
    // A transfer correlated through engine-rest runs TransferCaseDelegate as the caller.
    String body =
        """
        {"lastName":"Transfere","firstName":"Noa","sex":"M","birthDate":"%s","postalCode":"69003",
         "lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(LocalDate.now().minusYears(18), LocalDate.now().minusMonths(1));
    JsonNode created =
        json.readTree(http.postJson("/api/cases", body, "coord.lyon", "demo").body());
    String n = created.get("caseNumber").asText();
    HttpResponse<String> moved =
        http.postJson(
            "/engine-rest/message",
            "{\"messageName\":\"Msg_YoungPersonMovedAway\",\"businessKey\":\""
                + n
                + "\",\"processVariables\":{\"newPerimeterCode\":{\"value\":\"EST\"}}}",
            "admin",
            "demo");
    assertThat(moved.statusCode()).as(moved.body()).isIn(200, 204);
    JsonNode estTasks =
        json.readTree(
            http.get(
                    "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + n,
                    "coord.est",
                    "demo")
                .body());
    assertThat(estTasks).hasSize(1);
  }

  @Test
  void oversizedBodiesAreRefusedInFrenchBeforeBeingRead() throws Exception {
    String huge = "{\"lastName\":\"" + "A".repeat(1_100_000) + "\"}";
    for (String path : List.of("/api/cases", "/engine-rest/message")) {
      HttpResponse<String> response = http.postJson(path, huge, "coord.lyon", "demo");
      assertThat(response.statusCode()).as(path).isEqualTo(413);
      assertThat(json.readTree(response.body()).get("message").asText())
          .isEqualTo("La requête est trop volumineuse (au plus 1024 Ko, hors envoi de fichier).");
    }
  }

  @Test
  void aWrongPasswordDelaysTheNextSignInOfThatUserEvenWithTheRightOne() {
    accounts.ensureDemoUser(
        new UserAccount("essai.throttle", "Essai", "Lenteur", null, "demo", List.of("coord-LYON")));
    Http browser = new Http(port);
    HttpResponse<String> wrong = browser.signIn("essai.throttle", "mauvais");
    assertThat(wrong.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
    HttpResponse<String> right = new Http(port).signIn("essai.throttle", "demo");
    assertThat(right.headers().firstValue("Location"))
        .as("refused during the engine's delay after a failure")
        .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
    assertThat(new Http(port).get("/api/cases?size=1", "essai.throttle", "demo").statusCode())
        .isEqualTo(401);
    // Another user is not slowed down.
    HttpResponse<String> other = new Http(port).signIn("coord.nord", "demo");
    assertThat(other.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() {
    HttpResponse<String> signedIn = http.signIn("coord.nord", "demo");
    List<String> cookies = signedIn.headers().allValues("Set-Cookie");
    assertThat(cookies)
        .anySatisfy(
            c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
  }
}
