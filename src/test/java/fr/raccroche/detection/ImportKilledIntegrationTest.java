package fr.raccroche.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.RaccrocheApplication;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.TestDatabases;
import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real crash in the middle of an import: the application runs in a JVM of its own, which the test
 * kills (SIGKILL, no shutdown hook) while the import's pathways are starting. Restarted on the same
 * database, the application marks the import interrupted and starts the pathways its committed rows
 * registered; the same file imported again ends with exactly the rows of the file: one person and
 * one case per line, one pathway per case, no duplicate.
 */
class ImportKilledIntegrationTest {
  private static final int ROWS = 600;
  private static final String LAST_NAME = "Coupure";
  private static final String HEADER =
      "ine;nom;prenom;sexe;date_naissance;adresse;code_postal;commune;code_commune;telephone;email;uai;etablissement;formation;niveau;date_entree;date_sortie;motif_sortie;diplome_obtenu;responsable_legal;telephone_responsable";

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anImportKilledMidwayEndsWithExactlyTheRowsOfTheFileOnceRunAgain() throws Exception {
    // Production runs on PostgreSQL; two JVM starts make this test too slow to run on H2 as well.
    assumeTrue(TestDatabases.postgres(), "runs on PostgreSQL");
    TestDatabases.Settings db = TestDatabases.fresh("killed");
    byte[] file = file();

    long importId;
    long startedBeforeKill;
    Process first = start(db);
    try {
      Http http = new Http(awaitUp(first));
      HttpResponse<String> accepted =
          http.postFile(
              "/api/imports?source=EN&kind=LEAVERS", "coupure.csv", file, "superviseur", "demo");
      assertThat(accepted.statusCode()).as("%s", accepted.body()).isEqualTo(202);
      importId = json.readTree(accepted.body()).get("id").asLong();
      JsonNode progress = awaitPathwaysStarting(http, importId);
      first.destroyForcibly().waitFor();
      startedBeforeKill = progress.get("progress").get("pathwaysStarted").asLong();
    } finally {
      first.destroyForcibly().waitFor();
    }
    // Killed after some pathways started and before all did.
    assertThat(startedBeforeKill).isPositive().isLessThan(ROWS);

    Process second = start(db);
    try {
      Http http = new Http(awaitUp(second));
      JsonNode interrupted =
          json.readTree(http.get("/api/imports/" + importId, "superviseur", "demo").body());
      assertThat(interrupted.get("status").asText()).isEqualTo("FAILED");
      assertThat(interrupted.get("error").asText())
          .contains("Import interrompu par un arrêt de l'application");

      HttpResponse<String> rerun =
          http.postFile(
              "/api/imports?source=EN&kind=LEAVERS&wait=true",
              "coupure.csv",
              file,
              "superviseur",
              "demo");
      assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(200);
      JsonNode report = json.readTree(rerun.body());
      assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(report.get("rowsRead").asLong()).isEqualTo(ROWS);
      assertThat(report.get("rejected").asLong()).isZero();
      assertThat(
              report.get("created").asLong()
                  + report.get("unchanged").asLong()
                  + report.get("merged").asLong())
          .isEqualTo(ROWS);
      assertThat(report.get("unchanged").asLong()).isPositive();
    } finally {
      second.destroy();
      second.waitFor();
    }

    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement()) {
      String people = "select id from young_person where last_name = '" + LAST_NAME + "'";
      assertThat(
              count(s, "select count(*) from young_person where last_name = '" + LAST_NAME + "'"))
          .as("one person per line")
          .isEqualTo(ROWS);
      assertThat(
              count(s, "select count(*) from source_listing where person_id in (" + people + ")"))
          .as("one listing per line")
          .isEqualTo(ROWS);
      assertThat(count(s, "select count(*) from support_case where person_id in (" + people + ")"))
          .as("one case per person")
          .isEqualTo(ROWS);
      assertThat(
              count(
                  s,
                  "select count(distinct process_instance_id) from support_case where person_id in ("
                      + people
                      + ")"))
          .as("every case has its own pathway")
          .isEqualTo(ROWS);
      String cases = "select case_number from support_case where person_id in (" + people + ")";
      assertThat(
              count(
                  s,
                  "select count(*) from act_hi_procinst where proc_def_key_ = 'YouthPathwayProcess'"
                      + " and business_key_ in ("
                      + cases
                      + ")"))
          .as("no pathway started twice")
          .isEqualTo(ROWS);
      assertThat(
              count(
                  s,
                  "select count(*) from act_ru_task where task_def_key_ = 'Task_ContactYoungPerson'"
                      + " and proc_inst_id_ in (select process_instance_id from support_case"
                      + " where person_id in ("
                      + people
                      + "))"))
          .as("every pathway waits at its first task")
          .isEqualTo(ROWS);
    }
  }

  /** Distinct names and birth dates: no two lines are the same person or a near match. */
  private static byte[] file() {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    LocalDate today = LocalDate.now();
    for (int i = 0; i < ROWS; i++) {
      String first = "Prenom" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + i / 676;
      csv.append(
              String.join(
                  ";",
                  "",
                  LAST_NAME,
                  first,
                  i % 2 == 0 ? "F" : "M",
                  today.minusYears(18).minusDays(i).toString(),
                  i + " rue de la Paix",
                  "69003",
                  "Lyon",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "CAP cuisine",
                  "CAP",
                  "",
                  today.minusMonths(3).toString(),
                  "Abandon",
                  "",
                  "",
                  ""))
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private int port;

  /** The application in a JVM of its own, on the given database (demo département). */
  private Process start(TestDatabases.Settings db) throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(classPath);
    command.add(RaccrocheApplication.class.getName());
    command.add(
        "--spring.profiles.active=" + (TestDatabases.postgres() ? "postgres,demo" : "demo"));
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=" + db.url());
    command.add("--spring.datasource.username=" + db.user());
    command.add("--spring.datasource.password=" + db.password());
    command.add("--camunda.bpm.job-execution.enabled=false");
    command.add("--camunda.bpm.webapp.enabled=false");
    command.add("--raccroche.demo.allow-on-postgres=true");
    command.add("--raccroche.demo.cases=false");
    command.add("--logging.level.root=WARN");
    // Ready only once every startup runner (demo data, the recovery of imports) has run.
    command.add("--management.endpoint.health.probes.enabled=true");
    Path log = Files.createTempFile("raccroche-killed-", ".log");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .directory(new File("target"))
        .start();
  }

  private int awaitUp(Process app) throws Exception {
    Http http = new Http(port);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      assertThat(app.isAlive()).as("the application exited while starting").isTrue();
      try {
        if (http.get("/actuator/health/readiness").statusCode() == 200) {
          return port;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application did not start within 4 minutes");
  }

  /** Waits until the import has started some of its pathways, not all. */
  private JsonNode awaitPathwaysStarting(Http http, long importId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      JsonNode r =
          json.readTree(http.get("/api/imports/" + importId, "superviseur", "demo").body());
      assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("RUNNING");
      if ("PATHWAYS".equals(r.path("phase").asText())
          && r.get("progress").get("pathwaysStarted").asLong() >= 100) {
        return r;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the import's pathways did not start within 4 minutes");
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
