package fr.raccroche.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator orienting a young person sees the matching offers of the catalogue, best first, in
 * the orientation task; the offer picked is counted in the territorial diagnosis.
 */
@RaccrocheIntegrationTest
class CoordinationOrientationIntegrationTest {
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  JsonNode ok(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  long offer(String name, String needs, Integer places, String extra) throws Exception {
    String body =
        """
        {"partnerCode": "ML-LYON", "name": "%s", "needs": %s, "perimeterCodes": ["LYON"],
         "placesAvailable": %s%s}
        """
            .formatted(name, needs, places == null ? "null" : places.toString(), extra);
    return ok(http.postJson("/api/offers", body, "coord.lyon", "demo"), 201).get("id").asLong();
  }

  JsonNode task(String caseNumber) throws Exception {
    JsonNode tasks =
        ok(
            http.get(
                "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + caseNumber,
                "coord.lyon",
                "demo"),
            200);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  HttpResponse<String> complete(String caseNumber, String variables) throws Exception {
    return http.postJson(
        "/engine-rest/task/" + task(caseNumber).get("id").asText() + "/complete",
        "{\"variables\":" + variables + "}",
        "coord.lyon",
        "demo");
  }

  JsonNode diagnosis() throws Exception {
    LocalDate today = LocalDate.now();
    int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    return ok(
            http.get("/api/diagnoses/LYON/" + start + "-" + (start + 1), "coord.lyon", "demo"), 200)
        .get("figures");
  }

  @Test
  void theOrientationTaskOffersTheMatchingOffersBestFirstAndRecordsTheChoice() throws Exception {
    long otherNeedOnly = offer("Orient. logement seul", "[\"HOUSING\"]", 10, "");
    long primaryFewPlaces = offer("Orient. apprentissage 2 places", "[\"APPRENTICESHIP\"]", 2, "");
    long primaryAndOther =
        offer("Orient. apprentissage et logement", "[\"APPRENTICESHIP\", \"HOUSING\"]", 1, "");
    long full = offer("Orient. apprentissage complet", "[\"APPRENTICESHIP\"]", 0, "");
    long tooYoung =
        offer(
            "Orient. apprentissage 21 ans et plus", "[\"APPRENTICESHIP\"]", 5, ", \"minAge\": 21");
    long ended =
        offer(
            "Orient. apprentissage terminé",
            "[\"APPRENTICESHIP\"]",
            5,
            ", \"startDate\": \"2020-01-01\", \"endDate\": \"2020-06-30\"");
    long elsewhere =
        ok(
                http.postJson(
                    "/api/offers",
                    "{\"partnerCode\":\"ML-EST\",\"name\":\"Orient. Est\",\"needs\":[\"APPRENTICESHIP\"],\"perimeterCodes\":[\"EST\"]}",
                    "coord.est",
                    "demo"),
                201)
            .get("id")
            .asLong();

    JsonNode before = diagnosis();
    String caseBody =
        """
        {"lastName":"Orientée","firstName":"Inès","sex":"F","birthDate":"%s",
         "postalCode":"69008","communeName":"Lyon","lastLevel":"LYCEE","leavingDate":"%s"}
        """
            .formatted(LocalDate.now().minusYears(17).minusDays(3), LocalDate.now().minusMonths(1));
    String n =
        ok(http.postJson("/api/cases", caseBody, "coord.lyon", "demo"), 201)
            .get("caseNumber")
            .asText();
    ok(complete(n, "{\"contactOutcome\":{\"value\":\"REACHED\"}}"), 204);
    ok(
        complete(
            n,
            "{\"primaryNeed\":{\"value\":\"APPRENTICESHIP\"},\"otherNeeds\":{\"value\":\"[\\\"HOUSING\\\"]\"}}"),
        204);
    ok(complete(n, "{\"priorLearningHighestLevel\":{\"value\":\"LYCEE\"}}"), 204);
    JsonNode orient = task(n);
    assertThat(orient.get("taskDefinitionKey").asText()).isEqualTo("Task_OrientToReferent");

    JsonNode variable =
        ok(
            http.get(
                "/engine-rest/task/" + orient.get("id").asText() + "/variables/offerOptions",
                "coord.lyon",
                "demo"),
            200);
    JsonNode options =
        variable.get("value").isTextual()
            ? json.readTree(variable.get("value").asText())
            : variable.get("value");
    List<String> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    options.forEach(
        o -> {
          values.add(o.get("value").asText());
          labels.add(o.get("label").asText());
        });
    // Best first: primary and other need, then primary need only, then other need only.
    assertThat(values)
        .containsSubsequence(
            String.valueOf(primaryAndOther),
            String.valueOf(primaryFewPlaces),
            String.valueOf(otherNeedOnly));
    assertThat(values)
        .doesNotContain(
            String.valueOf(full),
            String.valueOf(tooYoung),
            String.valueOf(ended),
            String.valueOf(elsewhere));
    assertThat(labels.get(values.indexOf(String.valueOf(primaryAndOther))))
        .contains(
            "Orient. apprentissage et logement",
            "Mission locale de Lyon",
            "1 place",
            "besoin principal");

    // An offer that was not proposed is refused in French; the task stays.
    HttpResponse<String> refused =
        complete(
            n,
            "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"},\"chosenOfferId\":{\"value\":\""
                + full
                + "\"}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    // Refused by the orientation task's validation: the offers proposed depend on the structure
    // chosen, so the generic form check leaves that field to it (docs/security.md R2).
    assertThat(refused.body())
        .contains("L'offre choisie", "ne fait pas partie des offres proposées");
    assertThat(task(n).get("taskDefinitionKey").asText()).isEqualTo("Task_OrientToReferent");

    ok(
        complete(
            n,
            "{\"referentPartnerCode\":{\"value\":\"ML-LYON\"},\"chosenOfferId\":{\"value\":\""
                + primaryAndOther
                + "\"}}"),
        204);
    JsonNode after = diagnosis();
    assertThat(after.get("orientationsToAnOffer").asInt())
        .isEqualTo(before.get("orientationsToAnOffer").asInt() + 1);
    assertThat(after.get("needsAnalysed").asInt())
        .isEqualTo(before.get("needsAnalysed").asInt() + 1);
    assertThat(after.get("cases").asInt()).isEqualTo(before.get("cases").asInt() + 1);
  }
}
