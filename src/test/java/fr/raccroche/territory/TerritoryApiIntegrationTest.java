package fr.raccroche.territory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RaccrocheIntegrationTest
class TerritoryApiIntegrationTest {
  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TerritoryService territory;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void newClient() {
    http = new Http(port);
  }

  JsonNode get(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response = http.get(path, "coord.est", "demo");
    assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asText()));
    return values;
  }

  @Test
  void listsTheDemoPerimetersWithTheirCommunesAndCoordinators() throws Exception {
    JsonNode perimeters = get("/api/perimeters", 200);
    assertThat(texts(perimeters, "code")).contains("EST", "LYON", "NORD");

    JsonNode lyon = get("/api/perimeters/LYON", 200);
    assertThat(lyon.get("departement").asText()).isEqualTo("69");
    assertThat(texts(lyon.get("communes"), "code"))
        .containsExactly(
            "69381", "69382", "69383", "69384", "69385", "69386", "69387", "69388", "69389");
    assertThat(lyon.get("postalCodes")).hasSize(9);
    assertThat(lyon.get("coordinators").get(0).get("userId").asText()).isEqualTo("coord.lyon");
    assertThat(lyon.get("coordinators").get(0).get("designationDate").asText())
        .isEqualTo("2025-09-01");
  }

  @Test
  void eachPerimeterAndPartnerHasItsNamedCamundaGroup() {
    // Named after the perimeter, even once the demo users joined it.
    assertThat(identity.createGroupQuery().groupId("coord-LYON").singleResult().getName())
        .isEqualTo("Coordonnateurs – Lyon");
    assertThat(identity.createGroupQuery().groupId("partner-ML-EST").singleResult().getName())
        .isEqualTo("Référents – Mission locale de l'Est lyonnais");
    assertThat(identity.createUserQuery().memberOfGroup("coord-LYON").userId("coord.lyon").count())
        .isEqualTo(1);
  }

  @Test
  void unknownCodesAnswer404WithAFrenchJsonError() throws Exception {
    JsonNode perimeter = get("/api/perimeters/SUD", 404);
    assertThat(perimeter.get("message").asText()).isEqualTo("Périmètre inconnu : SUD.");
    JsonNode partner = get("/api/partners/ML-SUD", 404);
    assertThat(partner.get("message").asText()).isEqualTo("Partenaire inconnu : ML-SUD.");
    JsonNode establishment = get("/api/establishments/0699999Z", 404);
    assertThat(establishment.get("message").asText()).contains("Établissement inconnu");
    assertThat(get("/api/partners?perimeter=SUD", 404).get("message").asText())
        .isEqualTo("Périmètre inconnu : SUD.");
  }

  @Test
  void partnersFilterByTypeAndPerimeterIncludingDepartementWidePartners() throws Exception {
    assertThat(texts(get("/api/partners?type=MISSION_LOCALE", 200), "code"))
        .contains("ML-LYON", "ML-EST", "ML-NORD")
        .doesNotContain("CIO-LYON");
    assertThat(texts(get("/api/partners?perimeter=NORD", 200), "code"))
        .contains("ML-NORD", "CFA-NORD", "MLDS-69", "PJJ-69")
        .doesNotContain("ML-LYON", "ML-EST");
    JsonNode mlds = get("/api/partners/MLDS-69", 200);
    assertThat(mlds.get("departementWide").asBoolean()).isTrue();
    assertThat(mlds.get("type").asText()).isEqualTo("MLDS");
  }

  @Test
  void malformedParametersAnswer400NamingTheField() throws Exception {
    JsonNode badType = get("/api/partners?type=BOULANGERIE", 400);
    assertThat(badType.get("fields").get(0).get("field").asText()).isEqualTo("type");
    assertThat(badType.get("message").asText()).contains("type");

    JsonNode badUai = get("/api/establishments/12AB", 400);
    assertThat(badUai.get("fields").get(0).get("field").asText()).isEqualTo("uai");
    assertThat(badUai.get("message").asText()).contains("Code UAI invalide");

    JsonNode noPlace = get("/api/territory/routing", 400);
    assertThat(noPlace.get("message").asText())
        .isEqualTo("Indiquez au moins un code commune, un code postal ou un code UAI.");
  }

  @Test
  void routesACommuneThenAPostalCodeThenAnEstablishment() throws Exception {
    JsonNode byCommune = get("/api/territory/routing?communeCode=69266&postalCode=69400", 200);
    assertThat(byCommune.get("perimeterCode").asText()).isEqualTo("EST");
    assertThat(byCommune.get("routedBy").asText()).isEqualTo("COMMUNE_CODE");

    JsonNode byPostal = get("/api/territory/routing?communeCode=99999&postalCode=69400", 200);
    assertThat(byPostal.get("perimeterCode").asText()).isEqualTo("NORD");
    assertThat(byPostal.get("routedBy").asText()).isEqualTo("POSTAL_CODE");

    JsonNode byUai = get("/api/territory/routing?postalCode=75001&uai=0690001b", 200);
    assertThat(byUai.get("perimeterCode").asText()).isEqualTo("LYON");
    assertThat(byUai.get("routedBy").asText()).isEqualTo("UAI");

    assertThat(get("/api/territory/routing?communeCode=75056", 404).get("message").asText())
        .isEqualTo("Aucun périmètre ne couvre ce lieu.");
  }

  @Test
  void establishmentsTakeThePerimeterOfTheirCommune() throws Exception {
    JsonNode est = get("/api/establishments?perimeter=EST", 200);
    assertThat(texts(est, "communeCode"))
        .isNotEmpty()
        .allMatch(c -> List.of("69266", "69259", "69029").contains(c));
    assertThat(get("/api/establishments", 200).size()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void onlyAdministratorsDefineTheTerritory() {
    String body =
        "{\"name\":\"Ouest lyonnais\",\"departement\":\"69\",\"communes\":[{\"code\":\"69149\",\"name\":\"Oullins\"}],\"postalCodes\":[\"69600\"]}";
    HttpResponse<String> refused =
        http.putJson("/api/perimeters/OUEST", body, "coord.lyon", "demo");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Vous n'avez pas accès");
    assertThat(territory.perimeterExists("OUEST")).isFalse();
  }

  @Test
  void anInvalidDefinitionIsRefusedWholeAndWritesNothing() throws Exception {
    // The second commune belongs to EST already: nothing of OUEST-BIS may be written.
    String body =
        "{\"name\":\"Ouest\",\"departement\":\"69\",\"communes\":[{\"code\":\"69149\"},{\"code\":\"69266\"}],\"postalCodes\":[\"69600\"]}";
    HttpResponse<String> response =
        http.putJson("/api/perimeters/OUEST-BIS", body, "admin", "demo");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json.readTree(response.body());
    assertThat(error.get("message").asText())
        .isEqualTo("La commune 69266 appartient déjà au périmètre EST.");
    assertThat(error.get("fields").get(0).get("field").asText()).isEqualTo("communes");
    assertThat(territory.perimeterExists("OUEST-BIS")).isFalse();
    assertThat(territory.route("69149", null, null)).isEmpty();

    HttpResponse<String> badCommune =
        http.putJson(
            "/api/perimeters/OUEST-TER",
            "{\"name\":\"Ouest\",\"departement\":\"69\",\"communes\":[{\"code\":\"6914X9\"}]}",
            "admin",
            "demo");
    assertThat(badCommune.statusCode()).isEqualTo(400);
    assertThat(badCommune.body()).contains("Code commune INSEE invalide");

    HttpResponse<String> notJson =
        http.putJson("/api/perimeters/OUEST-TER", "{oups", "admin", "demo");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("illisible").doesNotContain("Exception");
  }

  @Test
  void aNewPerimeterRoutesAndGetsItsCoordinatorsGroup() throws Exception {
    String body =
        "{\"name\":\"Sud\",\"departement\":\"69\",\"communes\":[{\"code\":\"69123\",\"name\":\"Givors\"}],\"postalCodes\":[\"69700\"]}";
    HttpResponse<String> response = http.putJson("/api/perimeters/SUD-TEST", body, "admin", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(get("/api/territory/routing?postalCode=69700", 200).get("perimeterCode").asText())
        .isEqualTo("SUD-TEST");
    assertThat(identity.createGroupQuery().groupId("coord-SUD-TEST").singleResult().getName())
        .isEqualTo("Coordonnateurs – Sud");
  }
}
