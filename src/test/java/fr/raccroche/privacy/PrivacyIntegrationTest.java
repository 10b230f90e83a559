package fr.raccroche.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import fr.raccroche.testsupport.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6's data protection: the access log records every read of a case's personal data on each
 * surface and supervisors query it; the retention job anonymises exactly the people whose last case
 * closed more than two years ago, in the app's tables and in Camunda's runtime and history, and
 * leaves every count the indicators read unchanged; an administrator withdraws a person at once.
 */
@RaccrocheIntegrationTest
class PrivacyIntegrationTest {
  static final String HEADER =
      "ine;nom;prenom;sexe;date_naissance;adresse;code_postal;commune;code_commune;telephone;email;uai;etablissement;formation;niveau;date_entree;date_sortie;motif_sortie;diplome_obtenu;responsable_legal;telephone_responsable";

  @LocalServerPort int port;
  @Autowired RetentionService retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired ManagementService management;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  static String uniqueName(String prefix) {
    // Letters only: names are folded for matching, and digits would look odd on a page.
    StringBuilder b = new StringBuilder(prefix);
    for (int i = 0; i < 6; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }

  JsonNode newCase(String lastName, String coordinator, String postalCode) throws Exception {
    String body =
        """
        {"lastName":"%s","firstName":"Prénomsecret","sex":"M","birthDate":"%s",
         "address":"7 impasse Privée","postalCode":"%s","phone":"07 11 22 33 44",
         "email":"%s@example.org","legalGuardian":"Tuteur %s","guardianPhone":"06 55 44 33 22",
         "lastLevel":"LYCEE","lastTraining":"Seconde générale","leavingDate":"%s",
         "leavingReason":"Raison confidentielle"}
        """
            .formatted(
                lastName,
                LocalDate.now().minusYears(17).minusDays(77),
                postalCode,
                lastName.toLowerCase(),
                lastName,
                LocalDate.now().minusMonths(3));
    HttpResponse<String> response = http.postJson("/api/cases", body, coordinator, "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return body(response);
  }

  String onlyTaskId(String caseNumber, String user) throws Exception {
    JsonNode list =
        body(
            http.get(
                "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + caseNumber,
                user,
                "demo"));
    assertThat(list).hasSize(1);
    return list.get(0).get("id").asText();
  }

  void completeContact(String caseNumber, String user) throws Exception {
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + onlyTaskId(caseNumber, user) + "/complete",
            "{\"variables\":{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
                + LocalDate.now()
                + "\"}}}",
            user,
            "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  void close(String caseNumber) {
    HttpResponse<String> refused =
        http.postJson(
            "/api/cases/" + caseNumber + "/events",
            "{\"type\":\"SUPPORT_REFUSED\"}",
            "coord.lyon",
            "demo");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(204);
  }

  /** The case closed this long ago (the retention counts from the closure). */
  void closedAgo(String caseNumber, int years) {
    jdbc.update(
        "update support_case set closed_at = ? where case_number = ?",
        Timestamp.from(Instant.now().minus(years * 366L, ChronoUnit.DAYS)),
        caseNumber);
  }

  List<Map<String, Object>> accessLog(String caseNumber) {
    return jdbc.queryForList(
        "select user_id, surface, remote_address from access_log where case_number = ?"
            + " order by id",
        caseNumber);
  }

  /** What the indicators read of a case: status, closure, dates, perimeter, milestones. */
  List<Map<String, Object>> reportingRows(String caseNumber) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.addAll(
        jdbc.queryForList(
            "select status, closure_reason, perimeter_code, detected_on, leaving_date, closed_at,"
                + " source, last_level, referent_partner_code from support_case"
                + " where case_number = ?",
            caseNumber));
    rows.addAll(
        jdbc.queryForList(
            "select milestone, occurred_on, perimeter_code, partner_code, solution_type,"
                + " in_solution, closure_reason from case_milestone where case_number = ?"
                + " order by id",
            caseNumber));
    rows.addAll(
        jdbc.queryForList(
            "select p.sex, extract(year from p.birth_date) as birth_year, p.commune_code"
                + " from young_person p join support_case c on c.person_id = p.id"
                + " where c.case_number = ?",
            caseNumber));
    // A moment compares as a moment: H2 keeps the offset it was written with (the test's JDBC
    // write in the JVM's zone, the application's in UTC), which is not what the counts read.
    rows.replaceAll(
        row -> {
          Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
          copy.replaceAll(
              (column, value) ->
                  value instanceof java.time.OffsetDateTime moment ? moment.toInstant() : value);
          return copy;
        });
    return rows;
  }

  @Test
  void everyReadOfACasesPersonalDataIsLoggedAndSupervisorsQueryTheLog() throws Exception {
    String name = uniqueName("Journal");
    JsonNode created = newCase(name, "coord.lyon", "69003");
    String n = created.get("caseNumber").asText();
    String pi = created.get("processInstanceId").asText();
    assertThat(accessLog(n)).as("creating is not reading").isEmpty();

    assertThat(http.get("/api/cases/" + n, "coord.lyon", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases?q=" + name, "coord.lyon", "demo").statusCode()).isEqualTo(200);
    Http pages = new Http(port);
    pages.signIn("coord.lyon", "demo");
    assertThat(pages.get("/cases/" + n).statusCode()).isEqualTo(200);
    String taskId = onlyTaskId(n, "coord.lyon");
    assertThat(
            http.get("/engine-rest/task/" + taskId + "/form-variables", "coord.lyon", "demo")
                .statusCode())
        .isEqualTo(200);
    Http tasklist = new Http(port);
    assertThat(tasklist.camundaLogin("tasklist", "coord.lyon", "demo")).isEqualTo(200);
    assertThat(
            tasklist
                .get("/camunda/api/engine/engine/default/task/" + taskId + "/form-variables")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.get(
                    "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi,
                    "superviseur",
                    "demo")
                .statusCode())
        .isEqualTo(200);
    // A refused read is not a read.
    assertThat(http.get("/api/cases/" + n, "coord.est", "demo").statusCode()).isEqualTo(404);
    assertThat(
            http.get("/engine-rest/task/" + taskId + "/form-variables", "coord.est", "demo")
                .statusCode())
        .isEqualTo(403);

    List<Map<String, Object>> log = accessLog(n);
    assertThat(log)
        .extracting(r -> r.get("user_id") + " " + r.get("surface"))
        .containsExactly(
            "coord.lyon CASE_API",
            "coord.lyon CASE_LIST_API",
            "coord.lyon CASE_PAGE",
            "coord.lyon TASK_FORM",
            "coord.lyon TASK_FORM",
            "superviseur PROCESS_VARIABLES");
    assertThat(log).allSatisfy(r -> assertThat(r.get("remote_address")).isNotNull());

    // Supervisors query it (API and page); nobody else does.
    JsonNode found =
        body(http.get("/api/access-log?caseNumber=" + n + "&size=100", "superviseur", "demo"));
    assertThat(found.get("totalElements").asLong()).isEqualTo(6);
    JsonNode newest = found.get("content").get(0);
    assertThat(newest.get("userId").asText()).isEqualTo("superviseur");
    assertThat(newest.get("caseNumber").asText()).isEqualTo(n);
    assertThat(newest.get("readAt").asText()).isNotBlank();
    JsonNode byUser =
        body(
            http.get(
                "/api/access-log?caseNumber=" + n + "&userId=coord.lyon&from=" + LocalDate.now(),
                "admin",
                "demo"));
    assertThat(byUser.get("totalElements").asLong()).isEqualTo(5);
    Http supervisorPages = new Http(port);
    supervisorPages.signIn("superviseur", "demo");
    HttpResponse<String> page = supervisorPages.get("/access-log?caseNumber=" + n);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Journal des accès", "Page du dossier", "coord.lyon");
    assertThat(page.body()).doesNotContain(name);
    for (String user : List.of("coord.lyon", "referent.ml-lyon", "prefecture")) {
      assertThat(http.get("/api/access-log", user, "demo").statusCode()).as(user).isEqualTo(403);
    }

    // Bad filters: a clear French 400.
    HttpResponse<String> badDate =
        http.get("/api/access-log?from=31/12/2026", "superviseur", "demo");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(body(badDate).get("message").asText()).isNotBlank().doesNotContain("Exception");
    HttpResponse<String> reversed =
        http.get("/api/access-log?from=2026-12-31&to=2026-01-01", "superviseur", "demo");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(body(reversed).get("message").asText())
        .isEqualTo("La date de fin doit être postérieure ou égale à la date de début.");
    assertThat(http.get("/api/access-log?size=0", "superviseur", "demo").statusCode())
        .isEqualTo(400);
    assertThat(supervisorPages.get("/access-log?from=hier").body())
        .contains("Date illisible : « hier » (attendu AAAA-MM-JJ).");
  }

  /**
   * The person's details reach the forms through runtime variables, but Camunda's history keeps no
   * copy of them (history level full-without-personal-data); the pathway's other variables keep
   * their full history.
   */
  @Test
  void camundasHistoryKeepsNoCopyOfThePersonsDetails() throws Exception {
    String name = uniqueName("Histoire");
    String n = newCase(name, "coord.lyon", "69003").get("caseNumber").asText();
    String pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).singleResult().getId();
    assertThat(runtime.getVariable(pi, "displayName").toString()).contains(name.toUpperCase());
    assertThat(runtime.getVariable(pi, "youngPerson").toString())
        .contains("07 11 22 33 44", "7 impasse Privée", "Tuteur " + name);
    // Tasklist's card (birth date) and search (folded names) read copies too.
    assertThat(runtime.getVariable(pi, "searchName").toString())
        .contains(fr.raccroche.pathway.Names.fold(name));
    assertThat(runtime.getVariable(pi, "birthDate")).isNotNull();
    for (String copy : List.of("displayName", "youngPerson", "birthDate", "searchName")) {
      assertThat(
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(pi)
                  .variableName(copy)
                  .count())
          .as(copy)
          .isZero();
    }
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .variableName("caseNumber")
                .count())
        .isEqualTo(1);
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi).count()).isPositive();
    String historyText =
        jdbc.queryForList(
                "select coalesce(text_, '') || coalesce(text2_, '') from act_hi_varinst where proc_inst_id_ = ?"
                    + " union all select coalesce(text_, '') || coalesce(text2_, '') from act_hi_detail"
                    + " where proc_inst_id_ = ?",
                String.class,
                pi,
                pi)
            .toString();
    assertThat(historyText).doesNotContain(name, name.toUpperCase(), "07 11 22 33 44");
  }

  @Test
  void theAccessLogIsAppendOnlyOnPostgres() {
    if (!TestDatabases.postgres()) {
      return; // the trigger is PostgreSQL's; on H2 the application offers no way to change it
    }
    jdbc.update(
        "insert into access_log (id, read_at, user_id, case_number, surface) values"
            + " (nextval('access_log_seq'), now(), 'essai', 'essai', 'CASE_API')");
    assertThatThrownBy(() -> jdbc.update("update access_log set user_id = 'autre'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from access_log where user_id = 'essai'"))
        .hasMessageContaining("append-only");
  }

  @Test
  void retentionAnonymisesExactlyTheCasesClosedTwoYearsAgoAndKeepsTheirCounts() throws Exception {
    // Due: closed three years ago, with history (a contact form, a comment, decisions).
    String dueName = uniqueName("Echu");
    JsonNode due = newCase(dueName, "coord.lyon", "69003");
    String dueCase = due.get("caseNumber").asText();
    String duePi = due.get("processInstanceId").asText();
    completeContact(dueCase, "coord.lyon");
    identity.setAuthentication("coord.lyon", List.of("coord-LYON"));
    try {
      tasks.createComment(onlyTaskId(dueCase, "coord.lyon"), duePi, "Note sur " + dueName);
    } finally {
      identity.clearAuthentication();
    }
    close(dueCase);
    closedAgo(dueCase, 3);
    // Kept: closed one year ago, and open.
    String recentName = uniqueName("Recent");
    JsonNode recent = newCase(recentName, "coord.lyon", "69003");
    close(recent.get("caseNumber").asText());
    closedAgo(recent.get("caseNumber").asText(), 1);
    String openName = uniqueName("Ouvert");
    JsonNode open = newCase(openName, "coord.lyon", "69003");
    // An imported person, with a rejected line in the same (old) file.
    String importedName = uniqueName("Importe");
    String ine = String.format("%010dX", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    String badLine =
        "12345;Rejete" + importedName + ";Ligne;F;2007-03-03;;69003;;;;;;;;;;15/06/2026;;;;";
    String file =
        HEADER
            + "\n"
            + ine
            + ";"
            + importedName
            + ";Camille;F;"
            + LocalDate.now().minusYears(17).minusDays(99)
            + ";2 rue Cachée;69003;Lyon;;0611111111;;;;;;;15/06/2026;Abandon;;;\n"
            + badLine
            + "\n";
    HttpResponse<String> imported =
        http.postFile(
            "/api/imports?wait=true&source=EN&kind=LEAVERS",
            "liste-ancienne.csv",
            file.getBytes(StandardCharsets.UTF_8),
            "superviseur",
            "demo");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    long importId = body(imported).get("id").asLong();
    assertThat(body(imported).get("rejected").asLong()).isEqualTo(1);
    String importedCase =
        body(http.get("/api/cases?q=" + importedName, "superviseur", "demo"))
            .get("content")
            .get(0)
            .get("caseNumber")
            .asText();
    close(importedCase);
    closedAgo(importedCase, 3);
    jdbc.update(
        "update import_batch set started_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)),
        importId);

    List<Map<String, Object>> dueBefore = reportingRows(dueCase);
    List<Map<String, Object>> importedBefore = reportingRows(importedCase);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(duePi).count())
        .isPositive();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(duePi).count())
        .isPositive();

    // The indicators of the quarter of these leavings, as the supervisors read them live.
    LocalDate leaving = LocalDate.now().minusMonths(3);
    String indicatorsPath =
        "/api/indicators?live=true&schoolYear="
            + fr.raccroche.indicators.SchoolYear.of(leaving)
            + "&quarter="
            + fr.raccroche.indicators.Quarter.of(leaving);
    JsonNode indicatorsBefore = indicators(indicatorsPath);
    assertThat(indicatorsBefore.get("leavers").toString()).as(indicatorsPath).isNotEqualTo("null");

    RetentionReport report = retention.applyRetention();
    assertThat(report.personsAnonymised()).isEqualTo(2);
    assertThat(report.casesAnonymised()).isEqualTo(2);
    assertThat(report.rejectedLinesErased()).isGreaterThanOrEqualTo(1);

    assertThat(indicators(indicatorsPath))
        .as("indicators after retention")
        .isEqualTo(indicatorsBefore);

    // The app: no name, INE, contact, guardian or free text left; the counts' inputs unchanged.
    JsonNode erased = body(http.get("/api/cases/" + dueCase, "coord.lyon", "demo"));
    String text = erased.toString();
    assertThat(text)
        .doesNotContain(dueName, "Prénomsecret", "impasse", "07 11 22 33 44", "example.org")
        .doesNotContain("Tuteur", "Raison confidentielle", "Seconde générale");
    assertThat(erased.get("person").get("lastName").asText()).isEqualTo("ANONYMISÉ");
    assertThat(erased.get("person").get("birthDate").asText()).endsWith("-01-01");
    assertThat(erased.get("status").asText()).isEqualTo("CLOSED");
    assertThat(reportingRows(dueCase)).isEqualTo(dueBefore);
    assertThat(reportingRows(importedCase)).isEqualTo(importedBefore);
    assertThat(
            body(http.get("/api/cases?q=" + dueName, "superviseur", "demo"))
                .get("totalElements")
                .asLong())
        .isZero();
    assertThat(
            jdbc.queryForObject("select count(*) from young_person where ine = ?", Long.class, ine))
        .isZero();
    assertThat(
            jdbc.queryForList(
                "select l.row_hash from source_listing l join support_case c"
                    + " on c.person_id = l.person_id where c.case_number = ?",
                String.class,
                importedCase))
        .isNotEmpty()
        .allSatisfy(hash -> assertThat(hash).startsWith("efface-"));
    HttpResponse<String> rejections =
        http.get("/api/imports/" + importId + "/rejections", "superviseur", "demo");
    assertThat(accessLog("import:" + importId))
        .extracting(r -> r.get("user_id") + " " + r.get("surface"))
        .containsExactly("superviseur IMPORT_REJECTIONS");
    assertThat(rejections.body()).doesNotContain("Rejete" + importedName);

    // Camunda: the instance's history is gone (variables, tasks, comments, decisions, details).
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(duePi).count())
        .isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(duePi).count())
        .isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(duePi).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(duePi).count()).isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(duePi).count())
        .isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(duePi).count())
        .isZero();
    assertThat(tasks.getProcessInstanceComments(duePi)).isEmpty();
    assertThat(authorizations.createAuthorizationQuery().resourceId(duePi).count()).isZero();
    // Nowhere in Camunda's tables is the name left (variables, their updates, comments).
    String like = "%" + dueName.toUpperCase() + "%";
    for (String sql :
        List.of(
            "select count(*) from ACT_HI_VARINST where TEXT_ like ?",
            "select count(*) from ACT_HI_DETAIL where TEXT_ like ?",
            "select count(*) from ACT_RU_VARIABLE where TEXT_ like ?",
            "select count(*) from ACT_HI_COMMENT where MESSAGE_ like ?")) {
      assertThat(jdbc.queryForObject(sql, Long.class, like)).as(sql).isZero();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_HI_COMMENT where MESSAGE_ like ?",
                Long.class,
                "%" + dueName + "%"))
        .isZero();
    assertThat(
            jdbc.queryForList(
                "select cause, requested_by from personal_data_erasure" + " where case_numbers = ?",
                dueCase))
        .extracting(r -> r.get("cause") + " " + r.get("requested_by"))
        .containsExactly("RETENTION retention-job");

    // Untouched: the case closed a year ago and the open one, in the app and in Camunda.
    JsonNode kept =
        body(http.get("/api/cases/" + recent.get("caseNumber").asText(), "coord.lyon", "demo"));
    assertThat(kept.get("person").get("lastName").asText()).isEqualTo(recentName);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(recent.get("processInstanceId").asText())
                .count())
        .isEqualTo(1);
    JsonNode stillOpen =
        body(http.get("/api/cases/" + open.get("caseNumber").asText(), "coord.lyon", "demo"));
    assertThat(stillOpen.get("person").get("lastName").asText()).isEqualTo(openName);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(open.get("processInstanceId").asText())
                .count())
        .isEqualTo(1);

    // A second run finds nothing more to do.
    assertThat(retention.applyRetention().personsAnonymised()).isZero();
  }

  @Test
  void theRetentionJobIsScheduledEveryNightByTheEngine() {
    Job job =
        management
            .createJobQuery()
            .processDefinitionKey("PersonalDataRetentionProcess")
            .timers()
            .singleResult();
    assertThat(job).as("timer start of PersonalDataRetentionProcess").isNotNull();
    var due = job.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
    assertThat(due.getHour()).isEqualTo(1);
    assertThat(due.getMinute()).isEqualTo(30);
    // The next 01:30 after the application started: at most a day ahead. Run just after 01:30,
    // the test finds the timer still due at that 01:30 until the job executor has fired it.
    assertThat(job.getDuedate().toInstant())
        .isBetween(Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS));
  }

  @Test
  void anAdministratorWithdrawsAPersonAtOnceWithTheSameErasure() throws Exception {
    String name = uniqueName("Retrait");
    JsonNode created = newCase(name, "coord.lyon", "69003");
    String n = created.get("caseNumber").asText();
    String pi = created.get("processInstanceId").asText();
    completeContact(n, "coord.lyon");

    // Bad requests change nothing.
    record Refusal(String user, String body, int status, String message) {}
    for (Refusal r :
        List.of(
            new Refusal("coord.lyon", "{\"caseNumber\":\"" + n + "\",\"reason\":\"x\"}", 403, null),
            new Refusal(
                "superviseur", "{\"caseNumber\":\"" + n + "\",\"reason\":\"x\"}", 403, null),
            new Refusal(
                "admin",
                "{\"reason\":\"Opposition\"}",
                400,
                "Le numéro de dossier est obligatoire."),
            new Refusal(
                "admin",
                "{\"caseNumber\":\"12\",\"reason\":\"Opposition\"}",
                400,
                "Numéro de dossier invalide"),
            new Refusal(
                "admin",
                "{\"caseNumber\":\"2025-69-999999\",\"reason\":\"Opposition\"}",
                404,
                "Dossier inconnu"),
            new Refusal(
                "admin", "{\"caseNumber\":\"" + n + "\"}", 400, "Indiquez le motif du retrait"),
            new Refusal("admin", "pas du json", 400, null))) {
      HttpResponse<String> response = http.postJson("/api/erasures", r.body(), r.user(), "demo");
      assertThat(response.statusCode())
          .as(r.toString() + " " + response.body())
          .isEqualTo(r.status());
      if (r.message() != null) {
        assertThat(body(response).get("message").asText()).contains(r.message());
      }
    }
    assertThat(
            body(http.get("/api/cases/" + n, "coord.lyon", "demo"))
                .get("person")
                .get("lastName")
                .asText())
        .isEqualTo(name);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isEqualTo(1);

    HttpResponse<String> withdrawn =
        http.postJson(
            "/api/erasures",
            "{\"caseNumber\":\"" + n + "\",\"reason\":\"Opposition au traitement\"}",
            "admin",
            "demo");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(body(withdrawn).get("caseNumbers").get(0).asText()).isEqualTo(n);
    assertThat(body(withdrawn).get("message").asText()).contains("données personnelles effacées");

    JsonNode after = body(http.get("/api/cases/" + n, "coord.lyon", "demo"));
    assertThat(after.get("status").asText()).isEqualTo("CLOSED");
    assertThat(after.get("closureReason").asText()).isEqualTo("WITHDRAWN");
    assertThat(after.toString()).doesNotContain(name, "Prénomsecret", "example.org");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(
            body(
                http.get(
                    "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + n,
                    "coord.lyon",
                    "demo")))
        .isEmpty();
    assertThat(
            jdbc.queryForList(
                "select cause, requested_by from personal_data_erasure" + " where case_numbers = ?",
                n))
        .extracting(r -> r.get("cause") + " " + r.get("requested_by"))
        .containsExactly("WITHDRAWAL admin");
  }

  @Test
  void theCasePageOffersAdministratorsTheWithdrawalWithItsConfirmation() throws Exception {
    String name = uniqueName("Pageretrait");
    String n = newCase(name, "coord.lyon", "69003").get("caseNumber").asText();
    Http coordinator = new Http(port);
    coordinator.signIn("coord.lyon", "demo");
    HttpResponse<String> coordinatorPage = coordinator.get("/cases/" + n);
    assertThat(coordinatorPage.body()).doesNotContain("Retirer et effacer");
    String token = Http.csrfToken(coordinatorPage.body());
    assertThat(
            coordinator
                .postForm("/cases/" + n + "/erasure", Map.of("reason", "x", "_csrf", token))
                .statusCode())
        .isEqualTo(403);

    Http admin = new Http(port);
    admin.signIn("admin", "demo");
    HttpResponse<String> page = admin.get("/cases/" + n);
    assertThat(page.body()).contains("Retrait et effacement (opposition)", "Retirer et effacer");
    String adminToken = Http.csrfToken(page.body());
    HttpResponse<String> noReason =
        admin.postForm("/cases/" + n + "/erasure", Map.of("reason", " ", "_csrf", adminToken));
    assertThat(noReason.statusCode()).isEqualTo(302);
    assertThat(admin.get(path(noReason)).body()).contains("Indiquez le motif du retrait");
    assertThat(body(http.get("/api/cases/" + n, "coord.lyon", "demo")).get("status").asText())
        .isNotEqualTo("CLOSED");

    HttpResponse<String> done =
        admin.postForm(
            "/cases/" + n + "/erasure", Map.of("reason", "Opposition", "_csrf", adminToken));
    assertThat(done.statusCode()).isEqualTo(302);
    HttpResponse<String> after = admin.get(path(done));
    assertThat(after.body())
        .contains("Le jeune est retiré", "ANONYMISÉ")
        .doesNotContain(name, "Retirer et effacer");
  }

  @Autowired fr.raccroche.pathway.CaseIntake intake;
  @Autowired fr.raccroche.pathway.PathwayStarts starts;
  @Autowired fr.raccroche.territory.TerritoryService territory;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  void aCaseWhosePathwayHasNotStartedYetIsWithdrawnToo() throws Exception {
    // As an import leaves a case between its registration and the start of its pathway.
    String name = uniqueName("Enattente");
    fr.raccroche.pathway.PersonDetails person =
        new fr.raccroche.pathway.PersonDetails(
            null,
            name,
            "Sacha",
            "M",
            LocalDate.now().minusYears(17),
            null,
            "69003",
            null,
            "Lyon",
            "0600000001",
            null,
            null,
            null);
    fr.raccroche.pathway.NewCase request =
        new fr.raccroche.pathway.NewCase(
            person,
            fr.raccroche.pathway.CaseOrigin.IMPORT,
            fr.raccroche.pathway.LeaverSource.EN,
            LocalDate.now(),
            LocalDate.now().minusMonths(1),
            null,
            null,
            fr.raccroche.pathway.SchoolLevel.LYCEE,
            null,
            null,
            null,
            false,
            null,
            false);
    String n =
        new org.springframework.transaction.support.TransactionTemplate(transactions)
            .execute(
                tx ->
                    intake
                        .admit(
                            List.of(
                                new fr.raccroche.pathway.Admission(
                                    request, fr.raccroche.pathway.Admission.Kind.LEAVER, null)),
                            territory.routingTable())
                        .get(0)
                        .caseNumber());
    HttpResponse<String> withdrawn =
        http.postJson(
            "/api/erasures",
            "{\"caseNumber\":\"" + n + "\",\"reason\":\"Opposition\"}",
            "admin",
            "demo");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    JsonNode after = body(http.get("/api/cases/" + n, "admin", "demo"));
    assertThat(after.get("closureReason").asText()).isEqualTo("WITHDRAWN");
    assertThat(after.toString()).doesNotContain(name);
    // Its pathway never starts afterwards.
    starts.startPending(k -> {}, fr.raccroche.shared.Attempts.OutageObserver.NONE);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).count()).isZero();
  }

  /** An indicators report without the instant it was computed at. */
  JsonNode indicators(String path) throws Exception {
    HttpResponse<String> response = http.get(path, "superviseur", "demo");
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    com.fasterxml.jackson.databind.node.ObjectNode report =
        (com.fasterxml.jackson.databind.node.ObjectNode) body(response);
    report.remove("computedAt");
    return report;
  }

  static String path(HttpResponse<String> redirect) {
    return redirect
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceFirst("^https?://[^/]+", "");
  }
}
