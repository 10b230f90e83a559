package fr.raccroche.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.territory.OfficialCommune;
import fr.raccroche.territory.TerritoryService;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's second département (42, Loire, issue 24) loads beside the Rhône: its perimeters with
 * the official communes, its partners, its users, who see its cases and none of the Rhône's.
 */
@RaccrocheIntegrationTest
class DemoLoireIntegrationTest {
  @LocalServerPort int port;
  @Autowired TerritoryService territory;
  final ObjectMapper json = new ObjectMapper();

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = new Http(port).get(path, user, "demo");
    assertThat(response.statusCode()).as(path + " " + user + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  List<String> caseNumbers(String user) throws Exception {
    List<String> numbers = new ArrayList<>();
    get("/api/cases?size=200", user)
        .get("content")
        .forEach(c -> numbers.add(c.get("caseNumber").asText()));
    return numbers;
  }

  @Test
  void theLoireHasItsPerimetersPartnersUsersAndCases() throws Exception {
    JsonNode saintEtienne = get("/api/perimeters/SAINT-ETIENNE", "admin");
    assertThat(saintEtienne.get("departement").asText()).isEqualTo("42");
    List<String> communes = new ArrayList<>();
    saintEtienne.get("communes").forEach(c -> communes.add(c.get("code").asText()));
    assertThat(communes)
        .containsExactlyInAnyOrderElementsOf(DemoLoireLoader.SAINT_ETIENNE_COMMUNES);
    // Names are the official list's, not typed.
    saintEtienne
        .get("communes")
        .forEach(
            c ->
                assertThat(c.get("name").asText())
                    .isEqualTo(
                        territory
                            .officialCommune(c.get("code").asText())
                            .map(OfficialCommune::name)
                            .orElseThrow()));
    assertThat(get("/api/perimeters/ROANNE", "admin").get("departement").asText()).isEqualTo("42");
    for (String partner : List.of("ML-SAINT-ETIENNE", "ML-ROANNE", "CIO-ROANNE", "MLDS-42")) {
      assertThat(get("/api/partners/" + partner, "admin").get("departement").asText())
          .as(partner)
          .isEqualTo("42");
    }

    // Its coordinators see their perimeter's cases; its supervisor every case of 42, none of 69.
    List<String> roanne = caseNumbers("coord.42-roanne");
    assertThat(roanne).isNotEmpty().allMatch(n -> n.matches("\\d{4}-42-\\d{6}"));
    List<String> loire = caseNumbers("superviseur.42");
    assertThat(loire).containsAll(roanne).allMatch(n -> n.matches("\\d{4}-42-\\d{6}"));
    assertThat(loire.size()).isGreaterThan(roanne.size());
    assertThat(caseNumbers("coord.42-saint-etienne"))
        .isNotEmpty()
        .allMatch(n -> n.matches("\\d{4}-42-\\d{6}"))
        .doesNotContainAnyElementsOf(roanne);
    assertThat(caseNumbers("superviseur")).isNotEmpty().noneMatch(n -> n.contains("-42-"));
    assertThat(caseNumbers("coord.lyon")).noneMatch(n -> n.contains("-42-"));
    // The Mission locale's caseworker sees the cases oriented to it.
    assertThat(caseNumbers("referent.ml-saint-etienne"))
        .isNotEmpty()
        .allMatch(n -> n.matches("\\d{4}-42-\\d{6}"));
    // The Loire's prefecture reads aggregates, no case.
    assertThat(new Http(port).get("/api/cases", "prefecture.42", "demo").statusCode())
        .isEqualTo(403);
  }
}
