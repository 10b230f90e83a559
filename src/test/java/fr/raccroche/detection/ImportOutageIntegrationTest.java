package fr.raccroche.detection;

import static fr.raccroche.detection.ImportIntegrationTest.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import fr.raccroche.testsupport.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #17 point 5: the database blinks while an import runs — every connection of the application
 * is terminated, again and again for a few seconds, first while its rows are written, then while
 * its pathways start (as a PostgreSQL restart does). The import waits, resumes by itself, shows the
 * interruption on its report and ends with exactly the file's rows: none lost, none twice, every
 * pathway started once.
 */
@RaccrocheIntegrationTest
class ImportOutageIntegrationTest {
  static final int ROWS = 3_000;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Value("${spring.datasource.url}")
  String url;

  @Value("${spring.datasource.username:postgres}")
  String user;

  @Value("${spring.datasource.password:}")
  String password;

  final ObjectMapper json = new ObjectMapper();

  @Test
  void anImportCutOffFromItsDatabaseWaitsResumesAndKeepsExactlyItsRows() throws Exception {
    assumeTrue(TestDatabases.postgres(), "terminates PostgreSQL backends");
    Http http = new Http(port);
    StringBuilder file = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < ROWS; i++) {
      String birth = LocalDate.now().minusYears(17).minusDays(40 + i).toString();
      file.append(
              String.join(
                  ";",
                  "",
                  "Coupure",
                  "Prenom" + i,
                  i % 2 == 0 ? "F" : "M",
                  birth,
                  "3 rue du Réseau",
                  "",
                  "",
                  i % 3 == 0 ? "69383" : "69266",
                  "",
                  "",
                  "",
                  "",
                  "CAP",
                  "CAP",
                  "",
                  "30/06/2026",
                  "Abandon",
                  "",
                  "",
                  ""))
          .append('\n');
    }
    HttpResponse<String> submitted =
        http.postFile(
            "/api/imports?source=EN&kind=LEAVERS",
            "coupure.csv",
            file.toString().getBytes(StandardCharsets.UTF_8),
            "superviseur",
            "demo");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    long id = json.readTree(submitted.body()).get("id").asLong();

    AtomicInteger terminated = new AtomicInteger();
    try (Connection killer = DriverManager.getConnection(url, user, password)) {
      // While its rows are written...
      waitFor(killer, "select bytes_done > 0 from import_batch where id = " + id, 120);
      blink(killer, 3_000, terminated);
      // ... and while its pathways start.
      waitFor(
          killer,
          "select phase = 'PATHWAYS' or status <> 'RUNNING' from import_batch where id = " + id,
          300);
      blink(killer, 2_000, terminated);
      waitFor(killer, "select status <> 'RUNNING' from import_batch where id = " + id, 600);
    }
    assertThat(terminated.get()).as("backends terminated").isPositive();

    JsonNode report = json.readTree(http.get("/api/imports/" + id, "superviseur", "demo").body());
    assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("COMPLETED");
    assertThat(report.get("interruptions").asInt()).isPositive();
    assertThat(report.get("rowsRead").asLong()).isEqualTo(ROWS);
    assertThat(report.get("created").asLong()).isEqualTo(ROWS);
    assertThat(ImportIntegrationTest.sum(report)).isEqualTo(ROWS);
    assertThat(count("select count(*) from young_person where last_name = 'Coupure'"))
        .isEqualTo(ROWS);
    assertThat(count("select count(*) from source_listing where import_id = " + id))
        .isEqualTo(ROWS);
    assertThat(
            count(
                "select count(*) from support_case c join young_person p on p.id = c.person_id"
                    + " where p.last_name = 'Coupure' and c.process_instance_id is not null"))
        .isEqualTo(ROWS);
    assertThat(
            count(
                "select count(*) from act_ru_execution e join support_case c"
                    + " on c.case_number = e.business_key_ join young_person p on p.id = c.person_id"
                    + " where p.last_name = 'Coupure' and e.parent_id_ is null"
                    + " and e.proc_def_id_ like 'YouthPathwayProcess:%'"))
        .as("one pathway per case, none twice")
        .isEqualTo(ROWS);
  }

  long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  /** Terminates every other backend of this database, every 150 ms, for {@code millis}. */
  static void blink(Connection killer, long millis, AtomicInteger terminated) throws Exception {
    long end = System.currentTimeMillis() + millis;
    try (Statement s = killer.createStatement()) {
      while (System.currentTimeMillis() < end) {
        try (var r =
            s.executeQuery(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where datname = current_database() and pid <> pg_backend_pid()"
                    + " and backend_type = 'client backend'")) {
          r.next();
          terminated.addAndGet(r.getInt(1));
        }
        Thread.sleep(150);
      }
    }
  }

  static void waitFor(Connection c, String condition, int seconds) throws Exception {
    long end = System.currentTimeMillis() + seconds * 1000L;
    try (Statement s = c.createStatement()) {
      while (System.currentTimeMillis() < end) {
        try (var r = s.executeQuery(condition)) {
          if (r.next() && r.getBoolean(1)) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("Timed out waiting for: " + condition);
  }
}
