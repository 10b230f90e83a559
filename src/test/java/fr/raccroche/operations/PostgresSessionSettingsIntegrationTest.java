package fr.raccroche.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import fr.raccroche.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The settings every session of the application runs with on PostgreSQL (application-postgres.yaml,
 * docs/adr/0011-postgresql-session-settings.md): the engine's own connections included, since its
 * task queries under authorization checks are the ones they are for (benchmarks.md B6).
 */
@RaccrocheIntegrationTest
class PostgresSessionSettingsIntegrationTest {
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEnginesAndTheAppsSessionsPlanWithTheProductionSettings() {
    assumeTrue(TestDatabases.postgres(), "session settings of PostgreSQL");
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> engineSession =
        configuration
            .getCommandExecutorTxRequired()
            .execute(
                (Command<List<String>>)
                    context -> settings(context.getDbSqlSession().getSqlSession().getConnection()));
    assertThat(engineSession).containsExactly("force_custom_plan", "1.1", "off");
    assertThat(jdbc.execute((ConnectionCallback<List<String>>) c -> settings(c)))
        .containsExactly("force_custom_plan", "1.1", "off");
  }

  private static List<String> settings(Connection connection) {
    List<String> values = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      for (String name : List.of("plan_cache_mode", "random_page_cost", "jit")) {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
          rs.next();
          values.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }
}
