package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.security.internal.EngineRestAllowListView;
import fr.raccroche.security.internal.EngineRestEndpoints;
import fr.raccroche.security.internal.EngineRestEndpoints.Endpoint;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * engine-rest is deny-by-default (docs/security.md R3): every endpoint of Camunda's REST API, read
 * by reflection from the JAX-RS resources Camunda registers (not a hand-written list), is called by
 * a user of every non-administrator role; those outside the role's allow-list are refused by the
 * guard (French 403), those inside reach the engine. A new endpoint in a future Camunda is refused
 * until someone adds it to a list.
 */
@RaccrocheIntegrationTest
class EngineRestAllowListIntegrationTest {
  @LocalServerPort int port;
  final HttpClient client = HttpClient.newHttpClient();

  /** A user of each role, and the role's name in the allow-list. */
  static final Map<String, String> USERS =
      new LinkedHashMap<>(
          Map.of(
              "coord.lyon", Roles.COORDINATOR,
              "referent.ml-lyon", Roles.CASEWORKER,
              "superviseur", Roles.SUPERVISOR,
              "prefecture", Roles.PREFECTURE));

  @Test
  void theEndpointsAreReadFromCamundasResourcesAndTheListsNameOnlyRealOnes() {
    List<Endpoint> all = EngineRestEndpoints.all();
    Set<String> keys = all.stream().map(Endpoint::key).collect(Collectors.toSet());
    assertThat(all).hasSizeGreaterThan(400);
    assertThat(keys)
        .contains(
            "POST /task/{id}/complete",
            "POST /task/{id}/variables",
            "PUT /process-instance/{id}/variables/{varId}",
            "POST /message",
            "POST /deployment/create",
            "GET /history/variable-instance");
    EngineRestAllowListView.byRole()
        .forEach((role, allowed) -> assertThat(keys).as(role).containsAll(allowed));
    // No variable-writing endpoint is open to any role but administrators.
    for (Set<String> allowed : EngineRestAllowListView.byRole().values()) {
      for (String key : allowed) {
        boolean writesVariables =
            !key.startsWith("GET ")
                && (key.contains("ariables") || key.startsWith("POST /message"));
        assertThat(writesVariables).as(key).isFalse();
      }
    }
    // JAX-RS's choice is reproduced: a literal segment wins over a parameter.
    assertThat(EngineRestEndpoints.resolve("GET", "/task/count"))
        .get()
        .extracting(Endpoint::template)
        .isEqualTo("/task/count");
    assertThat(
            EngineRestEndpoints.relativePath("/camunda/api/engine/engine/default/task/1/complete"))
        .isEqualTo("/task/1/complete");
    assertThat(EngineRestEndpoints.relativePath("/engine-rest/engine/default/task"))
        .isEqualTo("/task");
  }

  @Test
  void everyEndpointTimesEveryRoleIsRefusedUnlessTheRolesAllowListNamesIt() throws Exception {
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (Endpoint endpoint : EngineRestEndpoints.all()) {
      String path = endpoint.template().replaceAll("\\{[^}]+}", "allow-list-probe");
      for (Map.Entry<String, String> user : USERS.entrySet()) {
        HttpResponse<String> response =
            call(endpoint.method(), "/engine-rest" + path, user.getKey());
        calls++;
        boolean refusedByGuard =
            response.statusCode() == 403
                && (response.body().contains("votre rôle ne permet pas")
                    || response.body().contains("votre rôle ne donne pas"));
        // GET /engine (the engines' names) is the one endpoint open to anyone, signed in or not
        // (docs/security.md S10): no caller, so no role to check.
        boolean allowed =
            endpoint.key().equals("GET /engine")
                || EngineRestAllowListView.byRole()
                    .getOrDefault(user.getValue(), Set.of())
                    .contains(endpoint.key());
        if (allowed == refusedByGuard) {
          wrong.add(user.getKey() + " " + endpoint.key() + " → " + response.statusCode());
        }
        if (!allowed) {
          assertThat(response.body().replace("\"type\":\"AuthorizationException\"", ""))
              .as(endpoint.key())
              .doesNotContain("Exception", "at org.");
        }
      }
    }
    System.out.printf(
        "engine-rest allow-list: %d endpoints × %d roles = %d calls%n",
        EngineRestEndpoints.all().size(), USERS.size(), calls);
    assertThat(wrong).isEmpty();
  }

  @Test
  void theWebAppsEngineApiAndNamedEnginePathsFollowTheSameLists() {
    Http tasklist = new Http(port);
    assertThat(tasklist.camundaLogin("tasklist", "coord.lyon", "demo")).isEqualTo(200);
    String api = "/camunda/api/engine/engine/default";
    assertThat(tasklist.get(api + "/task?maxResults=5").statusCode()).isEqualTo(200);
    assertThat(tasklist.get(api + "/job?maxResults=5").statusCode()).isEqualTo(403);
    assertThat(tasklist.get(api + "/authorization?maxResults=5").statusCode()).isEqualTo(403);
    assertThat(
            call("POST", "/engine-rest/engine/default/process-instance/x/variables", "coord.lyon")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            call("GET", "/engine-rest/engine/default/task?maxResults=5", "coord.lyon").statusCode())
        .isEqualTo(200);
  }

  HttpResponse<String> call(String method, String path, String user) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json");
    if (method.equals("GET") || method.equals("DELETE") || method.equals("OPTIONS")) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }
}
