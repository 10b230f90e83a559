package fr.raccroche.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.indicators.SyntheticDepartement.Case;
import fr.raccroche.indicators.SyntheticDepartement.Expected;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators of a seeded synthetic département (school years 2021-2022 to 2023-2024, three
 * perimeters, every outcome, boundary dates, the leap day), fed through the pathway's events, read
 * through {@code GET /api/indicators} and compared with figures the test computes itself from its
 * own list of cases.
 */
@RaccrocheIntegrationTest
class IndicatorsIntegrationTest {
  static final SyntheticDepartement SYNTH = SyntheticDepartement.SHARED;

  /** School year → quarters compared (every quarter overlapping it, boundaries included). */
  static final Map<String, List<String>> PERIODS =
      Map.of(
          "2021-2022", List.of("2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2", "2022-Q3"),
          "2022-2023", List.of("2022-Q4", "2023-Q1", "2023-Q3"),
          "2023-2024", List.of("2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"),
          "2024-2025", List.of("2024-Q4", "2025-Q1"));

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void seed() {
    http = new Http(port);
    SyntheticDepartement.ensureSeeded(jdbc, transactions, events);
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = http.get(path, user, "demo");
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  static String url(String schoolYear, String quarter, String perimeter) {
    return "/api/indicators?schoolYear="
        + schoolYear
        + "&quarter="
        + quarter
        + (perimeter == null ? "" : "&perimeter=" + perimeter)
        + "&live=true";
  }

  @Test
  void theThreeIndicatorsTheirBreakdownsAndDelaysMatchTheCasesForEveryQuarterAndScope()
      throws Exception {
    int compared = 0;
    for (var period : PERIODS.entrySet()) {
      for (String quarter : period.getValue()) {
        List<String> scopes = new ArrayList<>(SyntheticDepartement.PERIMETERS);
        scopes.add(null);
        for (String perimeter : scopes) {
          Predicate<Case> scope = c -> perimeter == null || c.perimeter().equals(perimeter);
          String where = period.getKey() + " " + quarter + " " + perimeter;
          JsonNode r = get(url(period.getKey(), quarter, perimeter), "superviseur");
          assertThat(r.get("status").asText()).isEqualTo("PROVISIONAL");
          assertThat(r.get("masked").asBoolean()).isFalse();
          Expected e = SYNTH.expected(period.getKey(), quarter, scope);
          assertCounts(where, r, e);
          JsonNode d = r.get("delays");
          assertMedian(
              where, d.get("medianDaysDetectionToFirstContact"), e.medianDaysToFirstContact());
          assertMedian(
              where, d.get("medianDaysFirstContactToTakenInCharge"), e.medianDaysToTakenInCharge());
          // per perimeter
          Map<String, Expected> rows =
              SYNTH.expectedBreakdown(period.getKey(), quarter, scope, "perimeter");
          assertThat(codes(r.get("perimeters"))).as(where).isEqualTo(rows.keySet());
          for (JsonNode line : r.get("perimeters")) {
            Expected pe = rows.get(line.get("code").asText());
            assertCounts(where + " perimeter " + line.get("code"), line, pe);
            assertMedian(
                where,
                line.get("delays").get("medianDaysDetectionToFirstContact"),
                pe.medianDaysToFirstContact());
          }
          for (String dimension : IndicatorFigures.DIMENSIONS) {
            Map<String, Expected> expected =
                SYNTH.expectedBreakdown(period.getKey(), quarter, scope, dimension);
            JsonNode actual = r.get("breakdowns").get(dimension).get("rows");
            assertThat(codes(actual)).as(where + " " + dimension).isEqualTo(expected.keySet());
            for (JsonNode line : actual) {
              Expected be = expected.get(line.get("code").asText());
              String what = where + " " + dimension + "=" + line.get("code").asText();
              assertThat(line.get("solutionAfterOneYear").asLong())
                  .as(what)
                  .isEqualTo(be.solutionAfterOneYear());
              if (!dimension.equals("solutionType")) {
                assertCounts(what, line, be);
                assertThat(line.get("label").asText()).isNotBlank();
              }
            }
          }
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(14 * 4);
    // The data is not trivial: the département's figures are large and every outcome is present.
    Expected year = SYNTH.expected("2022-2023", "2023-Q3", c -> true);
    assertThat(year.leavers()).isGreaterThan(150);
    assertThat(year.takenInCharge()).isBetween(1L, year.leavers() - 1);
    assertThat(year.solutionAfterOneYear()).isBetween(1L, year.oneYearCohort() - 1);
  }

  @Test
  void theLeapDayFirstContactCountsInTheCohortOfTheFirstQuarterOneYearLater() throws Exception {
    long leapDay =
        SYNTH.cases.stream()
            .filter(
                c -> c.inScope() && java.time.LocalDate.of(2024, 2, 29).equals(c.firstContact()))
            .count();
    assertThat(leapDay).as("the synthetic data has first contacts on 2024-02-29").isPositive();
    JsonNode q1 = get(url("2024-2025", "2025-Q1", null), "superviseur");
    Expected e = SYNTH.expected("2024-2025", "2025-Q1", c -> true);
    assertThat(q1.get("oneYearCohort").asLong()).isEqualTo(e.oneYearCohort());
    assertThat(q1.get("cohortFirstContactFrom").asText()).isEqualTo("2024-01-01");
    assertThat(q1.get("cohortFirstContactTo").asText()).isEqualTo("2024-03-31");
    // Without the leap day cases, the cohort would be smaller: they are counted.
    Expected without =
        SYNTH.expected(
            "2024-2025",
            "2025-Q1",
            c -> !java.time.LocalDate.of(2024, 2, 29).equals(c.firstContact()));
    assertThat(q1.get("oneYearCohort").asLong()).isGreaterThan(without.oneYearCohort());
  }

  @Test
  void aLeaverOnTheLastDayOfTheSchoolYearCountsInThatYearAndNotInTheNext() throws Exception {
    List<Case> lastDay =
        SYNTH.cases.stream()
            .filter(c -> c.inScope() && java.time.LocalDate.of(2023, 8, 31).equals(c.leaving()))
            .toList();
    assertThat(lastDay).isNotEmpty();
    JsonNode closing = get(url("2022-2023", "2023-Q3", null), "superviseur");
    JsonNode opening = get(url("2023-2024", "2023-Q3", null), "superviseur");
    assertThat(closing.get("leavingTo").asText()).isEqualTo("2023-08-31");
    assertThat(opening.get("leavingFrom").asText()).isEqualTo("2023-09-01");
    assertThat(closing.get("leavers").asLong())
        .isEqualTo(SYNTH.expected("2022-2023", "2023-Q3", c -> true).leavers());
    assertThat(opening.get("leavers").asLong())
        .isEqualTo(SYNTH.expected("2023-2024", "2023-Q3", c -> true).leavers());
  }

  static void assertCounts(String where, JsonNode node, Expected e) {
    assertThat(node.get("leavers").asLong()).as(where + " leavers").isEqualTo(e.leavers());
    assertThat(node.get("takenInCharge").asLong())
        .as(where + " takenInCharge")
        .isEqualTo(e.takenInCharge());
    assertThat(node.get("oneYearCohort").asLong())
        .as(where + " oneYearCohort")
        .isEqualTo(e.oneYearCohort());
    assertThat(node.get("solutionAfterOneYear").asLong())
        .as(where + " solutionAfterOneYear")
        .isEqualTo(e.solutionAfterOneYear());
    if (e.oneYearCohort() == 0) {
      assertThat(node.get("solutionRate").isNull()).as(where + " rate").isTrue();
    } else {
      assertThat(node.get("solutionRate").asDouble())
          .as(where + " solutionRate")
          .isCloseTo(100.0 * e.solutionAfterOneYear() / e.oneYearCohort(), within(0.051));
    }
    if (e.leavers() > 0) {
      assertThat(node.get("takenInChargeRate").asDouble())
          .as(where + " takenInChargeRate")
          .isCloseTo(100.0 * e.takenInCharge() / e.leavers(), within(0.051));
    }
  }

  static void assertMedian(String where, JsonNode actual, Double expected) {
    if (expected == null) {
      assertThat(actual == null || actual.isNull()).as(where + " median").isTrue();
    } else {
      assertThat(actual.asDouble()).as(where + " median").isEqualTo(expected);
    }
  }

  static java.util.Set<String> codes(JsonNode lines) {
    java.util.Set<String> codes = new java.util.TreeSet<>();
    lines.forEach(l -> codes.add(l.get("code").asText()));
    return codes;
  }

  static Map<String, JsonNode> byCode(JsonNode lines) {
    Map<String, JsonNode> out = new HashMap<>();
    lines.forEach(l -> out.put(l.get("code").asText(), l));
    return out;
  }
}
