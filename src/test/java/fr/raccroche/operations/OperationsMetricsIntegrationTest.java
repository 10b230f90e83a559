package fr.raccroche.operations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.security.Roles;
import fr.raccroche.security.UserAccount;
import fr.raccroche.security.UserAccountService;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus}: the engine's job figures and the work figures (open and overdue
 * tasks per perimeter, incidents, due and failed jobs) for supervisors, administrators and the
 * monitoring group; 401 anonymous, 403 to everyone else.
 */
@RaccrocheIntegrationTest
class OperationsMetricsIntegrationTest {
  static final String PROMETHEUS = "/actuator/prometheus";
  static final String MONITORING_USER = "supervision.prometheus";

  @LocalServerPort int port;
  @Autowired UserAccountService accounts;
  @Autowired TaskService tasks;

  @Test
  void prometheusServesTheJobAndWorkFiguresToSupervisorsAdministratorsAndMonitoringOnly() {
    Http http = new Http(port);
    HttpResponse<String> supervisor = http.get(PROMETHEUS, "superviseur", "demo");
    assertThat(supervisor.statusCode()).isEqualTo(200);
    String body = supervisor.body();
    assertThat(body)
        .contains(
            "camunda_job_acquisition_attempt_total",
            "camunda_job_acquired_success_total",
            "camunda_job_acquired_failure_total",
            "camunda_job_successful_total",
            "camunda_job_failed_total",
            "camunda_job_locked_exclusive_total",
            "camunda_job_execution_rejected_total",
            "raccroche_tasks_open",
            "raccroche_tasks_overdue",
            "raccroche_incidents_open",
            "raccroche_jobs_due",
            "raccroche_jobs_failed",
            "hikaricp_connections_active");
    // The demo département: open tasks in every perimeter, some overdue, as the engine counts them
    // (the figures were computed by this first scrape).
    for (String perimeter : List.of("LYON", "EST", "NORD")) {
      long open =
          tasks.createTaskQuery().processVariableValueEquals("perimeterCode", perimeter).count();
      assertThat(open).isPositive();
      assertThat(value(body, "raccroche_perimeter_tasks_open", perimeter)).isEqualTo(open);
    }
    long overdueLyon =
        tasks
            .createTaskQuery()
            .processVariableValueEquals("perimeterCode", "LYON")
            .dueBefore(new Date())
            .count();
    assertThat(value(body, "raccroche_perimeter_tasks_overdue", "LYON")).isEqualTo(overdueLyon);
    assertThat(value(body, "raccroche_tasks_open", null)).isGreaterThanOrEqualTo(open(body));

    assertThat(http.get(PROMETHEUS, "admin", "demo").statusCode()).isEqualTo(200);
    accounts.ensureDemoUser(
        new UserAccount(
            MONITORING_USER,
            "Supervision",
            "Prometheus",
            null,
            "Scrape-2026",
            List.of(Roles.MONITORING_GROUP)));
    HttpResponse<String> scraper = http.get(PROMETHEUS, MONITORING_USER, "Scrape-2026");
    assertThat(scraper.statusCode()).isEqualTo(200);
    assertThat(scraper.body()).contains("raccroche_perimeter_tasks_open{");
    // The scraper reads metrics and nothing else.
    assertThat(http.get("/api/cases", MONITORING_USER, "Scrape-2026").statusCode()).isEqualTo(403);
    assertThat(
            http.get("/engine-rest/task?maxResults=10", MONITORING_USER, "Scrape-2026")
                .statusCode())
        .isEqualTo(403);

    assertThat(new Http(port).getJson(PROMETHEUS).statusCode()).isEqualTo(401);
    for (String user : List.of("coord.lyon", "referent.ml-lyon", "prefecture")) {
      HttpResponse<String> refused = http.get(PROMETHEUS, user, "demo");
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("raccroche_tasks_open");
    }
  }

  static long open(String body) {
    return List.of("LYON", "EST", "NORD").stream()
        .mapToLong(p -> value(body, "raccroche_perimeter_tasks_open", p))
        .sum();
  }

  /** The value of a gauge in Prometheus text, for a perimeter or without labels but common ones. */
  static long value(String body, String metric, String perimeter) {
    return body.lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .filter(line -> perimeter == null || line.contains("perimeter=\"" + perimeter + "\""))
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .mapToLong(v -> (long) Double.parseDouble(v))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + metric + " for " + perimeter));
  }
}
