package fr.raccroche.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The data·inclusion exports of the demo département, read as data·inclusion harvests them (no
 * login), validated against the schema v1.0.8 itself (vendored unmodified in {@code
 * src/test/resources/data-inclusion/schema-v1.0.8}, with its licence) by a JSON Schema validator
 * with format assertions on. A field the schema refuses, or one it does not define, fails the
 * build.
 */
@RaccrocheIntegrationTest
class DataInclusionSchemaIntegrationTest {
  static final String SCHEMAS = "/data-inclusion/schema-v1.0.8/";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Schema STRUCTURE = schema("structure.json");
  static final Schema SERVICE = schema("service.json");

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void newClient() {
    http = new Http(port);
  }

  static Schema schema(String file) {
    try (InputStream in =
        DataInclusionSchemaIntegrationTest.class.getResourceAsStream(SCHEMAS + file)) {
      assertThat(in).as(file).isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's refusals of one item, plus every field the schema does not define. */
  static List<String> problems(Schema schema, JsonNode item) {
    List<String> problems = new ArrayList<>();
    for (Error error :
        schema.validate(
            item, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
      problems.add(error.toString());
    }
    JsonNode properties = schema.getSchemaNode().get("properties");
    item.fieldNames()
        .forEachRemaining(
            field -> {
              if (!properties.has(field)) {
                problems.add(field + ": not a field of the schema");
              }
            });
    return problems;
  }

  static void assertValid(Schema schema, JsonNode export) {
    assertThat(export.isArray()).isTrue();
    assertThat(export.size()).isPositive();
    for (JsonNode item : export) {
      assertThat(problems(schema, item)).as(item.toString()).isEmpty();
    }
  }

  JsonNode anonymous(String path) throws IOException {
    HttpResponse<String> response = http.getJson(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  JsonNode as(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  static Set<String> values(JsonNode array, String field) {
    Set<String> values = new HashSet<>();
    array.forEach(item -> values.add(item.get(field).asText()));
    return values;
  }

  @Test
  void theValidatorRefusesTheExportOfBeforeVersionOne() throws Exception {
    // What the export looked like before v1 (issue #20): types as a list, v0 thématiques, empty
    // lists, a national phone number. The test above would not see a broken export otherwise.
    JsonNode v0 =
        JSON.readTree(
            """
            {"source": "raccroche-69", "structure_id": "ML-LYON", "id": "raccroche-69-offre-1",
             "nom": "Atelier CV", "description": "Deux demi-journées", "date_maj": "2026-01-01",
             "types": ["atelier"], "thematiques": ["preparer-sa-candidature"],
             "modes_mobilisation": [], "frais": "gratuit"}
            """);
    assertThat(problems(SERVICE, v0))
        .anyMatch(p -> p.contains("thematiques"))
        .anyMatch(p -> p.contains("modes_mobilisation"))
        .anyMatch(p -> p.startsWith("types"));
    JsonNode badStructure =
        JSON.readTree(
            """
            {"source": "raccroche-69", "id": "x", "nom": "ML", "date_maj": "hier",
             "siret": "123", "reseaux_porteurs": ["mlds"], "courriel": "pas-un-courriel"}
            """);
    assertThat(problems(STRUCTURE, badStructure))
        .anyMatch(p -> p.contains("nom"))
        .anyMatch(p -> p.contains("date_maj"))
        .anyMatch(p -> p.contains("siret"))
        .anyMatch(p -> p.contains("reseaux_porteurs"))
        .anyMatch(p -> p.contains("courriel"));
  }

  @Test
  void theStructuresExportOfTheDemoIsValidAndReadWithoutLogin() throws Exception {
    JsonNode structures = anonymous("/api/data-inclusion/structures");
    assertValid(STRUCTURE, structures);
    assertThat(values(structures, "id"))
        .contains("raccroche-69--ML-LYON", "raccroche-69--PJJ-69", "raccroche-69--E2C-LYON");
    JsonNode lyon = null;
    for (JsonNode s : structures) {
      if (s.get("id").asText().equals("raccroche-69--ML-LYON")) {
        lyon = s;
      }
      assertThat(s.get("source").asText()).isEqualTo("raccroche-69");
      if (!s.get("telephone").isNull()) {
        assertThat(s.get("telephone").asText()).matches("^\\+[1-9]\\d{7,14}$");
      }
    }
    assertThat(lyon.get("reseaux_porteurs").toString()).isEqualTo("[\"mission-locale\"]");
    assertThat(lyon.get("siret").asText()).matches("\\d{14}");
    assertThat(lyon.get("code_insee").asText()).isEqualTo("69383");
    assertThat(lyon.get("horaires_accueil").asText()).startsWith("Mo-Fr");
  }

  @Test
  void theServicesExportHoldsThePublishedOffersOnlyAndIsValid() throws Exception {
    JsonNode structures = anonymous("/api/data-inclusion/structures");
    JsonNode services = anonymous("/api/data-inclusion/services");
    assertValid(SERVICE, services);
    // Every service points to an exported structure.
    assertThat(values(structures, "id")).containsAll(values(services, "structure_id"));
    // The demo's housing offer is not published.
    assertThat(values(services, "nom"))
        .contains("Parcours École de la deuxième chance", "Prépa-apprentissage")
        .doesNotContain("Logement jeunes travailleurs");
    // The export for signed-in users is the same resource.
    JsonNode export = as(http.get("/api/offers/export", "coord.lyon", "demo"), 200);
    assertValid(SERVICE, export);
    assertThat(values(export, "id")).isEqualTo(values(services, "id"));
  }

  @Test
  void publishingIsExplicitAndStaffContactsOnlyWhenTheStructureAgreed() throws Exception {
    String body =
        """
        {"partnerCode": "%s", "name": "%s", "description": "Permanence d'accueil pour les jeunes",
         "types": ["INFORMATION", "WORKSHOP"], "needs": ["HEALTH"], "minAge": 16, "maxAge": 25,
         "perimeterCodes": ["%s"], "contactName": "Camille Martin",
         "contactEmail": "camille.martin@raccroche-demo.example.org", "contactPhone": "06 12 34 56 78",
         "fees": "PAID", "feesDetails": "Participation de 2 euros", "receptionModes": ["IN_PERSON", "REMOTE"],
         "openingHours": "We 14:00-17:00",
         "address": {"street": "3 place de la Mairie", "postalCode": "69100",
                     "communeCode": "69266", "communeName": "Villeurbanne"}}
        """;
    // ML-LYON agreed to publish its staff's contacts; ML-EST did not.
    long lyon =
        as(
                http.postJson(
                    "/api/offers",
                    body.formatted("ML-LYON", "Permanence santé Lyon", "LYON"),
                    "coord.lyon",
                    "demo"),
                201)
            .get("id")
            .asLong();
    long est =
        as(
                http.postJson(
                    "/api/offers",
                    body.formatted("ML-EST", "Permanence santé Est", "EST"),
                    "coord.est",
                    "demo"),
                201)
            .get("id")
            .asLong();
    assertThat(values(anonymous("/api/data-inclusion/services"), "nom"))
        .doesNotContain("Permanence santé Lyon", "Permanence santé Est");

    // Someone else's offer cannot be published by a coordinator of another perimeter.
    as(http.postJson("/api/offers/" + est + "/publication", "", "coord.lyon", "demo"), 403);
    assertThat(
            as(http.postJson("/api/offers/" + lyon + "/publication", "", "coord.lyon", "demo"), 200)
                .get("published")
                .asBoolean())
        .isTrue();
    as(http.postJson("/api/offers/" + est + "/publication", "", "coord.est", "demo"), 200);

    JsonNode services = anonymous("/api/data-inclusion/services");
    assertValid(SERVICE, services);
    JsonNode lyonService = find(services, "Permanence santé Lyon");
    JsonNode estService = find(services, "Permanence santé Est");
    assertThat(lyonService.get("contact_nom_prenom").asText()).isEqualTo("Camille Martin");
    assertThat(lyonService.get("telephone").asText()).isEqualTo("+33612345678");
    assertThat(lyonService.get("type").asText()).isEqualTo("atelier");
    assertThat(lyonService.get("frais").asText()).isEqualTo("payant");
    assertThat(lyonService.get("modes_accueil").toString()).contains("en-presentiel", "a-distance");
    assertThat(lyonService.get("thematiques").toString()).contains("sante--acces-aux-soins");
    assertThat(lyonService.get("code_insee").asText()).isEqualTo("69266");
    // No caseworker's name, e-mail or telephone for a structure that did not agree.
    assertThat(estService.get("contact_nom_prenom").isNull()).isTrue();
    assertThat(estService.toString()).doesNotContain("Camille", "camille", "+33612345678");
    assertThat(estService.get("courriel").asText()).isEqualTo("ml-est@raccroche-demo.example.org");

    // Withdrawn: gone from the export.
    as(delete("/api/offers/" + est + "/publication", "coord.est", "demo"), 200);
    assertThat(values(anonymous("/api/data-inclusion/services"), "nom"))
        .contains("Permanence santé Lyon")
        .doesNotContain("Permanence santé Est");
  }

  @Test
  void badDataInclusionFieldsAreRefusedInFrenchAndNothingIsSaved() throws Exception {
    String base =
        """
        {"partnerCode": "ML-LYON", "name": "Offre refusée", "needs": ["EMPLOYMENT"]%s}
        """;
    record Case(String extra, String field) {}
    List<Case> cases =
        List.of(
            new Case(", \"published\": true", "description"),
            new Case(", \"contactPhone\": \"12 34\"", "contactPhone"),
            new Case(", \"openingHours\": \"du lundi au vendredi\"", "openingHours"),
            new Case(", \"address\": {\"postalCode\": \"6900\"}", "address.postalCode"),
            new Case(", \"address\": {\"communeCode\": \"LYON1\"}", "address.communeCode"),
            new Case(", \"fees\": \"SOMETIMES\"", null),
            new Case(", \"receptionModes\": [\"BY_PIGEON\"]", null));
    int before = as(http.get("/api/offers", "superviseur", "demo"), 200).size();
    for (Case c : cases) {
      HttpResponse<String> response =
          http.postJson("/api/offers", base.formatted(c.extra()), "coord.lyon", "demo");
      assertThat(response.statusCode()).as(c.extra() + " " + response.body()).isEqualTo(400);
      if (c.field() != null) {
        assertThat(response.body()).as(c.extra()).contains(c.field());
      }
    }
    assertThat(as(http.get("/api/offers", "superviseur", "demo"), 200).size()).isEqualTo(before);

    // A partner's SIRET must have its check digit right; its telephone must be one number.
    String partner =
        """
        {"code": "ML-TEST", "name": "Mission locale de test", "type": "MISSION_LOCALE",
         "departementWide": true%s}
        """;
    HttpResponse<String> badSiret =
        http.putJson(
            "/api/partners/ML-TEST",
            partner.formatted(", \"siret\": \"12345678901234\""),
            "admin",
            "demo");
    assertThat(badSiret.statusCode()).isEqualTo(400);
    assertThat(badSiret.body()).contains("siret").contains("SIRET");
    HttpResponse<String> badPhone =
        http.putJson(
            "/api/partners/ML-TEST",
            partner.formatted(", \"contactPhone\": \"appeler l'accueil\""),
            "admin",
            "demo");
    assertThat(badPhone.statusCode()).isEqualTo(400);
    assertThat(http.get("/api/partners/ML-TEST", "admin", "demo").statusCode()).isEqualTo(404);
  }

  @Test
  void nothingElseOfTheCatalogueIsReadWithoutLogin() {
    assertThat(http.getJson("/api/offers").statusCode()).isEqualTo(401);
    assertThat(http.getJson("/api/offers/export").statusCode()).isEqualTo(401);
    assertThat(http.getJson("/api/partners").statusCode()).isEqualTo(401);
  }

  HttpResponse<String> delete(String path, String user, String password) throws Exception {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode find(JsonNode services, String name) {
    for (JsonNode s : services) {
      if (s.get("nom").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no service named " + name);
  }
}
