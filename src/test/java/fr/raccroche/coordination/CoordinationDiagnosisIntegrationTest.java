package fr.raccroche.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.MilestoneReached;
import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.NeedsAnalysed;
import fr.raccroche.pathway.OfferChosen;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The territorial diagnosis of a seeded school year (2019-2020 in NORD, no demo case there):
 * figures checked against values computed here by hand, the yearly campaign opened once, written by
 * the perimeter's coordinators, validated by a supervisor, kept with its figures; page and PDF.
 */
@RaccrocheIntegrationTest
class CoordinationDiagnosisIntegrationTest {
  static final String YEAR = "2019-2020";
  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
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

  void milestone(String n, Milestone m, String day, Boolean inSolution) {
    events.publishEvent(
        new MilestoneReached(
            n,
            m,
            LocalDate.parse(day),
            "NORD",
            null,
            null,
            inSolution,
            m == Milestone.CLOSED ? ClosureReason.SOLUTION_CONFIRMED : null));
  }

  /** Needs that no current NORD offer addresses, read from the catalogue API. */
  List<Need> needsWithoutOfferInNord() throws Exception {
    List<Need> without = new ArrayList<>();
    for (Need need : Need.values()) {
      JsonNode offers =
          ok(http.get("/api/offers?perimeter=NORD&need=" + need, "superviseur", "demo"), 200);
      boolean any = false;
      for (JsonNode o : offers) {
        any |=
            o.get("endDate").isNull()
                || !LocalDate.parse(o.get("endDate").asText()).isBefore(LocalDate.now());
      }
      if (!any) {
        without.add(need);
      }
    }
    return without;
  }

  @Test
  void figuresCampaignWritingValidationPageAndPdf() throws Exception {
    // A NORD offer for housing, so that housing has an offer whatever the demo holds.
    long housingOffer =
        ok(
                http.postJson(
                    "/api/offers",
                    "{\"partnerCode\":\"ML-NORD\",\"name\":\"Diag. logement jeunes\",\"needs\":[\"HOUSING\"],\"perimeterCodes\":[\"NORD\"],\"placesAvailable\":7}",
                    "coord.nord",
                    "demo"),
                201)
            .get("id")
            .asLong();
    List<Need> withoutOffer = needsWithoutOfferInNord();
    assertThat(withoutOffer)
        .as("some need has no NORD offer")
        .isNotEmpty()
        .doesNotContain(Need.HOUSING);
    Need missing = withoutOffer.get(0);

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s -> {
              // c1: contact after 4 days, taken in charge 20 days later, in solution after a year.
              milestone("2019-69-990001", Milestone.DETECTED, "2019-10-01", null);
              milestone("2019-69-990001", Milestone.FIRST_CONTACT, "2019-10-05", null);
              events.publishEvent(
                  new NeedsAnalysed(
                      "2019-69-990001",
                      "NORD",
                      Need.HOUSING,
                      List.of(Need.MOBILITY),
                      LocalDate.parse("2019-10-06")));
              events.publishEvent(
                  new OfferChosen(
                      "2019-69-990001",
                      "NORD",
                      housingOffer,
                      "ML-NORD",
                      LocalDate.parse("2019-10-10")));
              milestone("2019-69-990001", Milestone.TAKEN_IN_CHARGE, "2019-10-25", null);
              milestone("2019-69-990001", Milestone.ONE_YEAR_CHECK, "2020-10-05", true);
              // c2: contact after 10 days, taken in charge 30 days later, no solution after a year.
              milestone("2019-69-990002", Milestone.DETECTED, "2019-11-01", null);
              milestone("2019-69-990002", Milestone.FIRST_CONTACT, "2019-11-11", null);
              events.publishEvent(
                  new NeedsAnalysed(
                      "2019-69-990002", "NORD", missing, List.of(), LocalDate.parse("2019-11-12")));
              milestone("2019-69-990002", Milestone.TAKEN_IN_CHARGE, "2019-12-11", null);
              milestone("2019-69-990002", Milestone.ONE_YEAR_CHECK, "2020-11-11", false);
              // c3: contact after 2 days, never taken in charge.
              milestone("2019-69-990003", Milestone.DETECTED, "2019-12-01", null);
              milestone("2019-69-990003", Milestone.FIRST_CONTACT, "2019-12-03", null);
              events.publishEvent(
                  new NeedsAnalysed(
                      "2019-69-990003",
                      "NORD",
                      Need.HOUSING,
                      List.of(missing),
                      LocalDate.parse("2019-12-04")));
              // c4: detected only.
              milestone("2019-69-990004", Milestone.DETECTED, "2020-01-01", null);
            });

    JsonNode f =
        ok(http.get("/api/diagnoses/NORD/" + YEAR, "coord.nord", "demo"), 200).get("figures");
    assertThat(f.get("cases").asInt()).isEqualTo(4);
    assertThat(f.get("needsAnalysed").asInt()).isEqualTo(3);
    // Need occurrences: c1 housing + mobility, c2 missing, c3 housing + missing = 5.
    int occurrences = 5;
    int without = 2 + (withoutOffer.contains(Need.MOBILITY) ? 1 : 0);
    assertThat(f.get("needOccurrences").asInt()).isEqualTo(occurrences);
    assertThat(f.get("needOccurrencesWithoutOffer").asInt()).isEqualTo(without);
    assertThat(f.get("shareOfNeedsWithoutOffer").asDouble())
        .isEqualTo(Math.round(without * 1000.0 / occurrences) / 10.0);
    assertThat(f.get("medianDaysToFirstContact").asDouble()).isEqualTo(4.0); // 2, 4, 10
    assertThat(f.get("medianDaysToTakenInCharge").asDouble()).isEqualTo(25.0); // 20, 30
    assertThat(f.get("takenInCharge").asInt()).isEqualTo(2);
    assertThat(f.get("takenInChargeRate").asDouble()).isEqualTo(50.0);
    assertThat(f.get("oneYearChecked").asInt()).isEqualTo(2);
    assertThat(f.get("solutionRate").asDouble()).isEqualTo(50.0);
    assertThat(f.get("orientationsToAnOffer").asInt()).isEqualTo(1);
    Map<String, JsonNode> byNeed = new HashMap<>();
    f.get("needs").forEach(n -> byNeed.put(n.get("need").asText(), n));
    assertThat(byNeed.get("HOUSING").get("youngPeople").asInt()).isEqualTo(2);
    assertThat(byNeed.get("HOUSING").get("asPrimaryNeed").asInt()).isEqualTo(2);
    assertThat(byNeed.get("HOUSING").get("withoutOffer").asBoolean()).isFalse();
    assertThat(byNeed.get(missing.name()).get("youngPeople").asInt()).isEqualTo(2);
    assertThat(byNeed.get(missing.name()).get("offers").asInt()).isZero();
    assertThat(byNeed.get(missing.name()).get("withoutOffer").asBoolean()).isTrue();
    assertThat(f.get("partnerTypesPresent").toString())
        .contains("Mission locale", "Centre de formation d'apprentis");
    assertThat(f.get("partnerTypesMissing").toString())
        .contains("EPIDE")
        .doesNotContain("Mission locale");

    // The page shows where needs have no offer; the PDF is a PDF.
    String page = http.get("/diagnoses/NORD/" + YEAR, "coord.nord", "demo").body();
    assertThat(page)
        .contains("Besoins sans aucune offre", missing.label(), "Aucune offre", "50,0 %");
    HttpResponse<String> pdf = http.get("/diagnoses/NORD/" + YEAR + ".pdf", "prefecture", "demo");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF");
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
    // In French, titled: read back with OpenPDF (catalog /Lang, /Title, DisplayDocTitle).
    PdfReader reader = new PdfReader(pdfBytes("/diagnoses/NORD/" + YEAR + ".pdf", "prefecture"));
    assertThat(reader.getCatalog().getAsString(PdfName.LANG).toUnicodeString()).isEqualTo("fr-FR");
    assertThat(reader.getInfo().get("Title"))
        .isEqualTo("Diagnostic territorial — " + f.get("perimeterName").asText() + " — " + YEAR);
    assertThat(
            reader
                .getCatalog()
                .getAsDict(PdfName.VIEWERPREFERENCES)
                .getAsBoolean(PdfName.DISPLAYDOCTITLE))
        .isEqualTo(PdfBoolean.PDFTRUE);
    reader.close();

    // Bad input.
    JsonNode bad = ok(http.get("/api/diagnoses/NORD/2019-2021", "coord.nord", "demo"), 400);
    assertThat(bad.get("fields").get(0).get("field").asText()).isEqualTo("schoolYear");
    ok(http.get("/api/diagnoses/NOWHERE/" + YEAR, "coord.nord", "demo"), 404);
    ok(
        http.postJson("/api/diagnoses/campaign?schoolYear=" + YEAR, "{}", "coord.nord", "demo"),
        403);

    // The campaign opens one diagnosis per perimeter, once.
    JsonNode campaign =
        ok(
            http.postJson(
                "/api/diagnoses/campaign?schoolYear=" + YEAR, "{}", "superviseur", "demo"),
            200);
    assertThat(campaign.get("opened").toString()).contains("NORD", "LYON", "EST");
    JsonNode again =
        ok(
            http.postJson(
                "/api/diagnoses/campaign?schoolYear=" + YEAR, "{}", "superviseur", "demo"),
            200);
    assertThat(again.get("opened")).isEmpty();
    String key = "diagnostic-NORD-" + YEAR;
    JsonNode tasks =
        ok(
            http.get(
                "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + key,
                "coord.nord",
                "demo"),
            200);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("name").asText()).isEqualTo("Rédiger le diagnostic territorial");
    assertThat(
            ok(
                http.get(
                    "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + key,
                    "coord.lyon",
                    "demo"),
                200))
        .isEmpty();
    JsonNode text =
        ok(
            http.get(
                "/engine-rest/task/"
                    + tasks.get(0).get("id").asText()
                    + "/variables/diagnosisFiguresText",
                "coord.nord",
                "demo"),
            200);
    assertThat(text.get("value").asText())
        .contains("Taux de prise en charge :** 50,0 %", missing.label());

    HttpResponse<String> empty =
        http.postJson(
            "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
            "{\"variables\":{\"strengths\":{\"value\":\"Mission locale réactive\"}}}",
            "coord.nord",
            "demo");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Indiquez les faiblesses du territoire");
    ok(
        http.postJson(
            "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
            "{\"variables\":{\"strengths\":{\"value\":\"Mission locale réactive\"},\"weaknesses\":{\"value\":\"Aucune offre pour "
                + missing.label()
                + "\"}}}",
            "coord.nord",
            "demo"),
        204);
    assertThat(
            ok(http.get("/api/diagnoses/NORD/" + YEAR, "superviseur", "demo"), 200)
                .get("status")
                .asText())
        .isEqualTo("SUBMITTED");
    JsonNode review =
        ok(
            http.get(
                "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + key,
                "superviseur",
                "demo"),
            200);
    assertThat(review.get(0).get("name").asText()).isEqualTo("Valider le diagnostic territorial");
    ok(
        http.postJson(
            "/engine-rest/task/" + review.get(0).get("id").asText() + "/complete",
            "{\"variables\":{\"diagnosisValidated\":{\"value\":true}}}",
            "superviseur",
            "demo"),
        204);
    JsonNode validated = ok(http.get("/api/diagnoses/NORD/" + YEAR, "prefecture", "demo"), 200);
    assertThat(validated.get("status").asText()).isEqualTo("VALIDATED");
    assertThat(validated.get("figuresFrozen").asBoolean()).isTrue();
    assertThat(validated.get("strengths").asText()).isEqualTo("Mission locale réactive");
    assertThat(validated.get("validatedBy").asText()).isEqualTo("superviseur");
    // The prefecture reads the frozen figures with the indicators' small counts masked.
    assertThat(validated.get("figures").get("cases").asText()).isEqualTo("< 5");
    assertThat(
            ok(http.get("/api/diagnoses/NORD/" + YEAR, "superviseur", "demo"), 200)
                .get("figures")
                .get("cases")
                .asInt())
        .isEqualTo(4);
    JsonNode history = ok(http.get("/api/diagnoses/NORD", "coord.nord", "demo"), 200);
    assertThat(history.toString()).contains(YEAR);
  }

  byte[] pdfBytes(String path, String user) throws Exception {
    HttpResponse<byte[]> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    (user + ":demo")
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
