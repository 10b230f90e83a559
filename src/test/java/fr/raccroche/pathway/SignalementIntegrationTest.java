package fr.raccroche.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #17 point 3: a signalement never discloses or changes another perimeter's young person;
 * within one's own scope, it follows the intake's merge policy (docs/intake.md §5).
 */
@RaccrocheIntegrationTest
class SignalementIntegrationTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static String person(String last, String birth, String commune, String phone, String address) {
    return "{\"lastName\":\""
        + last
        + "\",\"firstName\":\"Inès\",\"birthDate\":\""
        + birth
        + "\",\"communeCode\":\""
        + commune
        + "\",\"phone\":\""
        + phone
        + "\",\"address\":\""
        + address
        + "\",\"legalGuardian\":\"Mme Garde\"}";
  }

  JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  String phoneOf(String caseNumber) throws Exception {
    return body(http.get("/api/cases/" + caseNumber, "admin", "demo"))
        .get("person")
        .get("phone")
        .asText();
  }

  long openCasesOf(String lastName) {
    return jdbc.queryForObject(
        "select count(*) from support_case c join young_person p on p.id = c.person_id"
            + " where p.last_name = ? and c.status <> 'CLOSED'",
        Long.class,
        lastName);
  }

  @Test
  void anotherPerimetersYoungPersonIsNeitherShownNorChangedAndItsCoordinatorsDecide()
      throws Exception {
    String birth = LocalDate.now().minusYears(17).minusDays(77).toString();
    HttpResponse<String> created =
        http.postJson(
            "/api/cases",
            person("Signaleailleurs", birth, "69383", "0611111111", "1 rue des Secrets"),
            "coord.lyon",
            "demo");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String lyonCase = body(created).get("caseNumber").asText();

    // EST signals the same young person, with other contact details.
    HttpResponse<String> signalled =
        http.postJson(
            "/api/cases",
            person("SIGNALEAILLEURS", birth, "69266", "0622222222", "9 rue Nouvelle"),
            "coord.est",
            "demo");
    assertThat(signalled.statusCode()).as(signalled.body()).isEqualTo(409);
    assertThat(signalled.body())
        .contains("LYON", "déjà suivi")
        .doesNotContain(lyonCase, "0611111111", "1 rue des Secrets", "Mme Garde");
    assertThat(body(signalled).get("perimeterCode").asText()).isEqualTo("LYON");
    // Nothing of the record changed, no second case.
    assertThat(phoneOf(lyonCase)).isEqualTo("0611111111");
    assertThat(openCasesOf("Signaleailleurs")).isEqualTo(1);
    assertThat(http.get("/api/cases/" + lyonCase, "coord.est", "demo").statusCode()).isEqualTo(404);
    // The attempt is in the access log, as EST's.
    List<Map<String, Object>> log =
        jdbc.queryForList(
            "select user_id, surface from access_log where case_number = ?", lyonCase);
    assertThat(log)
        .anySatisfy(
            r -> {
              assertThat(r.get("USER_ID") == null ? r.get("user_id") : r.get("USER_ID"))
                  .isEqualTo("coord.est");
              assertThat(r.get("SURFACE") == null ? r.get("surface") : r.get("SURFACE"))
                  .isEqualTo("SIGNALEMENT_ELSEWHERE");
            });

    // LYON's coordinators get the task with what EST gave; EST does not see it.
    String tasks =
        "/engine-rest/task?maxResults=100&taskDefinitionKey=Task_ReviewSignalement"
            + "&processInstanceBusinessKey="
            + lyonCase;
    JsonNode lyonTasks = body(http.get(tasks, "coord.lyon", "demo"));
    assertThat(lyonTasks).hasSize(1);
    assertThat(body(http.get(tasks, "coord.est", "demo"))).isEmpty();
    String taskId = lyonTasks.get(0).get("id").asText();
    String summary =
        body(http.get(
                "/engine-rest/task/" + taskId + "/variables/signalementSummary",
                "coord.lyon",
                "demo"))
            .get("value")
            .asText();
    assertThat(summary).contains("0622222222", "EST");
    HttpResponse<String> applied =
        http.postJson(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"signalementDecision\":{\"value\":\"APPLY\"}}}",
            "coord.lyon",
            "demo");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(204);
    assertThat(phoneOf(lyonCase)).isEqualTo("0622222222");
    assertThat(openCasesOf("Signaleailleurs")).isEqualTo(1);

    // Erased with the person: what was signalled, and the review's process.
    HttpResponse<String> erased =
        http.postJson(
            "/api/erasures",
            "{\"caseNumber\":\"" + lyonCase + "\",\"reason\":\"Opposition\"}",
            "admin",
            "demo");
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_signalement where case_number = ?",
                Long.class,
                lyonCase))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_procinst where business_key_ = ?",
                Long.class,
                lyonCase))
        .isZero();
  }

  @Test
  void withinOnesScopeASignalementAnswersTheOpenCaseAndUpdatesItsContactDetails() throws Exception {
    String birth = LocalDate.now().minusYears(18).minusDays(91).toString();
    String first =
        body(http.postJson(
                "/api/cases",
                person("Resignale", birth, "69383", "0644444444", "2 rue Ancienne"),
                "coord.lyon",
                "demo"))
            .get("caseNumber")
            .asText();
    HttpResponse<String> again =
        http.postJson(
            "/api/cases",
            person("Resignale", birth, "69383", "0655555555", ""),
            "coord.lyon",
            "demo");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(body(again).get("caseNumber").asText()).isEqualTo(first);
    assertThat(phoneOf(first)).isEqualTo("0655555555");
    JsonNode stored = body(http.get("/api/cases/" + first, "admin", "demo")).get("person");
    assertThat(stored.get("address").asText())
        .as("a blank field changes nothing")
        .isEqualTo("2 rue Ancienne");
    assertThat(openCasesOf("Resignale")).isEqualTo(1);
  }

  @Test
  void aCaseOpenedInAnotherPerimeterAnswersItsNumberOnly() throws Exception {
    String birth = LocalDate.now().minusYears(19).minusDays(13).toString();
    HttpResponse<String> created =
        http.postJson(
            "/api/cases",
            person("Ouvertailleurs", birth, "69264", "0666666666", "5 rue du Nord"),
            "coord.lyon",
            "demo");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = body(created);
    assertThat(answer.get("perimeterCode").asText()).isEqualTo("NORD");
    assertThat(answer.has("person")).isFalse();
    assertThat(
            http.get("/api/cases/" + answer.get("caseNumber").asText(), "coord.nord", "demo")
                .statusCode())
        .isEqualTo(200);
  }
}
