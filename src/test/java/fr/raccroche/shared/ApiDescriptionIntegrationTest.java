package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The OpenAPI description at {@code /v3/api-docs} lists every endpoint of {@code /api/**}: the
 * endpoints are found by reflection over the {@code @RequestMapping}s of the application's
 * controllers (not from the description itself), and each must be described, in French, with the
 * error format. Swagger UI is for administrators.
 */
@RaccrocheIntegrationTest
class ApiDescriptionIntegrationTest {
  final ObjectMapper json = new ObjectMapper();
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void newClient() {
    http = new Http(port);
  }

  /** One endpoint: HTTP method and path template, as the controllers declare it. */
  record Endpoint(String method, String path, String handler) {}

  static List<Endpoint> apiEndpoints() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    // @RestController is meta-annotated with @Controller.
    scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
    List<Endpoint> endpoints = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("fr.raccroche")) {
      Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
      RequestMapping onType =
          AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
      String[] prefixes =
          onType == null || onType.path().length == 0 ? new String[] {""} : onType.path();
      for (Method method : type.getDeclaredMethods()) {
        RequestMapping mapping =
            AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        if (mapping == null) {
          continue;
        }
        String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
        RequestMethod[] verbs =
            mapping.method().length == 0 ? RequestMethod.values() : mapping.method();
        for (String prefix : prefixes) {
          for (String path : paths) {
            String full = (prefix + path).replaceAll("\\{(\\w+):[^}]*}", "{$1}");
            if (!full.startsWith("/api/")) {
              continue;
            }
            for (RequestMethod verb : verbs) {
              endpoints.add(
                  new Endpoint(
                      verb.name().toLowerCase(Locale.ROOT),
                      full,
                      type.getSimpleName() + "." + method.getName()));
            }
          }
        }
      }
    }
    return endpoints;
  }

  JsonNode description() throws Exception {
    HttpResponse<String> response = http.get("/v3/api-docs", "coord.lyon", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void everyControllerEndpointIsDescribedInFrench() throws Exception {
    List<Endpoint> endpoints = apiEndpoints();
    // The reflection finds the controllers (a broken scan would make this test pass vacuously).
    assertThat(endpoints).hasSizeGreaterThan(40);
    assertThat(endpoints)
        .contains(
            new Endpoint("get", "/api/data-inclusion/services", "DataInclusionController.services"),
            new Endpoint("post", "/api/imports", "ImportController.create"));

    JsonNode paths = description().get("paths");
    List<String> missing = new ArrayList<>();
    List<String> undescribed = new ArrayList<>();
    for (Endpoint e : endpoints) {
      JsonNode operation = paths.path(e.path()).path(e.method());
      if (operation.isMissingNode()) {
        missing.add(e.method() + " " + e.path() + " (" + e.handler() + ")");
        continue;
      }
      String summary = operation.path("summary").asText("");
      if (summary.isBlank() || operation.path("tags").isEmpty()) {
        undescribed.add(e.method() + " " + e.path() + " (" + e.handler() + ")");
      }
    }
    assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
    assertThat(undescribed).as("endpoints without @Operation summary or @Tag").isEmpty();
    // French, not the generated method names.
    assertThat(paths.path("/api/offers/{id}/publication").path("post").path("summary").asText())
        .startsWith("Publie une offre");

    // Nothing outside /api/**, and nothing the controllers do not declare.
    TreeSet<String> described = new TreeSet<>();
    paths
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> described.add(m + " " + p.getKey())));
    TreeSet<String> declared = new TreeSet<>();
    endpoints.forEach(e -> declared.add(e.method() + " " + e.path()));
    assertThat(described).isEqualTo(declared);
  }

  @Test
  void errorsAndAuthenticationAreDescribed() throws Exception {
    JsonNode doc = description();
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    assertThat(doc.path("info").path("title").asText()).isEqualTo("API Raccroche");
    assertThat(doc.path("components").path("securitySchemes").path("basic").path("scheme").asText())
        .isEqualTo("basic");
    JsonNode problem = doc.path("components").path("schemas").path("Probleme").path("properties");
    assertThat(problem.has("detail")).isTrue();
    assertThat(problem.has("field")).isTrue();

    JsonNode create = doc.path("paths").path("/api/offers").path("post");
    assertThat(create.path("responses").path("400").path("content").has("application/problem+json"))
        .isTrue();
    assertThat(create.path("responses").has("401")).isTrue();
    // The data·inclusion exports are read without credentials.
    JsonNode services = doc.path("paths").path("/api/data-inclusion/services").path("get");
    assertThat(services.path("security").isArray()).isTrue();
    assertThat(services.path("security")).isEmpty();
    assertThat(services.path("responses").has("401")).isFalse();
  }

  @Test
  void theDescriptionNeedsASignedInUserAndSwaggerUiAnAdministrator() throws Exception {
    assertThat(http.getJson("/v3/api-docs").statusCode()).isEqualTo(401);
    assertThat(http.get("/swagger-ui/index.html", "coord.lyon", "demo").statusCode())
        .isEqualTo(403);
    assertThat(http.get("/swagger-ui/index.html", "prefecture", "demo").statusCode())
        .isEqualTo(403);
    HttpResponse<String> admin = http.get("/swagger-ui/index.html", "admin", "demo");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("swagger-ui");
    assertThat(http.get("/swagger-ui.html", "admin", "demo").statusCode()).isIn(200, 302);
  }
}
