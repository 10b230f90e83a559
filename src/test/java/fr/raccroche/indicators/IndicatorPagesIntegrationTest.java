package fr.raccroche.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators page as its readers use it (issue 23, point 7): a coordinator's own perimeter
 * selected, refusals as a French page, the school year and the quarter chosen from lists,
 * breakdowns that add up to their totals, PDF headings kept with their tables.
 */
@RaccrocheIntegrationTest
class IndicatorPagesIntegrationTest {
  static final Set<String> HEADINGS =
      Set.of(
          "Par périmètre",
          "Objectifs",
          "Tendance des trimestres publiés",
          "Liste source",
          "Sexe",
          "Tranche d'âge à la sortie",
          "Dernier niveau atteint",
          "Motif de sortie",
          "Type de solution à un an (I3)");

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void seed() {
    SyntheticDepartement.ensureSeeded(jdbc, transactions, events);
  }

  Http signedIn(String user) {
    Http http = new Http(port);
    http.signIn(user, "demo");
    return http;
  }

  @Test
  void aCoordinatorGetsTheirOwnPerimeterAndAFrenchPageWhenRefused() {
    Http coordinator = signedIn("coord.lyon");
    HttpResponse<String> page = coordinator.get("/indicators");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    // Only their perimeter, selected: "Afficher" shows it again.
    assertThat(html)
        .contains("<option value=\"LYON\" selected=\"selected\">Lyon</option>")
        .doesNotContain("value=\"EST\"", "Tout le département");
    assertThat(coordinator.get("/indicators?perimeter=LYON&schoolYear=2022-2023&quarter=2023-Q1"))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200));

    // Another perimeter, the objectives: a French page, not JSON.
    for (String path :
        List.of(
            "/indicators?perimeter=EST&schoolYear=2022-2023&quarter=2023-Q1",
            "/indicators/objectives")) {
      HttpResponse<String> refused = coordinator.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("text/html");
      assertThat(refused.body())
          .contains("Accès refusé", "Vous n'avez pas les droits nécessaires")
          .doesNotContain("\"status\"", "{\"");
    }
  }

  @Test
  void theSchoolYearAndTheQuarterAreChosenFromLists() {
    Http prefecture = signedIn("prefecture");
    String html =
        prefecture.get("/indicators?schoolYear=2022-2023&quarter=2023-Q1&perimeter=EST").body();
    assertThat(html)
        .contains("<select class=\"fr-select\" id=\"schoolYear\" name=\"schoolYear\">")
        .contains("<option value=\"2022-2023\" selected=\"selected\">2022-2023</option>")
        .contains("<select class=\"fr-select\" id=\"quarter\" name=\"quarter\">")
        .contains(
            "<option value=\"2023-Q1\" selected=\"selected\">1er trimestre 2023 (janvier–mars)</option>")
        .contains("<option value=\"2022-Q4\">4e trimestre 2022 (octobre–décembre)</option>")
        .doesNotContain("<input id=\"quarter\"");
    // A quarter left from another year: the year's own, said in French.
    String moved = prefecture.get("/indicators?schoolYear=2022-2023&quarter=2026-Q1").body();
    assertThat(moved)
        .contains(
            "Le trimestre 1er trimestre 2026 n&#39;est pas dans l&#39;année scolaire 2022-2023"
                + " : voici le 3e trimestre 2023.");
    // Free text still answers in French.
    assertThat(prefecture.get("/indicators?schoolYear=2022&quarter=2023-Q1").body())
        .contains("Année scolaire invalide");
  }

  @Test
  void everyBreakdownAddsUpToItsTotalWithAMaskedOrOtherRow() throws Exception {
    JsonNode r =
        json.readTree(
            new Http(port)
                .get(
                    "/api/indicators?schoolYear=2022-2023&quarter=2023-Q1&perimeter=EST",
                    "prefecture",
                    "demo")
                .body());
    boolean someMasked = false;
    for (String dimension : List.of("sex", "ageBand", "lastLevel", "leavingReason")) {
      JsonNode b = r.get("breakdowns").get(dimension);
      for (String column :
          List.of("leavers", "takenInCharge", "oneYearCohort", "solutionAfterOneYear")) {
        if (!r.get(column).isNumber()) {
          continue;
        }
        long visible = 0;
        for (JsonNode row : b.get("rows")) {
          if (row.get(column).isNumber()) {
            visible += row.get(column).asLong();
          } else {
            someMasked = true;
          }
        }
        long other = 0;
        JsonNode total = null;
        for (JsonNode row : b.get("footer")) {
          if (row.get("label").asText().equals("Masqués / autres")) {
            other = row.get(column).asLong();
          } else {
            total = row;
          }
        }
        assertThat(total.get("label").asText()).isEqualTo("Total");
        assertThat(visible + other)
            .as(dimension + " " + column)
            .isEqualTo(r.get(column).asLong())
            .isEqualTo(total.get(column).asLong());
      }
    }
    assertThat(someMasked).as("the EST report masks small counts").isTrue();

    // The page shows those rows under each table.
    String html =
        signedIn("prefecture")
            .get("/indicators?schoolYear=2022-2023&quarter=2023-Q1&perimeter=EST")
            .body();
    assertThat(html).contains("<tfoot>", "<th scope=\"row\">Masqués / autres</th>");
    assertThat(html.split("<th scope=\"row\">Total</th>", -1).length - 1).isEqualTo(6);
  }

  @Test
  void noPdfPageEndsWithAHeadingWhoseTableIsOnTheNext() throws Exception {
    for (String perimeter : List.of("", "&perimeter=EST")) {
      byte[] pdf =
          bytes(
              "/api/indicators/export?schoolYear=2022-2023&quarter=2023-Q1&format=pdf" + perimeter);
      PdfReader reader = new PdfReader(pdf);
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      assertThat(reader.getNumberOfPages()).isGreaterThan(1);
      List<String> seen = new ArrayList<>();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        List<String> lines =
            extractor
                .getTextFromPage(page)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        String last = lines.get(lines.size() - 1);
        assertThat(HEADINGS).as("last line of page " + page + ": " + last).doesNotContain(last);
        seen.addAll(lines);
      }
      assertThat(seen)
          .as("every heading is printed")
          .containsAll(
              List.of("Par périmètre", "Sexe", "Tranche d'âge à la sortie", "Motif de sortie"));
    }
  }

  byte[] bytes(String path) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("prefecture:demo".getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
