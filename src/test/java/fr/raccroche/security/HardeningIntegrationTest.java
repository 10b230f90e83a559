package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

  HttpResponse<String> anonymous(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void hstsIsSentOnEverySecureRequestAndHttpsForwardedByTheProxyIsSecure() throws Exception {
    Map<String, String> proxied = Map.of("X-Forwarded-Proto", "https");
    // The proxy (deploy/nginx) terminates TLS and says so: the app sends HSTS, on its pages, its
    // API and engine-rest alike, and its redirects stay in https.
    for (String path : List.of("/login", "/api/cases", "/engine-rest/engine", "/cases")) {
      HttpResponse<String> secure = anonymous(path, proxied);
      assertThat(secure.headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValueSatisfying(
              hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
    }
    assertThat(anonymous("/cases", proxied).headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
    // Over plain HTTP a browser ignores it: not sent.
    HttpResponse<String> plain = anonymous("/login", Map.of());
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(anonymous("/cases", Map.of()).headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith("http://"));
  }

  /** A request written by hand on a socket: what no HTTP client would send. */
  String raw(String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void requestsTomcatRefusesItselfGetAShortFrenchPageWithoutServerInformation() throws Exception {
    for (String request :
        List.of(
            // A request target that does not decode.
            "GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "GET /cases/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            // A character a request target may not hold.
            "GET /cases/a{b} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            // A malformed header.
            "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n")) {
      String answer = raw(request);
      String line = request.substring(0, request.indexOf('\r'));
      assertThat(answer).as(line).startsWith("HTTP/1.1 400");
      assertThat(answer)
          .as(line)
          .contains("Requête refusée", "lang=\"fr\"")
          .doesNotContainIgnoringCase("tomcat")
          .doesNotContain("HTTP Status", "Bad Request", "Exception", "Invalid");
    }
  }
}
