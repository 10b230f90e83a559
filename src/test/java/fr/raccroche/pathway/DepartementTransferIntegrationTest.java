package fr.raccroche.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.FaultInjection;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A young person who moves from the Rhône (69) to the Loire (42), both served by the deployment
 * (issue 24): the Rhône's case closes, the Loire's intake opens one, each side sees the link and
 * nothing more of the other's case; bad destinations change nothing.
 */
@RaccrocheIntegrationTest
class DepartementTransferIntegrationTest {
  static final String RUN = CasePageStoryIntegrationTest.RUN;
  static final String PHONE = "06 98 76 54 32";
  static final String STREET = "12 rue de la Résistance";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  final ObjectMapper json = new ObjectMapper();
  Http http;
  String poisoned;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void cure() {
    if (poisoned != null) {
      FaultInjection.cure(poisoned);
    }
  }

  JsonNode ok(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  /** A young person of Lyon, signalled with a leaving reason (free text that must stay in 69). */
  String lyonCase(String lastName, int days) throws Exception {
    String body =
        """
        {"lastName":"%s","firstName":"Maëlys","sex":"F","birthDate":"%s",
         "address":"4 rue Garibaldi","postalCode":"69003","communeCode":"69383",
         "communeName":"Lyon 3e","phone":"06 11 22 33 44",
         "leavingReason":"Note confidentielle du Rhône %s","lastLevel":"CAP_BEP",
         "leavingDate":"%s"}
        """
            .formatted(
                lastName,
                LocalDate.now().minusYears(18).minusDays(days),
                RUN,
                LocalDate.now().minusMonths(2));
    JsonNode created = ok(http.postJson("/api/cases", body, "coord.lyon", "demo"), 201);
    assertThat(created.get("processInstanceId").isNull()).isFalse();
    return created.get("caseNumber").asText();
  }

  HttpResponse<String> leave(String caseNumber, Map<String, String> fields, String user) {
    Map<String, String> body = new HashMap<>(fields);
    body.put("type", "LEFT_DEPARTEMENT");
    try {
      return http.postJson(
          "/api/cases/" + caseNumber + "/events", json.writeValueAsString(body), user, "demo");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  String fact(String column, String caseNumber) {
    return jdbc.queryForObject(
        "SELECT " + column + " FROM indicator_case_fact WHERE case_number = ?",
        String.class,
        caseNumber);
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void aCaseMovedToTheLoireClosesInTheRhoneAndOpensInTheLoiresIntake() throws Exception {
    String old = lyonCase("Transfert" + RUN, 11);

    JsonNode answer =
        ok(
            leave(
                old,
                Map.of(
                    "toDepartement",
                    "42",
                    "communeCode",
                    "42218",
                    "postalCode",
                    "42100",
                    "address",
                    STREET,
                    "phone",
                    PHONE),
                "coord.lyon"),
            201);
    String opened = answer.get("transferredTo").asText();
    assertThat(opened).matches("\\d{4}-42-\\d{6}");
    assertThat(answer.get("toDepartement").asText()).isEqualTo("42");
    // Only the number and the département come back to the Rhône.
    assertThat(answer.toString()).doesNotContain(PHONE, STREET, "SAINT-ETIENNE");

    // The Rhône's case: closed as departed, with the link, without the new contact details.
    JsonNode former = ok(http.get("/api/cases/" + old, "coord.lyon", "demo"), 200);
    assertThat(former.get("status").asText()).isEqualTo("CLOSED");
    assertThat(former.get("closureReason").asText()).isEqualTo("TRANSFERRED");
    assertThat(former.get("transferredToDepartement").asText()).isEqualTo("42");
    assertThat(former.get("transferredToCaseNumber").asText()).isEqualTo(opened);
    assertThat(former.toString()).doesNotContain(PHONE, STREET, "42218", "Saint-Étienne");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(old).count())
        .isZero();

    // The Loire's case: open in the perimeter of the new commune, its pathway running as the
    // Loire's tenant, the new contact details, nothing of the Rhône's free text.
    JsonNode arrived = ok(http.get("/api/cases/" + opened, "coord.42-saint-etienne", "demo"), 200);
    assertThat(arrived.get("perimeterCode").asText()).isEqualTo("SAINT-ETIENNE");
    assertThat(arrived.get("status").asText()).isEqualTo("TO_CONTACT");
    assertThat(arrived.get("origin").asText()).isEqualTo("TRANSFER");
    assertThat(arrived.get("transferredFromDepartement").asText()).isEqualTo("69");
    assertThat(arrived.get("transferredToCaseNumber").isNull()).isTrue();
    assertThat(arrived.get("person").get("phone").asText()).isEqualTo(PHONE);
    assertThat(arrived.get("person").get("address").asText()).isEqualTo(STREET);
    assertThat(arrived.get("person").get("communeCode").asText()).isEqualTo("42218");
    assertThat(arrived.get("person").get("communeName").asText()).isEqualTo("Saint-Étienne");
    assertThat(arrived.get("person").get("postalCode").asText()).isEqualTo("42100");
    assertThat(arrived.get("lastLevel").asText()).isEqualTo("CAP_BEP");
    assertThat(arrived.toString()).doesNotContain("Note confidentielle", old);
    String instance = arrived.get("processInstanceId").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult())
        .satisfies(
            pi -> {
              assertThat(pi.getBusinessKey()).isEqualTo(opened);
              assertThat(pi.getTenantId()).isEqualTo("42");
            });

    // Each département sees its own case only.
    ok(http.get("/api/cases/" + opened, "coord.lyon", "demo"), 404);
    ok(http.get("/api/cases/" + old, "coord.42-saint-etienne", "demo"), 404);
    JsonNode loireList =
        ok(http.get("/api/cases?q=Transfert" + RUN, "coord.42-saint-etienne", "demo"), 200);
    assertThat(loireList.toString()).contains(opened).doesNotContain(old);
    JsonNode rhoneList = ok(http.get("/api/cases?q=Transfert" + RUN, "coord.lyon", "demo"), 200);
    assertThat(rhoneList.toString()).contains(old).doesNotContain(opened);

    // The pages say it, each to its side.
    Http lyon = new Http(port);
    lyon.signIn("coord.lyon", "demo");
    String formerPage = lyon.get("/cases/" + old).body();
    assertThat(formerPage)
        .contains("Transféré vers le département 42 (dossier " + opened + ")")
        .doesNotContain(PHONE, STREET);
    assertThat(lyon.get("/cases/" + opened).statusCode()).isEqualTo(404);
    Http loire = new Http(port);
    loire.signIn("coord.42-saint-etienne", "demo");
    String arrivedPage = loire.get("/cases/" + opened).body();
    assertThat(arrivedPage)
        .contains("Transféré depuis le département 69", PHONE)
        .doesNotContain("Note confidentielle", old);

    // The indicators of both: a closure as departed in the Rhône, a new detection in the Loire.
    assertThat(
            jdbc.queryForObject(
                "SELECT closure_reason FROM indicator_case_fact WHERE case_number = ?",
                String.class,
                old))
        .isEqualTo("TRANSFERRED");
    assertThat(fact("origin", opened)).isEqualTo("TRANSFER");
    assertThat(fact("perimeter_code", opened)).isEqualTo("SAINT-ETIENNE");
    assertThat(fact("closure_reason", opened)).isNull();
    assertThat(
            count(
                "SELECT COUNT(*) FROM case_transfer WHERE from_case_number = ? AND"
                    + " to_case_number = ? AND from_departement = '69' AND to_departement = '42'"
                    + " AND transferred_by = 'coord.lyon'",
                old,
                opened))
        .isEqualTo(1);

    // A closed case moves no more.
    ok(leave(old, Map.of("toDepartement", "42", "communeCode", "42187"), "coord.lyon"), 400);
  }

  @Test
  void badDestinationsAreRefusedInFrenchAndChangeNothing() throws Exception {
    String n = lyonCase("Destination" + RUN, 23);
    long cases = count("SELECT COUNT(*) FROM support_case");
    long links = count("SELECT COUNT(*) FROM case_transfer");
    Map<String, Map<String, String>> refused = new java.util.LinkedHashMap<>();
    refused.put("toDepartement", Map.of("toDepartement", "99", "communeCode", "42218"));
    refused.put("toDepartement ", Map.of("toDepartement", "69", "communeCode", "69123"));
    refused.put("communeCode", Map.of("toDepartement", "42"));
    refused.put("communeCode ", Map.of("toDepartement", "42", "communeCode", "42999"));
    refused.put("communeCode  ", Map.of("toDepartement", "42", "communeCode", "69266"));
    // Montbrison is in the Loire, but no perimeter of the demo covers it.
    refused.put("communeCode   ", Map.of("toDepartement", "42", "communeCode", "42147"));
    refused.put(
        "postalCode", Map.of("toDepartement", "42", "communeCode", "42218", "postalCode", "42300"));
    refused.put(
        "address",
        Map.of("toDepartement", "42", "communeCode", "42218", "address", "x".repeat(301)));
    refused.put(
        "phone", Map.of("toDepartement", "42", "communeCode", "42218", "phone", "06\u202e12"));
    for (var bad : refused.entrySet()) {
      JsonNode error = ok(leave(n, bad.getValue(), "coord.lyon"), 400);
      assertThat(error.get("field").asText())
          .as(bad.getValue().toString())
          .isEqualTo(bad.getKey().strip());
      assertThat(error.get("detail").asText()).as(bad.getValue().toString()).isNotBlank();
    }
    assertThat(
            ok(leave(n, Map.of("toDepartement", "42", "communeCode", "42999"), "coord.lyon"), 400)
                .get("detail")
                .asText())
        .contains("Commune inconnue");

    // Not the case's coordinators: the case answers as unknown, or the role is refused.
    ok(leave(n, Map.of("toDepartement", "42", "communeCode", "42218"), "coord.est"), 404);
    ok(
        leave(n, Map.of("toDepartement", "42", "communeCode", "42218"), "coord.42-saint-etienne"),
        404);
    ok(leave(n, Map.of("toDepartement", "42", "communeCode", "42218"), "superviseur"), 403);
    ok(leave(n, Map.of("toDepartement", "42", "communeCode", "42218"), "referent.ml-lyon"), 403);

    assertThat(ok(http.get("/api/cases/" + n, "coord.lyon", "demo"), 200).get("status").asText())
        .isNotEqualTo("CLOSED");
    assertThat(count("SELECT COUNT(*) FROM support_case")).isEqualTo(cases);
    assertThat(count("SELECT COUNT(*) FROM case_transfer")).isEqualTo(links);

    // A département this deployment does not serve (Paris): closed only, as before issue 24.
    ok(leave(n, Map.of("toDepartement", "75", "communeCode", "75056"), "coord.lyon"), 204);
    JsonNode closed = ok(http.get("/api/cases/" + n, "coord.lyon", "demo"), 200);
    assertThat(closed.get("closureReason").asText()).isEqualTo("TRANSFERRED");
    assertThat(closed.get("transferredToDepartement").isNull()).isTrue();
    assertThat(count("SELECT COUNT(*) FROM support_case")).isEqualTo(cases);
    assertThat(count("SELECT COUNT(*) FROM case_transfer")).isEqualTo(links);
  }

  @Test
  void withoutDestinationTheCaseClosesAsBefore() throws Exception {
    String n = lyonCase("Depart" + RUN, 31);
    long cases = count("SELECT COUNT(*) FROM support_case");
    ok(leave(n, Map.of(), "coord.lyon"), 204);
    JsonNode closed = ok(http.get("/api/cases/" + n, "coord.lyon", "demo"), 200);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("closureReason").asText()).isEqualTo("TRANSFERRED");
    assertThat(count("SELECT COUNT(*) FROM support_case")).isEqualTo(cases);
  }

  @Test
  void aSuccessorWhosePathwayCannotStartIsKeptForTheSupervisors() throws Exception {
    String name = "Relance" + RUN;
    String old = lyonCase(name, 43);
    poisoned = name;
    FaultInjection.poison(name);
    String opened =
        ok(leave(old, Map.of("toDepartement", "42", "communeCode", "42187"), "coord.lyon"), 201)
            .get("transferredTo")
            .asText();
    // Never a closed case without its successor: the successor waits, marked for a retry.
    JsonNode arrived = ok(http.get("/api/cases/" + opened, "coord.42-roanne", "demo"), 200);
    assertThat(arrived.get("perimeterCode").asText()).isEqualTo("ROANNE");
    assertThat(arrived.get("processInstanceId").isNull()).isTrue();
    assertThat(arrived.get("startFailure").asText()).isNotBlank();
    assertThat(ok(http.get("/api/cases/" + old, "coord.lyon", "demo"), 200).get("status").asText())
        .isEqualTo("CLOSED");
    FaultInjection.cure(name);
    poisoned = null;
    ok(http.postJson("/api/cases/" + opened + "/start", "", "superviseur.42", "demo"), 200);
    assertThat(
            ok(http.get("/api/cases/" + opened, "coord.42-roanne", "demo"), 200)
                .get("processInstanceId")
                .isNull())
        .isFalse();
  }

  @Test
  void theCasePageOffersTheDestinationAndRecordsTheMove() throws Exception {
    String n = lyonCase("Formulaire" + RUN, 51);
    Http coord = new Http(port);
    coord.signIn("coord.lyon", "demo");
    String page = coord.get("/cases/" + n).body();
    assertThat(page)
        .contains("name=\"toDepartement\"", "<option value=\"42\">Département 42</option>")
        .contains("name=\"communeCode\"")
        .doesNotContain("<option value=\"69\">");
    String token = Http.csrfToken(page);

    // A commune of the wrong département: the French error on the page, the case still open.
    Map<String, String> bad = new HashMap<>();
    bad.put("type", "LEFT_DEPARTEMENT");
    bad.put("toDepartement", "42");
    bad.put("communeCode", "69266");
    bad.put("_csrf", token);
    assertThat(coord.postForm("/cases/" + n + "/events", bad).statusCode()).isEqualTo(302);
    assertThat(coord.get("/cases/" + n).body())
        .contains("n&#39;est pas dans le département 42")
        .doesNotContain("Transféré vers");

    Map<String, String> good = new HashMap<>(bad);
    good.put("communeCode", "42187");
    good.put("phone", PHONE);
    assertThat(coord.postForm("/cases/" + n + "/events", good).statusCode()).isEqualTo(302);
    String after = coord.get("/cases/" + n).body();
    List<String> opened =
        jdbc.queryForList(
            "SELECT to_case_number FROM case_transfer WHERE from_case_number = ?", String.class, n);
    assertThat(opened).hasSize(1);
    assertThat(after)
        .contains("Transféré vers le département 42 (dossier " + opened.get(0) + ")")
        .contains("est ouvert dans le département 42")
        .doesNotContain(PHONE);
  }
}
