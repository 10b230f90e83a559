package fr.raccroche.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The French pages of the coordination as signed-in users see them (demo département). */
@RaccrocheIntegrationTest
class CoordinationPagesIntegrationTest {
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  Http signedIn(String user) {
    Http http = new Http(port);
    assertThat(http.signIn(user, "demo").statusCode()).isEqualTo(302);
    return http;
  }

  long count(String user) throws Exception {
    return json.readTree(new Http(port).get("/api/offers", user, "demo").body()).size();
  }

  @Test
  void theCatalogueIsBrowsedFilteredAndEditedInFrench() throws Exception {
    Http http = signedIn("coord.lyon");
    assertThat(http.get("/").body())
        .contains("Offres locales", "Diagnostic territorial", "Expérimentations");
    String list = http.get("/offers").body();
    assertThat(list)
        .contains(
            "Catalogue des offres locales",
            "Accompagnement intensif jeunes (CEJ)",
            "Nouvelle offre")
        .contains("à mettre à jour");
    String mobility = http.get("/offers?need=MOBILITY").body();
    assertThat(mobility).contains("Aide à la mobilité").doesNotContain("Atelier CV et entretien");

    String form = http.get("/offers/new").body();
    assertThat(form).contains("Nouvelle offre", "Mission locale de Lyon");
    long before = count("coord.lyon");
    Map<String, String> fields = new HashMap<>();
    fields.put("_csrf", Http.csrfToken(form));
    fields.put("partnerCode", "ML-LYON");
    fields.put("name", "Page : atelier numérique");
    fields.put("needs", "EMPLOYMENT");
    fields.put("placesAvailable", "-2");
    HttpResponse<String> refused = http.postForm("/offers/new", fields);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("ne peut pas être négatif", "Page : atelier numérique");
    // The message sits under its field, which names it (aria-describedby), marked in error.
    String placesGroup = fieldGroup(refused.body(), "placesAvailable");
    assertThat(placesGroup)
        .contains("fr-input-group--error", "fr-input--error")
        .contains("aria-describedby=\"placesAvailable-error\"")
        .containsPattern(
            "<p id=\"placesAvailable-error\" class=\"fr-error-text\">[^<]*ne peut pas être négatif");
    assertThat(fieldGroup(refused.body(), "name"))
        .doesNotContain("fr-input-group--error", "aria-describedby");
    assertThat(count("coord.lyon")).isEqualTo(before);

    fields.put("_csrf", Http.csrfToken(refused.body()));
    fields.put("placesAvailable", "3");
    fields.put("startDate", LocalDate.now().toString());
    HttpResponse<String> created = http.postForm("/offers/new", fields);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    assertThat(created.headers().firstValue("Location").orElse("")).contains("/offers?created=");
    assertThat(count("coord.lyon")).isEqualTo(before + 1);

    // A caseworker cannot open another partner's offer for editing.
    JsonNode est =
        json.readTree(new Http(port).get("/api/offers?partner=ML-EST", "coord.est", "demo").body());
    Http referent = signedIn("referent.ml-lyon");
    assertThat(referent.get("/offers/" + est.get(0).get("id").asLong() + "/edit").statusCode())
        .isEqualTo(403);
    assertThat(referent.get("/offers").body())
        .doesNotContain("/offers/" + est.get(0).get("id").asLong() + "/edit");
  }

  @Test
  void theDiagnosisAndExperimentPagesShowAggregatesOnly() throws Exception {
    Http prefecture = signedIn("prefecture");
    HttpResponse<String> index = prefecture.get("/diagnoses");
    assertThat(index.statusCode()).isEqualTo(302);
    String diagnosis =
        prefecture
            .get(
                index
                    .headers()
                    .firstValue("Location")
                    .orElseThrow()
                    .replaceFirst("^https?://[^/]+", ""))
            .body();
    assertThat(diagnosis)
        .contains(
            "Diagnostic territorial",
            "Chiffres clés",
            "Besoins repérés et offres du territoire",
            "Santé");

    String calls = prefecture.get("/experiments").body();
    assertThat(calls).contains("Appel à projets 2026 — raccrochage et remobilisation");
    JsonNode call = null;
    for (JsonNode c :
        json.readTree(new Http(port).get("/api/experiments/calls", "prefecture", "demo").body())) {
      if (c.get("title").asText().startsWith("Appel à projets 2026")) {
        call = c;
      }
    }
    assertThat(call).isNotNull();
    assertThat(call.get("granted").decimalValue()).isEqualByComparingTo("15000");
    assertThat(call.get("remaining").decimalValue())
        .isEqualByComparingTo(
            call.get("budgetEnvelope").decimalValue().subtract(call.get("granted").decimalValue()));
    String page = prefecture.get("/experiments/calls/" + call.get("id").asLong()).body();
    assertThat(page)
        .contains("Remobilisation par le sport", "Retenu", "Reste disponible", "aucun nom");
    assertThat(page).doesNotContain("Déposer un projet");
  }

  /** The DSFR field group ("fr-input-group") that holds the field with this id. */
  static String fieldGroup(String html, String id) {
    int field = html.indexOf("id=\"" + id + "\"");
    assertThat(field).as("field " + id).isPositive();
    int start = html.lastIndexOf("<div class=\"fr-input-group", field);
    int end = html.indexOf("</div>", field);
    return html.substring(start, end);
  }
}
