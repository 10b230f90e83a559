package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import fr.raccroche.testsupport.TestDatabases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Tasklist statistics on Camunda's tables (docs/adr/0004) are applied by the second Flyway once
 * the engine has created its tables — on a fresh database too, which is what the integration tests
 * start from. The job executor asks for due jobs in due-date order, which the index on
 * ACT_RU_JOB.DUEDATE_ serves (docs/benchmarks.md B4).
 */
@RaccrocheIntegrationTest
class CamundaIndexMigrationsIntegrationTest {
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  @Test
  void theJobExecutorAcquiresDueJobsInDueDateOrderOnAnIndex() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    if (TestDatabases.postgres()) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from pg_indexes where indexname in"
                      + " ('raccroche_idx_job_duedate', 'raccroche_idx_job_locked')",
                  Integer.class))
          .isEqualTo(2);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from flyway_camunda_history where version = '2026.11.29.63'"
                      + " and success",
                  Integer.class))
          .isEqualTo(1);
    }
  }

  @Test
  void theTasklistStatisticsExistOnPostgresAfterTheEngineCreatedItsTables() {
    if (!TestDatabases.postgres()) {
      // PostgreSQL only: on H2 the second Flyway does not run at all.
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from information_schema.tables where lower(table_name) ="
                      + " 'flyway_camunda_history'",
                  Integer.class))
          .isZero();
      return;
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from pg_statistic_ext where stxname = 'raccroche_stat_auth_perms'",
                Integer.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from flyway_camunda_history where version = '2026.11.29.62' and"
                    + " success",
                Integer.class))
        .isEqualTo(1);
  }
}
